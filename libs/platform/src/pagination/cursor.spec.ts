import { decodeCursor, encodeCursor } from './cursor';

const raw = (json: string) => Buffer.from(json).toString('base64url');

describe('cursors', () => {
  it('decodes what encodeCursor wrote', () => {
    const key = ['2026-03-04T18:00:00.000Z', '0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b'];
    expect(decodeCursor(encodeCursor(key), ['instant', 'uuid'])).toEqual(key);
    expect(decodeCursor(encodeCursor([3, 'Ada Ahmed', key[1]]), ['integer', 'text', 'uuid'])).toEqual([3, 'Ada Ahmed', key[1]]);
    expect(decodeCursor(encodeCursor(['2026-09-02', key[1]]), ['date', 'uuid'])).toEqual(['2026-09-02', key[1]]);
    expect(decodeCursor(encodeCursor(['1234']), ['serial'])).toEqual(['1234']);
    expect(decodeCursor(undefined, ['uuid'])).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'garbage!', ['uuid']],
    ['the wrong number of parts', raw('["a"]'), ['text', 'uuid']],
    ['a time out of range', raw('["99999-01-01T00:00:00Z","0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b"]'), ['instant', 'uuid']],
    ['an impossible date', raw('["2026-02-30","0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b"]'), ['date', 'uuid']],
    ['an id that is not a UUID', raw('["x"]'), ['uuid']],
    ['a number beyond int', raw('[1e308,"a","0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b"]'), ['integer', 'text', 'uuid']],
    ['a serial that is not digits', raw('["-1"]'), ['serial']],
    ['a NUL in text', raw('["a\\u0000","0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b"]'), ['text', 'uuid']],
  ] as const)('refuses %s with a 400 naming cursor', (_case, cursor, shape) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor, shape);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { getStatus(): number }).getStatus()).toBe(400);
    expect((thrown as { getResponse(): unknown }).getResponse()).toMatchObject({ errors: [{ field: 'cursor', rule: 'cursor' }] });
  });
});

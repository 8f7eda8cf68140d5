import { HttpStatus } from '@nestjs/common';
import { etagOf, staleEdit, versionOfIfMatch } from './etag';

describe('ETag and If-Match', () => {
  it('reads the version of an ETag this API gave out, strong or weakened by a proxy', () => {
    expect(versionOfIfMatch(etagOf(3))).toBe(3);
    expect(versionOfIfMatch(' W/"12" ')).toBe(12);
    expect(versionOfIfMatch(undefined)).toBeNull();
  });

  it('refuses anything else with a 400 naming If-Match', () => {
    for (const header of ['3', '"x"', '"1", "2"', ['"1"']]) {
      expect(() => versionOfIfMatch(header)).toThrow(expect.objectContaining({ status: HttpStatus.BAD_REQUEST }) as Error);
    }
  });

  it('answers a stale edit with 412 and the current ETag', () => {
    const problem = staleEdit('venue', 4);
    expect(problem.getStatus()).toBe(HttpStatus.PRECONDITION_FAILED);
    expect(problem.getResponse()).toMatchObject({ currentETag: '"4"' });
  });
});

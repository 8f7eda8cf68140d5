import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expecting } from '../testing/api';
import { adminOf, newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface Problem {
  status: number;
  errors?: { field: string; rule: string; message: string }[];
}

const BANK_HOLIDAYS = JSON.parse(readFileSync(join(__dirname, '../../../../seeds/data/uk-bank-holidays.json'), 'utf8')) as Record<
  string,
  { division: string; events: { title: string; date: string }[] }
>;
const ENGLAND_AND_WALES = BANK_HOLIDAYS['england-and-wales'];

describe('terms and holidays refuse bad input with a 400 naming the field', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);

  beforeAll(async () => {
    call = expecting(kit);
  });

  const fieldsOf = async (url: string, body: unknown): Promise<string[]> => {
    const response = await kit.call<Problem>(admin, 'POST', url, body);
    if (response.status !== 400) throw new Error(`POST ${url} answered ${response.status}, expected 400: ${JSON.stringify(response.body)}`);
    return [...new Set((response.body.errors ?? []).map((error) => error.field))];
  };
  const count = async (table: 'terms' | 'holidays'): Promise<number> =>
    (await kit.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0].n;

  it('refuses a term or holiday on a day that does not exist, rather than rolling it over', async () => {
    expect(await fieldsOf('/terms', { name: 'Spring 2026', startsOn: '2026-02-30', endsOn: '2026-03-27' })).toEqual(['startsOn']);
    expect(await fieldsOf('/terms', { name: 'Spring 2026', startsOn: '2026-01-05', endsOn: '2026-04-31' })).toEqual(['endsOn']);
    expect(await fieldsOf('/holidays', { kind: 'holiday', name: 'Half term', startsOn: '2026-02-30', endsOn: '2026-02-30' })).toEqual([
      'startsOn',
      'endsOn',
    ]);
    expect(await fieldsOf('/holidays', { kind: 'holiday', name: 'Leap day off', startsOn: '2025-02-29', endsOn: '2025-03-01' })).toEqual([
      'startsOn',
    ]);
    expect(await count('terms')).toBe(0);
    expect(await count('holidays')).toBe(0);
    // A real leap day is a day.
    await call(admin, 'POST', '/holidays', { kind: 'holiday', name: 'Leap day off', startsOn: '2028-02-29', endsOn: '2028-02-29' }, 201);
  });

  it('refuses dates PostgreSQL cannot store (year 0) with a 400 naming the field', async () => {
    expect(await fieldsOf('/terms', { name: 'Year nought', startsOn: '0000-01-01', endsOn: '2026-01-02' })).toEqual(['startsOn']);
  });

  it('refuses a term longer than 200 days naming endsOn, and a second term of the same name with a 409 naming it', async () => {
    expect(await fieldsOf('/terms', { name: 'Forever', startsOn: '2026-01-05', endsOn: '9999-12-31' })).toEqual(['endsOn']);
    expect(await fieldsOf('/terms', { name: 'Too long', startsOn: '2026-01-05', endsOn: '2026-07-25' })).toEqual(['endsOn']);
    const longest = await call<{ id: string }>(
      admin,
      'POST',
      '/terms',
      { name: 'Spring and Summer 2026', startsOn: '2026-01-05', endsOn: '2026-07-24' },
      201,
    );
    const again = await kit.call<{ status: number; detail: string; conflicts: unknown[] }>(admin, 'POST', '/terms', {
      name: 'Spring and Summer 2026',
      startsOn: '2027-01-04',
      endsOn: '2027-03-26',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      detail: 'There is already a term named Spring and Summer 2026.',
      conflicts: [{ field: 'name', termId: longest.id }],
    });
    await kit.db.query('DELETE FROM terms WHERE tenant_id = $1', [tenantId]);
  });

  it('refuses a bank-holiday import without its division, naming it', async () => {
    expect(await fieldsOf('/holidays/bank-holiday-imports', {})).toEqual(['england-and-wales']);
    expect(await fieldsOf('/holidays/bank-holiday-imports', { 'england-and-wales': null })).toEqual(['england-and-wales']);
    expect(await fieldsOf('/holidays/bank-holiday-imports', { 'england-and-wales': 'yes' })).toEqual(['england-and-wales']);
    expect(await fieldsOf('/holidays/bank-holiday-imports', { 'england-and-wales': [] })).toEqual(['england-and-wales']);
    expect(await fieldsOf('/holidays/bank-holiday-imports', { 'england-and-wales': { division: 'england-and-wales' } })).toEqual([
      'england-and-wales.events',
    ]);
  });

  it('refuses a feed that is not JSON, or not a JSON object, with a 400 naming a field', async () => {
    for (const text of [
      '{"england-and-wales": {"division": "england-and-wales", "events": [',
      '<html>bank holidays</html>',
      '[]',
      '"england-and-wales"',
    ]) {
      const response = await kit.call<Problem>(admin, 'POST', '/holidays/bank-holiday-imports', text, {
        'content-type': 'application/json',
      });
      expect({ text, status: response.status }).toEqual({ text, status: 400 });
      expect(response.body.errors?.length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown division, and a division filed under another’s name', async () => {
    expect(await fieldsOf('/holidays/bank-holiday-imports', { ...BANK_HOLIDAYS, wales: ENGLAND_AND_WALES })).toEqual(['wales']);
    expect(await fieldsOf('/holidays/bank-holiday-imports', { 'england-and-wales': BANK_HOLIDAYS.scotland })).toEqual([
      'england-and-wales.division',
    ]);
  });

  it('refuses malformed events in the feed, naming each', async () => {
    const withEvents = (events: unknown[]) => ({ 'england-and-wales': { division: 'england-and-wales', events } });
    expect(await fieldsOf('/holidays/bank-holiday-imports', withEvents([{ title: 'Not a day', date: '2026-02-30' }]))).toEqual([
      'england-and-wales.events[0].date',
    ]);
    expect(await fieldsOf('/holidays/bank-holiday-imports', withEvents([{ title: 'Long ago', date: '0000-12-25' }]))).toEqual([
      'england-and-wales.events[0].date',
    ]);
    expect(await fieldsOf('/holidays/bank-holiday-imports', withEvents([ENGLAND_AND_WALES.events[0], { date: '2026-12-25' }]))).toEqual([
      'england-and-wales.events[1].title',
    ]);
    expect(await fieldsOf('/holidays/bank-holiday-imports', withEvents([null]))).toEqual(['england-and-wales.events[0]']);
    expect(
      await fieldsOf('/holidays/bank-holiday-imports', withEvents([{ title: 'Boxing Day', date: '2026-12-28', notes: 'a'.repeat(5_000) }])),
    ).toEqual(['england-and-wales.events[0].notes']);
    expect(
      await fieldsOf('/holidays/bank-holiday-imports', withEvents(Array.from({ length: 1_001 }, () => ENGLAND_AND_WALES.events[0]))),
    ).toEqual(['england-and-wales.events']);
    expect(await count('holidays')).toBe(1);
  });

  it('imports two events on one day once (gov.uk never sends that, a hand-made feed may)', async () => {
    const christmas = { title: 'Christmas Day', date: '2030-12-25', notes: '', bunting: true };
    const result = await call<{ imported: number; alreadyPresent: number }>(
      admin,
      'POST',
      '/holidays/bank-holiday-imports',
      { 'england-and-wales': { division: 'england-and-wales', events: [christmas, { ...christmas, title: 'Christmas' }] } },
      201,
    );
    expect(result).toEqual({ imported: 1, alreadyPresent: 1 });
  });

  it('imports gov.uk’s file as published', async () => {
    const result = await call<{ imported: number; alreadyPresent: number }>(
      admin,
      'POST',
      '/holidays/bank-holiday-imports',
      BANK_HOLIDAYS,
      201,
    );
    expect(result).toEqual({ imported: ENGLAND_AND_WALES.events.length, alreadyPresent: 0 });
  });
});

import { newId } from '@tutti/platform';
import { identityHeaders, personas } from '@tutti/testing';
import { expecting, ifMatch } from '../testing/api';
import { headteacherOf, newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';
import { announceTenant } from '../testing/tenants';

interface ComparisonSchool {
  id: string;
  urn: string;
  name: string;
  phase: string;
  pupils: number;
  percentFsm: number | null;
  percentSend: number | null;
  percentEal: number | null;
  cohortYear: string | null;
  version: number;
}

/** The CSV's rows as objects by header (no quoted commas in this fixture). */
function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\r\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
}

describe('comparison schools: recorded by the programme admin, set beside programme schools in the evaluator’s export', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const evaluator = personas.evaluator(tenantId);
  const otherAdmin = personas.programmeAdmin(newTenantId());
  const body = {
    urn: '200001',
    name: 'Beyond Primary',
    phase: 'primary',
    pupils: 300,
    percentFsm: 22.3,
    percentEal: 8.1,
    cohortYear: '2024-25',
  };

  beforeAll(async () => {
    call = expecting(kit);
    await announceTenant(kit.app, tenantId);
  });

  it('creates, reads, lists, edits with If-Match and removes a comparison school; the evaluator reads only', async () => {
    const created = await call<ComparisonSchool>(admin, 'POST', '/comparison-schools', body, 201);
    expect(created).toEqual({ id: expect.any(String), ...body, percentSend: null, version: 1 });
    const read = await kit.call<ComparisonSchool>(evaluator, 'GET', `/comparison-schools/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(created);
    const page = await call<{ items: ComparisonSchool[] }>(evaluator, 'GET', '/comparison-schools', undefined, 200);
    expect(page.items.map((school) => school.urn)).toEqual(['200001']);

    const edited = await call<ComparisonSchool>(
      admin,
      'PATCH',
      `/comparison-schools/${created.id}`,
      { pupils: 310, percentSend: 15, percentEal: null },
      200,
      ifMatch(created),
    );
    expect(edited).toMatchObject({ pupils: 310, percentFsm: 22.3, percentSend: 15, percentEal: null, version: 2 });
    const stale = await kit.call<{ currentETag: string }>(
      admin,
      'PATCH',
      `/comparison-schools/${created.id}`,
      { pupils: 1 },
      ifMatch(created),
    );
    expect([stale.status, stale.body.currentETag]).toEqual([412, '"2"']);
    expect((await kit.call(admin, 'PATCH', `/comparison-schools/${created.id}`, { pupils: 1 })).status).toBe(428);

    expect((await kit.call(evaluator, 'POST', '/comparison-schools', { ...body, urn: '200002' })).status).toBe(403);
    expect((await kit.call(evaluator, 'PATCH', `/comparison-schools/${created.id}`, { pupils: 1 }, ifMatch(edited))).status).toBe(403);
    expect((await kit.call(evaluator, 'DELETE', `/comparison-schools/${created.id}`)).status).toBe(403);
    expect((await kit.call(headteacherOf(tenantId, [newId()]), 'GET', '/comparison-schools')).status).toBe(403);

    // Another area neither sees nor touches it.
    expect((await kit.call(otherAdmin, 'GET', `/comparison-schools/${created.id}`)).status).toBe(404);
    expect((await kit.call(otherAdmin, 'PATCH', `/comparison-schools/${created.id}`, { pupils: 1 }, ifMatch(edited))).status).toBe(404);
    expect((await kit.call(otherAdmin, 'DELETE', `/comparison-schools/${created.id}`)).status).toBe(404);
    expect((await call<{ items: unknown[] }>(otherAdmin, 'GET', '/comparison-schools', undefined, 200)).items).toEqual([]);

    expect((await kit.call(admin, 'DELETE', `/comparison-schools/${created.id}`)).status).toBe(204);
    expect((await kit.call(admin, 'GET', `/comparison-schools/${created.id}`)).status).toBe(404);
    expect((await kit.call(admin, 'DELETE', `/comparison-schools/${created.id}`)).status).toBe(404);
    expect((await kit.call(admin, 'PATCH', `/comparison-schools/${created.id}`, { pupils: 1 }, ifMatch(edited))).status).toBe(404);
  });

  it('answers 400 naming each field out of bounds', async () => {
    const bad = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/comparison-schools', {
      urn: '12345',
      name: '',
      phase: 'college',
      pupils: -1,
      percentFsm: 101,
      percentSend: 12.34,
      cohortYear: '2025',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field).sort()).toEqual(
      ['cohortYear', 'name', 'percentFsm', 'percentSend', 'phase', 'pupils', 'urn'].sort(),
    );
    expect((await kit.call(admin, 'GET', '/comparison-schools/not-a-uuid')).status).toBe(400);
  });

  it('refuses a URN the area already has, as a comparison school or a programme school (409 naming the holder)', async () => {
    const first = await call<ComparisonSchool>(admin, 'POST', '/comparison-schools', { ...body, urn: '300001' }, 201);
    const again = await kit.call<{ conflicts: Record<string, unknown>[] }>(admin, 'POST', '/comparison-schools', {
      ...body,
      urn: '300001',
    });
    expect(again.status).toBe(409);
    expect(again.body.conflicts).toEqual([{ kind: 'comparison-school', urn: '300001', comparisonSchoolId: first.id }]);
    // Another area may record the same school.
    await call(otherAdmin, 'POST', '/comparison-schools', { ...body, urn: '300001' }, 201);

    const programme = await call(admin, 'POST', '/schools', { name: 'In Programme Primary', urn: '300002', phase: 'primary' }, 201);
    const ours = await kit.call<{ conflicts: Record<string, unknown>[] }>(admin, 'POST', '/comparison-schools', { ...body, urn: '300002' });
    expect(ours.status).toBe(409);
    expect(ours.body.conflicts).toEqual([{ kind: 'programme-school', urn: '300002', schoolId: programme.id }]);

    const second = await call<ComparisonSchool>(admin, 'POST', '/comparison-schools', { ...body, urn: '300003' }, 201);
    const clash = await kit.call<{ conflicts: Record<string, unknown>[] }>(
      admin,
      'PATCH',
      `/comparison-schools/${second.id}`,
      { urn: '300001' },
      ifMatch(second),
    );
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts).toEqual([{ kind: 'comparison-school', urn: '300001', comparisonSchoolId: first.id }]);
    // Its own URN again is no clash.
    await call(admin, 'PATCH', `/comparison-schools/${second.id}`, { urn: '300003', name: 'Renamed' }, 200, ifMatch(second));

    // A replayed POST (same Idempotency-Key) answers the first creation instead of a 409.
    const key = { 'idempotency-key': newId() };
    const once = await call<ComparisonSchool>(admin, 'POST', '/comparison-schools', { ...body, urn: '300004' }, 201, key);
    expect(await call<ComparisonSchool>(admin, 'POST', '/comparison-schools', { ...body, urn: '300004' }, 201, key)).toEqual(once);
  });

  /**
   * By hand, 2025-26 (from 1 September 2025):
   * - Cohort Primary (URN 400001): 12 pupils on roll (a 13th left in July 2025, before the year: not counted).
   *   FSM 5 yes / 7 no: 41.7%. SEND 4 SEN support + 2 EHCP = 6 / 6 none: 50%. EAL 2 yes / 10 no: 2 is
   *   under 5, and 10 would give it away from the total, so both are suppressed.
   * - Tiny Primary (no URN): 3 pupils: the cohort and every share suppressed.
   * - Empty Primary: no pupils: 0, no shares.
   * - Unknown Primary: 6 pupils, nothing recorded: 6 pupils, no shares (unknown is never guessed).
   * - comparison schools as recorded.
   */
  it('exports programme schools beside comparison schools, programme cohorts suppressed as the annual return is', async () => {
    const year = newTenantId();
    const areaAdmin = personas.programmeAdmin(year);
    const areaEvaluator = personas.evaluator(year);
    await announceTenant(kit.app, year);
    const school = async (name: string, urn?: string) =>
      (await call(areaAdmin, 'POST', '/schools', { name, phase: 'primary', ...(urn ? { urn } : {}) }, 201)).id;
    const cohort = await school('Cohort Primary', '400001');
    const tiny = await school('Tiny Primary');
    await school('Empty Primary', '400003');
    const unknown = await school('Unknown Primary', '400004');
    let n = 0;
    const pupil = async (schoolId: string, characteristics: Record<string, string>) =>
      (
        await call(
          areaAdmin,
          'POST',
          '/pupils',
          { schoolId, firstName: `P${n++}`, lastName: 'Cohort', yearGroup: 4, ...characteristics },
          201,
        )
      ).id;
    for (let i = 0; i < 12; i++)
      await pupil(cohort, {
        pupilPremium: i < 5 ? 'yes' : 'no',
        send: i < 4 ? 'sen_support' : i < 6 ? 'ehcp' : 'none',
        eal: i < 2 ? 'yes' : 'no',
      });
    const leaver = await pupil(cohort, { pupilPremium: 'yes', send: 'ehcp', eal: 'yes' });
    await call(areaAdmin, 'POST', `/pupils/${leaver}/leave`, { leftOn: '2025-07-18' }, 200);
    for (let i = 0; i < 3; i++) await pupil(tiny, { pupilPremium: 'yes', send: 'none', eal: 'no' });
    for (let i = 0; i < 6; i++) await pupil(unknown, {});
    const comparison = await call<ComparisonSchool>(areaAdmin, 'POST', '/comparison-schools', body, 201);
    const secondComparison = await call<ComparisonSchool>(
      areaAdmin,
      'POST',
      '/comparison-schools',
      { urn: '200009', name: 'Across Town Junior', phase: 'junior', pupils: 240 },
      201,
    );

    const response = await kit.app.inject({
      method: 'GET',
      url: '/evaluation/schools.csv?academicYear=2025-26',
      headers: await identityHeaders(areaEvaluator, 'scheduling'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('schools-2025-26.csv');
    const source = {
      programme: expect.stringContaining('Tutti roll'),
      comparison: expect.stringContaining('recorded by a programme admin'),
    };
    expect(parseCsv(response.body)).toEqual([
      {
        in_programme: 'true',
        school_id: cohort,
        urn: '400001',
        name: 'Cohort Primary',
        phase: 'primary',
        aggregates_year: '2025-26',
        aggregates_source: source.programme,
        pupils: '12',
        percent_fsm: '41.7',
        percent_send: '50',
        percent_eal: 'suppressed',
      },
      {
        in_programme: 'true',
        school_id: expect.any(String),
        urn: '400003',
        name: 'Empty Primary',
        phase: 'primary',
        aggregates_year: '2025-26',
        aggregates_source: source.programme,
        pupils: '0',
        percent_fsm: '',
        percent_send: '',
        percent_eal: '',
      },
      {
        in_programme: 'true',
        school_id: unknown,
        urn: '400004',
        name: 'Unknown Primary',
        phase: 'primary',
        aggregates_year: '2025-26',
        aggregates_source: source.programme,
        pupils: '6',
        percent_fsm: '',
        percent_send: '',
        percent_eal: '',
      },
      {
        in_programme: 'true',
        school_id: tiny,
        urn: '',
        name: 'Tiny Primary',
        phase: 'primary',
        aggregates_year: '2025-26',
        aggregates_source: source.programme,
        pupils: 'suppressed',
        percent_fsm: 'suppressed',
        percent_send: 'suppressed',
        percent_eal: 'suppressed',
      },
      {
        in_programme: 'false',
        school_id: comparison.id,
        urn: '200001',
        name: 'Beyond Primary',
        phase: 'primary',
        aggregates_year: '2024-25',
        aggregates_source: source.comparison,
        pupils: '300',
        percent_fsm: '22.3',
        percent_send: '',
        percent_eal: '8.1',
      },
      {
        in_programme: 'false',
        school_id: secondComparison.id,
        urn: '200009',
        name: 'Across Town Junior',
        phase: 'junior',
        aggregates_year: '',
        aggregates_source: source.comparison,
        pupils: '240',
        percent_fsm: '',
        percent_send: '',
        percent_eal: '',
      },
    ]);
    // Counting characteristics reads them: each programme pupil counted is audited (12 + 3 + 6), the leaver not.
    const audited = await kit.db.query<{ count: number }[]>(
      `SELECT count(DISTINCT (payload->>'subjectId'))::int AS count FROM outbox_events
        WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->'detail'->>'export' = 'evaluation-schools'`,
      [year],
    );
    expect(audited[0].count).toBe(21);

    for (const refused of [personas.headteacher(year, cohort), personas.tutor(year, [cohort])])
      expect((await kit.call(refused, 'GET', '/evaluation/schools.csv?academicYear=2025-26')).status).toBe(403);
    const badYear = await kit.call<{ errors: { field: string }[] }>(areaEvaluator, 'GET', '/evaluation/schools.csv?academicYear=2025-27');
    expect([badYear.status, badYear.body.errors[0].field]).toEqual([400, 'academicYear']);
  });
});

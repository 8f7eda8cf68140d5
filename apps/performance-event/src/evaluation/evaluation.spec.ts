import type { Identity } from '@tutti/auth';
import { newId, pseudonymOf } from '@tutti/platform';
import { identityHeaders, newTenantId, personas } from '@tutti/testing';
import { feedEnsemble, insertPerformance, insertVenue, member, usePerformanceTestKit } from '../testing/performance-test-kit';
import { PARTICIPATION_EXPORT_COLUMNS } from './evaluation.service';

const KEY = 'evaluation-spec-key-0123456789abcdefghijklmnop';

describe('evaluation: the pseudonymised participation export', () => {
  const kit = usePerformanceTestKit({ SERVICE_MODE: 'api', EVALUATION_PSEUDONYM_KEY: KEY });
  const tenantId = newTenantId();
  const otherTenantId = newTenantId();
  const schoolId = newId();
  const ensembleId = newId();
  const [aisha, bilal, cara] = ['Aishabelle Marchetti', 'Bilalovic Strand', 'Carabosse Penhaligon'].map((name) => member(schoolId, name));
  const elsewhere = member(newId(), 'Elsewhere Farthingale');
  let concert: string;
  let sharing: string;
  let otherAreaConcert: string;

  const download = async (identity: Identity, query: string) =>
    kit.app.inject({
      method: 'GET',
      url: `/evaluation/participation.csv${query}`,
      headers: await identityHeaders(identity, 'performance-event'),
    });
  const parse = (body: string) =>
    body
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));

  beforeAll(async () => {
    await kit.applyEvent(tenantId, 'scheduling.school.created', {
      version: 1,
      schoolId,
      name: 'Anfield Primary',
      urn: '104999',
      phase: 'primary',
    });
    await feedEnsemble(kit, tenantId, ensembleId, schoolId, [aisha, bilal, cara], 'Y4 Strings');
    await feedEnsemble(kit, otherTenantId, newId(), elsewhere.schoolId, [elsewhere]);
    const db = kit.db;
    const roster = async (
      tenant: string,
      performanceId: string,
      pupil: { pupilId: string; schoolId: string },
      ensemble: string | null,
      removed = false,
    ) =>
      db.query(
        `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, source, ensemble_id, removed) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tenant, performanceId, pupil.pupilId, pupil.schoolId, ensemble ? 'ensemble' : 'added', ensemble, removed],
      );
    const venue = await insertVenue(kit, tenantId);
    // 23:30 UTC on 31 March is 00:30 on 1 April in London (BST): the performance's date is 1 April.
    concert = await insertPerformance(kit, tenantId, venue, {
      startsAt: new Date('2026-03-31T23:30:00Z'),
      status: 'completed',
      audience: 'public',
    });
    sharing = await insertPerformance(kit, tenantId, venue, {
      startsAt: new Date('2026-04-20T14:00:00Z'),
      status: 'completed',
      audience: 'school_community',
      schoolId,
    });
    const upcoming = await insertPerformance(kit, tenantId, venue, { startsAt: new Date('2026-04-25T14:00:00Z'), status: 'published' });
    const cancelled = await insertPerformance(kit, tenantId, venue, { startsAt: new Date('2026-04-10T14:00:00Z'), status: 'cancelled' });
    const tooEarly = await insertPerformance(kit, tenantId, venue, { startsAt: new Date('2026-03-31T22:30:00Z'), status: 'completed' });
    await roster(tenantId, concert, aisha, ensembleId);
    await roster(tenantId, concert, bilal, ensembleId);
    await roster(tenantId, concert, cara, ensembleId, true);
    await roster(tenantId, sharing, aisha, null);
    for (const performanceId of [upcoming, cancelled, tooEarly]) await roster(tenantId, performanceId, cara, ensembleId);
    const otherVenue = await insertVenue(kit, otherTenantId);
    otherAreaConcert = await insertPerformance(kit, otherTenantId, otherVenue, {
      startsAt: new Date('2026-04-02T18:00:00Z'),
      status: 'completed',
    });
    await roster(otherTenantId, otherAreaConcert, elsewhere, null);
  });

  it('gives one row per pupil per completed performance they performed in, each pupil as pseudonymOf(key, area, pupil)', async () => {
    const response = await download(personas.evaluator(tenantId), '?from=2026-04-01&to=2026-04-30');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="participation-2026-04-01-to-2026-04-30.csv"');
    expect(response.headers['x-read-from']).toBe('primary'); // no REPLICA_DATABASE_URL here (ReportReader)
    const [header, ...lines] = parse(response.body);
    expect(header).toEqual([...PARTICIPATION_EXPORT_COLUMNS]);
    const p = (pupilId: string) => pseudonymOf(KEY, tenantId, pupilId);
    expect(lines).toEqual(
      [
        [p(aisha.pupilId), schoolId, '2026-04-01', concert, 'public', ensembleId, 'Y4 Strings'],
        [p(bilal.pupilId), schoolId, '2026-04-01', concert, 'public', ensembleId, 'Y4 Strings'],
      ]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .concat([[p(aisha.pupilId), schoolId, '2026-04-20', sharing, 'school_community', '', '']]),
    );
  });

  it('holds no name, no pupil id and nothing of another area', async () => {
    const body = (await download(personas.evaluator(tenantId), '?from=2026-01-01&to=2026-12-31')).body;
    for (const secret of [aisha, bilal, cara, elsewhere].flatMap((m) => [m.pupilId, ...m.displayName.split(' ')]))
      expect(body).not.toContain(secret);
    expect(body).not.toContain(otherAreaConcert);
    expect(body).not.toContain(pseudonymOf(KEY, otherTenantId, elsewhere.pupilId));
    const other = (await download(personas.evaluator(otherTenantId), '?from=2026-01-01&to=2026-12-31')).body;
    expect(
      parse(other)
        .slice(1)
        .map((line) => line[0]),
    ).toEqual([pseudonymOf(KEY, otherTenantId, elsewhere.pupilId)]);
  });

  it('records each pupil read in the audit log', async () => {
    const count = async (pupilId: string): Promise<number> =>
      (
        await kit.db.query(
          `SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->>'subjectId' = $2 AND payload->'detail'->>'export' = 'evaluation-participation'`,
          [tenantId, pupilId],
        )
      )[0].n;
    const before = await Promise.all([aisha, bilal, cara].map((m) => count(m.pupilId)));
    await download(personas.programmeAdmin(tenantId), '?from=2026-04-01&to=2026-04-30');
    const after = await Promise.all([aisha, bilal, cara].map((m) => count(m.pupilId)));
    expect(after.map((n, i) => n - before[i])).toEqual([1, 1, 0]);
  });

  it('names the field on bad input and answers 403 to other roles', async () => {
    const evaluator = personas.evaluator(tenantId);
    for (const [query, field] of [
      ['?to=2026-04-30', 'from'],
      ['?from=2026-04-01', 'to'],
      ['?from=2026-02-30&to=2026-04-30', 'from'],
      ['?from=2026-04-01&to=30/04/2026', 'to'],
      ['?from=2026-04-10&to=2026-04-01', 'to'],
      ['?from=2026-04-01&to=2026-04-30&schoolId=x', 'schoolId'],
    ]) {
      const response = await download(evaluator, query);
      expect([query, response.statusCode]).toEqual([query, 400]);
      expect([...new Set(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field))]).toEqual([field]);
    }
    for (const identity of [
      personas.headteacher(tenantId, schoolId),
      personas.tutor(tenantId, [schoolId]),
      personas.schoolStaff(tenantId, schoolId),
      personas.guardian(tenantId, [{ pupilId: aisha.pupilId, schoolId }]),
    ]) {
      expect((await download(identity, '?from=2026-04-01&to=2026-04-30')).statusCode).toBe(403);
    }
  });
});

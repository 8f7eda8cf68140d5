import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import { newId, pseudonymOf } from '@tutti/platform';
import { identityHeaders, newTenantId, personas, startTestService, testServiceConfig } from '@tutti/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { SchedulingConfig } from '../config';
import { announceTenant } from '../testing/tenants';
import { PROVISION_EXPORT_COLUMNS } from './evaluation.service';

const KEY = 'evaluation-spec-key-0123456789abcdefghijklmnop';
const NAMES = ['Zinnia', 'Quarrington', 'Bartholomew', 'Wetherspoon', 'Outlander', 'Farshore'];

describe('evaluation: the pseudonymised provision export', () => {
  let app: NestFastifyApplication;
  const tenantId = newTenantId();
  const otherTenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const evaluator = personas.evaluator(tenantId);
  let schoolId: string;
  let termId: string;
  let present: string;
  let absent: string;
  let quiet: string;
  let otherAreaPupil: string;
  let otherAreaSchool: string;

  async function call<T = { id: string } & Record<string, unknown>>(
    identity: Identity,
    method: 'GET' | 'POST',
    url: string,
    body?: object,
  ): Promise<T> {
    const response = await app.inject({ method, url, headers: await identityHeaders(identity, 'scheduling'), payload: body });
    if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
    return response.json<T>();
  }
  const download = async (identity: Identity, query: string) =>
    app.inject({ method: 'GET', url: `/evaluation/provision.csv${query}`, headers: await identityHeaders(identity, 'scheduling') });
  const parse = (body: string) =>
    body
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));

  beforeAll(async () => {
    const config = await testServiceConfig('scheduling', SchedulingConfig, { SERVICE_MODE: 'api', EVALUATION_PSEUDONYM_KEY: KEY });
    app = await startTestService({ service: 'scheduling', description: 'test', config, module: AppModule.register(config) });
    await announceTenant(app, tenantId, { name: 'Evaluated Area', slug: 'evaluated' });

    schoolId = (await call(admin, 'POST', '/schools', { name: 'Evaluated Primary', phase: 'primary', urn: '104321' })).id;
    const classId = (await call(admin, 'POST', '/classes', { schoolId, name: 'Oak', yearGroup: 4 })).id;
    present = (
      await call(admin, 'POST', '/pupils', {
        schoolId,
        classId,
        firstName: NAMES[0],
        lastName: NAMES[1],
        yearGroup: 4,
        send: 'sen_support',
        pupilPremium: 'yes',
      })
    ).id;
    absent = (await call(admin, 'POST', '/pupils', { schoolId, classId, firstName: NAMES[2], lastName: NAMES[3], yearGroup: 4 })).id;
    quiet = (await call(admin, 'POST', '/pupils', { schoolId, classId, firstName: 'Nobody', lastName: 'Registered', yearGroup: 5 })).id;
    termId = (await call(admin, 'POST', '/terms', { name: 'Two weeks', startsOn: '2026-03-02', endsOn: '2026-03-13' })).id;
    const strings = (await call(admin, 'POST', '/ensembles', { schoolId, name: 'Strings', kind: 'whole_class', strand: 'curriculum' })).id;
    for (const pupilId of [present, absent])
      await call(admin, 'POST', `/ensembles/${strings}/members`, { pupilId, joinedOn: '2026-01-05' });
    await call(admin, 'POST', '/sessions', {
      ensembleId: strings,
      recurrence: 'weekly',
      termId,
      weekday: 1,
      startTime: '09:00',
      durationMinutes: 60,
    });
    const occurrences = (await call<{ items: { id: string; localDate: string }[] }>(admin, 'GET', `/occurrences?schoolId=${schoolId}`))
      .items;
    const on = (date: string) => occurrences.find((o) => o.localDate === date)?.id;
    await call(admin, 'POST', `/occurrences/${on('2026-03-02')}/register`, {
      submissionId: newId(),
      marks: [
        { markId: newId(), pupilId: present, status: 'present' },
        { markId: newId(), pupilId: absent, status: 'absent' },
      ],
    });
    await call(admin, 'POST', `/occurrences/${on('2026-03-09')}/register`, {
      submissionId: newId(),
      marks: [
        { markId: newId(), pupilId: present, status: 'late' },
        { markId: newId(), pupilId: absent, status: 'present' },
      ],
    });

    const otherAdmin = personas.programmeAdmin(otherTenantId);
    otherAreaSchool = (await call(otherAdmin, 'POST', '/schools', { name: 'Elsewhere Primary', phase: 'primary' })).id;
    otherAreaPupil = (
      await call(otherAdmin, 'POST', '/pupils', { schoolId: otherAreaSchool, firstName: NAMES[4], lastName: NAMES[5], yearGroup: 4 })
    ).id;
    await call(otherAdmin, 'POST', '/terms', { name: 'Two weeks', startsOn: '2026-03-02', endsOn: '2026-03-13' });
  });

  afterAll(() => app?.close());

  it('gives the evaluator one row per pupil on roll, each as pseudonymOf(key, area, pupil), with hand-computed figures', async () => {
    const response = await download(evaluator, `?termId=${termId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="provision-2026-03-02-to-2026-03-13.csv"');
    const [header, ...lines] = parse(response.body);
    expect(header).toEqual([...PROVISION_EXPORT_COLUMNS]);
    const byPseudonym = new Map(lines.map((line) => [line[0], Object.fromEntries(header.map((column, index) => [column, line[index]]))]));
    expect(byPseudonym.size).toBe(3);
    expect(byPseudonym.get(pseudonymOf(KEY, tenantId, present))).toEqual({
      pupil_pseudonym: pseudonymOf(KEY, tenantId, present),
      school_id: schoolId,
      school_urn: '104321',
      year_group: '4',
      curriculum_minutes: '120',
      after_school_minutes: '0',
      weekend_minutes: '0',
      holiday_minutes: '0',
      total_minutes: '120',
      teaching_weeks: '2',
      weekly_average_minutes: '60',
      area_target_weekly_minutes: '60',
      meets_target: 'true',
      sessions_attended: '2',
      sessions_registered: '2',
      attendance_rate: '1',
    });
    expect(byPseudonym.get(pseudonymOf(KEY, tenantId, absent))).toMatchObject({
      total_minutes: '60',
      weekly_average_minutes: '30',
      meets_target: 'false',
      sessions_attended: '1',
      sessions_registered: '2',
      attendance_rate: '0.5',
    });
    expect(byPseudonym.get(pseudonymOf(KEY, tenantId, quiet))).toMatchObject({
      year_group: '5',
      total_minutes: '0',
      sessions_registered: '0',
      attendance_rate: '',
    });
  });

  it('holds no name, no pupil id, no flag, and nothing of another area', async () => {
    const body = (await download(evaluator, `?termId=${termId}`)).body;
    for (const secret of [
      ...NAMES,
      'Nobody',
      present,
      absent,
      quiet,
      otherAreaPupil,
      otherAreaSchool,
      pseudonymOf(KEY, otherTenantId, otherAreaPupil),
    ])
      expect(body).not.toContain(secret);
    expect(body.split('\r\n')[0]).not.toMatch(/send|premium|eal|name|upn|birth/i);
    // The same pupil has another pseudonym in another area.
    expect(pseudonymOf(KEY, otherTenantId, present)).not.toBe(pseudonymOf(KEY, tenantId, present));
  });

  it('records each pupil read in the audit log', async () => {
    const before = await auditedPupils();
    await download(admin, `?termId=${termId}`);
    const after = await auditedPupils();
    for (const pupilId of [present, absent, quiet]) expect((after.get(pupilId) ?? 0) - (before.get(pupilId) ?? 0)).toBe(1);
    expect(after.has(otherAreaPupil)).toBe(false);
  });

  it('names the field on bad input, answers 404 for an unknown term or another area’s, 403 to other roles', async () => {
    for (const query of ['', '?termId=not-a-term', `?termId=${termId}&weekOf=2026-03-02`]) {
      const response = await download(evaluator, query);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toEqual([
        query.includes('weekOf') ? 'weekOf' : 'termId',
      ]);
    }
    expect((await download(evaluator, `?termId=${newId()}`)).statusCode).toBe(404);
    expect((await download(personas.evaluator(otherTenantId), `?termId=${termId}`)).statusCode).toBe(404);
    for (const identity of [
      personas.headteacher(tenantId, schoolId),
      personas.tutor(tenantId, [schoolId]),
      personas.schoolStaff(tenantId, schoolId),
      personas.guardian(tenantId, [{ pupilId: present, schoolId }]),
    ]) {
      expect((await download(identity, `?termId=${termId}`)).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: `/evaluation/provision.csv?termId=${termId}` })).statusCode).toBe(401);
  });

  async function auditedPupils(): Promise<Map<string, number>> {
    const found: { subject: string; n: number }[] = await app
      .get(DataSource)
      .query(
        `SELECT payload->>'subjectId' AS subject, count(*)::int AS n FROM outbox_events WHERE type = 'audit.entry.recorded' AND payload->'detail'->>'export' = 'evaluation-provision' AND tenant_id = ANY($1::uuid[]) GROUP BY 1`,
        [[tenantId, otherTenantId]],
      );
    return new Map(found.map((row) => [row.subject, row.n]));
  }
});

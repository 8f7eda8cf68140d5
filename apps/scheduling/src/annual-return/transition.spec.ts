import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import { newId, PLATFORM_OPTIONS, pseudonymOf, type PlatformOptions } from '@tutti/platform';
import { identityHeaders, newTenantId, personas, startTestService, testServiceConfig } from '@tutti/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { SchedulingConfig } from '../config';

type ApiRow = { id: string } & Record<string, unknown>;
interface Figure {
  id: string;
  total: number | null;
  cells: { key: string; count: number | null; percent: number | null }[];
}

/**
 * 15 Year 6 pupils of one primary school leave on 19 July 2024 at the roll-over into 2024-25:
 * y1–y13 for Archbishop Blanch (from the MIS file), y14 for Everton Free School (by hand), y15 unknown.
 * y1–y14 play in the area orchestra. Autumn 2024: y1–y9 and y14 attend (y10 is excused).
 * Summer 2025: y1–y6 attend. A Year 5 pupil moves up and is no alumnus.
 */
describe('transition to secondary school: alumni kept at the roll-over and followed a term and a year on', () => {
  let app: NestFastifyApplication;
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const pupils: Record<string, string> = {};
  let school: string;
  let orchestra: string;
  let wcet: string;
  let figures: Figure[];

  async function call<T = ApiRow>(
    identity: Identity,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body: object | undefined,
    status: number,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await app.inject({
      method,
      url,
      headers: { ...(await identityHeaders(identity, 'scheduling')), ...headers },
      payload: body,
    });
    if (response.statusCode !== status) throw new Error(`${method} ${url} → ${response.statusCode}, expected ${status}: ${response.body}`);
    return response.json<T>();
  }
  const names = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `y${from + i}`);
  async function playOn(day: string, names: string[], excused: string[] = []): Promise<void> {
    const session = await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: orchestra, recurrence: 'once', firstOn: day, startTime: '16:30', durationMinutes: 90 },
      201,
    );
    const occurrence = (await call<{ items: ApiRow[] }>(admin, 'GET', `/occurrences?sessionId=${session.id}`, undefined, 200)).items[0].id;
    const marks = [...names.map((name) => ({ name, status: 'present' })), ...excused.map((name) => ({ name, status: 'excused' }))];
    await call(
      admin,
      'POST',
      `/occurrences/${occurrence}/register`,
      { submissionId: newId(), marks: marks.map(({ name, status }) => ({ markId: newId(), pupilId: pupils[name], status })) },
      201,
    );
  }
  const figure = (id: string): Record<string, number | null> => {
    const found = figures.find((f) => f.id === id);
    if (!found) throw new Error(`no figure ${id}`);
    return { total: found.total, ...Object.fromEntries(found.cells.map((cell) => [cell.key, cell.count])) };
  };

  beforeAll(async () => {
    const config = await testServiceConfig('scheduling', SchedulingConfig, { SERVICE_MODE: 'api' });
    app = await startTestService({ service: 'scheduling', description: 'test', config, module: AppModule.register(config) });
    school = (await call(admin, 'POST', '/schools', { name: 'Transition Primary', phase: 'primary' }, 201)).id;
    for (const [name, startsOn, endsOn] of [
      ['Summer 2024', '2024-04-15', '2024-07-19'],
      ['Autumn 2024', '2024-09-03', '2024-12-19'],
      ['Spring 2025', '2025-01-06', '2025-04-04'],
      ['Summer 2025', '2025-04-22', '2025-07-18'],
    ]) {
      await call(admin, 'POST', '/terms', { name, startsOn, endsOn }, 201);
    }
    const rows = names(1, 15).map((name, i) => `T${i + 1},Pupil,${name},Y6,${i < 8 ? 'Y' : 'N'},${i < 13 ? 'Archbishop Blanch' : ''}`);
    await call(
      admin,
      'POST',
      '/imports/pupils',
      { schoolId: school, csv: ['UPN,Surname,Forename,Year,Pupil Premium,Destination School', ...rows, 'T99,Pupil,z,Y5,N,'].join('\n') },
      201,
    );
    for (const found of (await call<{ items: ApiRow[] }>(admin, 'GET', `/pupils?schoolId=${school}&limit=100`, undefined, 200)).items)
      pupils[found.firstName as string] = found.id;
    const y14 = await app.inject({ method: 'GET', url: `/pupils/${pupils.y14}`, headers: await identityHeaders(admin, 'scheduling') });
    await call(admin, 'PATCH', `/pupils/${pupils.y14}`, { destinationSchool: 'Everton Free School' }, 200, {
      'if-match': String(y14.headers.etag),
    });

    wcet = (
      await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Y6 Strings', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    orchestra = (
      await call(
        admin,
        'POST',
        '/ensembles',
        { name: 'Area Orchestra', kind: 'orchestra', strand: 'after_school', level: 'intermediate' },
        201,
      )
    ).id;
    for (const name of names(1, 15))
      await call(admin, 'POST', `/ensembles/${wcet}/members`, { pupilId: pupils[name], joinedOn: '2023-09-04' }, 201);
    for (const name of names(1, 14))
      await call(admin, 'POST', `/ensembles/${orchestra}/members`, { pupilId: pupils[name], joinedOn: '2024-05-01' }, 201);

    const rolled = await call(
      admin,
      'POST',
      `/schools/${school}/roll-overs`,
      { academicYear: '2024-25', leaversLeftOn: '2024-07-19' },
      201,
    );
    expect(rolled).toMatchObject({ movedUp: 1, leavers: 15, applied: true });

    await playOn('2024-10-09', [...names(1, 9), 'y14'], ['y10']);
    await playOn('2025-05-14', names(1, 6));
    figures = (await call<{ figures: Figure[] }>(admin, 'GET', '/reports/transition?academicYear=2023-24', undefined, 200)).figures;
  });

  afterAll(() => app?.close());

  it('keeps Year 6 as alumni with their destination school, ends their school ensembles and keeps the area’s', async () => {
    const y1 = await call(admin, 'GET', `/pupils/${pupils.y1}`, undefined, 200);
    expect(y1).toMatchObject({ status: 'alumni', leftOn: '2024-07-19', yearGroup: 6, destinationSchool: 'Archbishop Blanch' });
    expect(await call(admin, 'GET', `/pupils/${pupils.y14}`, undefined, 200)).toMatchObject({
      status: 'alumni',
      destinationSchool: 'Everton Free School',
    });
    expect(await call(admin, 'GET', `/pupils/${pupils.z}`, undefined, 200)).toMatchObject({ status: 'active', yearGroup: 6 });
    const memberships: { ensemble_id: string; left_on: string | null }[] = await app
      .get(DataSource)
      .query(`SELECT ensemble_id, to_char(left_on, 'YYYY-MM-DD') AS left_on FROM ensemble_members WHERE tenant_id = $1 AND pupil_id = $2`, [
        tenantId,
        pupils.y1,
      ]);
    expect(memberships).toEqual(
      expect.arrayContaining([
        { ensemble_id: wcet, left_on: '2024-07-19' },
        { ensemble_id: orchestra, left_on: null },
      ]),
    );
  });

  it('counts who attended one term on (autumn 2024) and one year on (summer 2025), an excused absence not counting', () => {
    expect(figure('transition-one-term')).toEqual({ total: 15, continuing: 10, not_continuing: 5, not_yet_known: 0 });
    expect(figure('transition-one-year')).toEqual({ total: 15, continuing: 6, not_continuing: 9, not_yet_known: 0 });
  });

  it('breaks them down by destination school and characteristics, suppressing small groups and what would give them away', () => {
    // One term: Blanch 9 of 13 (4 did not: suppressed), Everton 1 of 1 (suppressed), unknown 0 of 1.
    expect(figure('transition-one-term-by-destination')).toEqual({
      total: 10,
      'Archbishop Blanch': null,
      'Everton Free School': null,
      unknown: 0,
    });
    // One year: Blanch 6 of 13 (7 did not), nobody else.
    expect(figure('transition-one-year-by-destination')).toEqual({
      total: 6,
      'Archbishop Blanch': 6,
      'Everton Free School': 0,
      unknown: 0,
    });
    expect(figures.find((f) => f.id === 'transition-one-year-by-destination')?.cells[0].percent).toBe(46.2);
    // Pupil premium one term: yes 8 of 8 (y1–y8), no 2 of 7 (y9, y14): the 2 is suppressed, and the 8 with it.
    expect(figure('transition-one-term-by-pupilPremium')).toEqual({ total: 10, yes: null, no: null, unknown: 0 });
    // One year: yes 6 of 8 (2 did not: suppressed), no 0 of 7: the 6 alone would be recovered from the total, which goes.
    expect(figure('transition-one-year-by-pupilPremium')).toEqual({ total: null, yes: null, no: 0, unknown: 0 });
    expect(figure('transition-one-year-by-gender')).toEqual({ total: 6, female: 0, male: 0, other: 0, unknown: 6 });
  });

  describe('click-through: the pseudonymised leavers behind a figure', () => {
    interface Behind {
      figureId: string;
      cell: string | null;
      count: number | null;
      suppressed: boolean;
      pupils: { pseudonym: string }[];
    }
    const url = (figureId: string, cell?: string) =>
      `/reports/transition/figures/${figureId}/pupils?academicYear=2023-24${cell === undefined ? '' : `&cell=${encodeURIComponent(cell)}`}`;
    const behind = (figureId: string, cell?: string, who: Identity = personas.evaluator(tenantId)) =>
      call<Behind>(who, 'GET', url(figureId, cell), undefined, 200);
    const pseudonyms = (list: string[]) => {
      const key = app.get<PlatformOptions>(PLATFORM_OPTIONS).config.evaluationPseudonymKey;
      return list
        .map((name) => ({ pseudonym: pseudonymOf(key, tenantId, pupils[name]) }))
        .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
    };

    it('lists the leavers of a shown cell, or of the total, as the figure counted them, by pseudonym only', async () => {
      const continuing = await behind('transition-one-term', 'continuing');
      expect(continuing).toMatchObject({ figureId: 'transition-one-term', cell: 'continuing', count: 10, suppressed: false });
      expect(continuing.pupils).toEqual(pseudonyms([...names(1, 9), 'y14']));
      expect(JSON.stringify(continuing)).not.toContain(pupils.y1);
      expect((await behind('transition-one-term', 'not_continuing')).pupils).toEqual(pseudonyms(['y10', 'y11', 'y12', 'y13', 'y15']));
      expect((await behind('transition-one-term')).pupils).toEqual(pseudonyms(names(1, 15)));
      expect((await behind('transition-one-year', 'continuing', admin)).pupils).toEqual(pseudonyms(names(1, 6)));
      // The breakdowns count those who continued: of Archbishop Blanch's 13, the 6 who played on a year later.
      expect((await behind('transition-one-year-by-destination', 'Archbishop Blanch')).pupils).toEqual(pseudonyms(names(1, 6)));
      expect((await behind('transition-one-term-by-destination')).pupils).toEqual(pseudonyms([...names(1, 9), 'y14']));
      expect((await behind('transition-one-year-by-destination', 'unknown')).pupils).toEqual([]);
    });

    it('lists nobody behind a suppressed count, cell or total', async () => {
      for (const [figureId, cell] of [
        ['transition-one-term-by-destination', 'Archbishop Blanch'],
        ['transition-one-term-by-destination', 'Everton Free School'],
        ['transition-one-term-by-pupilPremium', 'yes'],
        ['transition-one-term-by-pupilPremium', 'no'],
        ['transition-one-year-by-pupilPremium', undefined],
        ['transition-one-year-by-pupilPremium', 'yes'],
      ])
        expect(await behind(figureId as string, cell)).toMatchObject({ figureId, count: null, suppressed: true, pupils: [] });
    });

    it('answers 404 for a figure or cell the report lacks, 400 without a year, 403 to a headteacher; another area sees none of these', async () => {
      const status = async (who: Identity, path: string) =>
        (await app.inject({ method: 'GET', url: path, headers: await identityHeaders(who, 'scheduling') })).statusCode;
      expect(await status(admin, url('wcet-by-terms'))).toBe(404);
      expect(await status(admin, url('transition-one-term', 'maybe'))).toBe(404);
      expect(await status(admin, '/reports/transition/figures/transition-one-term/pupils')).toBe(400);
      expect(await status(personas.headteacher(tenantId, school), url('transition-one-term'))).toBe(403);
      const elsewhere = await behind('transition-one-term', undefined, personas.evaluator(newTenantId()));
      expect([elsewhere.count, elsewhere.pupils]).toEqual([0, []]);
    });
  });

  it('shows nothing to a headteacher (403) and nothing of this area to another', async () => {
    const head = await app.inject({
      method: 'GET',
      url: '/reports/transition?academicYear=2023-24',
      headers: await identityHeaders(personas.headteacher(tenantId, school), 'scheduling'),
    });
    expect(head.statusCode).toBe(403);
    const elsewhere = await call<{ figures: Figure[] }>(
      personas.programmeAdmin(newTenantId()),
      'GET',
      '/reports/transition?academicYear=2023-24',
      undefined,
      200,
    );
    expect(elsewhere.figures.find((f) => f.id === 'transition-one-term')?.total).toBe(0);
  });
});

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import type { EventCatalog, EventEnvelope } from '@tutti/contracts';
import { applyEvent, MessagingHandlers } from '@tutti/messaging';
import { newId, PLATFORM_OPTIONS, pseudonymOf, type PlatformOptions } from '@tutti/platform';
import { auditEntriesAbout, identityHeaders, newTenantId, personas, startTestService, testServiceConfig } from '@tutti/testing';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { SchedulingConfig } from '../config';
import { ANNUAL_RETURN_COLUMNS } from './annual-return.files';

type ApiRow = { id: string } & Record<string, unknown>;

interface Figure {
  id: string;
  total: number | null;
  cells: { key: string; count: number | null; percent: number | null }[];
  howComputed: string;
}
interface Report {
  academicYear: string;
  figures: Figure[];
  schoolsWorkedWith: { name: string }[];
  notIncluded: { figure: string }[];
}

/**
 * A small area over 2023-24, every figure computed by hand below. Schools A and B (C has no session).
 * 15 pupils had whole-class teaching (WCET): a1–a8 at A, b1–b5 at B, the mover m (A in autumn, B
 * from spring) and the leaver l (A, autumn only, left 1 February). e was marked excused at every
 * WCET session (never attended): not a WCET pupil. l's free school meals status is unknown.
 */
describe('annual data return: every figure against a hand-computed fixture', () => {
  let app: NestFastifyApplication;
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const evaluator = personas.evaluator(tenantId);
  const pupils: Record<string, string> = {};
  let schoolA: string;
  let schoolB: string;
  let report: Report;

  const figure = (id: string): Record<string, number | null> & { total: number | null } => {
    const found = report.figures.find((f) => f.id === id);
    if (!found) throw new Error(`no figure ${id}`);
    return { total: found.total, ...Object.fromEntries(found.cells.map((cell) => [cell.key, cell.count])) };
  };

  async function sessionOn(ensembleId: string, day: string, startTime = '09:00'): Promise<string> {
    const session = await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId, recurrence: 'once', firstOn: day, startTime, durationMinutes: 60 },
      201,
    );
    const page = await call<{ items: ApiRow[] }>(admin, 'GET', `/occurrences?sessionId=${session.id}`, undefined, 200);
    return page.items[0].id;
  }
  async function register(occurrenceId: string, marks: Record<string, 'present' | 'late' | 'absent' | 'excused'>): Promise<void> {
    const body = {
      submissionId: newId(),
      marks: Object.entries(marks).map(([name, status]) => ({ markId: newId(), pupilId: pupils[name], status })),
    };
    await call(admin, 'POST', `/occurrences/${occurrenceId}/register`, body, 201);
  }
  const all = (names: string[], status: 'present' | 'late' | 'absent' | 'excused') =>
    Object.fromEntries(names.map((name) => [name, status]));
  const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
  async function join(ensembleId: string, names: string[], joinedOn: string): Promise<void> {
    for (const name of names) await call(admin, 'POST', `/ensembles/${ensembleId}/members`, { pupilId: pupils[name], joinedOn }, 201);
  }

  /** An event of another service, applied as scheduling's consumer applies it. */
  async function delivered<
    T extends 'performance.performance.completed' | 'engagement.rsvp.changed' | 'engagement.family-session.attendance-marked',
  >(type: T, payload: EventCatalog[T], occurredAt = new Date()): Promise<EventEnvelope<T>> {
    const event: EventEnvelope<T> = {
      id: newId(),
      type,
      tenantId,
      occurredAt: occurredAt.toISOString(),
      source: type.startsWith('performance.') ? 'performance-event' : 'parent-engagement',
      payload,
    };
    await applyEvent(app.get(DataSource), 'scheduling', app.get(MessagingHandlers).handlers, event);
    return event;
  }
  const performanceIds: Record<string, string> = {};
  const guardians: Record<string, string> = {};
  /** One RSVP or sign-up a family and performance or session, as parent engagement keeps it (a changed answer keeps its id). */
  const answerIds: Record<string, string> = {};
  const answerIdOf = (family: string, of: string) => (answerIds[`${family} ${of}`] ??= newId());

  const get = async (identity: Identity, url: string) =>
    app.inject({ method: 'GET', url, headers: await identityHeaders(identity, 'scheduling') });
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

  beforeAll(async () => {
    const config = await testServiceConfig('scheduling', SchedulingConfig, { SERVICE_MODE: 'api' });
    app = await startTestService({ service: 'scheduling', description: 'test', config, module: AppModule.register(config) });
    schoolA = (await call(admin, 'POST', '/schools', { name: 'Anfield Primary', phase: 'primary', urn: '100001' }, 201)).id;
    schoolB = (await call(admin, 'POST', '/schools', { name: 'Bootle Primary', phase: 'primary', urn: '100002' }, 201)).id;
    await call(admin, 'POST', '/schools', { name: 'Crosby Primary', phase: 'primary' }, 201);
    for (const [name, startsOn, endsOn] of [
      ['Autumn 2023', '2023-09-04', '2023-12-20'],
      ['Spring 2024', '2024-01-08', '2024-03-28'],
      ['Summer 2024', '2024-04-15', '2024-07-19'],
      ['Autumn 2024', '2024-09-03', '2024-12-19'],
    ]) {
      await call(admin, 'POST', '/terms', { name, startsOn, endsOn }, 201);
    }

    // Characteristics as recorded: FSM yes a1–a5 and m, no for the others but l (unknown);
    // SEND: a1 SEN support, b1 EHCP, l unknown, the others none; gender female a1–a4, b1, b2, unknown l, male the others;
    // ethnicity white for a and b, asian m, unknown l; EAL nobody recorded.
    const characteristics = (name: string) => ({
      pupilPremium: name === 'l' ? 'unknown' : ['a1', 'a2', 'a3', 'a4', 'a5', 'm'].includes(name) ? 'yes' : 'no',
      send: name === 'a1' ? 'sen_support' : name === 'b1' ? 'ehcp' : name === 'l' ? 'unknown' : 'none',
      gender: name === 'l' ? 'unknown' : ['a1', 'a2', 'a3', 'a4', 'b1', 'b2'].includes(name) ? 'female' : 'male',
      ethnicityGroup: name === 'm' ? 'asian' : name === 'l' ? 'unknown' : 'white',
    });
    for (const name of [...range('a', 1, 8), 'm', 'l', 'e']) {
      pupils[name] = (
        await call(
          admin,
          'POST',
          '/pupils',
          { schoolId: schoolA, firstName: name, lastName: 'Pupil', yearGroup: 3, ...characteristics(name) },
          201,
        )
      ).id;
    }
    for (const name of range('b', 1, 5)) {
      pupils[name] = (
        await call(
          admin,
          'POST',
          '/pupils',
          { schoolId: schoolB, firstName: name, lastName: 'Pupil', yearGroup: 4, ...characteristics(name) },
          201,
        )
      ).id;
    }

    const wcetA = (
      await call(admin, 'POST', '/ensembles', { schoolId: schoolA, name: 'Y3 Strings', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    const wcetB = (
      await call(admin, 'POST', '/ensembles', { schoolId: schoolB, name: 'Y4 Brass', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    const orchestra = (
      await call(admin, 'POST', '/ensembles', { name: 'Area Orchestra', kind: 'orchestra', strand: 'after_school', level: 'beginner' }, 201)
    ).id;
    const choir = (await call(admin, 'POST', '/ensembles', { name: 'Area Choir', kind: 'choir', strand: 'after_school' }, 201)).id;
    await join(wcetA, [...range('a', 1, 8), 'm', 'l', 'e'], '2023-09-04');
    await join(wcetB, range('b', 1, 5), '2023-09-04');
    await join(orchestra, [...range('a', 1, 6), 'b5', 'e', 'm', 'a7'], '2024-04-15');
    await join(choir, ['a1'], '2024-04-15');

    const aNames = range('a', 1, 8);
    await register(await sessionOn(wcetA, '2023-10-02'), { ...all(aNames, 'present'), m: 'present', l: 'present', e: 'excused' });
    await register(await sessionOn(wcetA, '2024-01-15'), { ...all(range('a', 1, 7), 'present'), a8: 'absent', l: 'absent', e: 'excused' });
    await register(await sessionOn(wcetA, '2024-05-06'), { ...all(range('a', 1, 7), 'present'), a8: 'late', e: 'excused' });
    await call(admin, 'POST', `/pupils/${pupils.l}/leave`, { leftOn: '2024-02-01' }, 200);
    // The mover changes school after the autumn term's register.
    await call(admin, 'POST', `/pupils/${pupils.m}/move`, { schoolId: schoolB }, 200);
    await join(wcetB, ['m'], '2024-01-01');
    await register(await sessionOn(wcetB, '2023-10-03'), all(range('b', 1, 5), 'present'));
    await register(await sessionOn(wcetB, '2024-01-16'), { ...all(range('b', 1, 5), 'present'), m: 'present' });
    await register(await sessionOn(wcetB, '2024-05-07'), { ...all(range('b', 1, 4), 'present'), b5: 'absent', m: 'present' });

    // Orchestra, summer 2024: a1–a5, b5 and e at all six; a6 at five, excused at one (5 sessions: not regular). Choir: a1 at six.
    for (const [index, day] of ['2024-05-08', '2024-05-15', '2024-05-22', '2024-06-05', '2024-06-12', '2024-06-19'].entries()) {
      await register(await sessionOn(orchestra, day, '16:30'), {
        ...all([...range('a', 1, 5), 'b5', 'e'], 'present'),
        a6: index === 0 ? 'excused' : 'present',
      });
      await register(await sessionOn(choir, day, '15:30'), { a1: 'present' });
    }
    // Autumn 2024 (the next academic year): a1–a3 and m play on; a7 is excused.
    await register(await sessionOn(orchestra, '2024-09-18', '16:30'), { ...all(['a1', 'a2', 'a3', 'm'], 'present'), a7: 'excused' });

    // Exams of 2023-24: grade 1 pass a1, merit a2, fail a3, distinction a4, pass a5, pass b1; grade 2 pass a1;
    // a2's grade 2 withdrawn, and a3's grade 2 of October 2024 (next year) left out.
    const exam = async (name: string, grade: number, examOn: string, result: string) => {
      const entry = await call(
        admin,
        'POST',
        `/pupils/${pupils[name]}/exam-entries`,
        { board: 'ABRSM', grade, instrument: 'violin', enteredOn: '2024-02-01', examOn },
        201,
      );
      await call(admin, 'PATCH', `/exam-entries/${entry.id}/result`, { result }, 200, { 'if-match': '"1"' });
    };
    for (const [name, result] of [
      ['a1', 'pass'],
      ['a2', 'merit'],
      ['a3', 'fail'],
      ['a4', 'distinction'],
      ['a5', 'pass'],
      ['b1', 'pass'],
    ])
      await exam(name, 1, '2024-03-10', result);
    await exam('a1', 2, '2024-07-01', 'pass');
    await exam('a2', 2, '2024-07-01', 'withdrawn');
    await exam('a3', 2, '2024-10-01', 'pass');

    // Performances marked completed in performance-event (local dates, Europe/London): P0 starts at 00:30 on 1 September 2023
    // (23:30 UTC the day before: in the year), P1–P3 in the year; P4 (20 September 2024) and P5 (00:30 on 1 September 2024) not.
    // A performer scheduling does not know (another area's pupil) is not counted.
    const performance = async (key: string, startsAt: string, audience: 'public' | 'school_community', names: string[], at?: Date) => {
      performanceIds[key] ??= newId();
      await delivered(
        'performance.performance.completed',
        {
          version: 1,
          performanceId: performanceIds[key],
          title: `Concert ${key}`,
          startsAt,
          audience,
          performers: names.map((name) => ({ pupilId: pupils[name] ?? newId(), schoolId: name.startsWith('b') ? schoolB : schoolA })),
        },
        at,
      );
    };
    await performance('P0', '2023-08-31T23:30:00.000Z', 'school_community', ['b2']);
    await performance('P1', '2023-12-10T14:00:00.000Z', 'public', [...range('a', 1, 8), 'b1', 'stranger']);
    await performance('P2', '2024-03-15T14:00:00.000Z', 'school_community', [...range('a', 1, 5), 'm']);
    await performance('P3', '2024-06-30T13:00:00.000Z', 'public', ['a1', 'a2', 'b5']);
    await performance('P4', '2024-09-20T13:00:00.000Z', 'public', ['a1']);
    await performance('P5', '2024-08-31T23:30:00.000Z', 'public', ['a3']);
    // An older snapshot of P1's roster, delivered late, changes nothing.
    await performance('P1', '2023-12-10T14:00:00.000Z', 'public', ['a1'], new Date(Date.now() - 3_600_000));

    // RSVPs (parent-engagement), families g1…: yes to P1 from g1 (2+1, 3 arrived), g2 (1+2, 2 arrived), g3 (2+0) and g10–g13 (1+0 each,
    // not checked in); g4 says no. P2: g5 (1+1, checked in without a head count), g1 (2+1, 3 arrived). P3: g6 (1+0, 1 arrived),
    // g2 (2+0, 2 arrived); g7 said yes and then no (the yes delivered late). P4 is next year's (g8); g9's performance never took place.
    const rsvp = async (
      family: string,
      key: string,
      answer: { attending: boolean; adults?: number; children?: number; arrived?: [number, number] | 'no-count' },
      at?: Date,
    ) => {
      guardians[family] ??= newId();
      performanceIds[key] ??= newId();
      await delivered(
        'engagement.rsvp.changed',
        {
          version: 1,
          rsvpId: answerIdOf(family, key),
          performanceId: performanceIds[key],
          performanceStartsAt: '2024-01-01T12:00:00.000Z',
          guardianId: guardians[family],
          pupilIds: [pupils.a1],
          schoolIds: [schoolA],
          attending: answer.attending,
          adults: answer.adults ?? 1,
          children: answer.children ?? 0,
          checkedIn: answer.arrived !== undefined,
          arrivedAdults: Array.isArray(answer.arrived) ? answer.arrived[0] : null,
          arrivedChildren: Array.isArray(answer.arrived) ? answer.arrived[1] : null,
        },
        at,
      );
    };
    await rsvp('g1', 'P1', { attending: true, adults: 2, children: 1, arrived: [2, 1] });
    await rsvp('g2', 'P1', { attending: true, adults: 1, children: 2, arrived: [1, 1] });
    await rsvp('g3', 'P1', { attending: true, adults: 2 });
    for (const family of ['g10', 'g11', 'g12', 'g13']) await rsvp(family, 'P1', { attending: true });
    await rsvp('g4', 'P1', { attending: false });
    await rsvp('g5', 'P2', { attending: true, adults: 1, children: 1, arrived: 'no-count' });
    await rsvp('g1', 'P2', { attending: true, adults: 2, children: 1, arrived: [2, 1] });
    await rsvp('g6', 'P3', { attending: true, arrived: [1, 0] });
    await rsvp('g2', 'P3', { attending: true, adults: 2, arrived: [2, 0] });
    await rsvp('g7', 'P3', { attending: false });
    await rsvp('g7', 'P3', { attending: true, adults: 2, children: 2 }, new Date(Date.now() - 3_600_000));
    await rsvp('g8', 'P4', { attending: true, arrived: [1, 0] });
    await rsvp('g9', 'P-cancelled', { attending: true });

    // Family sessions: S1 (10 February 2024) attended by g1 and g4, not by g14; S2 (5 May 2024) by g15, and g16's mark taken back;
    // S3 (20 August 2023) is the year before.
    const familySession = async (family: string, session: string, startsAt: string, attended: boolean | null) => {
      guardians[family] ??= newId();
      await delivered('engagement.family-session.attendance-marked', {
        version: 1,
        signUpId: answerIdOf(family, `session ${session}`),
        sessionId: `00000000-0000-4000-8000-${session.padStart(12, '0')}`,
        sessionStartsAt: startsAt,
        guardianId: guardians[family],
        schoolIds: [schoolA],
        attended,
      });
    };
    await familySession('g1', '1', '2024-02-10T10:00:00.000Z', true);
    await familySession('g4', '1', '2024-02-10T10:00:00.000Z', true);
    await familySession('g14', '1', '2024-02-10T10:00:00.000Z', false);
    await familySession('g15', '2', '2024-05-05T10:00:00.000Z', true);
    await familySession('g16', '2', '2024-05-05T10:00:00.000Z', true);
    await familySession('g16', '2', '2024-05-05T10:00:00.000Z', null);
    await familySession('g17', '3', '2023-08-20T10:00:00.000Z', true);

    report = await call<Report>(admin, 'GET', '/reports/annual-return?academicYear=2023-24', undefined, 200);
  });

  afterAll(() => app?.close());

  it('counts the WCET pupils once each by year group, and by terms of WCET (the 1 and the 2 suppressed)', () => {
    expect(figure('wcet-by-year-group')).toEqual({ total: 15, 3: 10, 4: 5 });
    // 3 terms: a1–a7, m, b1–b4 (12); 2: a8 (late counts) and b5 (absent in summer); 1: l.
    expect(figure('wcet-by-terms')).toEqual({ total: 15, 1: null, 2: null, 3: 12 });
  });

  it('breaks the WCET pupils down by characteristic, unknown where nothing is recorded, with secondary suppression', () => {
    // FSM: yes 6, no 8, unknown 1 (l): the 1 is suppressed, and the 6 with it, or 15 - 8 would give it away.
    expect(figure('wcet-by-pupilPremium')).toEqual({ total: 15, yes: null, no: 8, unknown: null });
    // SEND: none 12, SEN support 1, EHCP 1, unknown 1: three ones would be known as ones, so the 12 goes too.
    expect(figure('wcet-by-send')).toEqual({ total: 15, none: null, sen_support: null, ehcp: null, unknown: null });
    expect(figure('wcet-by-eal')).toEqual({ total: 15, yes: 0, no: 0, unknown: 15 });
    expect(figure('wcet-by-gender')).toEqual({ total: 15, female: null, male: 8, other: 0, unknown: null });
    expect(figure('wcet-by-ethnicityGroup')).toEqual({
      total: 15,
      white: null,
      mixed: 0,
      asian: null,
      black: 0,
      chinese: 0,
      other: 0,
      refused: 0,
      unknown: null,
    });
    const eal = report.figures.find((f) => f.id === 'wcet-by-eal');
    expect(eal?.cells.find((cell) => cell.key === 'unknown')).toMatchObject({ percent: 100 });
    expect(report.figures.find((f) => f.id === 'wcet-by-gender')?.cells.find((cell) => cell.key === 'male')).toMatchObject({
      percent: 53.3,
    });
  });

  it('follows each WCET pupil into the term after their last WCET term', () => {
    // Continuing: a1, a2, a3, m (autumn 2024 orchestra), b5 (summer orchestra after WCET ended in spring). Not: a4–a8, b1–b4, and l.
    expect(figure('continuation-after-wcet')).toEqual({ total: 15, continuing: 5, not_continuing: 10, not_yet_known: 0 });
  });

  it('counts pupils playing regularly (6 sessions or more) by ensemble kind and level; an excused absence is not a session played', () => {
    // Orchestra: a1–a5, b5, e (7; a6 played 5). Choir: a1 alone (suppressed); the total counts a1 once.
    expect(figure('regular-ensemble-players')).toEqual({ total: 7, 'orchestra:beginner': 7, 'choir:any level': null });
  });

  it('counts exam entries and passes of the year by grade, withdrawn and next year’s entries left out', () => {
    // Grade 1: 6 entries, 5 passes (1 fail: the passes are suppressed, or 6 - 5 gives the fail away). Grade 2: 1 entry (suppressed) and 1 pass.
    expect(figure('exam-entries-by-grade')).toEqual({ total: 7, 1: null, 2: null });
    expect(figure('exam-passes-by-grade')).toEqual({ total: 6, 1: null, 2: null });
  });

  it('lists the schools worked with (the mover’s two; not the school without sessions) and leaves nothing out', () => {
    expect(figure('schools-worked-with')).toEqual({ total: 2, primary: 2 });
    expect(report.schoolsWorkedWith.map((school) => school.name)).toEqual(['Anfield Primary', 'Bootle Primary']);
    expect(report.notIncluded).toEqual([]);
    for (const f of report.figures) expect(f.howComputed.length).toBeGreaterThan(40);
  });

  it('counts the performances that took place in the year by audience, by their local date', () => {
    // P0 (00:30 on 1 September 2023, London) and P2 for the school community; P1 and P3 public. Not P4, nor P5 (1 September 2024 locally).
    expect(figure('performances-given')).toEqual({ total: 4, public: 2, school_community: 2 });
  });

  it('counts the pupils who performed by number of performances, suppressed, the stranger and the late old roster not counted', () => {
    // 1: a6, a7, a8, b1, m, b5, b2 (7); 2: a3, a4, a5 (3, suppressed); 3: a1, a2 (2, suppressed); 4 or more: none.
    expect(figure('pupils-performing')).toEqual({ total: 12, 1: 7, 2: null, 3: null, '4+': 0 });
  });

  it('counts the audience from RSVPs to performances that took place: families by check-in, and people expected and arrived', () => {
    // Yes to P1–P3: g1, g2, g3, g10–g13 (P1), g5, g1 (P2), g6, g2 (P3): 11. Checked in: g1 and g2 at P1, g5 and g1 at P2, g6 and g2 at P3 (6).
    // g7's late yes does not replace its no; g8's performance is next year's, g9's never took place.
    expect(figure('performance-audience')).toEqual({ total: 11, checked_in: 6, not_checked_in: 5 });
    // Expected: 3 + 3 + 2 + 4 × 1 (P1), 2 + 3 (P2), 1 + 2 (P3) = 20. Arrived: 3 + 2 (P1), 3 (P2; g5 without a head count), 1 + 2 (P3) = 11.
    expect(figure('audience-people')).toEqual({ total: 20, expected: 20, arrived: 11 });
  });

  it('counts the families engaged once each, by how, small counts suppressed', () => {
    // Said they would come: g1, g2, g3, g5, g6, g10–g13 (9). Checked in: g1, g2, g5, g6 (4). Family sessions: g1, g4, g15 (3; g14 absent,
    // g16's mark taken back, g17's the year before). Distinct: the 9 and g4, g15 (11).
    expect(figure('family-engagement')).toEqual({ total: 11, performance: 9, checked_in: null, family_session: null });
  });

  describe('click-through: the pseudonymised pupils behind a figure', () => {
    interface Behind {
      figureId: string;
      cell: string | null;
      cellLabel: string;
      count: number | null;
      suppressed: boolean;
      pupils: { pseudonym: string }[];
    }
    const behind = (who: Identity, figureId: string, cell?: string) =>
      call<Behind>(
        who,
        'GET',
        `/reports/annual-return/figures/${figureId}/pupils?academicYear=2023-24${cell === undefined ? '' : `&cell=${encodeURIComponent(cell)}`}`,
        undefined,
        200,
      );
    const pseudonyms = (names: string[]) => {
      const key = app.get<PlatformOptions>(PLATFORM_OPTIONS).config.evaluationPseudonymKey;
      return names
        .map((name) => ({ pseudonym: pseudonymOf(key, tenantId, pupils[name]) }))
        .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
    };

    it('lists the pupils of a shown cell, or of the total, as the figure counted them, by pseudonym only', async () => {
      const fsmNo = await behind(evaluator, 'wcet-by-pupilPremium', 'no');
      expect(fsmNo).toEqual({
        academicYear: '2023-24',
        figureId: 'wcet-by-pupilPremium',
        figureTitle: 'Pupils receiving WCET, by free school meals or pupil premium',
        cell: 'no',
        cellLabel: 'no',
        count: 8,
        suppressed: false,
        pupils: pseudonyms(['a6', 'a7', 'a8', 'b1', 'b2', 'b3', 'b4', 'b5']),
      });
      for (const name of ['a6', 'b1']) expect(JSON.stringify(fsmNo)).not.toContain(pupils[name]);
      // The mover counts once, in the year group of that year; the leaver is there.
      expect((await behind(admin, 'wcet-by-year-group', '3')).pupils).toEqual(pseudonyms([...range('a', 1, 8), 'm', 'l']));
      expect((await behind(admin, 'wcet-by-terms')).pupils).toEqual(pseudonyms([...range('a', 1, 8), ...range('b', 1, 5), 'm', 'l']));
      expect((await behind(admin, 'continuation-after-wcet', 'continuing')).pupils).toEqual(pseudonyms(['a1', 'a2', 'a3', 'm', 'b5']));
      expect((await behind(admin, 'wcet-by-eal', 'yes')).pupils).toEqual([]);
      // a6 played five sessions (one excused): not behind the regular players.
      expect((await behind(admin, 'regular-ensemble-players', 'orchestra:beginner')).pupils).toEqual(
        pseudonyms(['a1', 'a2', 'a3', 'a4', 'a5', 'b5', 'e']),
      );
      // 7 entries (the total), 6 pupils: a1 entered grades 1 and 2.
      const entries = await behind(admin, 'exam-entries-by-grade');
      expect([entries.count, entries.pupils]).toEqual([7, pseudonyms(['a1', 'a2', 'a3', 'a4', 'a5', 'b1'])]);
      // The pupils who performed once; and all twelve behind the total.
      expect((await behind(evaluator, 'pupils-performing', '1')).pupils).toEqual(pseudonyms(['a6', 'a7', 'a8', 'b1', 'm', 'b5', 'b2']));
      expect((await behind(admin, 'pupils-performing')).pupils).toEqual(pseudonyms([...range('a', 1, 8), 'b1', 'b2', 'b5', 'm']));
    });

    it('lists nobody behind a suppressed count', async () => {
      for (const [figureId, cell] of [
        ['wcet-by-pupilPremium', 'yes'],
        ['wcet-by-pupilPremium', 'unknown'],
        ['wcet-by-terms', '1'],
        ['regular-ensemble-players', 'choir:any level'],
        ['exam-passes-by-grade', '1'],
        ['exam-entries-by-grade', '2'],
        ['pupils-performing', '2'],
        ['pupils-performing', '3'],
      ])
        expect(await behind(evaluator, figureId, cell)).toMatchObject({ figureId, cell, count: null, suppressed: true, pupils: [] });
    });

    it('answers 404 for a figure or cell the return does not have, 400 for schools, and only to the programme admin and the evaluator', async () => {
      const status = async (who: Identity, url: string) =>
        (await app.inject({ method: 'GET', url, headers: await identityHeaders(who, 'scheduling') })).statusCode;
      const url = (figureId: string, cell = '') => `/reports/annual-return/figures/${figureId}/pupils?academicYear=2023-24${cell}`;
      expect(await status(admin, url('no-such-figure'))).toBe(404);
      expect(await status(admin, url('wcet-by-pupilPremium', '&cell=maybe'))).toBe(404);
      for (const notPupils of ['schools-worked-with', 'performances-given', 'performance-audience', 'audience-people', 'family-engagement'])
        expect(await status(admin, url(notPupils))).toBe(400);
      expect(await status(admin, '/reports/annual-return/figures/wcet-by-terms/pupils')).toBe(400);
      for (const refused of [
        personas.headteacher(tenantId, schoolA),
        personas.tutor(tenantId, [schoolA]),
        personas.schoolStaff(tenantId, schoolA),
      ])
        expect(await status(refused, url('wcet-by-terms'))).toBe(403);
      // Another area's evaluator gets their own area's (empty) figure: none of these pupils.
      const elsewhere = await behind(personas.evaluator(newTenantId()), 'wcet-by-terms');
      expect([elsewhere.count, elsewhere.pupils]).toEqual([0, []]);
    });
  });

  describe('audit', () => {
    interface Entry {
      subjectType: string;
      subjectId: string;
      action: string;
      detail: Record<string, unknown>;
    }
    /** The audit entries published for one reader (each test reads as a reader of its own). */
    const auditedFor = (userId: string): Promise<Entry[]> =>
      app.get(DataSource).query(
        `SELECT payload->>'subjectType' AS "subjectType", payload->>'subjectId' AS "subjectId", payload->>'action' AS action, payload->'detail' AS detail
             FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->>'actorUserId' = $2 ORDER BY id`,
        [tenantId, userId],
      );
    const reader = (): Identity => ({ ...evaluator, userId: newId() });
    const clickThrough = (who: Identity, figureId: string, cell: string) =>
      call<{ pupils: unknown[] }>(
        who,
        'GET',
        `/reports/annual-return/figures/${figureId}/pupils?academicYear=2023-24&cell=${cell}`,
        undefined,
        200,
      );

    it('records a view of the figures as one entry naming the report, the area, the year and the pupils counted, not one per pupil', async () => {
      const who = reader();
      await call<Report>(who, 'GET', '/reports/annual-return?academicYear=2023-24', undefined, 200);
      expect(await auditedFor(who.userId)).toEqual([
        {
          subjectType: 'report',
          subjectId: tenantId,
          action: 'read',
          detail: { report: 'annual-return', area: tenantId, academicYear: '2023-24', pupilsCounted: 15 },
        },
      ]);
      // The files are the same figures: one entry each.
      for (const file of ['csv', 'xlsx'])
        expect((await get(who, `/reports/annual-return.${file}?academicYear=2023-24`)).statusCode).toBe(200);
      expect((await auditedFor(who.userId)).map((entry) => [entry.subjectType, entry.detail.report])).toEqual(
        Array.from({ length: 3 }, () => ['report', 'annual-return']),
      );
    });

    it('records each pupil a click-through lists as a read of that pupil (what a subject access request finds), and nobody behind a suppressed count', async () => {
      const who = reader();
      const listed = await clickThrough(who, 'wcet-by-pupilPremium', 'no');
      expect(listed.pupils).toHaveLength(8);
      const entries = await auditedFor(who.userId);
      expect(entries.filter((entry) => entry.subjectType === 'report')).toEqual([
        {
          subjectType: 'report',
          subjectId: tenantId,
          action: 'read',
          detail: {
            report: 'annual-return-pupils',
            area: tenantId,
            academicYear: '2023-24',
            pupilsCounted: 15,
            figureId: 'wcet-by-pupilPremium',
            cell: 'no',
          },
        },
      ]);
      const pupilEntries = entries.filter((entry) => entry.subjectType === 'pupil');
      expect(pupilEntries.map((entry) => entry.subjectId).sort()).toEqual(
        ['a6', 'a7', 'a8', 'b1', 'b2', 'b3', 'b4', 'b5'].map((name) => pupils[name]).sort(),
      );
      for (const entry of pupilEntries)
        expect([entry.action, entry.detail]).toEqual([
          'read',
          { report: 'annual-return-pupils', academicYear: '2023-24', figureId: 'wcet-by-pupilPremium', cell: 'no' },
        ]);
      // A pupil counted but not listed (a1 has free school meals) was not read by this reviewer.
      const aboutA1 = (await auditEntriesAbout({ db: app.get(DataSource) }, tenantId, pupils.a1)).filter(
        (entry) => entry.payload.actorUserId === who.userId,
      );
      expect(aboutA1).toEqual([]);

      const suppressed = reader();
      expect((await clickThrough(suppressed, 'wcet-by-pupilPremium', 'yes')).pupils).toEqual([]);
      expect((await auditedFor(suppressed.userId)).map((entry) => entry.subjectType)).toEqual(['report']);
    });
  });

  it('gives the same figures as CSV (UTF-8 with BOM) and XLSX', async () => {
    const csv = await get(evaluator, '/reports/annual-return.csv?academicYear=2023-24');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    // A report route says which database served it; the test set-up has no replica.
    expect(csv.headers['x-read-from']).toBe('primary');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="annual-return-2023-24.csv"');
    expect(csv.body.startsWith('\uFEFFfigure_id,figure,breakdown,count,percent,figure_total,how_computed\r\n')).toBe(true);
    expect(csv.body).toContain(
      'wcet-by-terms,"Pupils receiving WCET, by number of terms of WCET in the year",1 term,suppressed,suppressed,15,',
    );
    expect(csv.body).toContain('wcet-by-terms,"Pupils receiving WCET, by number of terms of WCET in the year",3 terms,12,80,15,');
    expect(csv.body).toContain('pupils-performing,"Pupils who performed, by number of performances",1 performance,7,58.3,12,');
    expect(csv.body).toContain(
      'pupils-performing,"Pupils who performed, by number of performances",2 performances,suppressed,suppressed,12,',
    );
    expect(csv.body).toContain('family-engagement,"Families engaged, by how",checked in at a performance,suppressed,suppressed,11,');

    const xlsx = await get(admin, '/reports/annual-return.xlsx?academicYear=2023-24');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...ANNUAL_RETURN_COLUMNS]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const terms3 = rows.find((row) => row[1] === 'wcet-by-terms' && row[3] === '3 terms');
    expect(terms3?.slice(1, 7)).toEqual([
      'wcet-by-terms',
      'Pupils receiving WCET, by number of terms of WCET in the year',
      '3 terms',
      12,
      80,
      15,
    ]);
    expect(rows.find((row) => row[1] === 'performance-audience' && row[3] === 'checked in')?.slice(1, 7)).toEqual([
      'performance-audience',
      'Performance audience: families’ RSVPs, by check-in',
      'checked in',
      6,
      54.5,
      11,
    ]);
    const csvLines = csv.body.trimEnd().split('\r\n').length - 1;
    expect(rows.length).toBe(csvLines);
  });

  it('refuses other roles (403), names a bad year (400), and shows another area nothing of this one', async () => {
    for (const who of [
      personas.headteacher(tenantId, schoolA),
      personas.tutor(tenantId, [schoolA]),
      personas.schoolStaff(tenantId, schoolA),
      personas.guardian(tenantId, [{ pupilId: pupils.a1, schoolId: schoolA }]),
    ]) {
      for (const url of ['/reports/annual-return', '/reports/annual-return.csv', '/reports/annual-return.xlsx'])
        expect((await get(who, `${url}?academicYear=2023-24`)).statusCode).toBe(403);
    }
    for (const academicYear of ['2023-25', '2023', 'x']) {
      const bad = await get(admin, `/reports/annual-return?academicYear=${academicYear}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toEqual(['academicYear']);
    }
    expect((await get(admin, '/reports/annual-return')).statusCode).toBe(400);
    const elsewhere = await call<Report>(
      personas.programmeAdmin(newTenantId()),
      'GET',
      '/reports/annual-return?academicYear=2023-24',
      undefined,
      200,
    );
    expect(elsewhere.figures.find((f) => f.id === 'wcet-by-year-group')).toMatchObject({ total: 0, cells: [] });
    expect(elsewhere.schoolsWorkedWith).toEqual([]);
    // Events are applied in the area they came from: none of this area's performances or families.
    for (const id of ['performances-given', 'pupils-performing', 'performance-audience', 'family-engagement'])
      expect(elsewhere.figures.find((f) => f.id === id)?.total).toBe(0);
  });
});

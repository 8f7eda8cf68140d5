import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import { newId, PLATFORM_OPTIONS, pseudonymOf, type PlatformOptions } from '@tutti/platform';
import { identityHeaders, newTenantId, personas, startTestService, testServiceConfig } from '@tutti/testing';
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

  it('lists the schools worked with (the mover’s two; not the school without sessions) and says what it leaves out', () => {
    expect(figure('schools-worked-with')).toEqual({ total: 2, primary: 2 });
    expect(report.schoolsWorkedWith.map((school) => school.name)).toEqual(['Anfield Primary', 'Bootle Primary']);
    expect(report.notIncluded.map((missing) => missing.figure)).toEqual([
      'Performances and audience (RSVPs, check-ins)',
      'Family engagement',
    ]);
    for (const f of report.figures) expect(f.howComputed.length).toBeGreaterThan(40);
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
    });

    it('lists nobody behind a suppressed count', async () => {
      for (const [figureId, cell] of [
        ['wcet-by-pupilPremium', 'yes'],
        ['wcet-by-pupilPremium', 'unknown'],
        ['wcet-by-terms', '1'],
        ['regular-ensemble-players', 'choir:any level'],
        ['exam-passes-by-grade', '1'],
        ['exam-entries-by-grade', '2'],
      ])
        expect(await behind(evaluator, figureId, cell)).toMatchObject({ figureId, cell, count: null, suppressed: true, pupils: [] });
    });

    it('answers 404 for a figure or cell the return does not have, 400 for schools, and only to the programme admin and the evaluator', async () => {
      const status = async (who: Identity, url: string) =>
        (await app.inject({ method: 'GET', url, headers: await identityHeaders(who, 'scheduling') })).statusCode;
      const url = (figureId: string, cell = '') => `/reports/annual-return/figures/${figureId}/pupils?academicYear=2023-24${cell}`;
      expect(await status(admin, url('no-such-figure'))).toBe(404);
      expect(await status(admin, url('wcet-by-pupilPremium', '&cell=maybe'))).toBe(404);
      expect(await status(admin, url('schools-worked-with'))).toBe(400);
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

  it('audits the read of each counted pupil’s characteristics', async () => {
    const audited: { subject: string }[] = await app
      .get(DataSource)
      .query(
        `SELECT payload->>'subjectId' AS subject FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->'detail'->>'report' = 'annual-return' AND payload->>'actorUserId' = $2`,
        [tenantId, admin.userId],
      );
    expect(audited.map((row) => row.subject).sort()).toEqual(
      [...range('a', 1, 8), ...range('b', 1, 5), 'm', 'l'].map((name) => pupils[name]).sort(),
    );
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
  });
});

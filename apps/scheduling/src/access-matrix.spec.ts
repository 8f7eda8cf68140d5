import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import { addDays, newId, todayIn } from '@tutti/platform';
import { identityHeaders, newTenantId, personas, startTestService, testServiceConfig } from '@tutti/testing';
import { matrixIdentities, runAccessMatrix, type AccessMatrixReport, type MatrixFixtures, type MatrixWorld } from '@tutti/testing';
import { AppModule } from './app.module';
import { SchedulingConfig } from './config';

type Row = { id: string } & Record<string, unknown>;

interface Scenario {
  schoolId: string;
  otherSchoolId: string;
  classId: string;
  termId: string;
  teacherId: string;
  tutorStaffId: string;
  roomId: string;
  ensembleId: string;
  memberId: string;
  pupilId: string;
  sessionId: string;
  occurrenceId: string;
  examEntryId: string;
  lessonPlanId: string;
  importId: string;
  comparisonSchoolId: string;
  /** A fresh comparison school, for the route that removes one. */
  freshComparisonSchool(): Promise<string>;
  /** A fresh pupil of S1 for routes that change a pupil's life (move, leave). */
  freshPupil(): Promise<string>;
  /** A fresh occurrence of E1 for routes that cancel or move one. */
  freshOccurrence(): Promise<string>;
  freshMember(): Promise<string>;
  /** If-Match with the object's current ETag, as an edit must send it (none for what does not exist yet). */
  ifMatchOf(url: string): Promise<Record<string, string>>;
}

/** A DBS check and training that let the tutor be rostered with children (relative to today, so that they stay valid). */
const CLEARED_RECORD = {
  dbs: { number: '001234567890', level: 'enhanced_barred_list', issuedOn: addDays(todayIn('Europe/London'), -100) },
  training: { completedOn: addDays(todayIn('Europe/London'), -100), level: 'Level 2', expiresOn: addDays(todayIn('Europe/London'), 700) },
};
const SECRET_FIRST = 'Zephyrine';
const SECRET_LAST = 'Quillfeather';
let day = 10;
let urn = 7100000;
/** A comparison school's body with a URN of its own (one comparison school per URN in an area). */
const comparisonSchoolBody = () => ({ urn: String(urn++), name: 'Beyond Primary', phase: 'primary', pupils: 210, percentFsm: 24.5 });

describe('scheduling: the access matrix over every route', () => {
  let app: NestFastifyApplication;
  let report: AccessMatrixReport;
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  async function call(identity: Identity, method: 'GET' | 'POST', url: string, body?: unknown): Promise<Row> {
    const response = await app.inject({
      method,
      url,
      headers: await identityHeaders(identity, 'scheduling'),
      ...(body === undefined ? {} : { payload: body as object }),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
    return response.json();
  }

  beforeAll(async () => {
    const config = await testServiceConfig('scheduling', SchedulingConfig, { SERVICE_MODE: 'api' });
    app = await startTestService({ service: 'scheduling', description: 'test', config, module: AppModule.register(config) });

    const schoolId = (await call(admin, 'POST', '/schools', { name: 'Matrix Primary', phase: 'primary' })).id;
    const otherSchoolId = (await call(admin, 'POST', '/schools', { name: 'Elsewhere Primary', phase: 'primary' })).id;
    const classId = (await call(admin, 'POST', '/classes', { schoolId, name: 'Oak', yearGroup: 3 })).id;
    const termId = (await call(admin, 'POST', '/terms', { name: 'Spring 2026', startsOn: '2026-01-05', endsOn: '2026-03-27' })).id;
    const teacherId = (await call(admin, 'POST', '/staff', { kind: 'school_staff', displayName: 'Ms Teacher', schoolIds: [schoolId] })).id;
    const tutorStaffId = (await call(admin, 'POST', '/staff', { kind: 'tutor', displayName: 'Mr Tutor', schoolIds: [schoolId] })).id;
    const cleared = await app.inject({
      method: 'PUT',
      url: `/safeguarding/staff/${tutorStaffId}`,
      headers: { ...(await identityHeaders(admin, 'scheduling')), 'if-match': '"0"' },
      payload: CLEARED_RECORD,
    });
    if (cleared.statusCode !== 200) throw new Error(`could not clear the tutor: ${cleared.body}`);
    const roomId = (await call(admin, 'POST', '/rooms', { schoolId, name: 'Hall', capacity: 120 })).id;
    const ensembleId = (
      await call(admin, 'POST', '/ensembles', { schoolId, name: 'Y3 Strings', kind: 'whole_class', strand: 'curriculum' })
    ).id;
    const pupilId = (
      await call(admin, 'POST', '/pupils', {
        schoolId,
        classId,
        firstName: SECRET_FIRST,
        lastName: SECRET_LAST,
        yearGroup: 3,
        send: 'sen_support',
      })
    ).id;
    const otherFamilyPupilId = (
      await call(admin, 'POST', '/pupils', { schoolId, classId, firstName: 'Other', lastName: 'Family', yearGroup: 3 })
    ).id;
    const memberId = (
      await call(admin, 'POST', `/ensembles/${ensembleId}/members`, { pupilId, instrument: 'violin', joinedOn: '2026-01-05' })
    ).id;

    const sessions: string[] = [];
    const freshOccurrence = async (): Promise<string> => {
      const session = await call(admin, 'POST', '/sessions', {
        ensembleId,
        recurrence: 'once',
        firstOn: `2026-02-${String(day++).padStart(2, '0')}`,
        startTime: '09:00',
        durationMinutes: 60,
      });
      sessions.push(session.id);
      const page = await call(admin, 'GET', `/occurrences?sessionId=${session.id}`);
      return (page.items as Row[])[0].id;
    };
    const freshPupil = async (): Promise<string> =>
      (await call(admin, 'POST', '/pupils', { schoolId, classId, firstName: 'Fresh', lastName: 'Pupil', yearGroup: 3 })).id;
    const occurrenceId = await freshOccurrence();
    await call(admin, 'POST', `/occurrences/${occurrenceId}/register`, {
      submissionId: newId(),
      marks: [{ markId: newId(), pupilId, status: 'present' }],
    });
    const examEntryId = (
      await call(admin, 'POST', `/pupils/${pupilId}/exam-entries`, {
        board: 'ABRSM',
        grade: 1,
        instrument: 'violin',
        enteredOn: '2026-02-01',
        examOn: '2026-03-10',
      })
    ).id;
    const lessonPlanId = (
      await call(admin, 'POST', '/lesson-plans', {
        classId,
        termId,
        subject: 'Science',
        topic: 'How sound travels',
        musicalActivity: 'Feel the string vibrate',
        classTeacherId: teacherId,
        tutorId: tutorStaffId,
      })
    ).id;
    const importId = (
      await call(admin, 'POST', '/imports/pupils', {
        schoolId,
        csv: 'UPN,Legal Surname,Legal Forename,Year,Reg Group,Pupil Premium,SEN Status,EAL\r\nM900,Imported,Ximena,Y3,Oak,N,N,N',
        dryRun: false,
      })
    ).id;

    const freshComparisonSchool = async (): Promise<string> =>
      (await call(admin, 'POST', '/comparison-schools', comparisonSchoolBody())).id;
    const comparisonSchoolId = await freshComparisonSchool();

    const ifMatchOf = async (url: string): Promise<Record<string, string>> => {
      const response = await app.inject({ method: 'GET', url, headers: await identityHeaders(admin, 'scheduling') });
      if (response.statusCode === 404) return {};
      const etag = response.headers.etag;
      if (response.statusCode !== 200 || typeof etag !== 'string')
        throw new Error(`GET ${url} → ${response.statusCode} without an ETag: ${response.body}`);
      return { 'if-match': etag };
    };

    const scenario: Scenario = {
      schoolId,
      otherSchoolId,
      classId,
      termId,
      teacherId,
      tutorStaffId,
      roomId,
      ensembleId,
      memberId,
      pupilId,
      sessionId: sessions[0],
      occurrenceId,
      examEntryId,
      lessonPlanId,
      importId,
      comparisonSchoolId,
      freshComparisonSchool,
      freshPupil,
      freshOccurrence,
      ifMatchOf,
      freshMember: async () =>
        (
          await call(admin, 'POST', `/ensembles/${ensembleId}/members`, {
            pupilId: await freshPupil(),
            instrument: 'cello',
            joinedOn: '2026-01-05',
          })
        ).id,
    };
    const world: MatrixWorld = {
      tenantId,
      schoolId,
      otherSchoolId,
      pupilId,
      otherFamilyPupilId,
      otherFamilySchoolId: schoolId,
      secrets: [pupilId, SECRET_FIRST, SECRET_LAST],
    };
    const started = Date.now();
    report = await runAccessMatrix({
      app,
      service: 'scheduling',
      scenario,
      world,
      identities: { ...matrixIdentities(world, newTenantId()), admin },
      fixtures,
    });
    console.log(`scheduling access matrix: ${report.routes} routes, ${report.requests} requests, ${Date.now() - started} ms`);
  });

  afterAll(() => app?.close());

  it('has an entry for every route (a new route must be declared here)', () => {
    expect(report.missing).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it('lets only the right role through, and refused callers learn nothing of the object', () => {
    expect(report.failures).toEqual([]);
  });
});

const STAFF = ['admin', 'headteacher', 'tutor', 'schoolStaff'] as const;
const MANAGERS = ['admin', 'headteacher'] as const;
type StaffPersona = (typeof STAFF)[number] | 'guardian';
/** A list answered within the caller's scope: a caller outside S1 may list, but sees none of S1's objects. */
const list = (url: string, allowed: readonly StaffPersona[], objectOf: (s: Scenario) => string[]) => (s: Scenario) => ({
  url,
  allowed: [...allowed],
  scope: 'caller-scoped' as const,
  secrets: [...objectOf(s), s.pupilId, SECRET_FIRST, SECRET_LAST],
});

const fixtures: MatrixFixtures<Scenario> = {
  'GET /schools': list('/schools', STAFF, (s) => [s.schoolId]),
  'GET /schools/:schoolId': (s) => ({ url: `/schools/${s.schoolId}`, allowed: [...STAFF] }),
  'POST /schools': () => ({ url: '/schools', body: { name: 'New Primary', phase: 'primary' }, allowed: ['admin'], scope: 'caller-scoped' }),
  'PATCH /schools/:schoolId': async (s) => ({
    url: `/schools/${s.schoolId}`,
    body: { name: 'Matrix Primary School' },
    headers: await s.ifMatchOf(`/schools/${s.schoolId}`),
    allowed: ['admin'],
  }),
  // S1 is a primary school, not a partner: its list is empty; incoming-pupils.spec shows what a partner school's list holds.
  'GET /schools/:schoolId/incoming-pupils': (s) => ({
    url: `/schools/${s.schoolId}/incoming-pupils`,
    allowed: ['admin', 'headteacher', 'schoolStaff'],
  }),

  'GET /classes': list('/classes', STAFF, (s) => [s.classId]),
  'GET /classes/:classId': (s) => ({ url: `/classes/${s.classId}`, allowed: [...STAFF] }),
  'POST /classes': (s) => ({
    url: '/classes',
    body: { schoolId: s.schoolId, name: 'Ash', yearGroup: 4 },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'PATCH /classes/:classId': async (s) => ({
    url: `/classes/${s.classId}`,
    body: { name: 'Oak Class' },
    headers: await s.ifMatchOf(`/classes/${s.classId}`),
    allowed: [...MANAGERS],
  }),

  'GET /pupils': list('/pupils', [...STAFF, 'guardian'], () => []),
  'GET /pupils/:pupilId': (s) => ({ url: `/pupils/${s.pupilId}`, allowed: [...STAFF, 'guardian'] }),
  'POST /pupils': (s) => ({
    url: '/pupils',
    body: { schoolId: s.schoolId, firstName: 'New', lastName: 'Starter', yearGroup: 3 },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'PATCH /pupils/:pupilId': async (s) => ({
    url: `/pupils/${s.pupilId}`,
    body: { lastName: 'Quillfeather-Moss' },
    headers: await s.ifMatchOf(`/pupils/${s.pupilId}`),
    allowed: [...MANAGERS],
  }),
  // Characteristics: the programme admin and the pupil's own headteacher only (a tutor, school staff or guardian is refused outright).
  'GET /pupils/:pupilId/characteristics': (s) => ({ url: `/pupils/${s.pupilId}/characteristics`, allowed: [...MANAGERS] }),
  'PATCH /pupils/:pupilId/characteristics': async (s) => ({
    url: `/pupils/${s.pupilId}/characteristics`,
    body: { eal: 'yes', gender: 'female' },
    headers: await s.ifMatchOf(`/pupils/${s.pupilId}/characteristics`),
    allowed: [...MANAGERS],
  }),
  'POST /pupils/:pupilId/move': async (s) => ({
    url: `/pupils/${await s.freshPupil()}/move`,
    body: { schoolId: s.otherSchoolId },
    allowed: ['admin'],
  }),
  'POST /pupils/:pupilId/leave': async (s) => ({
    url: `/pupils/${await s.freshPupil()}/leave`,
    body: { leftOn: '2026-02-13' },
    allowed: [...MANAGERS],
  }),
  'POST /schools/:schoolId/roll-overs': (s) => ({
    url: `/schools/${s.schoolId}/roll-overs`,
    body: { academicYear: '2026-27', leaversLeftOn: '2026-07-22' },
    allowed: [...MANAGERS],
  }),

  'GET /safeguarding/alerts': () => ({ url: '/safeguarding/alerts', allowed: ['admin'], scope: 'caller-scoped' }),
  'GET /safeguarding/staff/:staffId': (s) => ({ url: `/safeguarding/staff/${s.tutorStaffId}`, allowed: [...STAFF] }),
  'PUT /safeguarding/staff/:staffId': async (s) => ({
    url: `/safeguarding/staff/${s.tutorStaffId}`,
    body: CLEARED_RECORD,
    headers: await s.ifMatchOf(`/safeguarding/staff/${s.tutorStaffId}`),
    allowed: ['admin'],
  }),

  'GET /staff': list('/staff', STAFF, (s) => [s.teacherId, s.tutorStaffId]),
  'GET /staff/me': () => ({
    url: '/staff/me',
    allowed: ['headteacher', 'tutor', 'schoolStaff'],
    scope: 'caller-scoped',
    succeedsWith: [200, 404],
  }),
  'GET /staff/:staffId': (s) => ({ url: `/staff/${s.teacherId}`, allowed: [...STAFF] }),
  'POST /staff': (s) => ({
    url: '/staff',
    body: { kind: 'tutor', displayName: 'Ms New Tutor', schoolIds: [s.schoolId] },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'PATCH /staff/:staffId': async (s) => ({
    url: `/staff/${s.teacherId}`,
    body: { displayName: 'Mrs Teacher' },
    headers: await s.ifMatchOf(`/staff/${s.teacherId}`),
    allowed: [...MANAGERS],
  }),

  'GET /rooms': list('/rooms', STAFF, (s) => [s.roomId]),
  'GET /rooms/:roomId': (s) => ({ url: `/rooms/${s.roomId}`, allowed: [...STAFF] }),
  'POST /rooms': (s) => ({
    url: '/rooms',
    body: { schoolId: s.schoolId, name: 'Music Room', capacity: 30 },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'PATCH /rooms/:roomId': async (s) => ({
    url: `/rooms/${s.roomId}`,
    body: { name: 'Main Hall' },
    headers: await s.ifMatchOf(`/rooms/${s.roomId}`),
    allowed: [...MANAGERS],
  }),

  'GET /ensembles': list('/ensembles', STAFF, (s) => [s.ensembleId]),
  'GET /ensembles/:ensembleId': (s) => ({ url: `/ensembles/${s.ensembleId}`, allowed: [...STAFF] }),
  'POST /ensembles': (s) => ({
    url: '/ensembles',
    body: { schoolId: s.schoolId, name: 'Recorders', kind: 'whole_class', strand: 'curriculum' },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'PATCH /ensembles/:ensembleId': async (s) => ({
    url: `/ensembles/${s.ensembleId}`,
    body: { name: 'Y3 Strings Band' },
    headers: await s.ifMatchOf(`/ensembles/${s.ensembleId}`),
    allowed: [...MANAGERS],
  }),
  'GET /ensembles/:ensembleId/members': (s) => ({ url: `/ensembles/${s.ensembleId}/members`, allowed: [...STAFF] }),
  'POST /ensembles/:ensembleId/members': async (s) => ({
    url: `/ensembles/${s.ensembleId}/members`,
    body: { pupilId: await s.freshPupil(), instrument: 'viola', joinedOn: '2026-01-06' },
    allowed: [...MANAGERS],
  }),
  'POST /ensembles/:ensembleId/members/:memberId/leave': async (s) => ({
    url: `/ensembles/${s.ensembleId}/members/${await s.freshMember()}/leave`,
    body: { leftOn: '2026-02-01' },
    allowed: [...MANAGERS],
  }),

  'GET /terms': (s) => ({ url: '/terms', allowed: [...STAFF, 'evaluator'], scope: 'caller-scoped', tenantSecrets: [s.termId] }),
  'GET /terms/:termId': (s) => ({ url: `/terms/${s.termId}`, allowed: [...STAFF], scope: 'tenant' }),
  'POST /terms': () => ({
    url: '/terms',
    body: { name: 'Summer 2026', startsOn: '2026-04-13', endsOn: '2026-07-22' },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  'GET /holidays': list('/holidays', STAFF, () => []),
  'POST /holidays': (s) => ({
    url: '/holidays',
    body: { kind: 'inset', name: 'INSET', startsOn: '2026-03-05', endsOn: '2026-03-05', schoolId: s.schoolId },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'POST /holidays/bank-holiday-imports': () => ({
    url: '/holidays/bank-holiday-imports',
    body: {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'Early May bank holiday', date: '2026-05-04', notes: '', bunting: true }],
      },
    },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),

  'GET /sessions': list('/sessions', STAFF, (s) => [s.sessionId]),
  'GET /sessions/:sessionId': (s) => ({ url: `/sessions/${s.sessionId}`, allowed: [...STAFF] }),
  'POST /sessions': (s) => ({
    url: '/sessions',
    body: { ensembleId: s.ensembleId, recurrence: 'once', firstOn: '2026-03-02', startTime: '13:00', durationMinutes: 45 },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'GET /occurrences': list('/occurrences', STAFF, (s) => [s.occurrenceId]),
  'GET /me/occurrences': () => ({
    url: '/me/occurrences?period=week&date=2026-02-10',
    allowed: ['headteacher', 'tutor', 'schoolStaff'],
    scope: 'caller-scoped',
  }),
  'GET /occurrences/:occurrenceId': (s) => ({ url: `/occurrences/${s.occurrenceId}`, allowed: [...STAFF] }),
  'POST /occurrences/:occurrenceId/cancel': async (s) => ({
    url: `/occurrences/${await s.freshOccurrence()}/cancel`,
    body: { reason: 'school trip' },
    allowed: [...MANAGERS],
  }),
  'POST /occurrences/:occurrenceId/move': async (s) => ({
    url: `/occurrences/${await s.freshOccurrence()}/move`,
    body: { startsAt: '2026-03-20T14:00:00Z' },
    allowed: [...MANAGERS],
  }),
  'PUT /occurrences/:occurrenceId/tutors': async (s) => {
    const occurrence = await s.freshOccurrence();
    return {
      url: `/occurrences/${occurrence}/tutors`,
      body: { staffIds: [s.tutorStaffId] },
      headers: await s.ifMatchOf(`/occurrences/${occurrence}`),
      allowed: [...MANAGERS],
    };
  },

  'GET /occurrences/:occurrenceId/register': (s) => ({ url: `/occurrences/${s.occurrenceId}/register`, allowed: [...STAFF] }),
  'POST /occurrences/:occurrenceId/register': (s) => ({
    url: `/occurrences/${s.occurrenceId}/register`,
    body: { submissionId: newId(), marks: [{ markId: newId(), pupilId: s.pupilId, status: 'late' }] },
    allowed: [...STAFF],
  }),
  'PUT /occurrences/:occurrenceId/rehearsal-note': async (s) => ({
    url: `/occurrences/${s.occurrenceId}/rehearsal-note`,
    body: { repertoire: ['Ode to Joy'], notes: 'Bowing' },
    headers: await s.ifMatchOf(`/occurrences/${s.occurrenceId}/rehearsal-note`),
    allowed: [...STAFF],
  }),
  'GET /occurrences/:occurrenceId/rehearsal-note': (s) => ({
    url: `/occurrences/${s.occurrenceId}/rehearsal-note`,
    allowed: [...STAFF],
    succeedsWith: [200, 404],
  }),

  'GET /lesson-plans': (s) => ({
    url: `/lesson-plans?classId=${s.classId}`,
    allowed: [...STAFF],
    secrets: [s.lessonPlanId, s.pupilId, SECRET_FIRST, SECRET_LAST],
  }),
  'GET /lesson-plans/:planId': (s) => ({ url: `/lesson-plans/${s.lessonPlanId}`, allowed: [...STAFF] }),
  'POST /lesson-plans': (s) => ({
    url: '/lesson-plans',
    body: {
      classId: s.classId,
      termId: s.termId,
      subject: 'Maths',
      topic: 'Rhythm and fractions',
      musicalActivity: 'Clap crotchets',
      classTeacherId: s.teacherId,
      tutorId: s.tutorStaffId,
    },
    allowed: [...STAFF],
    refusedWith: [400, 403, 404],
  }),
  'PATCH /lesson-plans/:planId': async (s) => ({
    url: `/lesson-plans/${s.lessonPlanId}`,
    body: { topic: 'Pitch and vibration' },
    headers: await s.ifMatchOf(`/lesson-plans/${s.lessonPlanId}`),
    allowed: [...STAFF],
  }),

  'GET /exam-entries': list('/exam-entries', STAFF, (s) => [s.examEntryId]),
  'POST /pupils/:pupilId/exam-entries': (s) => ({
    url: `/pupils/${s.pupilId}/exam-entries`,
    body: { board: 'Trinity', grade: 1, instrument: 'violin', enteredOn: '2026-02-02', examOn: '2026-03-11' },
    allowed: ['admin', 'headteacher', 'tutor'],
  }),
  // No GET of one entry: lists and the pupil's progression carry its version; nothing has edited it yet.
  'PATCH /exam-entries/:entryId/result': (s) => ({
    url: `/exam-entries/${s.examEntryId}/result`,
    body: { result: 'merit', marks: 125 },
    headers: { 'if-match': '"1"' },
    allowed: ['admin', 'headteacher', 'tutor'],
  }),
  'GET /pupils/:pupilId/progression': (s) => ({ url: `/pupils/${s.pupilId}/progression`, allowed: [...STAFF, 'guardian'] }),

  'GET /imports': list('/imports', MANAGERS, (s) => [s.importId]),
  'GET /imports/:importId': (s) => ({ url: `/imports/${s.importId}`, allowed: [...MANAGERS] }),
  'POST /imports/pupils': (s) => ({
    url: '/imports/pupils',
    body: {
      schoolId: s.schoolId,
      csv: 'UPN,Legal Surname,Legal Forename,Year,Reg Group,Pupil Premium,SEN Status,EAL\r\nM901,Newby,Nell,Y3,Oak,N,N,N',
      dryRun: true,
    },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),

  'GET /provision/schools': list('/provision/schools?weekOf=2026-02-09', MANAGERS, (s) => [s.schoolId]),
  'GET /provision/schools/:schoolId': (s) => ({ url: `/provision/schools/${s.schoolId}?weekOf=2026-02-09`, allowed: [...MANAGERS] }),
  'GET /evaluation/provision.csv': (s) => ({
    url: `/evaluation/provision.csv?termId=${s.termId}`,
    allowed: ['admin', 'evaluator'],
    scope: 'caller-scoped',
    pseudonymisedFor: ['admin', 'evaluator'],
    secrets: [s.pupilId, SECRET_FIRST, SECRET_LAST],
    refusedWith: [403, 404],
  }),
  ...Object.fromEntries(
    ['GET /reports/annual-return', 'GET /reports/annual-return.csv', 'GET /reports/annual-return.xlsx', 'GET /reports/transition'].map(
      (route) => [
        route,
        (s: Scenario) => ({
          url: `${route.slice(4)}?academicYear=2025-26`,
          allowed: ['admin', 'evaluator'],
          scope: 'caller-scoped' as const,
          pseudonymisedFor: ['admin', 'evaluator'],
          secrets: [s.pupilId, SECRET_FIRST, SECRET_LAST],
          refusedWith: [403, 404],
        }),
      ],
    ),
  ),
  'POST /comparison-schools': () => ({
    url: '/comparison-schools',
    body: comparisonSchoolBody(),
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  'GET /comparison-schools': (s) => ({
    url: '/comparison-schools',
    allowed: ['admin', 'evaluator'],
    scope: 'caller-scoped',
    secrets: [s.comparisonSchoolId, s.pupilId, SECRET_FIRST, SECRET_LAST],
  }),
  'GET /comparison-schools/:comparisonSchoolId': (s) => ({
    url: `/comparison-schools/${s.comparisonSchoolId}`,
    allowed: ['admin', 'evaluator'],
  }),
  'PATCH /comparison-schools/:comparisonSchoolId': async (s) => ({
    url: `/comparison-schools/${s.comparisonSchoolId}`,
    body: { pupils: 215 },
    headers: await s.ifMatchOf(`/comparison-schools/${s.comparisonSchoolId}`),
    allowed: ['admin'],
  }),
  'DELETE /comparison-schools/:comparisonSchoolId': async (s) => ({
    url: `/comparison-schools/${await s.freshComparisonSchool()}`,
    allowed: ['admin'],
  }),
  'GET /evaluation/schools.csv': (s) => ({
    url: '/evaluation/schools.csv?academicYear=2025-26',
    allowed: ['admin', 'evaluator'],
    scope: 'caller-scoped',
    pseudonymisedFor: ['admin', 'evaluator'],
    secrets: [s.pupilId, SECRET_FIRST, SECRET_LAST, s.comparisonSchoolId],
    refusedWith: [403, 404],
  }),
  'GET /reports/annual-return/figures/:figureId/pupils': (s) => ({
    url: '/reports/annual-return/figures/wcet-by-terms/pupils?academicYear=2025-26',
    allowed: ['admin', 'evaluator'],
    scope: 'caller-scoped',
    pseudonymisedFor: ['admin', 'evaluator'],
    secrets: [s.pupilId, SECRET_FIRST, SECRET_LAST],
    refusedWith: [403, 404],
  }),
  'GET /reports/transition/figures/:figureId/pupils': (s) => ({
    url: '/reports/transition/figures/transition-one-term/pupils?academicYear=2025-26',
    allowed: ['admin', 'evaluator'],
    scope: 'caller-scoped',
    pseudonymisedFor: ['admin', 'evaluator'],
    secrets: [s.pupilId, SECRET_FIRST, SECRET_LAST],
    refusedWith: [403, 404],
  }),
  'GET /attendance-summaries/schools/:schoolId': (s) => ({
    url: `/attendance-summaries/schools/${s.schoolId}?from=2026-01-05&to=2026-03-27`,
    allowed: [...MANAGERS],
  }),
};

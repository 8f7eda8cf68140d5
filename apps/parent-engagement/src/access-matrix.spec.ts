import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { matrixIdentities, runAccessMatrix, type AccessMatrixReport, type MatrixFixtures, type MatrixWorld } from '@tutti/testing';
import { announceSchool, HOUR, publishPerformance, runBody, useEngagementTestKit } from './testing/engagement-test-kit';

type Row = { id: string } & Record<string, unknown>;

interface Scenario {
  schoolId: string;
  pupilId: string;
  performanceId: string;
  runId: string;
  rsvpId: string;
  bookingId: string;
  familySessionId: string;
  signUpId: string;
  announcementId: string;
  calendarPath: string;
  /** A bus run of its own, so that booking on it is not refused as a second booking. */
  freshRun(seats?: number): Promise<Row>;
  freshBooking(): Promise<string>;
  /** A booking of G1 that has been offered a freed seat (ready to accept or decline). */
  offeredBooking(): Promise<string>;
  freshFamilySession(): Promise<string>;
  freshSignUp(): Promise<string>;
  /** A reminder of this tenant that failed for good (retrying it uses it up). */
  failedReminder(): Promise<string>;
  /** A language code of its own (three letters), in which the area has no wording yet. */
  freshLanguage(): string;
  /** The area's wording of the greeting in a fresh language (version 1); answers the language. */
  freshOverride(): Promise<string>;
  /** The ETag of this area's message settings as its admin reads them now. */
  settingsETag(): Promise<string>;
  /** The ETag of S1's own message settings as the admin reads them now. */
  schoolSettingsETag(): Promise<string>;
}

/** The area's own Romanian greeting: another area must never see it. */
const OVERRIDE_TEXT = 'Matrixwort {familyName},';
/** The area's programme office: another area must never see it. */
const OFFICE = 'matrix-office-secret@example.org';
/** S1's own office: another area must never see it. */
const SCHOOL_OFFICE = 'matrix-school-office-secret@example.org';

const GUARDIAN_NAME = 'Gwendolyn Marchbanks';
const STAFF = ['admin', 'headteacher', 'tutor', 'schoolStaff'] as const;
const SAME_SCHOOL = 'a school-wide object: the other family has a child in the same school';

describe('parent-engagement: the access matrix over every route', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  let report: AccessMatrixReport;
  let outsiderId: string;
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  /** kit.call that throws unless the service answered 2xx, answering the body. */
  async function call(identity: Identity, method: 'POST' | 'PUT', url: string, body?: object): Promise<Row> {
    const response = await kit.call(identity, method, url, body);
    if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
    return response.json();
  }

  beforeAll(async () => {
    const [schoolId, otherSchoolId, pupilId, otherFamilyPupilId] = [newId(), newId(), newId(), newId()];
    const world: MatrixWorld = {
      tenantId,
      schoolId,
      otherSchoolId,
      pupilId,
      otherFamilyPupilId,
      otherFamilySchoolId: schoolId,
      secrets: [pupilId, GUARDIAN_NAME],
    };
    // Parent engagement knows a school once scheduling has announced it (roster_schools).
    for (const id of [schoolId, otherSchoolId]) await announceSchool(kit, tenantId, id, 'Matrix school');
    const identities = matrixIdentities(world, newTenantId());
    outsiderId = identities.otherTenantAdmin.userId;
    const guardian = { ...identities.guardian, displayName: GUARDIAN_NAME };
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId, 96, 'Matrix Concert');

    const freshRun = (seats = 10) => call(admin, 'POST', '/transport-runs', runBody(performanceId, startsAt, seats));
    const book = async (who: Identity, child: string, run?: Row) => {
      const bus = run ?? (await freshRun());
      return call(who, 'POST', '/transport-bookings', { runId: bus.id, stopId: (bus.stops as Row[])[0].id, adults: 0, pupilIds: [child] });
    };
    const freshFamilySession = async () =>
      (
        await call(admin, 'POST', '/family-sessions', {
          kind: 'family_music',
          title: 'Play along',
          schoolId,
          startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
          endsAt: new Date(Date.now() + 49 * HOUR).toISOString(),
          capacity: 5,
        })
      ).id;
    const signUp = async (sessionId: string) =>
      (await call(guardian, 'POST', `/family-sessions/${sessionId}/sign-ups`, { places: 1, pupilIds: [pupilId] })).id;

    await call(guardian, 'PUT', '/families/me/contact-preferences', {
      email: 'gwendolyn.marchbanks@example.org',
      language: 'en',
      emailEnabled: true,
      smsEnabled: false,
    });
    // A consent that is not photo/film, so that P1 shows on the missing-photo-consent list of the right staff.
    await call(guardian, 'PUT', `/pupils/${pupilId}/consents/trips`, { granted: true });
    const run = await freshRun();
    const familySessionId = await freshFamilySession();
    const scenario: Scenario = {
      schoolId,
      pupilId,
      performanceId,
      runId: run.id,
      rsvpId: (await call(guardian, 'PUT', `/performances/${performanceId}/rsvp`, { attending: true, adults: 1, pupilIds: [pupilId] })).id,
      bookingId: (await book(guardian, pupilId, run)).id,
      familySessionId,
      signUpId: await signUp(familySessionId),
      announcementId: (
        await call(admin, 'POST', '/announcements', {
          audience: 'school',
          schoolId,
          subject: 'Concert dress',
          body: 'Black and white, please.',
        })
      ).id,
      calendarPath: String((await call(guardian, 'POST', '/calendar-feed')).path),
      freshRun,
      freshBooking: async () => (await book(guardian, pupilId)).id,
      offeredBooking: async () => {
        const bus = await freshRun(1);
        const thirdPupil = newId();
        const third = personas.guardian(tenantId, [{ pupilId: thirdPupil, schoolId }]);
        const holder = await book(third, thirdPupil, bus);
        const waiting = await book(guardian, pupilId, bus);
        await call(third, 'POST', `/transport-bookings/${holder.id}/cancel`);
        return waiting.id;
      },
      freshFamilySession,
      freshSignUp: async () => signUp(await freshFamilySession()),
      failedReminder: async () => {
        const id = newId();
        await kit.db.query(
          `INSERT INTO reminders (id, tenant_id, kind, recipient_id, subject_type, subject_id, due_at, status, attempts, last_error)
           VALUES ($1, $2, 'loan.overdue', $3, 'instrument-loan', $4, now(), 'failed', 5, 'SMTP refused')`,
          [id, tenantId, pupilId, newId()],
        );
        return id;
      },
      freshLanguage: () => 'xxx',
      freshOverride: async () => 'xxx',
      settingsETag: async () => String((await kit.call(admin, 'GET', '/message-settings')).headers.etag),
      schoolSettingsETag: async () => String((await kit.call(admin, 'GET', `/message-settings/schools/${schoolId}`)).headers.etag),
    };
    await kit.call(admin, 'PUT', '/message-overrides/ro/greeting', { message: OVERRIDE_TEXT }, { 'if-match': '"0"' });
    await kit.call(admin, 'PUT', '/message-settings', { replyTo: OFFICE }, { 'if-match': '"0"' });
    expect(
      (await kit.call(admin, 'PUT', `/message-settings/schools/${schoolId}`, { replyTo: SCHOOL_OFFICE }, { 'if-match': '"0"' })).statusCode,
    ).toBe(200);
    let languages = 0;
    /** qaa, qab, …: ISO 639's codes reserved for local use, one per call, none of them shipped. */
    const freshLanguage = () => `q${String.fromCharCode(97 + Math.floor(languages / 26))}${String.fromCharCode(97 + (languages++ % 26))}`;
    scenario.freshLanguage = freshLanguage;
    scenario.freshOverride = async () => {
      const language = freshLanguage();
      const response = await kit.call(
        admin,
        'PUT',
        `/message-overrides/${language}/greeting`,
        { message: 'Hi {familyName},' },
        { 'if-match': '"0"' },
      );
      if (response.statusCode !== 200) throw new Error(`writing an override answered ${response.statusCode}: ${response.body}`);
      return language;
    };
    const started = Date.now();
    report = await runAccessMatrix({
      app: kit.app,
      service: 'parent-engagement',
      scenario,
      world,
      identities: { ...identities, admin, guardian },
      fixtures,
    });
    console.log(`parent-engagement access matrix: ${report.routes} routes, ${report.requests} requests, ${Date.now() - started} ms`);
  });

  it('has an entry for every route (a new route must be declared here)', () => {
    expect(report.missing).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it('lets only the right role through, and refused callers learn nothing of the object', () => {
    expect(report.failures).toEqual([]);
  });

  it('wrote nothing of another tenant’s admin into this tenant', async () => {
    const [written] = await kit.db.query(
      `SELECT (SELECT count(*) FROM announcements WHERE tenant_id = $1 AND sender_id = $2)::int + (SELECT count(*) FROM family_sessions WHERE tenant_id = $1 AND created_by = $2)::int AS n`,
      [tenantId, outsiderId],
    );
    expect(written.n).toBe(0);
  });
});

const fixtures: MatrixFixtures<Scenario> = {
  'GET /engagement-figures': () => ({
    url: '/engagement-figures?from=2026-01-01&to=2027-12-31',
    allowed: [...STAFF],
    scope: 'caller-scoped',
  }),
  'GET /performances': (s) => ({
    url: '/performances',
    allowed: [...STAFF, 'guardian'],
    scope: 'caller-scoped',
    tenantSecrets: [s.performanceId],
  }),

  'GET /pupils/:pupilId/consents': (s) => ({ url: `/pupils/${s.pupilId}/consents`, allowed: [...STAFF, 'guardian'] }),
  'GET /pupils/:pupilId/consents/history': (s) => ({ url: `/pupils/${s.pupilId}/consents/history`, allowed: [...STAFF, 'guardian'] }),
  'PUT /pupils/:pupilId/consents/:kind': (s) => ({
    url: `/pupils/${s.pupilId}/consents/transport`,
    body: { granted: true },
    allowed: ['guardian'],
  }),
  'GET /performances/:performanceId/missing-photo-consents': (s) => ({
    url: `/performances/${s.performanceId}/missing-photo-consents`,
    allowed: [...STAFF],
    scope: 'tenant',
  }),

  'GET /transport-runs': (s) => ({
    url: '/transport-runs',
    allowed: [...STAFF, 'guardian'],
    scope: 'caller-scoped',
    tenantSecrets: [s.runId, s.performanceId],
  }),
  'GET /transport-runs/:runId': (s) => ({ url: `/transport-runs/${s.runId}`, allowed: [...STAFF, 'guardian'], scope: 'tenant' }),
  'GET /transport-runs/:runId/manifest': (s) => ({ url: `/transport-runs/${s.runId}/manifest`, allowed: [...STAFF], scope: 'tenant' }),
  'POST /transport-runs': async (s) => ({
    url: '/transport-runs',
    body: runBody(s.performanceId, new Date(Date.now() + 96 * HOUR), 20),
    allowed: ['admin', 'headteacher', 'schoolStaff'],
    scope: 'tenant',
    exceptions: { otherSchoolHeadteacher: 'a bus run serves the whole area’s performance, not one school' },
  }),
  // A bus of its own at version 1 for each caller; another area's admin finds no such bus (404).
  'PATCH /transport-runs/:runId': async (s) => ({
    url: `/transport-runs/${(await s.freshRun()).id}`,
    body: { vehicle: '16-seat minibus (Mersey Minibuses)' },
    headers: { 'if-match': '"1"' },
    allowed: ['admin', 'headteacher', 'schoolStaff'],
    scope: 'tenant',
    exceptions: { otherSchoolHeadteacher: 'a bus run serves the whole area’s performance, not one school' },
  }),

  'GET /transport-drivers': () => ({
    url: '/transport-drivers',
    allowed: ['admin', 'headteacher', 'schoolStaff'],
    scope: 'caller-scoped',
  }),

  'GET /transport-bookings': (s) => ({
    url: '/transport-bookings',
    allowed: [...STAFF, 'guardian'],
    scope: 'caller-scoped',
    secrets: [s.bookingId, s.pupilId, GUARDIAN_NAME],
  }),
  'GET /transport-bookings/:bookingId': (s) => ({ url: `/transport-bookings/${s.bookingId}`, allowed: [...STAFF, 'guardian'] }),
  'POST /transport-bookings': async (s) => {
    const run = await s.freshRun();
    return {
      url: '/transport-bookings',
      body: { runId: run.id, stopId: (run.stops as Row[])[0].id, adults: 1, pupilIds: [s.pupilId] },
      allowed: ['guardian'],
      refusedWith: [400, 403, 404],
    };
  },
  'PATCH /transport-bookings/:bookingId': async (s) => ({
    url: `/transport-bookings/${await s.freshBooking()}`,
    body: { adults: 1 },
    allowed: ['guardian'],
  }),
  'POST /transport-bookings/:bookingId/cancel': async (s) => ({
    url: `/transport-bookings/${await s.freshBooking()}/cancel`,
    allowed: ['guardian', 'admin', 'headteacher', 'schoolStaff'],
  }),
  'POST /transport-bookings/:bookingId/accept': async (s) => ({
    url: `/transport-bookings/${await s.offeredBooking()}/accept`,
    allowed: ['guardian'],
  }),
  'POST /transport-bookings/:bookingId/decline': async (s) => ({
    url: `/transport-bookings/${await s.offeredBooking()}/decline`,
    allowed: ['guardian'],
  }),
  'POST /transport-bookings/:bookingId/check-in': (s) => ({
    url: `/transport-bookings/${s.bookingId}/check-in`,
    body: { present: true },
    allowed: [...STAFF],
  }),

  'PUT /performances/:performanceId/rsvp': (s) => ({
    url: `/performances/${s.performanceId}/rsvp`,
    body: { attending: true, adults: 2, pupilIds: [s.pupilId] },
    allowed: ['guardian'],
    refusedWith: [400, 403, 404],
  }),
  'GET /performances/:performanceId/rsvp': (s) => ({
    url: `/performances/${s.performanceId}/rsvp`,
    allowed: ['guardian'],
    scope: 'caller-scoped',
    secrets: [s.rsvpId, s.pupilId, GUARDIAN_NAME],
  }),
  'GET /performances/:performanceId/rsvp-summary': (s) => ({
    url: `/performances/${s.performanceId}/rsvp-summary`,
    allowed: [...STAFF],
    scope: 'tenant',
  }),
  'GET /rsvps': (s) => ({
    url: '/rsvps',
    allowed: [...STAFF, 'guardian'],
    scope: 'caller-scoped',
    secrets: [s.rsvpId, s.pupilId, GUARDIAN_NAME],
  }),
  'POST /rsvps/:rsvpId/check-in': (s) => ({
    url: `/rsvps/${s.rsvpId}/check-in`,
    body: { present: true, arrivedAdults: 1 },
    allowed: [...STAFF],
  }),

  'GET /announcements': (s) => ({
    url: '/announcements',
    allowed: [...STAFF, 'guardian'],
    scope: 'caller-scoped',
    secrets: [s.announcementId, s.pupilId, GUARDIAN_NAME],
    exceptions: { otherFamilyGuardian: { why: SAME_SCHOOL, secrets: [s.pupilId, GUARDIAN_NAME] } },
  }),
  'GET /announcements/:announcementId': (s) => ({
    url: `/announcements/${s.announcementId}`,
    allowed: [...STAFF, 'guardian'],
    exceptions: { otherFamilyGuardian: SAME_SCHOOL },
  }),
  'POST /announcements/:announcementId/read': (s) => ({
    url: `/announcements/${s.announcementId}/read`,
    allowed: ['guardian'],
    exceptions: { otherFamilyGuardian: SAME_SCHOOL },
  }),
  'POST /announcements': (s) => ({
    url: '/announcements',
    body: { audience: 'school', schoolId: s.schoolId, subject: 'Bus times', body: 'Please be at the gate by five.' },
    allowed: [...STAFF],
    // Another area's admin naming S1 gets 404 naming schoolId: a school id must be one of the caller's own area.
    refusedWith: [400, 403, 404],
  }),
  // Renders words the caller wrote in the area's frame: nothing of anyone else's, nothing stored.
  'POST /announcements/preview': () => ({
    url: '/announcements/preview',
    // With a family name: the area's own Romanian greeting (Matrixwort …) is in its staff's preview, never another area's.
    body: { language: 'ro', subject: 'Bus times', body: 'Please be at the gate by five.', familyName: 'Popescu' },
    allowed: [...STAFF],
    scope: 'caller-scoped',
    tenantSecrets: [OVERRIDE_TEXT.replace(' {familyName},', '')],
  }),

  'GET /family-sessions': (s) => ({
    url: '/family-sessions',
    allowed: [...STAFF, 'guardian'],
    scope: 'caller-scoped',
    secrets: [s.familySessionId, s.pupilId, GUARDIAN_NAME],
    exceptions: { otherFamilyGuardian: { why: SAME_SCHOOL, secrets: [s.pupilId, GUARDIAN_NAME] } },
  }),
  'GET /family-sessions/:sessionId': (s) => ({
    url: `/family-sessions/${s.familySessionId}`,
    allowed: [...STAFF, 'guardian'],
    exceptions: { otherFamilyGuardian: SAME_SCHOOL },
  }),
  'POST /family-sessions': (s) => ({
    url: '/family-sessions',
    body: {
      kind: 'family_music',
      title: 'Sing along',
      schoolId: s.schoolId,
      startsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 51 * HOUR).toISOString(),
      capacity: 8,
    },
    allowed: [...STAFF],
    // Another area's admin naming S1 gets 404 naming schoolId: a school id must be one of the caller's own area.
    refusedWith: [400, 403, 404],
  }),
  'GET /family-sessions/:sessionId/sign-ups': (s) => ({
    url: `/family-sessions/${s.familySessionId}/sign-ups`,
    allowed: [...STAFF, 'guardian'],
    secrets: [s.signUpId, s.pupilId, GUARDIAN_NAME],
    exceptions: { otherFamilyGuardian: `${SAME_SCHOOL}; it lists only the caller's own sign-ups (checked in family-sessions.spec)` },
  }),
  'POST /family-sessions/:sessionId/sign-ups': async (s) => ({
    url: `/family-sessions/${await s.freshFamilySession()}/sign-ups`,
    body: { places: 2, pupilIds: [s.pupilId] },
    allowed: ['guardian'],
    refusedWith: [400, 403, 404],
  }),
  'POST /session-sign-ups/:signUpId/cancel': async (s) => ({
    url: `/session-sign-ups/${await s.freshSignUp()}/cancel`,
    allowed: [...STAFF, 'guardian'],
  }),
  'POST /session-sign-ups/:signUpId/attendance': (s) => ({
    url: `/session-sign-ups/${s.signUpId}/attendance`,
    body: { attended: true },
    allowed: [...STAFF],
  }),

  'POST /calendar-feed': () => ({ url: '/calendar-feed', allowed: ['guardian'], scope: 'caller-scoped' }),
  'DELETE /calendar-feed': () => ({ url: '/calendar-feed', allowed: ['guardian'], scope: 'caller-scoped' }),
  'GET /calendar/:file': (s) => ({ url: s.calendarPath, allowed: [] }),

  'GET /families/me': () => ({ url: '/families/me', allowed: ['guardian'], scope: 'caller-scoped' }),
  'PUT /families/me/contact-preferences': () => ({
    url: '/families/me/contact-preferences',
    body: { language: 'en', emailEnabled: true, smsEnabled: false },
    allowed: ['guardian'],
    scope: 'caller-scoped',
  }),
  'GET /families': () => ({ url: '/families', allowed: [...STAFF], scope: 'caller-scoped' }),

  'GET /admin/queues': async (s) => ({
    url: '/admin/queues',
    allowed: ['admin'],
    scope: 'caller-scoped',
    tenantSecrets: [await s.failedReminder()],
  }),
  'GET /admin/queues.html': async (s) => ({
    url: '/admin/queues.html',
    allowed: ['admin'],
    scope: 'caller-scoped',
    tenantSecrets: [await s.failedReminder()],
  }),
  'GET /message-overrides': () => ({
    url: '/message-overrides',
    allowed: ['admin'],
    scope: 'caller-scoped',
    tenantSecrets: [OVERRIDE_TEXT],
  }),
  'GET /message-overrides/missing': () => ({ url: '/message-overrides/missing', allowed: ['admin'], scope: 'caller-scoped' }),
  'POST /message-overrides/preview': () => ({
    url: '/message-overrides/preview',
    body: { language: 'ro', key: 'greeting' },
    allowed: ['admin'],
    scope: 'caller-scoped',
    tenantSecrets: ['Matrixwort'],
  }),
  'GET /message-overrides/:language/catalogue': () => ({
    url: '/message-overrides/ro/catalogue',
    allowed: ['admin'],
    scope: 'caller-scoped',
    tenantSecrets: [OVERRIDE_TEXT],
  }),
  'GET /message-overrides/:language/catalogue.csv': () => ({
    url: '/message-overrides/ro/catalogue.csv',
    allowed: ['admin'],
    scope: 'caller-scoped',
    tenantSecrets: [OVERRIDE_TEXT],
  }),
  // Each caller uploads in a language of its own: another area's admin writes their own area's wording.
  'POST /message-overrides/:language/import': (s) => ({
    url: `/message-overrides/${s.freshLanguage()}/import`,
    body: { csv: 'key,wording\r\ngreeting,Hello {familyName}!\r\n' },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  'GET /message-overrides/:language/:key': () => ({
    url: '/message-overrides/ro/greeting',
    allowed: ['admin'],
    scope: 'caller-scoped',
    tenantSecrets: [OVERRIDE_TEXT],
  }),
  // Each caller writes in a language of its own: another area's admin writes their own area's wording.
  'PUT /message-overrides/:language/:key': (s) => ({
    url: `/message-overrides/${s.freshLanguage()}/greeting`,
    body: { message: 'Hello {familyName},' },
    headers: { 'if-match': '"0"' },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  // Another area's admin finds no such wording in their own area: 404.
  'DELETE /message-overrides/:language/:key': async (s) => ({
    url: `/message-overrides/${await s.freshOverride()}/greeting`,
    headers: { 'if-match': '"1"' },
    allowed: ['admin'],
    scope: 'tenant',
  }),
  'GET /message-settings': () => ({ url: '/message-settings', allowed: ['admin'], scope: 'caller-scoped', tenantSecrets: [OFFICE] }),
  // With this area's current ETag: another area's admin edits only their own area's settings (or is told theirs differ, 412).
  'PUT /message-settings': async (s) => ({
    url: '/message-settings',
    body: { replyTo: OFFICE },
    headers: { 'if-match': await s.settingsETag() },
    allowed: ['admin'],
    scope: 'caller-scoped',
    refusedWith: [403, 404, 412],
  }),
  // S1's own office: its headteacher and the area's admin; another school's headteacher and another area get 404.
  'GET /message-settings/schools/:schoolId': (s) => ({
    url: `/message-settings/schools/${s.schoolId}`,
    allowed: ['admin', 'headteacher'],
    secrets: [SCHOOL_OFFICE],
  }),
  'PUT /message-settings/schools/:schoolId': async (s) => ({
    url: `/message-settings/schools/${s.schoolId}`,
    body: { replyTo: SCHOOL_OFFICE },
    headers: { 'if-match': await s.schoolSettingsETag() },
    allowed: ['admin', 'headteacher'],
    secrets: [SCHOOL_OFFICE],
  }),
  'POST /admin/reminders/:reminderId/retry': async (s) => ({
    url: `/admin/reminders/${await s.failedReminder()}/retry`,
    allowed: ['admin'],
  }),
};

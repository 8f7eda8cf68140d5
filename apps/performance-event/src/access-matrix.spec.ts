import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { matrixIdentities, runAccessMatrix, type AccessMatrixReport, type MatrixFixtures, type MatrixWorld } from '@tutti/testing';
import {
  feedConsent,
  feedEnsemble,
  feedSchool,
  insertPerformance,
  insertVenue,
  member,
  usePerformanceTestKit,
} from './testing/performance-test-kit';

type Row = { id: string } & Record<string, unknown>;

interface Scenario {
  tenantId: string;
  schoolId: string;
  pupilId: string;
  venueId: string;
  performanceId: string;
  /** A draft performance of S1 with E1, for the routes that change one. */
  freshPerformance(): Promise<string>;
  /** A published performance of S1 that has taken place. */
  pastPerformance(): Promise<string>;
  freshVenue(): Promise<string>;
  runningOrderETag(performanceId: string): Promise<string>;
  newPerformanceBody(): Record<string, unknown>;
}

const PUPIL_NAME = 'Zephyrine Quillfeather';
/** On the roster beside P1, with no consent to performing in public. */
const UNNAMED_PUPIL = 'Other Family';
const STAFF = ['admin', 'headteacher', 'tutor', 'schoolStaff'] as const;
const MANAGERS = ['admin', 'headteacher'] as const;
const DAY = 86_400_000;
const SAME_SCHOOL = 'a school performance: the other family has a child in the same school';

describe('performance-event: the access matrix over every route', () => {
  const kit = usePerformanceTestKit();
  let report: AccessMatrixReport;
  let otherFamilyGuardian: Identity;
  let leakCheck: { performanceId: string; pupilId: string };
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  beforeAll(async () => {
    const call = async (
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      identity: Identity,
      body?: object,
      headers?: Record<string, string>,
    ) => {
      const response = await kit.call(identity, method, url, body, headers);
      if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
      return { body: response.json() as Row, etag: String(response.headers.etag) };
    };
    const [schoolId, otherSchoolId, ensembleId] = [newId(), newId(), newId()];
    const pupil = member(schoolId, PUPIL_NAME);
    const otherFamily = member(schoolId, UNNAMED_PUPIL);
    await feedSchool(kit, tenantId, schoolId, 'Faith Primary');
    await feedSchool(kit, tenantId, otherSchoolId, 'Everton Primary');
    await feedEnsemble(kit, tenantId, ensembleId, schoolId, [pupil, otherFamily], 'Year 4 Strings');
    await feedConsent(kit, tenantId, pupil.pupilId, 'performing_in_public', true);
    // S1's own hall: seen (and planned at) by the admin and S1's staff only, like S1's performances.
    const venueId = await insertVenue(kit, tenantId, 'Faith Primary Hall', schoolId);
    const start = Date.now() + 30 * DAY;
    let slot = 0;
    const newPerformanceBody = () => {
      const startsAt = start + slot++ * DAY;
      return {
        title: 'Spring Sharing',
        venueId,
        schoolId,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 60 * 60_000).toISOString(),
        audience: 'public',
        ensembleIds: [ensembleId],
      };
    };
    const freshPerformance = async () => (await call('POST', '/performances', admin, newPerformanceBody())).body.id;
    const performanceId = await freshPerformance();
    await call('POST', `/performances/${performanceId}/publish`, admin);
    await call('POST', `/performances/${performanceId}/roster/build`, admin);
    const runningOrderETag = async (id: string) => (await call('GET', `/performances/${id}/running-order`, admin)).etag;
    await call(
      'PUT',
      `/performances/${performanceId}/running-order`,
      admin,
      { items: [{ piece: 'Ode to Joy', composer: 'Beethoven', durationSeconds: 300, ensembleId, soloistPupilIds: [pupil.pupilId] }] },
      { 'if-match': await runningOrderETag(performanceId) },
    );

    // A completed performance P1 took part in, so that the participation export has P1 to leak.
    const performed = await insertPerformance(kit, tenantId, venueId, {
      title: 'Last Term',
      startsAt: new Date(Date.now() - 30 * DAY),
      status: 'completed',
      schoolId,
      ensembleIds: [ensembleId],
    });
    await kit.db.query(
      `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, source, ensemble_id) VALUES ($1, $2, $3, $4, 'ensemble', $5)`,
      [tenantId, performed, pupil.pupilId, schoolId, ensembleId],
    );

    const scenario: Scenario = {
      tenantId,
      schoolId,
      pupilId: pupil.pupilId,
      venueId,
      performanceId,
      freshPerformance,
      pastPerformance: () =>
        insertPerformance(kit, tenantId, venueId, {
          title: 'Last Week',
          startsAt: new Date(Date.now() - 7 * DAY),
          schoolId,
          ensembleIds: [ensembleId],
        }),
      freshVenue: () => insertVenue(kit, tenantId, 'Faith Primary Music Room', schoolId),
      runningOrderETag,
      newPerformanceBody,
    };
    const world: MatrixWorld = {
      tenantId,
      schoolId,
      otherSchoolId,
      pupilId: pupil.pupilId,
      otherFamilyPupilId: otherFamily.pupilId,
      otherFamilySchoolId: schoolId,
      secrets: [pupil.pupilId, PUPIL_NAME],
    };
    const identities = { ...matrixIdentities(world, newTenantId()), admin };
    otherFamilyGuardian = identities.otherFamilyGuardian;
    leakCheck = { performanceId, pupilId: pupil.pupilId };
    const started = Date.now();
    report = await runAccessMatrix({ app: kit.app, service: 'performance-event', scenario, world, identities, fixtures });
    console.log(`performance-event access matrix: ${report.routes} routes, ${report.requests} requests, ${Date.now() - started} ms`);
  });

  // Found by this matrix: soloists a family may not see used to come back as { pupilId, displayName: null }.
  it('does not show another family’s child (not even the pupil id) in the running order', async () => {
    const response = await kit.call(otherFamilyGuardian, 'GET', `/performances/${leakCheck.performanceId}/running-order`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(leakCheck.pupilId);
  });

  it('has an entry for every route (a new route must be declared here)', () => {
    expect(report.missing).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it('lets only the right role through, and refused callers learn nothing of the object', () => {
    expect(report.failures).toEqual([]);
  });
});

const fixtures: MatrixFixtures<Scenario> = {
  'GET /public/areas/:areaId/performances': (s) => ({ url: `/public/areas/${s.tenantId}/performances`, allowed: [] }),
  'GET /public/areas/:areaId/performances.ics': (s) => ({ url: `/public/areas/${s.tenantId}/performances.ics`, allowed: [] }),

  'GET /performances': (s) => ({
    url: '/performances',
    allowed: [...STAFF, 'guardian'],
    scope: 'caller-scoped',
    tenantSecrets: [s.performanceId],
  }),
  'GET /performances/:performanceId': (s) => ({
    url: `/performances/${s.performanceId}`,
    allowed: [...STAFF, 'guardian'],
    exceptions: { otherFamilyGuardian: SAME_SCHOOL },
  }),
  'POST /performances': (s) => ({
    url: '/performances',
    body: s.newPerformanceBody(),
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'PATCH /performances/:performanceId': async (s) => ({
    url: `/performances/${await s.freshPerformance()}`,
    body: { dress: 'Black and white' },
    headers: { 'if-match': '"1"' },
    allowed: [...MANAGERS],
  }),
  'POST /performances/:performanceId/move': async (s) => {
    const when = Date.now() + 200 * DAY;
    return {
      url: `/performances/${await s.freshPerformance()}/move`,
      body: { startsAt: new Date(when).toISOString(), endsAt: new Date(when + 3_600_000).toISOString(), reason: 'Hall double-booked' },
      headers: { 'if-match': '"1"' },
      allowed: [...MANAGERS],
    };
  },
  'POST /performances/:performanceId/publish': async (s) => ({
    url: `/performances/${await s.freshPerformance()}/publish`,
    allowed: [...MANAGERS],
  }),
  'POST /performances/:performanceId/cancel': async (s) => ({
    url: `/performances/${await s.freshPerformance()}/cancel`,
    body: { reason: 'Snow' },
    allowed: [...MANAGERS],
  }),
  'POST /performances/:performanceId/complete': async (s) => ({
    url: `/performances/${await s.pastPerformance()}/complete`,
    allowed: [...MANAGERS],
  }),

  'GET /performances/:performanceId/roster': (s) => ({
    url: `/performances/${s.performanceId}/roster`,
    allowed: [...STAFF, 'guardian'],
    exceptions: { otherFamilyGuardian: `${SAME_SCHOOL}; a guardian sees only their own children on it` },
  }),
  'GET /performances/:performanceId/roster/suggestions': (s) => ({
    url: `/performances/${s.performanceId}/roster/suggestions`,
    allowed: [...STAFF],
  }),
  'POST /performances/:performanceId/roster/build': (s) => ({
    url: `/performances/${s.performanceId}/roster/build`,
    allowed: [...MANAGERS],
  }),
  'POST /performances/:performanceId/roster/performers': async (s) => ({
    url: `/performances/${await s.freshPerformance()}/roster/performers`,
    body: { pupilId: s.pupilId },
    allowed: [...MANAGERS],
  }),
  'DELETE /performances/:performanceId/roster/performers/:pupilId': (s) => ({
    url: `/performances/${s.performanceId}/roster/performers/${s.pupilId}`,
    allowed: [...MANAGERS],
  }),

  'GET /performances/:performanceId/running-order': (s) => ({
    url: `/performances/${s.performanceId}/running-order`,
    allowed: [...STAFF, 'guardian'],
    exceptions: { otherFamilyGuardian: SAME_SCHOOL },
    secrets: [PUPIL_NAME],
  }),
  'PUT /performances/:performanceId/running-order': async (s) => {
    const id = await s.freshPerformance();
    return {
      url: `/performances/${id}/running-order`,
      body: { items: [{ piece: 'Fanfare', composer: 'Trad.', durationSeconds: 180 }] },
      headers: { 'if-match': await s.runningOrderETag(id) },
      allowed: [...MANAGERS],
    };
  },
  // The audience's programme: the admin and staff of the schools taking part; it names P1 (consent granted), never the other child (not answered).
  'GET /performances/:performanceId/programme.html': (s) => ({
    url: `/performances/${s.performanceId}/programme.html`,
    allowed: [...STAFF],
    neverShown: [UNNAMED_PUPIL],
  }),
  'GET /performances/:performanceId/run-sheet.html': (s) => ({
    url: `/performances/${s.performanceId}/run-sheet.html`,
    allowed: [...STAFF],
  }),
  'GET /performances/:performanceId/programme.pdf': (s) => ({ url: `/performances/${s.performanceId}/programme.pdf`, allowed: [...STAFF] }),
  'GET /performances/:performanceId/run-sheet.pdf': (s) => ({ url: `/performances/${s.performanceId}/run-sheet.pdf`, allowed: [...STAFF] }),
  // The consent audit names children and their consents: the admin, and a headteacher for their own school's children only.
  'GET /performances/:performanceId/consent-audit': (s) => ({
    url: `/performances/${s.performanceId}/consent-audit`,
    allowed: [...MANAGERS],
    secrets: [s.pupilId, PUPIL_NAME],
  }),

  'GET /fairness/schools': (s) => ({
    url: '/fairness/schools',
    allowed: [...MANAGERS],
    scope: 'caller-scoped',
    tenantSecrets: [s.schoolId],
  }),
  'GET /fairness/schools/:schoolId/pupils': (s) => ({
    url: `/fairness/schools/${s.schoolId}/pupils`,
    allowed: [...MANAGERS],
    exceptions: {
      otherTenantAdmin: 'this service keeps no register of schools: a school unknown to the caller’s tenant answers an empty list',
    },
  }),

  'GET /evaluation/participation.csv': (s) => ({
    url: `/evaluation/participation.csv?from=${new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10)}&to=${new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10)}`,
    allowed: ['admin', 'evaluator'],
    scope: 'caller-scoped',
    pseudonymisedFor: ['admin', 'evaluator'],
    secrets: [s.pupilId, PUPIL_NAME],
  }),

  // A school's hall is seen like the school's performances: the list leaves it out for other schools, and by id it is 404.
  'GET /venues': (s) => ({
    url: '/venues',
    allowed: [...STAFF],
    scope: 'caller-scoped',
    secrets: [s.venueId, 'Faith Primary Hall'],
    tenantSecrets: [s.venueId],
  }),
  'GET /venues/:venueId': (s) => ({ url: `/venues/${s.venueId}`, allowed: [...STAFF], secrets: [s.venueId, 'Faith Primary Hall'] }),
  'POST /venues': (s) => ({
    url: '/venues',
    body: { name: 'Faith Primary Studio', kind: 'school_hall', address: '1 High St', capacity: 40, schoolId: s.schoolId },
    allowed: [...MANAGERS],
    refusedWith: [403, 404],
  }),
  'PATCH /venues/:venueId': async (s) => ({
    url: `/venues/${await s.freshVenue()}`,
    body: { capacity: 90 },
    headers: { 'if-match': '"1"' },
    allowed: [...MANAGERS],
  }),
  'DELETE /venues/:venueId': async (s) => ({
    url: `/venues/${await s.freshVenue()}`,
    headers: { 'if-match': '"1"' },
    allowed: [...MANAGERS],
  }),
};

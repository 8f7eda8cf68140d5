import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity, Role } from '@tutti/auth';
import { newId } from '@tutti/platform';
import type { ServiceName } from '@tutti/contracts';
import { applyEvent } from '@tutti/messaging';
import { DataSource } from 'typeorm';
import {
  matrixIdentities,
  type MatrixIdentities,
  runAccessMatrix,
  type AccessMatrixReport,
  type MatrixFixtures,
  type MatrixWorld,
} from '@tutti/testing';
import { createGatewayApp } from './gateway-app';
import { gatewayTestConfig } from './testing/gateway-test-config';
import { DataRequestAnswers } from './identity/data-requests/data-request-answers';
import type { DataRequestAnsweredEvent } from './identity/data-requests/data-requests.service';
import { IdentityFixtures, type TestAccount, type TestTenant } from './identity/testing/identity-fixtures';

interface Scenario {
  schoolId: string;
  pupilId: string;
  /** G1's account (the guardian persona's). */
  guardianAccountId: string;
  guardianLinkId: string;
  /** Where G1 signs in: public routes are tried with G1's real address and a wrong credential. */
  guardianSignIn: { area: string; email: string };
  freshAccount(): Promise<string>;
  freshInvitedAccount(): Promise<string>;
  freshGrant(): Promise<{ accountId: string; grantId: string }>;
  freshGuardianLink(): Promise<string>;
  /** The ETag the admin reads at this URL: the If-Match of an edit. */
  etagOf(url: string): Promise<string>;
  /** G1's finished export of P1 (every service's answer in). */
  dataRequestId: string;
}

const GUARDIAN_NAME = 'Gwendolyn Marchbanks';
const ANSWERED: [ServiceName, DataRequestAnsweredEvent][] = [
  ['scheduling', 'scheduling.data-request.answered'],
  ['instrument-loan', 'loan.data-request.answered'],
  ['performance-event', 'performance.data-request.answered'],
  ['parent-engagement', 'engagement.data-request.answered'],
];
const MANAGERS = ['admin', 'headteacher', 'schoolStaff'] as const;
const EVERYONE = ['admin', 'headteacher', 'tutor', 'schoolStaff', 'guardian', 'evaluator'] as const;
/** Nothing listens here: the proxied services are not part of this matrix (each has its own). */
describe('gateway: the access matrix over every route of its own', () => {
  let app: NestFastifyApplication;
  let report: AccessMatrixReport;

  beforeAll(async () => {
    const config = await gatewayTestConfig();
    app = await createGatewayApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const fixtures = new IdentityFixtures(app, app.get(DataSource));
    const db = app.get(DataSource);

    const [tenant, otherTenant] = [await fixtures.tenant(), await fixtures.tenant()];
    const [schoolId, otherSchoolId] = [await fixtures.school(tenant), await fixtures.school(tenant)];
    const [pupilId, otherFamilyPupilId] = [newId(), newId()];
    const world: MatrixWorld = {
      tenantId: tenant.id,
      schoolId,
      otherSchoolId,
      pupilId,
      otherFamilyPupilId,
      otherFamilySchoolId: schoolId,
      secrets: [pupilId, GUARDIAN_NAME],
    };
    const identities = matrixIdentities(world, otherTenant.id);

    // Each persona is a real account, signed in over HTTP: the gateway takes identity from a Bearer token.
    const accounts = new Map<string, TestAccount>();
    const headers = new Map<string, Record<string, string>>();
    for (const [persona, identity] of Object.entries(identities) as [keyof MatrixIdentities, Identity][]) {
      const home: TestTenant = identity.tenantId === tenant.id ? tenant : otherTenant;
      const account = await fixtures.account(home, {
        displayName: persona === 'guardian' ? GUARDIAN_NAME : identity.displayName,
        grants: identity.grants.flatMap((grant): { role: Role; schoolId?: string }[] =>
          'schoolIds' in grant ? grant.schoolIds.map((id) => ({ role: grant.role, schoolId: id })) : [{ role: grant.role }],
        ),
        pupils: identity.grants.flatMap((grant) =>
          grant.role === 'guardian'
            ? grant.pupils.map(({ pupilId: id, schoolId: school }) => ({
                pupilId: id,
                schoolId: school,
                relationship: 'parent',
                canBookTransport: true,
              }))
            : [],
        ),
      });
      accounts.set(persona, account);
      headers.set(identity.userId, await fixtures.bearer(account));
    }
    const adminHeaders = headers.get(identities.admin.userId) ?? {};
    const asAdmin = async (method: 'POST', url: string, body: object) => {
      const response = await app.inject({ method, url, headers: adminHeaders, payload: body });
      if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
      return response.json<{ id: string; grants?: { id: string }[] }>();
    };
    const freshAccount = async () => (await fixtures.account(tenant, { displayName: 'Spare Person' })).id;
    const freshGuardianLink = async () =>
      (
        await asAdmin('POST', '/identity/guardian-links', {
          accountId: await freshAccount(),
          pupilId,
          schoolId,
          relationship: 'carer',
          canBookTransport: false,
          canGiveConsent: false,
        })
      ).id;
    const guardianAccountId = accounts.get('guardian')?.id ?? '';
    const [guardianLink] = await db.query('SELECT id FROM guardian_links WHERE tenant_id = $1 AND account_id = $2', [
      tenant.id,
      guardianAccountId,
    ]);

    // G1 asks for P1's export; the four services' answers are applied as the gateway's consumer would.
    const guardianHeaders = headers.get(identities.guardian.userId) ?? {};
    const opened = await app.inject({
      method: 'POST',
      url: '/identity/data-requests',
      headers: guardianHeaders,
      payload: { kind: 'export', subjectType: 'pupil', subjectId: pupilId },
    });
    if (opened.statusCode !== 201) throw new Error(`opening G1's export → ${opened.statusCode}: ${opened.body}`);
    const dataRequestId = opened.json<{ id: string }>().id;
    const answers = app.get(DataRequestAnswers);
    for (const [service, type] of ANSWERED) {
      await applyEvent(
        db,
        'gateway',
        { [type]: (event: never, manager: never) => answers.applyAnswer(event, manager) },
        {
          id: newId(),
          type,
          tenantId: tenant.id,
          occurredAt: new Date().toISOString(),
          source: service,
          payload: {
            version: 1,
            requestId: dataRequestId,
            kind: 'export',
            service,
            records: { pupil: [{ firstName: 'Pip' }] },
            actions: [],
          },
        },
      );
    }

    const scenario: Scenario = {
      dataRequestId,
      schoolId,
      pupilId,
      guardianAccountId,
      guardianLinkId: guardianLink.id,
      guardianSignIn: { area: accounts.get('guardian')?.area ?? '', email: accounts.get('guardian')?.email ?? '' },
      freshAccount,
      freshInvitedAccount: async () =>
        (await fixtures.account(tenant, { status: 'invited', password: null, displayName: 'Invited Person' })).id,
      freshGrant: async () => {
        const accountId = await freshAccount();
        await asAdmin('POST', `/identity/accounts/${accountId}/grants`, { role: 'tutor', schoolIds: [schoolId] });
        const [grant] = await db.query('SELECT id FROM grants WHERE tenant_id = $1 AND account_id = $2', [tenant.id, accountId]);
        return { accountId, grantId: grant.id };
      },
      freshGuardianLink,
      etagOf: async (url) => String((await app.inject({ method: 'GET', url, headers: adminHeaders })).headers.etag),
    };
    const started = Date.now();
    report = await runAccessMatrix({
      app,
      service: 'gateway',
      scenario,
      world,
      identities,
      fixtures: matrix,
      authenticate: async (identity) => headers.get(identity.userId) ?? {},
      exempt: { 'GET /health': 'probes the proxied services, which this spec does not run; public and holds no tenant data' },
    });
    console.log(`gateway access matrix: ${report.routes} routes, ${report.requests} requests, ${Date.now() - started} ms`);
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

/** What a public route must never tell about G1 or P1. */
const publicSecrets = (s: Scenario) => [s.pupilId, s.guardianAccountId, GUARDIAN_NAME];

const matrix: MatrixFixtures<Scenario> = {
  'GET /areas': (s) => ({ url: '/areas', allowed: [], secrets: publicSecrets(s) }),
  'POST /auth/sign-in': (s) => ({
    url: '/auth/sign-in',
    body: { ...s.guardianSignIn, password: 'not the password at all' },
    allowed: [],
    secrets: publicSecrets(s),
  }),
  'POST /auth/refresh': (s) => ({
    url: '/auth/refresh',
    body: { refreshToken: 'not-a-refresh-token' },
    allowed: [],
    secrets: publicSecrets(s),
  }),
  'POST /auth/sign-out': (s) => ({
    url: '/auth/sign-out',
    body: { refreshToken: 'not-a-refresh-token' },
    allowed: [],
    secrets: publicSecrets(s),
  }),
  'POST /auth/password-reset': (s) => ({ url: '/auth/password-reset', body: s.guardianSignIn, allowed: [], secrets: publicSecrets(s) }),
  'POST /auth/password-reset/complete': (s) => ({
    url: '/auth/password-reset/complete',
    body: { token: 'not-a-reset-token', password: 'a long enough new password' },
    allowed: [],
    secrets: publicSecrets(s),
  }),
  'POST /auth/invitations/accept': (s) => ({
    url: '/auth/invitations/accept',
    body: { token: 'not-an-invitation-token', password: 'a long enough new password' },
    allowed: [],
    secrets: publicSecrets(s),
  }),

  'GET /identity/me': () => ({ url: '/identity/me', allowed: [...EVERYONE], scope: 'caller-scoped' }),
  'GET /identity/tenant': () => ({ url: '/identity/tenant', allowed: [...EVERYONE], scope: 'caller-scoped' }),
  'PATCH /identity/tenant': async (s) => ({
    url: '/identity/tenant',
    body: { weeklyProvisionTargetMinutes: 240 },
    headers: { 'if-match': await s.etagOf('/identity/tenant') },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  'GET /audit-log': () => ({ url: '/audit-log', allowed: ['admin'], scope: 'caller-scoped' }),

  'GET /identity/accounts': () => ({ url: '/identity/accounts', allowed: ['admin'], scope: 'caller-scoped' }),
  'GET /identity/accounts/:id': (s) => ({ url: `/identity/accounts/${s.guardianAccountId}`, allowed: ['admin'] }),
  'POST /identity/accounts': () => ({
    url: '/identity/accounts',
    body: { email: `new-${newId().slice(-8)}@example.org`, displayName: 'New Person' },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  'PATCH /identity/accounts/:id': async (s) => {
    const url = `/identity/accounts/${await s.freshAccount()}`;
    return { url, body: { displayName: 'Renamed Person' }, headers: { 'if-match': await s.etagOf(url) }, allowed: ['admin'] };
  },
  'POST /identity/accounts/:id/invitations': async (s) => ({
    url: `/identity/accounts/${await s.freshInvitedAccount()}/invitations`,
    allowed: ['admin'],
  }),
  'POST /identity/accounts/:id/grants': async (s) => ({
    url: `/identity/accounts/${await s.freshAccount()}/grants`,
    body: { role: 'tutor', schoolIds: [s.schoolId] },
    allowed: ['admin'],
  }),
  'DELETE /identity/accounts/:id/grants/:grantId': async (s) => {
    const { accountId, grantId } = await s.freshGrant();
    return { url: `/identity/accounts/${accountId}/grants/${grantId}`, allowed: ['admin'] };
  },

  'GET /identity/guardian-links': (s) => ({
    url: '/identity/guardian-links',
    allowed: [...MANAGERS],
    scope: 'caller-scoped',
    secrets: [s.guardianLinkId, s.pupilId, s.guardianAccountId, GUARDIAN_NAME],
  }),
  'POST /identity/guardian-links': async (s) => ({
    url: '/identity/guardian-links',
    body: {
      accountId: await s.freshAccount(),
      pupilId: s.pupilId,
      schoolId: s.schoolId,
      relationship: 'carer',
      canBookTransport: true,
      canGiveConsent: false,
    },
    allowed: [...MANAGERS],
    refusedWith: [400, 403, 404],
  }),
  'DELETE /identity/guardian-links/:id': async (s) => ({
    url: `/identity/guardian-links/${await s.freshGuardianLink()}`,
    allowed: [...MANAGERS],
  }),

  'GET /identity/data-requests': () => ({ url: '/identity/data-requests', allowed: ['admin', 'guardian'], scope: 'caller-scoped' }),
  'GET /identity/data-requests/:id': (s) => ({ url: `/identity/data-requests/${s.dataRequestId}`, allowed: ['admin', 'guardian'] }),
  'GET /identity/data-requests/:id/export.zip': (s) => ({
    url: `/identity/data-requests/${s.dataRequestId}/export.zip`,
    allowed: ['admin', 'guardian'],
  }),
  'GET /identity/data-requests/:id/summary.pdf': (s) => ({
    url: `/identity/data-requests/${s.dataRequestId}/summary.pdf`,
    allowed: ['admin', 'guardian'],
  }),
  'POST /identity/data-requests': (s) => ({
    url: '/identity/data-requests',
    body: { kind: 'export', subjectType: 'pupil', subjectId: s.pupilId },
    allowed: ['admin', 'guardian'],
    exceptions: {
      otherTenantAdmin: {
        why: 'the gateway keeps no pupil register, so an admin may ask about any pupil id: another area’s admin opens a request in their own area, where nothing is held about that id',
        secrets: [GUARDIAN_NAME, s.guardianAccountId, s.guardianLinkId],
      },
    },
  }),
  'GET /identity/retention-schedule': () => ({ url: '/identity/retention-schedule', allowed: ['admin'], scope: 'caller-scoped' }),
  'PATCH /identity/retention-schedule': async (s) => ({
    url: '/identity/retention-schedule',
    body: { messageMonths: 24 },
    headers: { 'if-match': await s.etagOf('/identity/retention-schedule') },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
  'POST /identity/retention-runs': () => ({
    url: '/identity/retention-runs',
    body: { dryRun: true },
    allowed: ['admin'],
    scope: 'caller-scoped',
  }),
};

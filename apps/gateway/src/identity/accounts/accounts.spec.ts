import { newId } from '@tutti/platform';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';
import type { AccountDetailDto, AccountPageDto } from './dto/account.dto';

interface Problem {
  status: number;
  detail: string;
  conflicts?: Record<string, unknown>[];
}

describe('accounts, grants and guardian links', () => {
  let t: IdentityTestApp;
  let areaA: TestTenant;
  let areaB: TestTenant;
  let schoolA1: string;
  let schoolA2: string;
  let schoolB: string;
  let adminA: TestAccount;
  let adminAHeaders: Record<string, string>;
  let tutorB: TestAccount;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    [areaA, areaB] = [await t.fixtures.tenant(), await t.fixtures.tenant()];
    [schoolA1, schoolA2, schoolB] = [await t.fixtures.school(areaA), await t.fixtures.school(areaA), await t.fixtures.school(areaB)];
    adminA = await t.fixtures.account(areaA, { grants: [{ role: 'programme_admin' }] });
    adminAHeaders = await t.fixtures.bearer(adminA);
    tutorB = await t.fixtures.account(areaB, { grants: [{ role: 'tutor', schoolId: schoolB }] });
  });
  afterAll(() => t?.close());

  const asAdminA = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...adminAHeaders, ...headers }, ...(payload ? { payload } : {}) });

  describe('across areas', () => {
    it('an admin of area A gets 404 for every way of reaching an account of area B', async () => {
      expect((await asAdminA('GET', `/identity/accounts/${tutorB.id}`)).statusCode).toBe(404);
      expect((await asAdminA('PATCH', `/identity/accounts/${tutorB.id}`, { status: 'disabled' }, { 'if-match': '"1"' })).statusCode).toBe(
        404,
      );
      expect((await asAdminA('POST', `/identity/accounts/${tutorB.id}/grants`, { role: 'evaluator' })).statusCode).toBe(404);
      expect((await asAdminA('POST', `/identity/accounts/${tutorB.id}/invitations`)).statusCode).toBe(404);
      const grantB = (await t.dataSource.query(`SELECT id FROM grants WHERE account_id = $1`, [tutorB.id]))[0].id;
      expect((await asAdminA('DELETE', `/identity/accounts/${tutorB.id}/grants/${grantB}`)).statusCode).toBe(404);
      const link = await asAdminA('POST', '/identity/guardian-links', {
        accountId: tutorB.id,
        pupilId: newId(),
        schoolId: schoolA1,
        relationship: 'parent',
        canBookTransport: true,
        canGiveConsent: true,
      });
      expect(link.statusCode).toBe(404);
      // Nothing changed on B's side.
      const [row] = await t.dataSource.query(`SELECT status FROM accounts WHERE id = $1`, [tutorB.id]);
      expect(row.status).toBe('active');
    });

    it('never lists another area’s accounts, and cannot grant another area’s school', async () => {
      const list = await asAdminA('GET', '/identity/accounts?limit=100');
      expect(list.json<AccountPageDto>().items.map((item) => item.id)).not.toContain(tutorB.id);
      const someone = await t.fixtures.account(areaA);
      const grant = await asAdminA('POST', `/identity/accounts/${someone.id}/grants`, { role: 'tutor', schoolIds: [schoolB] });
      expect(grant.statusCode).toBe(404);
      expect(grant.json<Problem>().detail).toContain(schoolB);
    });
  });

  describe('roles at the door', () => {
    it('refuses accounts administration to every role but programme admin', async () => {
      const evaluator = await t.fixtures.account(areaA, { grants: [{ role: 'evaluator' }] });
      const headteacher = await t.fixtures.account(areaA, { grants: [{ role: 'headteacher', schoolId: schoolA1 }] });
      for (const account of [evaluator, headteacher]) {
        const response = await t.app.inject({ method: 'GET', url: '/identity/accounts', headers: await t.fixtures.bearer(account) });
        expect(response.statusCode).toBe(403);
      }
      expect((await t.app.inject({ method: 'GET', url: '/identity/accounts' })).statusCode).toBe(401);
    });
  });

  describe('listing', () => {
    it('pages by email with a cursor, and filters by status, role and email prefix', async () => {
      const area = await t.fixtures.tenant();
      const admin = await t.fixtures.account(area, { grants: [{ role: 'programme_admin' }] });
      const headers = await t.fixtures.bearer(admin);
      for (let i = 0; i < 4; i++)
        await t.fixtures.account(area, { status: i === 0 ? 'disabled' : 'active', grants: i === 1 ? [{ role: 'evaluator' }] : [] });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: AccountPageDto = (
          await t.app.inject({ method: 'GET', url: `/identity/accounts?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers })
        ).json<AccountPageDto>();
        seen.push(...page.items.map((item) => item.email));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect([...seen].sort()).toEqual(seen);
      const disabled = (await t.app.inject({ method: 'GET', url: '/identity/accounts?status=disabled', headers })).json<AccountPageDto>();
      expect(disabled.items).toHaveLength(1);
      const evaluators = (await t.app.inject({ method: 'GET', url: '/identity/accounts?role=evaluator', headers })).json<AccountPageDto>();
      expect(evaluators.items).toEqual([
        expect.objectContaining({ grants: [expect.objectContaining({ role: 'evaluator', schoolId: null })] }),
      ]);
      const byEmail = (
        await t.app.inject({
          method: 'GET',
          url: `/identity/accounts?email=${encodeURIComponent(admin.email.slice(0, 12).toUpperCase())}`,
          headers,
        })
      ).json<AccountPageDto>();
      expect(byEmail.items.map((item) => item.id)).toEqual([admin.id]);
    });
  });

  describe('editing', () => {
    it('answers an ETag and refuses a stale If-Match with 412', async () => {
      const person = await t.fixtures.account(areaA);
      const read = await asAdminA('GET', `/identity/accounts/${person.id}`);
      const etag = String(read.headers.etag);
      const first = await asAdminA('PATCH', `/identity/accounts/${person.id}`, { displayName: 'Ms Okafor' }, { 'if-match': etag });
      expect(first.statusCode).toBe(200);
      expect(first.json<AccountDetailDto>().displayName).toBe('Ms Okafor');
      const stale = await asAdminA('PATCH', `/identity/accounts/${person.id}`, { displayName: 'Mrs Okafor' }, { 'if-match': etag });
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({ currentETag: first.headers.etag });
    });

    it('takes an edit only with If-Match naming the version read ("3"): 428 without it, and nothing changes', async () => {
      const person = await t.fixtures.account(areaA, { displayName: 'Mr Unchanged' });
      const read = await asAdminA('GET', `/identity/accounts/${person.id}`);
      expect(read.headers.etag).toBe('"1"');
      const blind = await asAdminA('PATCH', `/identity/accounts/${person.id}`, { displayName: 'Mr Blind' });
      expect(blind.statusCode).toBe(428);
      expect(blind.headers['content-type']).toContain('application/problem+json');
      expect((await asAdminA('GET', `/identity/accounts/${person.id}`)).json<AccountDetailDto>().displayName).toBe('Mr Unchanged');
    });

    it('enables a disabled account again (back to invited when it never set a password), but never disables oneself', async () => {
      const active = await t.fixtures.account(areaA, { status: 'disabled' });
      const neverAccepted = await t.fixtures.account(areaA, { status: 'disabled', password: null });
      const ifMatch = async (id: string) => ({ 'if-match': String((await asAdminA('GET', `/identity/accounts/${id}`)).headers.etag) });
      expect(
        (
          await asAdminA('PATCH', `/identity/accounts/${active.id}`, { status: 'active' }, await ifMatch(active.id))
        ).json<AccountDetailDto>().status,
      ).toBe('active');
      expect(
        (
          await asAdminA('PATCH', `/identity/accounts/${neverAccepted.id}`, { status: 'active' }, await ifMatch(neverAccepted.id))
        ).json<AccountDetailDto>().status,
      ).toBe('invited');
      const self = await asAdminA('PATCH', `/identity/accounts/${adminA.id}`, { status: 'disabled' }, await ifMatch(adminA.id));
      expect(self.statusCode).toBe(409);
    });
  });

  describe('grants', () => {
    it('adds a tutor at two schools, refuses the same grant twice with the clash, and removes one', async () => {
      const person = await t.fixtures.account(areaA);
      const added = await asAdminA('POST', `/identity/accounts/${person.id}/grants`, { role: 'tutor', schoolIds: [schoolA1, schoolA2] });
      expect(added.statusCode).toBe(201);
      const rows = added.json<{ id: string; role: string; schoolId: string }[]>();
      expect(rows.map((row) => row.schoolId).sort()).toEqual([schoolA1, schoolA2].sort());

      const twice = await asAdminA('POST', `/identity/accounts/${person.id}/grants`, { role: 'tutor', schoolIds: [schoolA2] });
      expect(twice.statusCode).toBe(409);
      expect(twice.json<Problem>().conflicts).toEqual([{ role: 'tutor', schoolId: schoolA2 }]);

      expect((await asAdminA('DELETE', `/identity/accounts/${person.id}/grants/${rows[0].id}`)).statusCode).toBe(204);
      expect((await asAdminA('DELETE', `/identity/accounts/${person.id}/grants/${rows[0].id}`)).statusCode).toBe(404);
      expect((await asAdminA('GET', `/identity/accounts/${person.id}`)).json<AccountDetailDto>().grants).toHaveLength(1);
    });

    it('refuses schools on area-wide roles, and removing one’s own admin grant', async () => {
      const person = await t.fixtures.account(areaA);
      const wrong = await asAdminA('POST', `/identity/accounts/${person.id}/grants`, { role: 'evaluator', schoolIds: [schoolA1] });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ errors: [{ field: 'schoolIds', rule: 'notAllowed' }] });
      const [own] = await t.dataSource.query(`SELECT id FROM grants WHERE account_id = $1 AND role = 'programme_admin'`, [adminA.id]);
      expect((await asAdminA('DELETE', `/identity/accounts/${adminA.id}/grants/${own.id}`)).statusCode).toBe(409);
    });
  });

  describe('guardian links', () => {
    it('a headteacher links parents at their own school only; the parent gains the guardian role', async () => {
      const headteacher = await t.fixtures.account(areaA, { grants: [{ role: 'headteacher', schoolId: schoolA1 }] });
      const headers = await t.fixtures.bearer(headteacher);
      const parent = await t.fixtures.account(areaA, { grants: [] });
      const link = { accountId: parent.id, pupilId: newId(), relationship: 'parent', canBookTransport: true, canGiveConsent: false };

      const own = await t.app.inject({
        method: 'POST',
        url: '/identity/guardian-links',
        headers,
        payload: { ...link, schoolId: schoolA1 },
      });
      expect(own.statusCode).toBe(201);
      const other = await t.app.inject({
        method: 'POST',
        url: '/identity/guardian-links',
        headers,
        payload: { ...link, pupilId: newId(), schoolId: schoolA2 },
      });
      expect(other.statusCode).toBe(404);
      const twice = await t.app.inject({
        method: 'POST',
        url: '/identity/guardian-links',
        headers,
        payload: { ...link, schoolId: schoolA1 },
      });
      expect(twice.statusCode).toBe(409);

      const detail = (await asAdminA('GET', `/identity/accounts/${parent.id}`)).json<AccountDetailDto>();
      expect(detail.grants).toEqual([expect.objectContaining({ role: 'guardian', schoolId: null })]);
      expect(detail.guardianLinks).toEqual([
        expect.objectContaining({ pupilId: link.pupilId, schoolId: schoolA1, canBookTransport: true, canGiveConsent: false }),
      ]);

      // A link at a school the headteacher does not run is "not found" to them, but there for the admin.
      const adminLink = await asAdminA('POST', '/identity/guardian-links', { ...link, pupilId: newId(), schoolId: schoolA2 });
      expect(adminLink.statusCode).toBe(201);
      const adminLinkId = adminLink.json<{ id: string }>().id;
      expect((await t.app.inject({ method: 'DELETE', url: `/identity/guardian-links/${adminLinkId}`, headers })).statusCode).toBe(404);
      const visible = await t.app.inject({ method: 'GET', url: `/identity/guardian-links?accountId=${parent.id}`, headers });
      expect(visible.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([own.json<{ id: string }>().id]);

      // The guardian grant cannot go while links remain.
      const guardianGrant = detail.grants[0].id;
      expect((await asAdminA('DELETE', `/identity/accounts/${parent.id}/grants/${guardianGrant}`)).statusCode).toBe(409);
    });

    it('a tutor may not manage guardian links at all', async () => {
      const tutor = await t.fixtures.account(areaA, { grants: [{ role: 'tutor', schoolId: schoolA1 }] });
      const response = await t.app.inject({ method: 'GET', url: '/identity/guardian-links', headers: await t.fixtures.bearer(tutor) });
      expect(response.statusCode).toBe(403);
    });
  });
});

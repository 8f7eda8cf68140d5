import { newId } from '@tutti/platform';
import { IDENTITY_HEADER, importIdentityKey, verifyIdentityToken, type Identity } from '@tutti/auth';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';
import { randomIp } from '../testing/random-ip';
import { AccessTokens } from '../sessions/access-tokens';
import { IdentityResolver } from './identity-resolver';

const CACHE_TTL_MS = 30_000;

/**
 * Disabling an account, removing a grant or a guardian link must take effect everywhere within a
 * minute. Changes made through this replica's API take effect at once; changes made elsewhere (here:
 * straight in the database, as another replica would) once the 30 s cache has expired, which the
 * spec's clock jumps over instead of sleeping.
 */
describe('identity stays current', () => {
  let t: IdentityTestApp;
  let tenant: TestTenant;
  let schoolA: string;
  let schoolB: string;
  let admin: TestAccount;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    t = await startIdentityTestApp({ identityCacheTtlMs: CACHE_TTL_MS });
    tenant = await t.fixtures.tenant();
    schoolA = await t.fixtures.school(tenant);
    schoolB = await t.fixtures.school(tenant);
    admin = await t.fixtures.account(tenant, { grants: [{ role: 'programme_admin' }] });
    adminHeaders = await t.fixtures.bearer(admin);
  });
  afterAll(() => t?.close());

  const resolver = () => t.app.get(IdentityResolver);
  const headersOf = (accessToken: string, role?: string) => ({
    authorization: `Bearer ${accessToken}`,
    ...(role ? { 'x-tutti-role': role } : {}),
  });

  it('forwards the same identity token to a service for a while, and a fresh one when the identity changes', async () => {
    const tokens = t.app.get(AccessTokens);
    const identity: Identity = {
      userId: newId(),
      tenantId: tenant.id,
      displayName: 'A tutor',
      activeRole: null,
      grants: [{ role: 'tutor', schoolIds: [schoolA] }],
    };
    const first = await tokens.mintIdentityToken(identity, 'scheduling');
    expect(await tokens.mintIdentityToken({ ...identity }, 'scheduling')).toBe(first);
    expect(await tokens.mintIdentityToken(identity, 'instrument-loan')).not.toBe(first);
    expect(
      await tokens.mintIdentityToken({ ...identity, grants: [{ role: 'tutor', schoolIds: [schoolA, schoolB] }] }, 'scheduling'),
    ).not.toBe(first);
    expect(await tokens.mintIdentityToken({ ...identity, activeRole: 'tutor' }, 'scheduling')).not.toBe(first);
  });

  it('a disabled account stops resolving after the cache window, with no sleep', async () => {
    const tutor = await t.fixtures.account(tenant, { grants: [{ role: 'tutor', schoolId: schoolA }] });
    const { accessToken } = await t.fixtures.signIn(tutor);
    await expect(resolver().resolve(headersOf(accessToken))).resolves.toMatchObject({ userId: tutor.id });

    await t.dataSource.query(`UPDATE accounts SET status = 'disabled' WHERE id = $1`, [tutor.id]);
    await expect(resolver().resolve(headersOf(accessToken))).resolves.toMatchObject({ userId: tutor.id }); // still cached
    t.clock.advance(CACHE_TTL_MS + 1);
    await expect(resolver().resolve(headersOf(accessToken))).rejects.toMatchObject({ statusCode: 401 });
  });

  it('disabling through the API takes effect at once and ends every sign-in', async () => {
    const staff = await t.fixtures.account(tenant, { grants: [{ role: 'school_staff', schoolId: schoolA }] });
    const tokens = await t.fixtures.signIn(staff);
    await expect(resolver().resolve(headersOf(tokens.accessToken))).resolves.not.toBeNull();

    const read = await t.app.inject({ method: 'GET', url: `/identity/accounts/${staff.id}`, headers: adminHeaders });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/identity/accounts/${staff.id}`,
      headers: { ...adminHeaders, 'if-match': String(read.headers.etag) },
      payload: { status: 'disabled' },
    });
    expect(patch.statusCode).toBe(200);
    await expect(resolver().resolve(headersOf(tokens.accessToken))).rejects.toMatchObject({ statusCode: 401 });
    const refresh = await t.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: tokens.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      remoteAddress: randomIp(),
      payload: { area: staff.area, email: staff.email, password: staff.password },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it('a removed grant is gone after the cache window, and acting in it is refused', async () => {
    const tutor = await t.fixtures.account(tenant, {
      grants: [
        { role: 'tutor', schoolId: schoolA },
        { role: 'tutor', schoolId: schoolB },
      ],
    });
    const { accessToken } = await t.fixtures.signIn(tutor);
    await expect(resolver().resolve(headersOf(accessToken))).resolves.toMatchObject({
      grants: [{ role: 'tutor', schoolIds: [schoolA, schoolB].sort() }],
    });

    await t.dataSource.query(`DELETE FROM grants WHERE account_id = $1 AND school_id = $2`, [tutor.id, schoolB]);
    t.clock.advance(CACHE_TTL_MS + 1);
    await expect(resolver().resolve(headersOf(accessToken))).resolves.toMatchObject({ grants: [{ role: 'tutor', schoolIds: [schoolA] }] });

    await t.dataSource.query(`DELETE FROM grants WHERE account_id = $1`, [tutor.id]);
    t.clock.advance(CACHE_TTL_MS + 1);
    await expect(resolver().resolve(headersOf(accessToken, 'tutor'))).rejects.toMatchObject({ statusCode: 403 });
    await expect(resolver().resolve(headersOf(accessToken))).resolves.toMatchObject({ grants: [] });
  });

  it('a removed guardian link is gone after the cache window (or at once through the API)', async () => {
    const [pupil1, pupil2] = [newId(), newId()];
    const parent = await t.fixtures.account(tenant, {
      grants: [{ role: 'guardian' }],
      pupils: [
        { pupilId: pupil1, schoolId: schoolA, relationship: 'parent', canBookTransport: true },
        { pupilId: pupil2, schoolId: schoolB, relationship: 'parent', canBookTransport: false },
      ],
    });
    const { accessToken } = await t.fixtures.signIn(parent);
    const pupilsOf = (identity: Identity | null) =>
      identity?.grants.flatMap((grant) => (grant.role === 'guardian' ? grant.pupils.map((pupil) => pupil.pupilId) : [])).sort();
    expect(pupilsOf(await resolver().resolve(headersOf(accessToken)))).toEqual([pupil1, pupil2].sort());

    await t.dataSource.query(`DELETE FROM guardian_links WHERE account_id = $1 AND pupil_id = $2`, [parent.id, pupil2]);
    expect(pupilsOf(await resolver().resolve(headersOf(accessToken)))).toEqual([pupil1, pupil2].sort()); // another replica's change: cached for now
    t.clock.advance(CACHE_TTL_MS + 1);
    expect(pupilsOf(await resolver().resolve(headersOf(accessToken)))).toEqual([pupil1]);

    const links = await t.app.inject({ method: 'GET', url: `/identity/guardian-links?accountId=${parent.id}`, headers: adminHeaders });
    const [link] = links.json<{ items: { id: string }[] }>().items;
    expect((await t.app.inject({ method: 'DELETE', url: `/identity/guardian-links/${link.id}`, headers: adminHeaders })).statusCode).toBe(
      204,
    );
    expect(pupilsOf(await resolver().resolve(headersOf(accessToken)))).toEqual([]);
  });

  it('one person who is tutor and guardian switches roles with x-tutti-role; a role not held is 403', async () => {
    const child = newId();
    const person = await t.fixtures.account(tenant, {
      grants: [{ role: 'tutor', schoolId: schoolA }, { role: 'guardian' }],
      pupils: [{ pupilId: child, schoolId: schoolB, relationship: 'parent', canBookTransport: true }],
    });
    const { accessToken } = await t.fixtures.signIn(person);
    await expect(resolver().resolve(headersOf(accessToken, 'tutor'))).resolves.toMatchObject({ activeRole: 'tutor' });
    await expect(resolver().resolve(headersOf(accessToken, 'guardian'))).resolves.toMatchObject({ activeRole: 'guardian' });
    await expect(resolver().resolve(headersOf(accessToken))).resolves.toMatchObject({ activeRole: null });
    await expect(resolver().resolve(headersOf(accessToken, 'programme_admin'))).rejects.toMatchObject({ statusCode: 403 });
    await expect(resolver().resolve(headersOf(accessToken, 'wizard'))).rejects.toMatchObject({ statusCode: 403 });

    const me = await t.app.inject({ method: 'GET', url: '/identity/me', headers: headersOf(accessToken, 'guardian') });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      activeRole: 'guardian',
      roles: ['tutor', 'guardian'],
      children: [{ pupilId: child, schoolId: schoolB }],
    });
    const refused = await t.app.inject({ method: 'GET', url: '/identity/me', headers: headersOf(accessToken, 'programme_admin') });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // Roles open doors per route: acting as tutor, the admins' list stays closed.
    expect((await t.app.inject({ method: 'GET', url: '/identity/accounts', headers: headersOf(accessToken, 'tutor') })).statusCode).toBe(
      403,
    );
  });

  it('mints identity tokens for one service, verifiable with the public key, and attaches them for the proxy', async () => {
    const tutor = await t.fixtures.account(tenant, { grants: [{ role: 'tutor', schoolId: schoolA }] });
    const { accessToken } = await t.fixtures.signIn(tutor);
    const identity = await resolver().resolve(headersOf(accessToken, 'tutor'));
    if (!identity) throw new Error('a signed-in caller resolved as anonymous');
    const token = await resolver().mintIdentityToken(identity, 'scheduling');
    const publicKey = await importIdentityKey(t.config.IDENTITY_PUBLIC_KEY);
    await expect(verifyIdentityToken(token, 'scheduling', publicKey)).resolves.toEqual(identity);
    await expect(verifyIdentityToken(token, 'parent-engagement', publicKey)).rejects.toThrow();

    const upstream: Record<string, string | string[]> = { authorization: `Bearer ${accessToken}`, [IDENTITY_HEADER]: 'forged' };
    await resolver().attachIdentityToken({ headers: headersOf(accessToken) }, 'scheduling', upstream);
    expect(upstream.authorization).toBeUndefined();
    await expect(verifyIdentityToken(String(upstream[IDENTITY_HEADER]), 'scheduling', publicKey)).resolves.toMatchObject({
      userId: tutor.id,
    });

    const anonymous: Record<string, string | string[]> = { [IDENTITY_HEADER]: 'forged' };
    await resolver().attachIdentityToken({ headers: {} }, 'scheduling', anonymous);
    expect(anonymous[IDENTITY_HEADER]).toBeUndefined();
  });
});

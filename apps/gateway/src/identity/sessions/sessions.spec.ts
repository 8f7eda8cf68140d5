import type { SessionTokensDto } from './session-tokens';
import { IdentityResolver } from '../resolver/identity-resolver';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';
import { randomIp } from '../testing/random-ip';

describe('sign-in, refresh and sign-out', () => {
  let t: IdentityTestApp;
  let tenant: TestTenant;
  let tutor: TestAccount;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    tenant = await t.fixtures.tenant();
    const school = await t.fixtures.school(tenant);
    tutor = await t.fixtures.account(tenant, { grants: [{ role: 'tutor', schoolId: school }] });
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, remoteAddress: randomIp() });
  const resolve = (accessToken: string) => t.app.get(IdentityResolver).resolve({ authorization: `Bearer ${accessToken}` });

  it('signs in with the right password and answers a short-lived access token and a refresh token', async () => {
    const response = await post('/auth/sign-in', { area: tenant.slug, email: tutor.email.toUpperCase(), password: tutor.password });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const tokens = response.json<SessionTokensDto>();
    expect(tokens.tokenType).toBe('Bearer');
    expect(new Date(tokens.accessTokenExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(600_000);
    expect(tokens.refreshToken.startsWith(`${tenant.id}.`)).toBe(true);
    await expect(resolve(tokens.accessToken)).resolves.toMatchObject({ userId: tutor.id, tenantId: tenant.id });
  });

  it('refuses a wrong password, an unknown email and an unknown area alike', async () => {
    const answers = await Promise.all([
      post('/auth/sign-in', { area: tenant.slug, email: tutor.email, password: 'not the password at all' }),
      post('/auth/sign-in', { area: tenant.slug, email: 'nobody@example.org', password: tutor.password }),
      post('/auth/sign-in', { area: 'no-such-area', email: tutor.email, password: tutor.password }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
    expect(new Set(answers.map((answer) => answer.json<{ detail: string }>().detail)).size).toBe(1);
  });

  it('rotates refresh tokens: each works once and gives a new pair', async () => {
    const first = await t.fixtures.signIn(tutor);
    const refreshed = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    const second = refreshed.json<SessionTokensDto>();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await expect(resolve(second.accessToken)).resolves.toMatchObject({ userId: tutor.id });
    const third = await post('/auth/refresh', { refreshToken: second.refreshToken });
    expect(third.statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated refresh token comes back', async () => {
    const first = await t.fixtures.signIn(tutor);
    const second = (await post('/auth/refresh', { refreshToken: first.refreshToken })).json<SessionTokensDto>();

    const reused = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(reused.statusCode).toBe(401);
    expect(reused.json<{ detail: string }>().detail).toMatch(/already used/);

    // The thief's rotated token and the victim's current one are both dead now, and so is the access token.
    expect((await post('/auth/refresh', { refreshToken: second.refreshToken })).statusCode).toBe(401);
    await expect(resolve(second.accessToken)).rejects.toMatchObject({ statusCode: 401 });
    // Another sign-in of the same person is untouched.
    const other = await t.fixtures.signIn(tutor);
    await expect(resolve(other.accessToken)).resolves.toMatchObject({ userId: tutor.id });
  });

  it('signs out: the refresh token stops working, and so does the access token', async () => {
    const tokens = await t.fixtures.signIn(tutor);
    expect((await post('/auth/sign-out', { refreshToken: tokens.refreshToken })).statusCode).toBe(204);
    expect((await post('/auth/refresh', { refreshToken: tokens.refreshToken })).statusCode).toBe(401);
    await expect(resolve(tokens.accessToken)).rejects.toMatchObject({ statusCode: 401 });
  });

  it('refuses garbage refresh tokens with 401 and sign-out of an unknown token quietly', async () => {
    expect((await post('/auth/refresh', { refreshToken: 'nonsense' })).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: `${tenant.id}.${'A'.repeat(43)}` })).statusCode).toBe(401);
    expect((await post('/auth/sign-out', { refreshToken: 'nonsense' })).statusCode).toBe(204);
  });
});

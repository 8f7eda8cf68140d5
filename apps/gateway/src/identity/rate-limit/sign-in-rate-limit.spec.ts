import type { LightMyRequestResponse } from 'fastify';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';
import { randomIp } from '../testing/random-ip';

type Attempt = { area: string; email: string; password: string };

const retryAfterOf = (response: LightMyRequestResponse) => Number(response.headers['retry-after']);

describe('sign-in is slowed against guessing', () => {
  describe('with the default limits', () => {
    let t: IdentityTestApp;
    let tenant: TestTenant;

    beforeAll(async () => {
      t = await startIdentityTestApp();
      tenant = await t.fixtures.tenant();
    });
    afterAll(() => t?.close());

    const attempt = (body: Attempt, ip = randomIp(), headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/auth/sign-in', remoteAddress: ip, headers, payload: body });

    it('makes a source wait after its third failure for an account, even for the right password (429 + Retry-After)', async () => {
      const account: TestAccount = await t.fixtures.account(tenant);
      const ip = randomIp();
      const wrong = { area: account.area, email: account.email, password: 'a wrong guess here' };
      expect((await attempt(wrong, ip)).statusCode).toBe(401);
      expect((await attempt(wrong, ip)).statusCode).toBe(401);
      expect((await attempt(wrong, ip)).statusCode).toBe(401); // third failure: cool-down starts

      const slowed = await attempt({ ...wrong, password: account.password }, ip);
      expect(slowed.statusCode).toBe(429);
      expect(slowed.headers['content-type']).toContain('application/problem+json');
      expect(retryAfterOf(slowed)).toBe(1);
      expect(slowed.json()).toMatchObject({ status: 429, retryAfterSeconds: retryAfterOf(slowed) });
      // The owner, elsewhere, is not slowed.
      expect((await attempt({ ...wrong, password: account.password })).statusCode).toBe(200);
    });

    it('counts failures for accounts that do not exist the same way (no hint which exist)', async () => {
      const ghost = { area: tenant.slug, email: 'no-such-person@example.org', password: 'whatever it is' };
      const ip = randomIp();
      for (let i = 0; i < 3; i++) expect((await attempt(ghost, ip)).statusCode).toBe(401);
      expect((await attempt(ghost, ip)).statusCode).toBe(429);
    });

    it('caps attempts per IP address at 20 a minute, across accounts', async () => {
      const ip = randomIp();
      const accounts = await Promise.all([1, 2, 3, 4, 5].map(() => t.fixtures.account(tenant)));
      for (let i = 0; i < 20; i++) {
        const account = accounts[i % accounts.length];
        const response = await attempt({ area: account.area, email: account.email, password: account.password }, ip);
        expect(response.statusCode).toBe(200);
      }
      const capped = await attempt({ area: accounts[0].area, email: accounts[0].email, password: accounts[0].password }, ip);
      expect(capped.statusCode).toBe(429);
      expect(retryAfterOf(capped)).toBeGreaterThan(0);
      expect(retryAfterOf(capped)).toBeLessThanOrEqual(60);
      // Another address is not affected.
      expect((await attempt({ area: accounts[0].area, email: accounts[0].email, password: accounts[0].password })).statusCode).toBe(200);
    });

    it('believes no X-Forwarded-For by default: a new forged address on every attempt still meets the cap at the 21st', async () => {
      const ip = randomIp();
      const ghost = { area: tenant.slug, email: 'forger@example.org', password: 'whatever it is' };
      const accounts = await Promise.all([1, 2, 3, 4, 5].map(() => t.fixtures.account(tenant)));
      for (let i = 0; i < 20; i++) {
        const account = accounts[i % accounts.length];
        const response = await attempt({ area: account.area, email: account.email, password: account.password }, ip, {
          'x-forwarded-for': randomIp(),
        });
        expect(response.statusCode).toBe(200);
      }
      const capped = await attempt(ghost, ip, { 'x-forwarded-for': randomIp() });
      expect(capped.statusCode).toBe(429);
      expect(capped.json<{ detail: string }>().detail).toMatch(/from your network/);
    });

    it('clears the failure count of a source after a successful sign-in from it', async () => {
      const account = await t.fixtures.account(tenant);
      const ip = randomIp();
      const wrong = { area: account.area, email: account.email, password: 'a wrong guess here' };
      await attempt(wrong, ip);
      await attempt(wrong, ip);
      expect((await attempt({ ...wrong, password: account.password }, ip)).statusCode).toBe(200);
      expect((await attempt(wrong, ip)).statusCode).toBe(401);
      expect((await attempt(wrong, ip)).statusCode).toBe(401); // would have been the third: counting started again
      expect((await attempt({ ...wrong, password: account.password }, ip)).statusCode).toBe(200);
    });
  });

  describe('a stranger guessing a parent’s password, and the parent', () => {
    let t: IdentityTestApp;

    // No cool-downs here, so that failures can be made without waiting for them.
    beforeAll(async () => {
      t = await startIdentityTestApp({ signIn: { cooldownFromFailure: 1_000 } });
    });
    afterAll(() => t?.close());

    const attemptAs = (account: TestAccount, password: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/auth/sign-in',
        remoteAddress: ip,
        payload: { area: account.area, email: account.email, password },
      });

    it('the stranger: after five failures from one address, that address may not try the account for the rest of 15 minutes, whatever the password', async () => {
      const account = await t.fixtures.account(await t.fixtures.tenant());
      const stranger = randomIp();
      for (let i = 0; i < 5; i++) expect((await attemptAs(account, `wrong guess ${i}`, stranger)).statusCode).toBe(401);
      const refused = await attemptAs(account, account.password, stranger);
      expect(refused.statusCode).toBe(429);
      expect(retryAfterOf(refused)).toBeGreaterThan(14 * 60);
      expect(retryAfterOf(refused)).toBeLessThanOrEqual(15 * 60);
      expect(refused.json<{ detail: string }>().detail).toMatch(/reset your password/);
    });

    it('the stranger with many addresses: once the account has ten failures each address gets only two', async () => {
      const account = await t.fixtures.account(await t.fixtures.tenant());
      for (let i = 0; i < 10; i++) expect((await attemptAs(account, `wrong guess ${i}`, randomIp())).statusCode).toBe(401);
      const stranger = randomIp();
      expect((await attemptAs(account, 'another guess', stranger)).statusCode).toBe(401);
      expect((await attemptAs(account, 'and another', stranger)).statusCode).toBe(401);
      expect((await attemptAs(account, 'a third', stranger)).statusCode).toBe(429);
    });

    it('the parent: after a stranger’s flood from many addresses, signs in with the right password from their own device at once', async () => {
      const account = await t.fixtures.account(await t.fixtures.tenant());
      const strangers = [randomIp(), randomIp(), randomIp(), randomIp()];
      for (const stranger of strangers) {
        for (let i = 0; i < 5; i++) await attemptAs(account, `wrong guess ${i}`, stranger);
        expect((await attemptAs(account, account.password, stranger)).statusCode).toBe(429);
      }
      const parent = randomIp();
      expect((await attemptAs(account, 'a typo', parent)).statusCode).toBe(401);
      const signedIn = await attemptAs(account, account.password, parent);
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json()).toHaveProperty('accessToken');
    });
  });

  describe('behind a load balancer named in TRUSTED_PROXIES', () => {
    let t: IdentityTestApp;
    const balancer = '10.250.0.9';

    beforeAll(async () => {
      t = await startIdentityTestApp({}, { TRUSTED_PROXIES: '10.250.0.0/16' });
    });
    afterAll(() => t?.close());

    it('counts each client the balancer names apart, and ignores the header from anyone else', async () => {
      const tenant = await t.fixtures.tenant();
      const account = await t.fixtures.account(tenant);
      const body = { area: account.area, email: account.email, password: account.password };
      const via = (client: string, peer = balancer) =>
        t.app.inject({ method: 'POST', url: '/auth/sign-in', remoteAddress: peer, headers: { 'x-forwarded-for': client }, payload: body });

      // 25 clients through the balancer: more than one address's cap, none refused.
      for (let i = 0; i < 25; i++) expect((await via(randomIp())).statusCode).toBe(200);
      // One client through the balancer meets its own cap.
      const client = randomIp();
      for (let i = 0; i < 20; i++) expect((await via(client)).statusCode).toBe(200);
      expect((await via(client)).statusCode).toBe(429);
      // A caller that is not the balancer cannot pose as a fresh client.
      const direct = randomIp();
      for (let i = 0; i < 20; i++) expect((await via(randomIp(), direct)).statusCode).toBe(200);
      expect((await via(randomIp(), direct)).statusCode).toBe(429);
    });
  });
});

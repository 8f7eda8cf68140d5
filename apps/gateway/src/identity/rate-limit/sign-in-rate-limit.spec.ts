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

    const attempt = (body: Attempt, ip = randomIp()) => t.app.inject({ method: 'POST', url: '/auth/sign-in', headers: { 'x-forwarded-for': ip }, payload: body });

    it('makes an account wait after its third failure, even for the right password (429 + Retry-After)', async () => {
      const account: TestAccount = await t.fixtures.account(tenant);
      const wrong = { area: account.area, email: account.email, password: 'a wrong guess here' };
      expect((await attempt(wrong)).statusCode).toBe(401);
      expect((await attempt(wrong)).statusCode).toBe(401);
      expect((await attempt(wrong)).statusCode).toBe(401); // third failure: cool-down starts

      const slowed = await attempt({ ...wrong, password: account.password });
      expect(slowed.statusCode).toBe(429);
      expect(slowed.headers['content-type']).toContain('application/problem+json');
      expect(retryAfterOf(slowed)).toBeGreaterThanOrEqual(1);
      expect(retryAfterOf(slowed)).toBeLessThanOrEqual(1);
      expect(slowed.json()).toMatchObject({ status: 429, retryAfterSeconds: retryAfterOf(slowed) });
    });

    it('counts failures for accounts that do not exist the same way (no hint which exist)', async () => {
      const ghost = { area: tenant.slug, email: 'no-such-person@example.org', password: 'whatever it is' };
      for (let i = 0; i < 3; i++) expect((await attempt(ghost)).statusCode).toBe(401);
      expect((await attempt(ghost)).statusCode).toBe(429);
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

    it('clears the failure count after a successful sign-in', async () => {
      const account = await t.fixtures.account(tenant);
      const wrong = { area: account.area, email: account.email, password: 'a wrong guess here' };
      await attempt(wrong);
      await attempt(wrong);
      expect((await attempt({ ...wrong, password: account.password })).statusCode).toBe(200);
      expect((await attempt(wrong)).statusCode).toBe(401);
      expect((await attempt(wrong)).statusCode).toBe(401); // would have been the third: counting started again
      expect((await attempt({ ...wrong, password: account.password })).statusCode).toBe(200);
    });
  });

  describe('once five failures are counted', () => {
    let t: IdentityTestApp;

    // No cool-downs here, so that five failures can be made without waiting for them.
    beforeAll(async () => {
      t = await startIdentityTestApp({ signIn: { cooldownFromFailure: 1_000 } });
    });
    afterAll(() => t?.close());

    it('locks the account for the rest of the 15-minute window, whatever the password', async () => {
      const tenant = await t.fixtures.tenant();
      const account = await t.fixtures.account(tenant);
      const attempt = (password: string) =>
        t.app.inject({ method: 'POST', url: '/auth/sign-in', headers: { 'x-forwarded-for': randomIp() }, payload: { area: account.area, email: account.email, password } });
      for (let i = 0; i < 5; i++) expect((await attempt(`wrong guess ${i}`)).statusCode).toBe(401);
      const locked = await attempt(account.password);
      expect(locked.statusCode).toBe(429);
      expect(retryAfterOf(locked)).toBeGreaterThan(14 * 60);
      expect(retryAfterOf(locked)).toBeLessThanOrEqual(15 * 60);
      expect(locked.json<{ detail: string }>().detail).toMatch(/reset your password/);
    });
  });
});

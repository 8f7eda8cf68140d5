import { mailsTo, mailTo } from '@tutti/testing';
import { IdentityResolver } from '../resolver/identity-resolver';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestTenant } from '../testing/identity-fixtures';
import { tokenIn } from '../testing/maildev-inbox';
import { randomIp } from '../testing/random-ip';

describe('password reset', () => {
  let t: IdentityTestApp;
  let area: TestTenant;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    area = await t.fixtures.tenant();
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object, ip = randomIp()) => t.app.inject({ method: 'POST', url, remoteAddress: ip, payload });

  it('mails a link; the new password works, the old one and every old sign-in do not, and the link works once', async () => {
    const person = await t.fixtures.account(area);
    const before = await t.fixtures.signIn(person);

    const requested = await post('/auth/password-reset', { area: area.slug, email: person.email.toUpperCase() });
    expect(requested.statusCode).toBe(202);
    const mail = await mailTo(person.email, /Reset/);
    expect(mail.html).toContain('https://tutti.test/reset-password?token=');
    const token = tokenIn(mail, 'reset-password');

    const weak = await post('/auth/password-reset/complete', { token, password: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ errors: [{ field: 'password', rule: 'commonPassword' }] });

    expect((await post('/auth/password-reset/complete', { token, password: 'a quiet river at night' })).statusCode).toBe(204);
    expect((await post('/auth/password-reset/complete', { token, password: 'another river at noon' })).json()).toMatchObject({
      errors: [{ field: 'token', rule: 'usedToken' }],
    });

    await expect(t.app.get(IdentityResolver).resolve({ authorization: `Bearer ${before.accessToken}` })).rejects.toMatchObject({
      statusCode: 401,
    });
    expect((await post('/auth/refresh', { refreshToken: before.refreshToken })).statusCode).toBe(401);
    expect((await post('/auth/sign-in', { area: area.slug, email: person.email, password: person.password })).statusCode).toBe(401);
    expect((await post('/auth/sign-in', { area: area.slug, email: person.email, password: 'a quiet river at night' })).statusCode).toBe(
      200,
    );
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const unknown = await post('/auth/password-reset', { area: area.slug, email: 'nobody-here@example.org' });
    const known = await post('/auth/password-reset', { area: area.slug, email: (await t.fixtures.account(area)).email });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(await mailsTo('nobody-here@example.org')).toEqual([]);
  });

  it('caps requests per IP address with 429 and Retry-After', async () => {
    const ip = randomIp();
    for (let i = 0; i < 20; i++)
      expect((await post('/auth/password-reset', { area: area.slug, email: `x${i}@example.org` }, ip)).statusCode).toBe(202);
    const capped = await post('/auth/password-reset', { area: area.slug, email: 'x@example.org' }, ip);
    expect(capped.statusCode).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { mailsTo, mailTo, waitFor } from '@tutti/testing';
import type { SessionTokensDto } from '../sessions/session-tokens';
import type { AccountDetailDto } from '../accounts/dto/account.dto';
import { IdentityResolver } from '../resolver/identity-resolver';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestTenant } from '../testing/identity-fixtures';
import { tokenIn } from '../testing/maildev-inbox';
import { randomIp } from '../testing/random-ip';

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; rule: string; message: string }[];
  conflicts?: Record<string, unknown>[];
}

describe('invitations', () => {
  let t: IdentityTestApp;
  let tenant: TestTenant;
  let school: string;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    tenant = await t.fixtures.tenant();
    school = await t.fixtures.school(tenant);
    const admin = await t.fixtures.account(tenant, { displayName: 'Priya Admin', grants: [{ role: 'programme_admin' }] });
    adminHeaders = await t.fixtures.bearer(admin);
  });
  afterAll(() => t?.close());

  const newEmail = () => `invitee-${randomBytes(4).toString('hex')}@example.org`;
  const invite = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/identity/accounts', headers: { ...adminHeaders, ...headers }, payload });
  const accept = (token: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/auth/invitations/accept', remoteAddress: randomIp(), payload: { token, password } });

  it('creates an invited account and mails a single-use link to choose a password', async () => {
    const email = newEmail();
    const response = await invite({ email, displayName: 'Tom Reilly', grants: [{ role: 'tutor', schoolIds: [school] }] });
    expect(response.statusCode).toBe(201);
    const account = response.json<AccountDetailDto>();
    expect(account).toMatchObject({ email, displayName: 'Tom Reilly', status: 'invited', grants: [{ role: 'tutor', schoolId: school }] });
    expect(response.headers.location).toBe(`/identity/accounts/${account.id}`);

    const mail = await mailTo(email, /invited/);
    expect(mail.text).toContain('Priya Admin has invited you to Tutti');
    expect(mail.text).toContain('https://tutti.test/accept-invitation?token=');
    expect(mail.html).toContain('href="https://tutti.test/accept-invitation?token=');
    const token = tokenIn(mail, 'accept-invitation');

    const accepted = await accept(token, 'seven cellos at dawn');
    expect(accepted.statusCode).toBe(200);
    const tokens = accepted.json<SessionTokensDto>();
    await expect(t.app.get(IdentityResolver).resolve({ authorization: `Bearer ${tokens.accessToken}` })).resolves.toMatchObject({
      userId: account.id,
      grants: [{ role: 'tutor', schoolIds: [school] }],
    });
    await expect(t.fixtures.signIn({ area: tenant.slug, email, password: 'seven cellos at dawn' })).resolves.toBeDefined();

    const again = await accept(token, 'another fine password');
    expect(again.statusCode).toBe(400);
    expect(again.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'token', rule: 'usedToken' })]);
  });

  it('refuses an expired invitation', async () => {
    const email = newEmail();
    expect((await invite({ email, displayName: 'Late Larry' })).statusCode).toBe(201);
    const token = tokenIn(await mailTo(email), 'accept-invitation');
    await t.dataSource.query(
      `UPDATE one_time_tokens SET expires_at = now() - interval '1 minute' WHERE tenant_id = $1 AND account_id = (SELECT id FROM accounts WHERE email = $2)`,
      [tenant.id, email],
    );
    const response = await accept(token, 'seven cellos at dawn');
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'token', rule: 'expiredToken' })]);
  });

  it('refuses weak passwords, naming the rule, and leaves the link usable', async () => {
    const email = newEmail();
    expect((await invite({ email, displayName: 'Nadia Osei' })).statusCode).toBe(201);
    const token = tokenIn(await mailTo(email), 'accept-invitation');
    const cases: [string, string][] = [
      ['short', 'minLength'],
      ['password1234', 'commonPassword'],
      ['NadiaOsei2026', 'personalPassword'],
      [`${email}!`, 'personalPassword'],
      ['tutti-2026-tutti', 'personalPassword'],
      ['aaaaaaaaaaaaaa', 'repetitive'],
      ['1234567890', 'sequence'],
      ['x'.repeat(129), 'maxLength'],
    ];
    for (const [password, rule] of cases) {
      const response = await accept(token, password);
      expect(response.statusCode).toBe(400);
      expect(response.json<Problem>().errors).toContainEqual(expect.objectContaining({ field: 'password', rule }));
    }
    expect((await accept(token, 'harbour lights in the rain')).statusCode).toBe(200);
  });

  it('refuses a token that is not one', async () => {
    const response = await accept(`${tenant.id}.${'A'.repeat(43)}`, 'seven cellos at dawn');
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'token', rule: 'invalidToken' })]);
  });

  it('answers 409 naming the clash for an email already in the area (whatever its case)', async () => {
    const email = newEmail();
    const first = await invite({ email, displayName: 'First' });
    const second = await invite({ email: email.toUpperCase(), displayName: 'Second' });
    expect(second.statusCode).toBe(409);
    expect(second.json<Problem>().conflicts).toEqual([{ field: 'email', accountId: first.json<AccountDetailDto>().id, status: 'invited' }]);
  });

  it('replays a repeated Idempotency-Key instead of inviting twice, and refuses the key for another request', async () => {
    const email = newEmail();
    const key = randomUUID();
    const first = await invite({ email, displayName: 'Once Only' }, { 'idempotency-key': key });
    const second = await invite({ email, displayName: 'Once Only' }, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM accounts WHERE tenant_id = $1 AND email = $2`, [
      tenant.id,
      email,
    ]);
    expect(rows[0].n).toBe(1);

    const misuse = await invite({ email: newEmail(), displayName: 'Someone Else' }, { 'idempotency-key': key });
    expect(misuse.statusCode).toBe(422);
    expect(
      (await invite({ email: newEmail(), displayName: 'Bad Key' }, { 'idempotency-key': 'has spaces in it' })).json<Problem>().errors,
    ).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('sends the invitation again with a new link; the old link stops working', async () => {
    const email = newEmail();
    const account = (await invite({ email, displayName: 'Resend Rita' })).json<AccountDetailDto>();
    const oldToken = tokenIn(await mailTo(email), 'accept-invitation');
    const resent = await t.app.inject({ method: 'POST', url: `/identity/accounts/${account.id}/invitations`, headers: adminHeaders });
    expect(resent.statusCode).toBe(202);
    const newToken = await waitForAnotherToken(email, oldToken);
    expect((await accept(oldToken, 'seven cellos at dawn')).statusCode).toBe(400);
    expect((await accept(newToken, 'seven cellos at dawn')).statusCode).toBe(200);
    const noLonger = await t.app.inject({ method: 'POST', url: `/identity/accounts/${account.id}/invitations`, headers: adminHeaders });
    expect(noLonger.statusCode).toBe(409);
  });

  function waitForAnotherToken(email: string, previous: string): Promise<string> {
    return waitFor(
      async () => {
        const tokens = (await mailsTo(email)).map((mail) => tokenIn(mail, 'accept-invitation'));
        return tokens.find((token) => token !== previous);
      },
      { description: `a second invitation to ${email}` },
    );
  }
});

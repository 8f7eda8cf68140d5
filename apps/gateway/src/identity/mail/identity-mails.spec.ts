import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mailTo } from '@tutti/testing';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestTenant } from '../testing/identity-fixtures';
import { tokenIn } from '../testing/maildev-inbox';
import { randomIp } from '../testing/random-ip';
import { IDENTITY_CATALOGUES, invitationMail, passwordResetMail } from './identity-mails';

const LANGUAGES = ['en', 'pl', 'ro', 'ur', 'ar'];
type CatalogueFile = Record<string, { message: string; description?: string }>;
const catalogue = (language: string): CatalogueFile =>
  JSON.parse(readFileSync(join(__dirname, 'messages', `${language}.json`), 'utf8')) as CatalogueFile;

/** 5 December 2026, 09:15 UTC: 14:15 in Karachi, 09:15 in London. */
const EXPIRES = new Date('2026-12-05T09:15:00Z');
const mail = {
  to: 'someone@example.org',
  displayName: 'Ana Popescu',
  areaName: 'In Harmony Liverpool',
  link: 'https://tutti.test/accept-invitation?token=abc',
  expiresAt: EXPIRES,
  timeZone: 'Europe/London',
  invitedBy: 'Priya Admin',
};

describe('the account mails’ catalogues', () => {
  it.each(LANGUAGES)('%s has exactly the English keys, each with English’s placeholders, and is marked if written here', (language) => {
    const file = catalogue(language);
    expect(Object.keys(file).sort()).toEqual([...IDENTITY_CATALOGUES.keys].sort());
    expect(Object.entries(file).flatMap(([key, entry]) => IDENTITY_CATALOGUES.problemOf(key, entry.message)?.detail ?? [])).toEqual([]);
    if (language !== 'en')
      expect(Object.keys(file).filter((key) => file[key].description !== 'Machine translation: have a fluent speaker check it.')).toEqual(
        [],
      );
  });

  it('writes each language’s mail in that language throughout, its date in the language and the area’s time zone', () => {
    const polish = invitationMail({ ...mail, language: 'pl' });
    expect(polish.subject).toBe('Zaproszenie do Tutti — In Harmony Liverpool');
    expect(polish.language).toBe('pl');
    expect(polish.text).toContain('Priya Admin zaprasza Cię do Tutti w programie In Harmony Liverpool.');
    expect(polish.text).toContain('ważny do: sobota, 5 grudnia 2026 09:15 GMT+0.');
    expect(polish.html).toContain('<html lang="pl" dir="ltr">');

    const urdu = passwordResetMail({ ...mail, timeZone: 'Asia/Karachi', language: 'ur-PK' });
    expect(urdu.language).toBe('ur');
    expect(urdu.html).toContain('<html lang="ur" dir="rtl">');
    expect(urdu.text).toContain(
      new Intl.DateTimeFormat('ur-PK', { timeZone: 'Asia/Karachi', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(EXPIRES),
    );
    expect(urdu.text).not.toMatch(/\b(hello|works|until|ignore|password)\b/i);

    const english = invitationMail({ ...mail, language: 'en' });
    expect(english.text).toContain('Priya Admin has invited you to Tutti for In Harmony Liverpool.');
    expect(english.text).toContain('until Saturday, 5 December 2026 at 09:15 GMT.');
  });

  it('writes English for a language it does not ship, never a key', () => {
    const somali = invitationMail({ ...mail, language: 'so' });
    expect(somali.language).toBe('en');
    expect(somali.subject).toBe('You are invited to Tutti — In Harmony Liverpool');
    expect(somali.html).toContain('<html lang="en" dir="ltr">');
    expect(somali.text).not.toMatch(/invitation\.|reset\./);
  });
});

describe('invitations and password resets in the account’s language (MailDev)', () => {
  let t: IdentityTestApp;
  let tenant: TestTenant;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    tenant = await t.fixtures.tenant();
    await t.dataSource.query(`UPDATE tenants SET time_zone = 'Europe/London' WHERE id = $1`, [tenant.id]);
    const admin = await t.fixtures.account(tenant, { displayName: 'Priya Admin', grants: [{ role: 'programme_admin' }] });
    adminHeaders = await t.fixtures.bearer(admin);
  });
  afterAll(() => t?.close());

  const newEmail = () => `invitee-${randomBytes(4).toString('hex')}@example.org`;
  const invite = (payload: object) => t.app.inject({ method: 'POST', url: '/identity/accounts', headers: adminHeaders, payload });

  it('invites an account created with preferredLanguage pl in Polish, saying so (lang, Content-Language)', async () => {
    const email = newEmail();
    expect((await invite({ email, displayName: 'Marta Nowak', preferredLanguage: 'pl' })).statusCode).toBe(201);
    const received = await mailTo(email);
    expect(received.subject).toBe(`Zaproszenie do Tutti — ${tenant.name}`);
    expect(received.text).toContain('Dzień dobry, Marta Nowak,');
    expect(received.text).toContain(`Priya Admin zaprasza Cię do Tutti w programie ${tenant.name}.`);
    expect(received.text).toMatch(
      /Link działa jeden raz i jest ważny do: (poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela), \d{1,2} \p{L}+ \d{4} \d{2}:\d{2} GMT\+[01]\./u,
    );
    expect(received.html).toContain('<html lang="pl" dir="ltr">');
    expect(received.html).toContain('>Ustaw hasło</a>');
    expect(received.headers['content-language']).toBe('pl');
    // The link still works.
    const token = tokenIn(received, 'accept-invitation');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/auth/invitations/accept',
      remoteAddress: randomIp(),
      payload: { token, password: 'seven cellos at dawn' },
    });
    expect(accepted.statusCode).toBe(200);
  });

  it('invites an account created with preferredLanguage ar right to left, in Arabic', async () => {
    const email = newEmail();
    expect((await invite({ email, displayName: 'Layla Haddad', preferredLanguage: 'ar' })).statusCode).toBe(201);
    const received = await mailTo(email);
    expect(received.subject).toBe(`دعوة إلى Tutti — ${tenant.name}`);
    expect(received.html).toContain('<html lang="ar" dir="rtl">');
    expect(received.headers['content-language']).toBe('ar');
    expect(received.text).toContain('دعاك Priya Admin إلى Tutti');
  });

  it('mails a password reset in the account’s language, its expiry in the area’s time zone', async () => {
    await t.dataSource.query(`UPDATE tenants SET time_zone = 'Asia/Karachi' WHERE id = $1`, [tenant.id]);
    const person = await t.fixtures.account(tenant, { displayName: 'Ana Popescu' });
    await t.dataSource.query(`UPDATE accounts SET preferred_language = 'ro' WHERE id = $1`, [person.id]);
    const before = Date.now();
    const requested = await t.app.inject({
      method: 'POST',
      url: '/auth/password-reset',
      remoteAddress: randomIp(),
      payload: { area: tenant.slug, email: person.email },
    });
    expect(requested.statusCode).toBe(202);
    const received = await mailTo(person.email);
    expect(received.subject).toBe('Resetați parola Tutti');
    expect(received.headers['content-language']).toBe('ro');
    expect(received.html).toContain('<html lang="ro" dir="ltr">');
    expect(received.text).toContain(`Cineva (sperăm că dumneavoastră) a cerut resetarea parolei Tutti pentru ${tenant.name}.`);
    // An hour from the request, as Karachi's clock shows it (GMT+5), in Romanian.
    const karachi = (at: number) =>
      new Intl.DateTimeFormat('ro-RO', { timeZone: 'Asia/Karachi', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    const expected = [karachi(before + 3_600_000), karachi(Date.now() + 3_600_000)];
    expect(expected.some((time) => received.text.includes(`${time} GMT+5`))).toBe(true);
    tokenIn(received, 'reset-password');
  });
});

import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { mailsTo, newTenantId, personas, waitFor } from '@tutti/testing';
import { FAMILY_MESSAGE_KEYS } from '../i18n/family-messages';
import { familyWithEmail, publishPerformance, runBody, type TestFamily, useEngagementTestKit } from '../testing/engagement-test-kit';

const SUBJECT = 'transport.booking-confirmed.subject';
const url = (language: string, key: string) => `/message-overrides/${language}/${key}`;

describe('an area’s own wording of family messages', () => {
  const kit = useEngagementTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const otherAdmin = personas.programmeAdmin(newTenantId());
  const schoolId = newId();

  async function put(language: string, key: string, message: string, ifMatch?: string, who: Identity = admin) {
    return kit.call(who, 'PUT', url(language, key), { message }, ifMatch === undefined ? {} : { 'if-match': ifMatch });
  }

  async function family(tenant: string, language: string, school = schoolId): Promise<TestFamily> {
    const family = await familyWithEmail(kit, tenant, school, { language });
    // A photo/film decision, so that no consent request is mailed beside the confirmation.
    await kit.call(family.guardian, 'PUT', `/pupils/${family.pupilId}/consents/photo_film`, { granted: true });
    return family;
  }

  /** Scheduling's event for a new school, as the consumer applies it. */
  const schoolCreated = (tenant: string, schoolId: string) =>
    kit.applyEvent(tenant, 'scheduling.school.created', { version: 1, schoolId, name: 'Oakfield Primary', urn: null, phase: 'primary' });

  /** Answers the booking's id. */
  async function bookABus(tenant: string, who: { guardian: Identity; pupilId: string }, title: string): Promise<string> {
    const { performanceId, startsAt } = await publishPerformance(kit, tenant, 72, title);
    const run = await kit.call(personas.programmeAdmin(tenant), 'POST', '/transport-runs', runBody(performanceId, startsAt, 10));
    expect(run.statusCode).toBe(201);
    const booking = await kit.call(who.guardian, 'POST', '/transport-bookings', {
      runId: run.json().id,
      stopId: run.json().stops[0].id,
      adults: 1,
      pupilIds: [who.pupilId],
    });
    expect(booking.statusCode).toBe(201);
    return booking.json().id as string;
  }

  it('sends the area’s Romanian wording in the next email a Romanian family gets, and the shipped wording elsewhere (MailDev)', async () => {
    const read = await kit.call(admin, 'GET', url('ro', SUBJECT));
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.json()).toMatchObject({ source: 'catalogue', message: 'Transport rezervat: {performanceTitle}', version: 0 });

    const written = await put('ro', SUBJECT, 'Autobuz rezervat pentru {performanceTitle}', read.headers.etag as string);
    expect(written.statusCode).toBe(200);
    expect(written.headers.etag).toBe('"1"');
    expect(written.json()).toMatchObject({ source: 'override', message: 'Autobuz rezervat pentru {performanceTitle}', version: 1 });

    const romanian = await family(tenantId, 'ro');
    await bookABus(tenantId, romanian, 'Spring Sharing');
    const mail = await waitFor(async () => (await mailsTo(romanian.email)).find((m) => /Spring Sharing/.test(m.subject)), {
      timeoutMs: 15_000,
      description: 'the Romanian confirmation in MailDev',
    });
    expect(mail.subject).toBe('Autobuz rezervat pentru Spring Sharing');
    // The body the area did not override is the shipped Romanian one, in the same email.
    expect(mail.text).toContain('este confirmată');
    expect(mail.html).toContain('<html lang="ro" dir="ltr">');
    expect(mail.headers['content-language']).toBe('ro');

    // Another area's Romanian family still gets the shipped wording.
    const elsewhere = newTenantId();
    const theirs = await family(elsewhere, 'ro');
    await bookABus(elsewhere, theirs, 'Spring Sharing');
    const shipped = await waitFor(async () => (await mailsTo(theirs.email)).find((m) => /Spring Sharing/.test(m.subject)), {
      timeoutMs: 15_000,
      description: 'the other area’s confirmation in MailDev',
    });
    expect(shipped.subject).toBe('Transport rezervat: Spring Sharing');
  });

  it('refuses wording whose placeholders differ from English’s, naming them, and wording that is not ICU, naming the error', async () => {
    const placeholders = await put('ro', 'greeting', 'Dragă {name}, {extra}', '"0"');
    expect(placeholders.statusCode).toBe(400);
    expect(placeholders.json().errors).toEqual([
      {
        field: 'message',
        rule: 'placeholders',
        message: "greeting must use English's placeholders (familyName): unknown placeholders name, extra; missing placeholders familyName",
      },
    ]);
    const broken = await put('ro', 'greeting', 'Dragă {familyName', '"0"');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0]).toMatchObject({ field: 'message', rule: 'icu-syntax' });
    expect(broken.json().errors[0].message).toMatch(/^greeting is not ICU MessageFormat: [A-Z_]+/);
    const plural = await put('pl', 'calendar.pickup.description', '{vehicle}, {seats, plural, one {# miejsce} other {# miejsc}', '"0"');
    expect(plural.statusCode).toBe(400);
    expect((await kit.call(admin, 'GET', url('ro', 'greeting'))).json().source).toBe('catalogue');
  });

  it('answers 404 for a key that is no family message, 400 naming a bad language, 428 without If-Match and 412 on a stale one', async () => {
    const unknown = await put('ro', 'no.such.message', 'Salut', '"0"');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('key');
    const language = await put('Romanian', 'greeting', 'Salut {familyName}', '"0"');
    expect(language.statusCode).toBe(400);
    expect(language.json().errors[0].field).toBe('language');
    expect((await put('ro', 'signature', '— {senderName}!')).statusCode).toBe(428);

    expect((await put('ro', 'signature', 'Cu drag, {senderName}', '"0"')).statusCode).toBe(200);
    const stale = await put('ro', 'signature', 'Toate cele bune, {senderName}', '"0"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().currentETag).toBe('"1"');
    const second = await put('ro', 'signature', 'Toate cele bune, {senderName}', '"1"');
    expect(second.statusCode).toBe(200);
    expect(second.headers.etag).toBe('"2"');
  });

  it('audits every change through the audit log’s outbox event', async () => {
    const created = await put('ar', 'greetingWithoutName', 'أسرتنا العزيزة،', '"0"');
    expect(created.statusCode).toBe(200);
    expect((await kit.call(admin, 'DELETE', url('ar', 'greetingWithoutName'), undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    const entries: { payload: Record<string, unknown> }[] = await kit.db.query(
      `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded'
         AND payload->>'subjectType' = 'message_override' AND payload->'detail'->>'key' = 'greetingWithoutName' ORDER BY occurred_at, id`,
      [tenantId],
    );
    expect(entries.map((entry) => entry.payload)).toEqual([
      expect.objectContaining({ action: 'create', actorUserId: admin.userId, detail: { language: 'ar', key: 'greetingWithoutName' } }),
      expect.objectContaining({ action: 'delete', actorUserId: admin.userId, detail: { language: 'ar', key: 'greetingWithoutName' } }),
    ]);
  });

  it('deletes an override with If-Match (the shipped wording applies again); a second delete is 404', async () => {
    expect((await put('pl', 'greeting', 'Drodzy {familyName},', '"0"')).statusCode).toBe(200);
    expect((await kit.call(admin, 'DELETE', url('pl', 'greeting'))).statusCode).toBe(428);
    const stale = await kit.call(admin, 'DELETE', url('pl', 'greeting'), undefined, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect((await kit.call(admin, 'DELETE', url('pl', 'greeting'), undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect((await kit.call(admin, 'DELETE', url('pl', 'greeting'), undefined, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await kit.call(admin, 'GET', url('pl', 'greeting'))).json()).toMatchObject({ source: 'catalogue', version: 0 });
  });

  it('lists the area’s overrides, by language, and no other area’s', async () => {
    const mine = await kit.call(admin, 'GET', '/message-overrides?language=ro');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((item: { key: string }) => item.key)).toEqual(expect.arrayContaining([SUBJECT, 'signature']));
    expect(mine.json().items.every((item: { language: string }) => item.language === 'ro')).toBe(true);
    expect(mine.json().items[0]).toMatchObject({ updatedBy: admin.userId, version: expect.any(Number) });
    expect((await kit.call(admin, 'GET', '/message-overrides?language=Romanian')).statusCode).toBe(400);
    expect((await kit.call(otherAdmin, 'GET', '/message-overrides')).json().items).toEqual([]);
    expect((await kit.call(otherAdmin, 'GET', url('ro', SUBJECT))).json()).toMatchObject({ source: 'catalogue', version: 0 });
  });

  it('previews a message as a family would get it, with the area’s wording and a draft, right to left in Arabic', async () => {
    const romanian = await kit.call(admin, 'POST', '/message-overrides/preview', {
      language: 'ro',
      key: 'transport.booking-confirmed.body',
    });
    expect(romanian.statusCode).toBe(200);
    expect(romanian.json()).toMatchObject({ language: 'ro', dir: 'ltr', subject: 'Autobuz rezervat pentru Spring Sharing' });
    expect(romanian.json().text).toContain('Bună ziua, Kowalski,');
    expect(romanian.json().text).toContain('2 locuri');
    expect(romanian.json().html).toContain('<html lang="ro" dir="ltr">');

    const draft = await kit.call(admin, 'POST', '/message-overrides/preview', {
      language: 'ar',
      key: 'greeting',
      message: 'مرحبًا يا {familyName}،',
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().dir).toBe('rtl');
    expect(draft.json().text.startsWith('مرحبًا يا Kowalski،')).toBe(true);
    expect(draft.json().html).toContain('<html lang="ar" dir="rtl">');
    // A draft is not saved.
    expect((await kit.call(admin, 'GET', url('ar', 'greeting'))).json().source).toBe('catalogue');

    const wrong = await kit.call(admin, 'POST', '/message-overrides/preview', { language: 'ar', key: 'greeting', message: 'مرحبًا' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].message).toContain('missing placeholders familyName');
    const noKey = await kit.call(admin, 'POST', '/message-overrides/preview', { language: 'ar', key: 'nope' });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().errors[0].field).toBe('key');

    const calendar = await kit.call(admin, 'POST', '/message-overrides/preview', { language: 'pl', key: 'calendar.pickup.description' });
    expect(calendar.json().text).toContain('2 miejsca');
  });

  it('reports which messages reach families in English: none of a shipped language, all of one the area’s families chose but nobody wrote, fewer as the area writes them', async () => {
    const area = newTenantId();
    const areaAdmin = personas.programmeAdmin(area);
    await family(area, 'so');
    const before = (await kit.call(areaAdmin, 'GET', '/message-overrides/missing')).json();
    expect(before.messages).toBe(FAMILY_MESSAGE_KEYS.length);
    for (const shipped of ['en', 'pl', 'ro', 'ur', 'ar'])
      expect(before.languages.find((l: { language: string }) => l.language === shipped)).toMatchObject({ shipped: true, missing: [] });
    expect(before.languages.find((l: { language: string }) => l.language === 'so')).toMatchObject({
      shipped: false,
      families: 1,
      overridden: 0,
      missing: FAMILY_MESSAGE_KEYS,
    });

    expect((await put('so', 'greeting', 'Qoyska {familyName},', '"0"', areaAdmin)).statusCode).toBe(200);
    const after = (await kit.call(areaAdmin, 'GET', '/message-overrides/missing')).json();
    const somali = after.languages.find((l: { language: string }) => l.language === 'so');
    expect(somali.overridden).toBe(1);
    expect(somali.missing).toEqual(FAMILY_MESSAGE_KEYS.filter((key) => key !== 'greeting'));

    // What a Somali family gets: the area's greeting, English for the rest (never a key).
    const preview = (await kit.call(areaAdmin, 'POST', '/message-overrides/preview', { language: 'so', key: 'greeting' })).json();
    expect(preview.language).toBe('so');
    expect(preview.text).toContain('Qoyska Kowalski,');
    expect(preview.subject).toBe('Transport booked: Spring Sharing');
  });

  it('gives every family email the area’s programme office as Reply-To, and links to act on it and to the family’s preferences (MailDev)', async () => {
    const area = newTenantId();
    const areaAdmin = personas.programmeAdmin(area);
    const read = await kit.call(areaAdmin, 'GET', '/message-settings');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ replyTo: null, version: 0 });
    expect(read.headers.etag).toBe('"0"');
    const office = 'office@inharmony.example.org';
    expect((await kit.call(areaAdmin, 'PUT', '/message-settings', { replyTo: office })).statusCode).toBe(428);
    const invalid = await kit.call(areaAdmin, 'PUT', '/message-settings', { replyTo: 'the office' }, { 'if-match': '"0"' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toBe('replyTo');
    const set = await kit.call(areaAdmin, 'PUT', '/message-settings', { replyTo: office }, { 'if-match': '"0"' });
    expect(set.statusCode).toBe(200);
    expect(set.headers.etag).toBe('"1"');
    const stale = await kit.call(areaAdmin, 'PUT', '/message-settings', { replyTo: null }, { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().currentETag).toBe('"1"');
    expect((await kit.call(otherAdmin, 'GET', '/message-settings')).json()).toEqual({ replyTo: null, version: 0 });

    const polish = await family(area, 'pl');
    const bookingId = await bookABus(area, polish, 'Winter Lights');
    const mail = await waitFor(async () => (await mailsTo(polish.email)).find((m) => /Winter Lights/.test(m.subject)), {
      timeoutMs: 15_000,
      description: 'the Polish confirmation in MailDev',
    });
    expect(mail.headers['reply-to']).toContain(office);
    // The link opens this booking on the bus page, not the list of buses.
    expect(mail.text).toMatch(new RegExp(`\\nZmień lub anuluj tę rezerwację: https?://[^\\s]+/parent/transport#booking-${bookingId}\\n`));
    expect(mail.text).toMatch(/\nJak i w jakim języku Tutti do Państwa pisze: https?:\/\/[^\s]+\/parent\/preferences\n/);
    expect(mail.html).toMatch(
      new RegExp(`<a href="https?://[^"]+/parent/transport#booking-${bookingId}">Zmień lub anuluj tę rezerwację</a>`),
    );

    // Another area that named no office: no Reply-To.
    const elsewhere = newTenantId();
    const theirs = await family(elsewhere, 'en');
    await bookABus(elsewhere, theirs, 'Winter Lights');
    const plain = await waitFor(async () => (await mailsTo(theirs.email)).find((m) => /Winter Lights/.test(m.subject)), {
      timeoutMs: 15_000,
      description: 'the other area’s confirmation in MailDev',
    });
    expect(plain.headers['reply-to']).toBeUndefined();
    expect(plain.text).toContain('Change or cancel this booking: ');

    // An announcement's frame links the family's preferences only.
    const framed = (await kit.call(areaAdmin, 'POST', '/message-overrides/preview', { language: 'ar', key: 'signature' })).json();
    expect(framed.html).toMatch(/<a href="https?:\/\/[^"]+\/parent\/preferences">كيف يراسلك Tutti وبأي لغة<\/a>/);
    expect(framed.html).not.toContain('/parent/transport');
  });

  it('lets a school name its own office: a family’s email about that school’s child replies there, another school’s the area’s (MailDev)', async () => {
    const area = newTenantId();
    const areaAdmin = personas.programmeAdmin(area);
    const [ownOffice, otherSchool] = [newId(), newId()];
    const head = personas.headteacher(area, ownOffice);
    const areaOffice = 'programme@inharmony.example.org';
    const schoolOffice = 'office@st-marys.example.sch.uk';
    const school = `/message-settings/schools/${ownOffice}`;
    await kit.call(areaAdmin, 'PUT', '/message-settings', { replyTo: areaOffice }, { 'if-match': '"0"' });
    for (const schoolId of [ownOffice, otherSchool]) await schoolCreated(area, schoolId);
    const polish = await family(area, 'pl', ownOffice);
    const other = await family(area, 'en', otherSchool);

    expect((await kit.call(head, 'GET', school)).json()).toEqual({ replyTo: null, version: 0 });
    expect((await kit.call(head, 'PUT', school, { replyTo: schoolOffice })).statusCode).toBe(428);
    const invalid = await kit.call(head, 'PUT', school, { replyTo: 'the school office' }, { 'if-match': '"0"' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toBe('replyTo');
    const set = await kit.call(head, 'PUT', school, { replyTo: schoolOffice }, { 'if-match': '"0"' });
    expect(set.statusCode).toBe(200);
    expect(set.headers.etag).toBe('"1"');
    expect((await kit.call(areaAdmin, 'PUT', school, { replyTo: null }, { 'if-match': '"0"' })).statusCode).toBe(412);
    expect((await kit.call(areaAdmin, 'GET', school)).json()).toEqual({ replyTo: schoolOffice, version: 1 });
    // Another school's headteacher, a school no one in the area has heard of, another area: not theirs.
    expect((await kit.call(personas.headteacher(area, otherSchool), 'GET', school)).statusCode).toBe(404);
    expect((await kit.call(areaAdmin, 'GET', `/message-settings/schools/${newId()}`)).statusCode).toBe(404);
    expect((await kit.call(otherAdmin, 'GET', school)).statusCode).toBe(404);

    await bookABus(area, polish, 'Summer Strings');
    await bookABus(area, other, 'Summer Strings');
    const ours = await waitFor(async () => (await mailsTo(polish.email)).find((m) => /Summer Strings/.test(m.subject)), {
      timeoutMs: 15_000,
      description: 'the confirmation to the family of the school with its own office',
    });
    expect(ours.headers['reply-to']).toContain(schoolOffice);
    const theirs = await waitFor(async () => (await mailsTo(other.email)).find((m) => /Summer Strings/.test(m.subject)), {
      timeoutMs: 15_000,
      description: 'the confirmation to the family of the other school',
    });
    expect(theirs.headers['reply-to']).toContain(areaOffice);
    expect(theirs.headers['reply-to']).not.toContain(schoolOffice);
  });

  it('lets the programme admin give a school just created in scheduling its Reply-To, before it has any family, pupil, class or ensemble', async () => {
    const area = newTenantId();
    const areaAdmin = personas.programmeAdmin(area);
    const newSchool = newId();
    const school = `/message-settings/schools/${newSchool}`;
    expect((await kit.call(areaAdmin, 'GET', school)).statusCode).toBe(404);

    await schoolCreated(area, newSchool);
    expect((await kit.call(areaAdmin, 'GET', school)).json()).toEqual({ replyTo: null, version: 0 });
    const set = await kit.call(areaAdmin, 'PUT', school, { replyTo: 'office@oakfield.example.sch.uk' }, { 'if-match': '"0"' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ replyTo: 'office@oakfield.example.sch.uk', version: 1 });
    expect((await kit.call(areaAdmin, 'GET', school)).json()).toEqual({ replyTo: 'office@oakfield.example.sch.uk', version: 1 });

    // The same school id is still no school of another area: its admin gets 404 and changes nothing.
    const otherAreaAdmin = personas.programmeAdmin(newTenantId());
    expect((await kit.call(otherAreaAdmin, 'GET', school)).statusCode).toBe(404);
    expect(
      (await kit.call(otherAreaAdmin, 'PUT', school, { replyTo: 'someone@elsewhere.example.org' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(404);
    expect((await kit.call(areaAdmin, 'GET', school)).json()).toEqual({ replyTo: 'office@oakfield.example.sch.uk', version: 1 });
  });
});

import type { Identity } from '@tutti/auth';
import type { ReminderRow, ReminderWorker } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { mailsTo, newTenantId, personas, waitFor } from '@tutti/testing';
import { familyWithEmail, HOUR, publishPerformance, reminderWorkerOf, runBody, useEngagementTestKit } from '../testing/engagement-test-kit';
import { afterQuietHours } from './quiet-hours';

interface ReminderRecord {
  id: string;
  kind: string;
  due_at: Date;
  status: string;
  subject_id: string;
}

describe('reminders for bookings and performances', () => {
  const kit = useEngagementTestKit();
  let worker: ReminderWorker;
  const tenantId = newTenantId();
  const schoolId = newId();
  const admin = personas.programmeAdmin(tenantId);

  beforeAll(() => {
    worker = reminderWorkerOf(kit);
  });

  /** A family with email and SMS on (a phone saved), unless `preferences` say otherwise. */
  const smsFamily = (preferences: Record<string, unknown> = {}) =>
    familyWithEmail(kit, tenantId, schoolId, { phone: '+447700900123', smsEnabled: true, ...preferences });

  async function bookedRun(seats = 10) {
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId, 72, 'Spring Sharing');
    const run = (await kit.call(admin, 'POST', '/transport-runs', runBody(performanceId, startsAt, seats))).json();
    return { performanceId, startsAt, run };
  }

  const book = async (who: { guardian: Identity; pupilId: string }, run: { id: string; stops: { id: string }[] }) =>
    (
      await kit.call(who.guardian, 'POST', '/transport-bookings', {
        runId: run.id,
        stopId: run.stops[0].id,
        adults: 1,
        pupilIds: [who.pupilId],
      })
    ).json();

  const remindersOf = (subjectIds: string[]): Promise<ReminderRecord[]> =>
    kit.db.query(
      `SELECT id, kind, due_at, status, subject_id FROM reminders WHERE tenant_id = $1 AND subject_id = ANY($2::uuid[]) ORDER BY due_at, kind`,
      [tenantId, subjectIds],
    );

  it('emails the booking confirmation over SMTP (text and HTML, Message-ID from the reminder and its due time) and texts it to the local SMS outbox', async () => {
    const family = await smsFamily();
    const { run } = await bookedRun();
    const booking = await book(family, run);
    // The family has no photo/film decision yet, so a consent request (due as soon) may come first.
    const mail = await waitFor(
      async () => (await mailsTo(family.email)).find((candidate) => candidate.subject === 'Transport booked: Spring Sharing'),
      {
        timeoutMs: 15_000,
        description: 'the confirmation email in MailDev',
      },
    );
    expect(mail.text).toContain('Faith Street Primary (Front gate, Shaw Street)');
    expect(mail.html).toContain('<p>Your 2 seats on the free bus to Spring Sharing');
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.headers['content-language']).toBe('en');
    const [confirmation] = (await remindersOf([booking.id])).filter((reminder) => reminder.kind === 'transport.booking-confirmed');
    const deliveryKey = `reminder-${confirmation.id}-${confirmation.due_at.getTime()}`;
    expect(mail.messageId).toBe(`${deliveryKey}@parent-engagement.tutti`);
    const sms = await waitFor(async () => {
      const found = await kit.db.query('SELECT to_number, body FROM sms_outbox WHERE tenant_id = $1 AND idempotency_key = $2', [
        tenantId,
        deliveryKey,
      ]);
      return found.length > 0 && found;
    });
    expect(sms[0]).toMatchObject({ to_number: '+447700900123', body: expect.stringContaining('Transport booked: Spring Sharing') });
  });

  it('schedules pick-up reminders 24 h and 2 h before pick-up and sends each exactly once', async () => {
    const family = await smsFamily({ smsEnabled: false });
    const { run } = await bookedRun();
    const booking = await book(family, run);
    const pickupAt = new Date(run.stops[0].pickupAt).getTime();
    const reminders = await remindersOf([booking.id]);
    expect(reminders.map((reminder) => reminder.kind)).toEqual([
      'transport.booking-confirmed',
      'transport.pickup-24h',
      'transport.pickup-2h',
    ]);
    expect(reminders[1].due_at.getTime()).toBe(pickupAt - 24 * HOUR);
    expect(reminders[2].due_at.getTime()).toBe(pickupAt - 2 * HOUR);

    const twoHour = reminders[2];
    await kit.db.query(`UPDATE reminders SET due_at = now() - interval '1 second' WHERE id = $1`, [twoHour.id]);
    const [{ due_at: dueAt }] = await kit.db.query('SELECT due_at FROM reminders WHERE id = $1', [twoHour.id]);
    const job = { reminderId: twoHour.id, tenantId, dueAt: (dueAt as Date).toISOString() };
    const outcomes = await Promise.all([worker.deliverDue(job), worker.deliverDue(job), worker.deliverDue(job)]);
    expect(outcomes.filter((outcome) => outcome.kind === 'sent')).toHaveLength(1);
    const mails = await waitFor(async () => {
      const found = (await mailsTo(family.email)).filter((mail) => mail.subject.startsWith('Bus in 2 hours'));
      return found.length > 0 && found;
    });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Faith Street Primary');
  });

  it('moves reminders (but not the 2-hour one) out of the family’s quiet hours', async () => {
    // Quiet from 1 hour ago to 1 hour from now, London time.
    const now = new Date();
    const hhmm = (date: Date) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
    const quiet = { start: hhmm(new Date(now.getTime() - HOUR)), end: hhmm(new Date(now.getTime() + HOUR)) };
    const family = await smsFamily({ quietHoursStart: quiet.start, quietHoursEnd: quiet.end, smsEnabled: false });
    const { run } = await bookedRun();
    const booking = await book(family, run);
    const reminders = await remindersOf([booking.id]);
    const confirmation = reminders.find((reminder) => reminder.kind === 'transport.booking-confirmed');
    expect(confirmation?.due_at.getTime()).toBe(afterQuietHours(now, quiet, 'Europe/London').getTime());
    expect(confirmation?.due_at.getTime()).toBeGreaterThan(now.getTime());
    const pickupAt = new Date(run.stops[0].pickupAt).getTime();
    expect(reminders.find((reminder) => reminder.kind === 'transport.pickup-2h')?.due_at.getTime()).toBe(pickupAt - 2 * HOUR);
  });

  it('offers a freed seat by message with a timer that lapses it', async () => {
    const [holder, waiting] = [await smsFamily({ smsEnabled: false }), await smsFamily({ smsEnabled: false })];
    const { run } = await bookedRun(2);
    const held = await book(holder, run);
    const queued = await book(waiting, run);
    expect(queued.status).toBe('waitlisted');
    await kit.call(holder.guardian, 'POST', `/transport-bookings/${held.id}/cancel`);
    // What was still to come about the booking is cancelled; what tells of the booking and its cancellation stays.
    expect(
      (await remindersOf([held.id])).every(
        (reminder) =>
          reminder.status === 'cancelled' || ['transport.booking-confirmed', 'transport.booking-cancelled'].includes(reminder.kind),
      ),
    ).toBe(true);
    const offer = await kit.call(waiting.guardian, 'GET', `/transport-bookings/${queued.id}`);
    const reminders = await remindersOf([queued.id]);
    expect(reminders.map((reminder) => reminder.kind)).toEqual(['transport.seat-offered', 'transport.offer-expiry']);
    expect(reminders[1].due_at.toISOString()).toBe(offer.json().offerExpiresAt);
    const mail = await waitFor(async () =>
      (await mailsTo(waiting.email)).find((found) => found.subject.startsWith('A bus seat is free for you')),
    );
    expect(mail.text).toContain('Please accept it in Tutti by');

    // The expiry timer fires: the offer lapses and the family is told.
    await kit.db.query(`UPDATE transport_bookings SET offer_expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      queued.id,
    ]);
    await kit.db.query(`UPDATE reminders SET due_at = now() - interval '1 second' WHERE id = $1`, [reminders[1].id]);
    const [{ due_at: dueAt }] = await kit.db.query('SELECT due_at FROM reminders WHERE id = $1', [reminders[1].id]);
    expect((await worker.deliverDue({ reminderId: reminders[1].id, tenantId, dueAt: (dueAt as Date).toISOString() })).kind).toBe('sent');
    expect((await kit.call(waiting.guardian, 'GET', `/transport-bookings/${queued.id}`)).json().status).toBe('expired');
    await waitFor(async () => (await mailsTo(waiting.email)).find((found) => found.subject.startsWith('Bus seat offer expired')), {
      timeoutMs: 15_000,
    });
  });

  it('moves every reminder with a rescheduled performance and tells the family; cancelling cancels them', async () => {
    const family = await smsFamily({ smsEnabled: false, language: 'pl' });
    const { performanceId, startsAt, run } = await bookedRun();
    const booking = await book(family, run);
    const before = await remindersOf([booking.id]);
    const newStart = new Date(startsAt.getTime() + 48 * HOUR);
    await kit.applyEvent(tenantId, 'performance.performance.rescheduled', {
      version: 1,
      performanceId,
      title: 'Spring Sharing',
      startsAt: newStart.toISOString(),
      endsAt: new Date(newStart.getTime() + 2 * HOUR).toISOString(),
      venueName: 'Philharmonic Hall',
    });
    const after = await remindersOf([booking.id]);
    for (const kind of ['transport.pickup-24h', 'transport.pickup-2h']) {
      const was = before.find((reminder) => reminder.kind === kind);
      const is = after.find((reminder) => reminder.kind === kind);
      expect(is && was && is.due_at.getTime() - was.due_at.getTime()).toBe(48 * HOUR);
    }
    const moved = await waitFor(
      async () => (await mailsTo(family.email)).find((mail) => mail.subject === 'Zmiana terminu występu: Spring Sharing'),
      { timeoutMs: 15_000 },
    );
    expect(moved.text).toContain('Występ Spring Sharing (Philharmonic Hall) został przeniesiony z');
    expect(moved.text).not.toMatch(/ at |Dear/);

    await kit.applyEvent(tenantId, 'performance.performance.cancelled', { version: 1, performanceId, reason: 'The hall flooded.' });
    const cancelled = await remindersOf([booking.id]);
    expect(cancelled.filter((reminder) => reminder.kind !== 'transport.booking-confirmed').map((reminder) => reminder.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect((await kit.call(family.guardian, 'GET', `/transport-bookings/${booking.id}`)).json().status).toBe('cancelled');
    const notice = await waitFor(async () => (await mailsTo(family.email)).find((mail) => mail.subject.startsWith('Występ odwołany')), {
      timeoutMs: 15_000,
    });
    expect(notice.text).toContain('Podany powód: The hall flooded.');
    const notices: ReminderRow[] = await kit.db.query(
      `SELECT kind FROM reminders WHERE tenant_id = $1 AND subject_type = 'performance' AND subject_id = $2 ORDER BY created_at`,
      [tenantId, performanceId],
    );
    expect(notices.map((notice) => notice.kind)).toEqual(['performance.moved', 'performance.cancelled']);
  });

  it('writes to each family in its own language: Arabic right to left with its dual, Polish plurals for 2 and 5 seats', async () => {
    // The area lets a family book 6 seats, so that a Polish family can book 5 (miejsc).
    await kit.applyEvent(tenantId, 'identity.tenant.created', {
      version: 1,
      tenantId,
      name: 'In Harmony Test',
      slug: `test-${tenantId.slice(-6)}`,
      timeZone: 'Europe/London',
      weeklyProvisionTargetMinutes: 240,
      familyLanguages: ['en', 'pl', 'ar'],
      familyTransportSeatLimit: 6,
    });
    const arabic = await smsFamily({ smsEnabled: false, language: 'ar' });
    const polish = await smsFamily({ smsEnabled: false, language: 'pl' });
    const { run } = await bookedRun();
    await book(arabic, run);
    await book(polish, run);
    const bigger = await smsFamily({ smsEnabled: false, language: 'pl' });
    const five = await kit.call(bigger.guardian, 'POST', '/transport-bookings', {
      runId: run.id,
      stopId: run.stops[0].id,
      adults: 4,
      pupilIds: [bigger.pupilId],
    });
    expect(five.json()).toMatchObject({ seats: 5, status: 'confirmed' });

    const inArabic = await waitFor(
      async () => (await mailsTo(arabic.email)).find((mail) => mail.subject === 'تم حجز النقل: Spring Sharing'),
      { timeoutMs: 15_000, description: 'the Arabic confirmation' },
    );
    expect(inArabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(inArabic.headers['content-language']).toBe('ar');
    expect(inArabic.text).toContain('تم تأكيد حجزك: مقعدان في الحافلة المجانية إلى Spring Sharing');
    expect(inArabic.text).toContain('مكان الصعود: Faith Street Primary (Front gate, Shaw Street)');
    expect(inArabic.text).not.toMatch(/Dear|seats|Pick-up/);
    const inPolish = await waitFor(
      async () => (await mailsTo(polish.email)).find((mail) => mail.subject === 'Przejazd zarezerwowany: Spring Sharing'),
      { timeoutMs: 15_000, description: 'the Polish confirmation' },
    );
    expect(inPolish.text).toContain('Potwierdzamy rezerwację: 2 miejsca w bezpłatnym autobusie');
    expect(inPolish.html).toContain('<html lang="pl" dir="ltr">');
    const fivePolish = await waitFor(
      async () => (await mailsTo(bigger.email)).find((mail) => mail.subject === 'Przejazd zarezerwowany: Spring Sharing'),
      { timeoutMs: 15_000, description: 'the Polish confirmation of 5 seats' },
    );
    expect(fivePolish.text).toContain('Potwierdzamy rezerwację: 5 miejsc w bezpłatnym autobusie');
  });
});

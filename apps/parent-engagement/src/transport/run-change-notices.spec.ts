/**
 * A bus corrected after families booked it (PATCH /transport-runs/:runId) tells each family booked,
 * once, in its language, when its journey changed: the departure time or its own stop's time or
 * place. Not a seat-count edit, not a family that is not booked, not another area's. Read at MailDev.
 */
import type { Identity } from '@tutti/auth';
import type { ReminderWorker } from '@tutti/messaging';
import { formatDateTime, newId } from '@tutti/platform';
import { mailsTo, newTenantId, personas, waitFor, type ReceivedMail } from '@tutti/testing';
import { familyTranslator } from '../i18n/family-messages';
import { afterQuietHours } from '../reminders/quiet-hours';
import {
  familyWithEmail,
  HOUR,
  newTestRun,
  reminderWorkerOf,
  useEngagementTestKit,
  type TestFamily,
  type TestRun,
} from '../testing/engagement-test-kit';

interface RunBody {
  outboundDepartsAt: string;
  returnDepartsAt: string | null;
  stops: { id: string; name: string; place: string; pickupAt: string }[];
}

const CHANGE_SUBJECT = /^(Bus change|Zmiana autobusu): /;

describe('telling booked families that their bus changed', () => {
  const kit = useEngagementTestKit();
  const tenantId = newTenantId();
  const schoolId = newId();
  const headteacher = personas.headteacher(tenantId, schoolId);
  let worker: ReminderWorker;

  beforeAll(() => {
    worker = reminderWorkerOf(kit);
  });

  const family = (preferences: Record<string, unknown> = {}, tenant = tenantId) => familyWithEmail(kit, tenant, schoolId, preferences);

  async function book(who: TestFamily, run: TestRun, stop = 0): Promise<string> {
    const answer = await kit.call(who.guardian, 'POST', '/transport-bookings', {
      runId: run.id,
      stopId: run.stops[stop].id,
      adults: 1,
      pupilIds: [who.pupilId],
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().status).toBe('confirmed');
    return answer.json().id;
  }

  async function edit(by: Identity, run: TestRun, body: object, version: number): Promise<void> {
    const answer = await kit.call(by, 'PATCH', `/transport-runs/${run.id}`, body, { 'if-match': `"${version}"` });
    expect(answer.statusCode).toBe(200);
  }

  const read = async (run: TestRun): Promise<RunBody> => (await kit.call(headteacher, 'GET', `/transport-runs/${run.id}`)).json();

  const changeNotices = (bookingIds: string[]): Promise<{ id: string; recipient_id: string; status: string; due_at: Date }[]> =>
    kit.db.query(
      `SELECT id, recipient_id, status, due_at FROM reminders
        WHERE tenant_id = $1 AND kind = 'transport.run-changed' AND subject_id = ANY($2::uuid[]) ORDER BY created_at`,
      [tenantId, bookingIds],
    );

  /** The family's bus-change mails once nothing about these bookings is due and unsent. */
  async function settledChangeMails(who: TestFamily, bookingIds: string[]): Promise<ReceivedMail[]> {
    await waitFor(
      async () => {
        const [{ pending }]: { pending: number }[] = await kit.db.query(
          `SELECT count(*)::int AS pending FROM reminders
            WHERE tenant_id = $1 AND subject_id = ANY($2::uuid[]) AND status IN ('scheduled', 'sending') AND due_at <= now()`,
          [tenantId, bookingIds],
        );
        return pending === 0;
      },
      { timeoutMs: 15_000, description: 'every due message to have gone out' },
    );
    return mailsTo(who.email, CHANGE_SUBJECT);
  }

  it('a new pick-up time: one message to each family booked at that stop, in its language; none to others', async () => {
    const run = await newTestRun(kit, tenantId, 20, { title: 'Moved Pickup Gala' });
    const [mum, tata, elsewhere, unbooked] = [await family(), await family({ language: 'pl' }), await family(), await family()];
    const otherArea = newTenantId();
    const otherRun = await newTestRun(kit, otherArea, 20, { title: 'Moved Pickup Gala' });
    const stranger = await family({}, otherArea);
    const strangerBooking = (
      await kit.call(stranger.guardian, 'POST', '/transport-bookings', {
        runId: otherRun.id,
        stopId: otherRun.stops[0].id,
        adults: 1,
        pupilIds: [stranger.pupilId],
      })
    ).json().id;
    const bookings = [await book(mum, run, 0), await book(tata, run, 0), await book(elsewhere, run, 1)];

    const before = await read(run);
    const newPickup = new Date(Date.parse(before.stops[0].pickupAt) - 15 * 60_000);
    await edit(
      headteacher,
      run,
      { stops: [{ id: run.stops[0].id, pickupAt: newPickup.toISOString(), place: 'Back gate, Shaw Street' }] },
      1,
    );

    const notices = await changeNotices([...bookings, strangerBooking]);
    expect(notices.map((notice) => notice.recipient_id).sort()).toEqual([mum.guardian.userId, tata.guardian.userId].sort());

    const en = familyTranslator('en');
    const [toMum] = await waitFor(async () => {
      const found = await mailsTo(mum.email, /^Bus change: Moved Pickup Gala$/);
      return found.length > 0 && found;
    });
    expect(toMum.text).toContain('The free bus to Moved Pickup Gala');
    expect(toMum.text).toContain(
      `Your pick-up is now at ${formatDateTime(newPickup, en.locale, 'Europe/London')}, at Faith Street Primary (Back gate, Shaw Street).`,
    );
    expect(toMum.text).toContain(
      `The bus back leaves at ${formatDateTime(new Date(before.returnDepartsAt as string), en.locale, 'Europe/London')}.`,
    );
    expect(toMum.text).toContain(`#booking-${bookings[0]}`);

    const pl = familyTranslator('pl');
    const [toTata] = await waitFor(async () => {
      const found = await mailsTo(tata.email, /^Zmiana autobusu: Moved Pickup Gala$/);
      return found.length > 0 && found;
    });
    expect(toTata.text).toContain(`Odbiór teraz: ${formatDateTime(newPickup, pl.locale, 'Europe/London')}`);
    expect(toTata.headers['content-language']).toBe('pl');

    expect(await settledChangeMails(mum, bookings)).toHaveLength(1);
    expect(await settledChangeMails(tata, bookings)).toHaveLength(1);
    expect(await settledChangeMails(elsewhere, bookings)).toEqual([]);
    expect(await settledChangeMails(unbooked, bookings)).toEqual([]);
    expect(await mailsTo(stranger.email, CHANGE_SUBJECT)).toEqual([]);
  });

  it('a new departure time tells every family booked; more seats or another vehicle tell nobody', async () => {
    const run = await newTestRun(kit, tenantId, 20, { title: 'Departure Gala' });
    const [first, second] = [await family(), await family()];
    const bookings = [await book(first, run, 0), await book(second, run, 1)];

    await edit(headteacher, run, { seats: 30, vehicle: '60-seat coach (Mersey Coaches)' }, 1);
    expect(await changeNotices(bookings)).toEqual([]);

    const before = await read(run);
    await edit(
      personas.programmeAdmin(tenantId),
      run,
      { returnDepartsAt: new Date(Date.parse(before.returnDepartsAt as string) + 30 * 60_000).toISOString() },
      2,
    );
    expect((await changeNotices(bookings)).map((notice) => notice.recipient_id).sort()).toEqual(
      [first.guardian.userId, second.guardian.userId].sort(),
    );
    expect(await settledChangeMails(first, bookings)).toHaveLength(1);
    expect(await settledChangeMails(second, bookings)).toHaveLength(1);
  });

  it('a delivery redelivered sends nothing twice; a second edit while the message waits (quiet hours) adds none', async () => {
    const now = new Date();
    const hhmm = (date: Date) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
    const quiet = { start: hhmm(new Date(now.getTime() - HOUR)), end: hhmm(new Date(now.getTime() + HOUR)) };
    const run = await newTestRun(kit, tenantId, 20, { title: 'Redelivered Gala' });
    const [awake, asleep] = [await family(), await family({ quietHoursStart: quiet.start, quietHoursEnd: quiet.end })];
    const bookings = [await book(awake, run), await book(asleep, run)];

    const before = await read(run);
    const moved = (minutes: number) => ({
      outboundDepartsAt: new Date(Date.parse(before.outboundDepartsAt) - minutes * 60_000).toISOString(),
    });
    const awakeMails = (count: number) =>
      waitFor(async () => (await mailsTo(awake.email, /^Bus change: Redelivered Gala$/)).length === count, {
        timeoutMs: 15_000,
        description: `${count} bus-change message(s) to the family outside quiet hours`,
      });
    await edit(headteacher, run, moved(10), 1);
    await awakeMails(1);
    await edit(headteacher, run, moved(20), 2);
    await awakeMails(2);

    const notices = await changeNotices(bookings);
    const toAsleep = notices.filter((notice) => notice.recipient_id === asleep.guardian.userId);
    // Quiet hours respected: one message, when they end, whatever the edits meanwhile.
    expect(toAsleep).toHaveLength(1);
    expect(toAsleep[0].status).toBe('scheduled');
    expect(toAsleep[0].due_at.getTime()).toBe(afterQuietHours(now, quiet, 'Europe/London').getTime());

    // The other family's first message had gone out before the second edit, which wrote another.
    const sent = (await changeNotices(bookings)).filter((notice) => notice.recipient_id === awake.guardian.userId);
    expect(sent.map((notice) => notice.status)).toEqual(['sent', 'sent']);
    // Its job delivered again (at-least-once queue): skipped, no third mail.
    for (const notice of sent) {
      const outcome = await worker.deliverDue({ reminderId: notice.id, tenantId, dueAt: notice.due_at.toISOString() });
      expect(outcome.kind).toBe('skipped');
    }
    expect(await settledChangeMails(awake, bookings)).toHaveLength(2);
    expect(await mailsTo(asleep.email, CHANGE_SUBJECT)).toEqual([]);
  });
});

import type { Identity } from '@tutti/auth';
import type { ReminderWorker } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { mailsTo, newTenantId, personas, waitFor } from '@tutti/testing';
import { familyWithEmail, HOUR, publishPerformance, reminderWorkerOf, runBody, useEngagementTestKit } from '../testing/engagement-test-kit';

const consentMailsTo = (address: string) => mailsTo(address, /^Photo and filming consent needed/);

interface ConsentReminder {
  id: string;
  due_at: Date;
  status: string;
}

describe('reminders about photo/film consent missing before a performance', () => {
  const kit = useEngagementTestKit();
  let worker: ReminderWorker;
  const tenantId = newTenantId();
  const schoolId = newId();
  const admin = personas.programmeAdmin(tenantId);

  beforeAll(() => {
    worker = reminderWorkerOf(kit);
  });

  async function bookBus(who: { guardian: Identity; pupilId: string }, hoursAhead: number) {
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId, hoursAhead, 'Summer Showcase');
    const run = (await kit.call(admin, 'POST', '/transport-runs', runBody(performanceId, startsAt, 10))).json();
    const booking = await kit.call(who.guardian, 'POST', '/transport-bookings', {
      runId: run.id,
      stopId: run.stops[0].id,
      adults: 1,
      pupilIds: [who.pupilId],
    });
    expect(booking.json().status).toBe('confirmed');
    return { performanceId, startsAt };
  }

  const consentReminders = (performanceId: string, guardianId: string): Promise<ConsentReminder[]> =>
    kit.db.query(
      `SELECT id, due_at, status FROM reminders WHERE tenant_id = $1 AND kind = 'consent.missing' AND subject_id = $2 AND recipient_id = $3 ORDER BY created_at`,
      [tenantId, performanceId, guardianId],
    );

  async function deliverNow(reminder: ConsentReminder) {
    await kit.db.query(`UPDATE reminders SET due_at = now() - interval '1 second' WHERE id = $1`, [reminder.id]);
    const [{ due_at: dueAt }] = await kit.db.query('SELECT due_at FROM reminders WHERE id = $1', [reminder.id]);
    return worker.deliverDue({ reminderId: reminder.id, tenantId, dueAt: (dueAt as Date).toISOString() });
  }

  it('schedules one reminder 72 h before the performance for a booking (and RSVP) without consent, and skips it once consent is recorded', async () => {
    const family = await familyWithEmail(kit, tenantId, schoolId);
    const { performanceId, startsAt } = await bookBus(family, 120);
    const rsvp = await kit.call(family.guardian, 'PUT', `/performances/${performanceId}/rsvp`, {
      attending: true,
      adults: 1,
      pupilIds: [family.pupilId],
    });
    expect(rsvp.statusCode).toBe(200);
    const [reminder, ...others] = await consentReminders(performanceId, family.guardian.userId);
    expect(others).toHaveLength(0);
    expect(reminder.due_at.getTime()).toBe(startsAt.getTime() - 72 * HOUR);

    const consent = await kit.call(family.guardian, 'PUT', `/pupils/${family.pupilId}/consents/photo_film`, { granted: false });
    expect(consent.statusCode).toBe(200);
    expect((await deliverNow(reminder)).kind).toBe('sent');
    expect(await consentMailsTo(family.email)).toHaveLength(0);
  });

  it('emails the family when the reminder falls due and consent is still missing (due at once when the performance is under 72 h away)', async () => {
    const family = await familyWithEmail(kit, tenantId, schoolId);
    const before = Date.now();
    const { performanceId } = await bookBus(family, 30);
    const [reminder] = await consentReminders(performanceId, family.guardian.userId);
    expect(reminder.due_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(reminder.due_at.getTime()).toBeLessThanOrEqual(Date.now());
    const [mail] = await waitFor(
      async () => {
        const found = await consentMailsTo(family.email);
        return found.length > 0 && found;
      },
      { timeoutMs: 15_000, description: 'the consent reminder in MailDev' },
    );
    expect(mail.text).toContain('Summer Showcase');
    expect(mail.text).toContain('photographs and filming');
  });

  it('schedules nothing when consent is recorded, and cancels pending reminders with the performance', async () => {
    const given = await familyWithEmail(kit, tenantId, schoolId);
    await kit.call(given.guardian, 'PUT', `/pupils/${given.pupilId}/consents/photo_film`, { granted: true });
    const first = await bookBus(given, 120);
    expect(await consentReminders(first.performanceId, given.guardian.userId)).toHaveLength(0);

    const missing = await familyWithEmail(kit, tenantId, schoolId);
    const { performanceId } = await bookBus(missing, 120);
    expect((await consentReminders(performanceId, missing.guardian.userId)).map((reminder) => reminder.status)).toEqual(['scheduled']);
    await kit.applyEvent(tenantId, 'performance.performance.cancelled', { version: 1, performanceId, reason: 'Storm damage.' });
    expect((await consentReminders(performanceId, missing.guardian.userId)).map((reminder) => reminder.status)).toEqual(['cancelled']);
  });

  it('counts only the children a family brings to this performance, not those booked for another', async () => {
    // Two children: one without a photo/film decision, booked for the spring concert; one with it, booked for the summer one.
    const undecided = newId();
    const decided = newId();
    const guardian = personas.guardian(tenantId, [
      { pupilId: undecided, schoolId },
      { pupilId: decided, schoolId },
    ]);
    await kit.call(guardian, 'PUT', `/pupils/${decided}/consents/photo_film`, { granted: true });
    const spring = await bookBus({ guardian, pupilId: undecided }, 100);
    const summer = await bookBus({ guardian, pupilId: decided }, 120);
    expect(await consentReminders(spring.performanceId, guardian.userId)).toHaveLength(1);
    expect(await consentReminders(summer.performanceId, guardian.userId)).toHaveLength(0);
  });
});

import { localParts, newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { afterQuietHours } from '../reminders/quiet-hours';
import { HOUR, publishPerformance, runBody, useEngagementTestKit } from '../testing/engagement-test-kit';

const pad = (n: number) => String(n).padStart(2, '0');

/** The area's settings come only from the gateway's tenant events; reminders are planned in the area's time zone. */
describe('area settings from identity.tenant.* events', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolId = newId();
  const admin = personas.programmeAdmin(tenantId);
  const settings = (timeZone: string, familyTransportSeatLimit = 4) => ({
    version: 1 as const,
    tenantId,
    name: 'In Harmony Test',
    slug: `test-${tenantId.slice(-6)}`,
    timeZone,
    weeklyProvisionTargetMinutes: 240,
    familyLanguages: ['en'],
    familyTransportSeatLimit,
  });

  beforeAll(async () => {
    await kit.applyEvent(tenantId, 'identity.tenant.created', settings('Europe/London'), new Date(Date.now() - HOUR));
  });

  /**
   * A family whose quiet hours are the two London hours around its 24-hour reminder, booked on a
   * new bus (pick-up an hour before a performance 72 hours away); answers the reminder's due time
   * and the time it would have been due without quiet hours.
   */
  async function dayBeforeReminder(): Promise<{ dueAt: Date; due: Date; quiet: { start: string; end: string } }> {
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId, 72);
    const due = new Date(startsAt.getTime() - HOUR - 24 * HOUR);
    const london = localParts(due, 'Europe/London');
    const quiet = { start: `${pad((london.hour + 23) % 24)}:00`, end: `${pad((london.hour + 1) % 24)}:00` };
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    const saved = await kit.call(guardian, 'PUT', '/families/me/contact-preferences', {
      email: `family-${guardian.userId}@example.org`,
      language: 'en',
      emailEnabled: true,
      smsEnabled: false,
      quietHoursStart: quiet.start,
      quietHoursEnd: quiet.end,
    });
    expect(saved.statusCode).toBe(200);
    const run = (await kit.call(admin, 'POST', '/transport-runs', runBody(performanceId, startsAt, 10))).json<{
      id: string;
      stops: { id: string }[];
    }>();
    const booking = await kit.call(guardian, 'POST', '/transport-bookings', {
      runId: run.id,
      stopId: run.stops[0].id,
      adults: 1,
      pupilIds: [pupilId],
    });
    expect(booking.statusCode).toBe(201);
    const [reminder] = await kit.db.query<{ due_at: Date }[]>(
      `SELECT due_at FROM reminders WHERE tenant_id = $1 AND subject_id = $2 AND kind = 'transport.pickup-24h'`,
      [tenantId, booking.json<{ id: string }>().id],
    );
    return { dueAt: reminder.due_at, due, quiet };
  }

  it('plans a family’s reminders out of its quiet hours in the area’s time zone, and follows a change of zone', async () => {
    const inLondon = await dayBeforeReminder();
    expect(inLondon.dueAt).toEqual(afterQuietHours(inLondon.due, inLondon.quiet, 'Europe/London'));
    expect(inLondon.dueAt.getTime()).toBeGreaterThan(inLondon.due.getTime()); // held back to the end of the quiet hours

    await kit.applyEvent(tenantId, 'identity.tenant.updated', settings('Asia/Tokyo'));
    const inTokyo = await dayBeforeReminder();
    expect(inTokyo.dueAt).toEqual(inTokyo.due); // nine hours on, the same wall-clock hours are not quiet in Tokyo
  });

  it('ignores an older settings event arriving late', async () => {
    await kit.applyEvent(tenantId, 'identity.tenant.updated', settings('Europe/Berlin', 6), new Date(Date.now() + HOUR));
    await kit.applyEvent(tenantId, 'identity.tenant.updated', settings('Europe/London', 2), new Date(Date.now() - 2 * HOUR));
    const [row] = await kit.db.query(`SELECT time_zone, family_transport_seat_limit FROM tenant_settings WHERE tenant_id = $1`, [tenantId]);
    expect(row).toEqual({ time_zone: 'Europe/Berlin', family_transport_seat_limit: 6 });
  });
});

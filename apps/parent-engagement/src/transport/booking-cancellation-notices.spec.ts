/**
 * A cancelled booking tells its family, once, whoever cancels it: the family, staff, or the
 * performance being cancelled. Read at MailDev, after everything queued has gone out.
 */
import type { Identity } from '@tutti/auth';
import { EventConsumer, MessagingHandlers } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { mailsTo, newTenantId, personas, waitFor, type ReceivedMail } from '@tutti/testing';
import type { ParentEngagementConfig } from '../config';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import { familyWithEmail, newTestRun, type TestFamily, type TestRun, useEngagementTestKit } from '../testing/engagement-test-kit';

describe('telling a family its bus booking is cancelled', () => {
  const tenantId = newTenantId();
  const schoolId = newId();
  const kit = useEngagementTestKit();

  const family = () => familyWithEmail(kit, tenantId, schoolId);

  async function book(who: TestFamily, run: TestRun): Promise<{ id: string; status: string }> {
    const answer = await kit.call(who.guardian, 'POST', '/transport-bookings', {
      runId: run.id,
      stopId: run.stops[0].id,
      adults: 1,
      pupilIds: [who.pupilId],
    });
    expect(answer.statusCode).toBe(201);
    return answer.json();
  }

  const cancel = (by: Identity, bookingId: string) => kit.call(by, 'POST', `/transport-bookings/${bookingId}/cancel`);

  /** The family's mails matching `subject`, once nothing about the subject is waiting to go out. */
  async function settledMails(who: TestFamily, subjectId: string, subject: RegExp): Promise<ReceivedMail[]> {
    await waitFor(
      async () => {
        const [{ pending }]: { pending: number }[] = await kit.db.query(
          `SELECT count(*)::int AS pending FROM reminders WHERE tenant_id = $1 AND subject_id = $2 AND status IN ('scheduled', 'sending') AND due_at <= now()`,
          [tenantId, subjectId],
        );
        return pending === 0;
      },
      { timeoutMs: 15_000, description: 'every due message to have gone out' },
    );
    return mailsTo(who.email, subject);
  }

  it('by the family: one email saying so, however often the cancel is sent', async () => {
    const run = await newTestRun(kit, tenantId, 10, { title: 'Family Cancels Gala' });
    const mum = await family();
    const booking = await book(mum, run);
    await waitFor(async () => (await mailsTo(mum.email, /^Transport booked:/)).length === 1, {
      timeoutMs: 15_000,
      description: 'the confirmation',
    });

    const answers = [await cancel(mum.guardian, booking.id), await cancel(mum.guardian, booking.id)];
    expect(answers.map((answer) => [answer.statusCode, answer.json().status])).toEqual([
      [200, 'cancelled'],
      [200, 'cancelled'],
    ]);

    const notices = await waitFor(
      async () => {
        const found = await mailsTo(mum.email, /^Bus booking cancelled: Family Cancels Gala$/);
        return found.length > 0 && found;
      },
      { timeoutMs: 15_000, description: 'the cancellation email' },
    );
    expect(notices[0].text).toContain('As you asked, we have cancelled your booking of 2 seats on the free bus to Family Cancels Gala');
    expect(notices[0].text).toContain('Nobody will wait for you at Faith Street Primary (Front gate, Shaw Street)');
    expect(await settledMails(mum, booking.id, /^Bus booking cancelled:/)).toHaveLength(1);
    // The 24- and 2-hour reminders went with the booking.
    const left: { kind: string; status: string }[] = await kit.db.query(
      `SELECT kind, status FROM reminders WHERE tenant_id = $1 AND subject_id = $2 ORDER BY kind`,
      [tenantId, booking.id],
    );
    expect(left).toEqual([
      { kind: 'transport.booking-cancelled', status: 'sent' },
      { kind: 'transport.booking-confirmed', status: 'sent' },
      { kind: 'transport.pickup-24h', status: 'cancelled' },
      { kind: 'transport.pickup-2h', status: 'cancelled' },
    ]);
  });

  it('by staff: one email saying the school cancelled it, including a place on the waiting list', async () => {
    const run = await newTestRun(kit, tenantId, 2, { title: 'Staff Cancels Gala' });
    const [holder, waiting] = [await family(), await family()];
    const held = await book(holder, run);
    const queued = await book(waiting, run);
    expect(queued.status).toBe('waitlisted');

    const headteacher = personas.headteacher(tenantId, schoolId);
    for (const bookingId of [queued.id, queued.id]) expect((await cancel(headteacher, bookingId)).statusCode).toBe(200);
    for (const bookingId of [held.id, held.id]) expect((await cancel(personas.programmeAdmin(tenantId), bookingId)).statusCode).toBe(200);

    const [toHolder] = await waitFor(
      async () => {
        const found = await mailsTo(holder.email, /^Bus booking cancelled: Staff Cancels Gala$/);
        return found.length > 0 && found;
      },
      { timeoutMs: 15_000, description: 'the holder’s cancellation email' },
    );
    expect(toHolder.text).toContain('The school has cancelled your booking of 2 seats');
    expect(toHolder.text).toContain('If you did not expect this, please contact the school.');
    const [toWaiting] = await waitFor(
      async () => {
        const found = await mailsTo(waiting.email, /^Bus booking cancelled: Staff Cancels Gala$/);
        return found.length > 0 && found;
      },
      { timeoutMs: 15_000, description: 'the waiting family’s cancellation email' },
    );
    expect(toWaiting.text).toContain('The school has cancelled your place on the waiting list (2 seats)');
    expect(toWaiting.text).not.toContain('Nobody will wait for you');

    expect(await settledMails(holder, held.id, /^Bus booking cancelled:/)).toHaveLength(1);
    expect(await settledMails(waiting, queued.id, /^Bus booking cancelled:/)).toHaveLength(1);
  });

  it('by the performance being cancelled: one email, however often the event arrives', async () => {
    const run = await newTestRun(kit, tenantId, 10, { title: 'Flooded Gala' });
    const dad = await family();
    const booking = await book(dad, run);
    const config = kit.app.get<symbol, ParentEngagementConfig>(PARENT_ENGAGEMENT_CONFIG);
    // The consumer's name is the service's, as the kit's is, so that it remembers the events the kit applied.
    const consumer = new EventConsumer({
      dataSource: kit.db,
      service: 'parent-engagement',
      redis: config.REDIS_URL,
      handlers: kit.app.get(MessagingHandlers).handlers,
    });

    const cancelled = await kit.applyEvent(tenantId, 'performance.performance.cancelled', {
      version: 1,
      performanceId: run.performance.id,
      reason: 'The hall flooded.',
    });
    // Delivered again (at-least-once), and published again under a new id.
    expect(await consumer.apply(cancelled)).toBe('already-applied');
    await kit.applyEvent(tenantId, 'performance.performance.cancelled', {
      version: 1,
      performanceId: run.performance.id,
      reason: 'The hall flooded.',
    });

    expect((await kit.call(dad.guardian, 'GET', `/transport-bookings/${booking.id}`)).json().status).toBe('cancelled');
    const [notice] = await waitFor(
      async () => {
        const found = await mailsTo(dad.email, /^Performance cancelled: Flooded Gala$/);
        return found.length > 0 && found;
      },
      { timeoutMs: 15_000, description: 'the cancellation email' },
    );
    expect(notice.text).toContain('Any bus booking for it is cancelled too.');
    expect(await settledMails(dad, run.performance.id, /^Performance cancelled:/)).toHaveLength(1);
    // One message for the one cancellation: not a second about the booking.
    expect(await settledMails(dad, booking.id, /^Bus booking cancelled:/)).toEqual([]);
  });
});

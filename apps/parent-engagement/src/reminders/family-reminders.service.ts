import { Injectable } from '@nestjs/common';
import { afterCommit, ReminderScheduler, type ReminderRow, type ScheduledReminder, type ScheduleReminderInput } from '@tutti/messaging';
import type { SqlWrite } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import { childrenComingWithoutConsent } from '../consents/consents.queries';
import { afterQuietHours, quietHoursOf, type QuietHours } from './quiet-hours';
import {
  ANNOUNCEMENT_KIND,
  ANNOUNCEMENT_SUBJECT,
  BOOKING_SUBJECT,
  CONSENT_CHASE_LEAD_MS,
  CONSENT_CHASE_SUBJECT,
  HOUR_MS,
  IGNORES_QUIET_HOURS,
  OFFER_EXPIRY_KIND,
  PERFORMANCE_SUBJECT,
  RUN_CHANGED_KIND,
  type MessageKind,
} from './reminder-kinds';
import { guardiansTimes, publishedPerformanceStartFor } from './reminders.queries';

/** A booking that holds its seats, with what its reminders are timed from. */
export interface ConfirmedBooking {
  id: string;
  pickupAt: Date;
  performanceId: string;
  performanceStartsAt: Date;
  /** A child the family brings has no photo/film decision yet (read when the bus was locked): chase it. */
  photoConsentMissing: boolean;
}

/** Who a reminder goes to and when they may be disturbed. */
export interface Recipient {
  tenantId: string;
  guardianId: string;
  quietHours: QuietHours | null;
  timeZone: string;
}

/**
 * Writes the reminders of bookings and performances in the caller's transaction and queues their
 * jobs once it has committed (ReminderScheduler: the row first, then the job).
 */
@Injectable()
export class FamilyReminders {
  constructor(private readonly scheduler: ReminderScheduler) {}

  /**
   * Confirmation now, then 24 h and 2 h before pick-up (those already past are left out), and the
   * "consent still missing" chase when a child coming has no photo/film decision — one statement.
   */
  async bookingConfirmed(manager: EntityManager, to: Recipient, booking: ConfirmedBooking, now = new Date()): Promise<void> {
    await this.bookingsConfirmed(manager, [{ to, booking }], now);
  }

  /** bookingConfirmed for several bookings (a batch of bookings), with one statement for all their reminders. */
  async bookingsConfirmed(
    manager: EntityManager,
    confirmed: readonly { to: Recipient; booking: ConfirmedBooking }[],
    now = new Date(),
  ): Promise<void> {
    const inputs = this.bookingsConfirmedInputs(confirmed, now);
    if (inputs.length > 0) await this.schedule(manager, inputs);
  }

  /**
   * bookingsConfirmed as a write, to run with others of the same transaction (writeTogether).
   * `scheduledOf` reads its answer: the reminders written, whose jobs `queueJobs` adds once the
   * transaction has committed.
   */
  bookingsConfirmedWrite(
    manager: EntityManager,
    confirmed: readonly { to: Recipient; booking: ConfirmedBooking }[],
    now = new Date(),
  ): { write: SqlWrite; scheduledOf: (answer: readonly Record<string, unknown>[]) => ScheduledReminder[] } | undefined {
    const inputs = this.bookingsConfirmedInputs(confirmed, now);
    if (inputs.length === 0) return undefined;
    return this.scheduler.scheduleManyWrite(manager, inputs, { skipDuplicates: true });
  }

  /** Jobs for reminders committed by bookingsConfirmedWrite; Redis failures are logged (the sweeper queues them when due). */
  queueJobs(scheduled: ScheduledReminder[]): Promise<void> {
    return this.scheduler.syncJobs({ staleJobIds: [], toEnqueue: [], newlyScheduled: scheduled });
  }

  private bookingsConfirmedInputs(confirmed: readonly { to: Recipient; booking: ConfirmedBooking }[], now: Date): ScheduleReminderInput[] {
    return confirmed.flatMap(({ to, booking }) => {
      const messages = [this.message(to, 'transport.booking-confirmed', BOOKING_SUBJECT, booking.id, now, { bookingId: booking.id })];
      for (const [kind, dueAt] of pickupReminderTimes(booking.pickupAt)) {
        if (dueAt > now) messages.push(this.message(to, kind, BOOKING_SUBJECT, booking.id, dueAt, { bookingId: booking.id }));
      }
      if (booking.photoConsentMissing) messages.push(this.consentChaseMessage(to, booking.performanceId, booking.performanceStartsAt, now));
      return messages;
    });
  }

  /** The offer message (when the family may be told) and the timer that lapses the offer. */
  async seatOffered(manager: EntityManager, to: Recipient, bookingId: string, notifyAt: Date, expiresAt: Date): Promise<void> {
    await this.schedule(manager, [
      {
        tenantId: to.tenantId,
        kind: 'transport.seat-offered',
        recipientId: to.guardianId,
        subjectType: BOOKING_SUBJECT,
        subjectId: bookingId,
        dueAt: notifyAt,
        payload: { bookingId },
      },
      {
        tenantId: to.tenantId,
        kind: OFFER_EXPIRY_KIND,
        recipientId: to.guardianId,
        subjectType: BOOKING_SUBJECT,
        subjectId: bookingId,
        dueAt: expiresAt,
        payload: { bookingId },
      },
    ]);
  }

  /**
   * Tells the family that a booking is cancelled, by them or by staff. Written in the transaction
   * that cancels it (after its other reminders are cancelled), so a booking that is cancelled once
   * tells the family once.
   */
  async bookingCancelled(
    manager: EntityManager,
    to: Recipient,
    bookingId: string,
    how: { cancelledBy: 'family' | 'staff'; wasWaiting: boolean },
    now = new Date(),
  ): Promise<void> {
    await this.schedule(manager, [this.message(to, 'transport.booking-cancelled', BOOKING_SUBJECT, bookingId, now, { bookingId, ...how })]);
  }

  /**
   * Tells a family booked on a bus that its departure time or their stop (time, name or place)
   * changed: now, or when their quiet hours end. Delivery tells the bus as it is then.
   */
  async busChanged(manager: EntityManager, to: Recipient, bookingId: string, now = new Date()): Promise<void> {
    await this.schedule(manager, [this.message(to, RUN_CHANGED_KIND, BOOKING_SUBJECT, bookingId, now, { bookingId })]);
  }

  async offerExpired(manager: EntityManager, to: Recipient, bookingId: string, now = new Date()): Promise<void> {
    await this.schedule(manager, [this.message(to, 'transport.offer-expired', BOOKING_SUBJECT, bookingId, now, { bookingId })]);
  }

  /** Tells a family that a performance moved or was cancelled. */
  async performanceNotice(
    manager: EntityManager,
    to: Recipient,
    kind: 'performance.moved' | 'performance.cancelled',
    performanceId: string,
    details: Record<string, unknown>,
    now = new Date(),
  ): Promise<void> {
    await this.schedule(manager, [this.message(to, kind, PERFORMANCE_SUBJECT, performanceId, now, { performanceId, ...details })]);
  }

  /**
   * One email per family: now, or when the family's quiet hours end if it is written during them
   * (the delivery shows as waiting until then).
   */
  async announcement(
    manager: EntityManager,
    tenantId: string,
    announcementId: string,
    guardianIds: string[],
    now = new Date(),
  ): Promise<void> {
    if (guardianIds.length === 0) return;
    const families = await guardiansTimes(manager, tenantId, guardianIds);
    await this.schedule(
      manager,
      families.map((family) => {
        const to: Recipient = { tenantId, guardianId: family.guardian_id, quietHours: quietHoursOf(family), timeZone: family.time_zone };
        const dueAt = afterQuietHours(now, to.quietHours, to.timeZone);
        return {
          tenantId,
          kind: ANNOUNCEMENT_KIND,
          recipientId: to.guardianId,
          subjectType: ANNOUNCEMENT_SUBJECT,
          subjectId: announcementId,
          dueAt,
          payload: { announcementId },
        };
      }),
    );
  }

  /** After an attending RSVP: the "consent still missing" chase, if a child coming needs one. */
  async chaseMissingConsent(
    manager: EntityManager,
    tenantId: string,
    guardianId: string,
    performanceId: string,
    now = new Date(),
  ): Promise<void> {
    const found = await publishedPerformanceStartFor(manager, tenantId, performanceId, guardianId);
    if (!found) return;
    const to: Recipient = { tenantId, guardianId, quietHours: quietHoursOf(found), timeZone: found.time_zone };
    const chase = await this.consentChase(manager, to, performanceId, found.starts_at, now);
    if (chase) await this.schedule(manager, [chase]);
  }

  /**
   * When a family's children are coming to a performance (a confirmed booking, an attending RSVP)
   * and one has no photo/film decision recorded, the family is asked for it 72 h before the start
   * (now if that has passed). The database keeps one pending chase per family and performance
   * (a unique index: a second one is skipped); delivery checks again.
   */
  private async consentChase(
    manager: EntityManager,
    to: Recipient,
    performanceId: string,
    startsAt: Date,
    now: Date,
  ): Promise<ScheduleReminderInput | undefined> {
    if ((await childrenComingWithoutConsent(manager, to.tenantId, performanceId, to.guardianId)).length === 0) return undefined;
    return this.consentChaseMessage(to, performanceId, startsAt, now);
  }

  private consentChaseMessage(to: Recipient, performanceId: string, startsAt: Date, now: Date): ScheduleReminderInput {
    const dueAt = new Date(Math.max(now.getTime(), startsAt.getTime() - CONSENT_CHASE_LEAD_MS));
    return this.message(to, 'consent.missing', CONSENT_CHASE_SUBJECT, performanceId, dueAt, { performanceId });
  }

  /** A moved performance moves its consent reminders to 72 h before the new start (or now). */
  async moveConsentChases(
    manager: EntityManager,
    tenantId: string,
    performanceId: string,
    startsAt: Date,
    now = new Date(),
  ): Promise<void> {
    const dueAt = new Date(Math.max(now.getTime(), startsAt.getTime() - CONSENT_CHASE_LEAD_MS));
    const changes = await this.scheduler.rescheduleForSubjectIn(manager, tenantId, CONSENT_CHASE_SUBJECT, performanceId, {
      dueAtFor: () => dueAt,
    });
    afterCommit(manager, () => this.scheduler.syncJobs(changes));
  }

  async cancelConsentChases(manager: EntityManager, tenantId: string, performanceId: string): Promise<void> {
    const changes = await this.scheduler.cancelForSubjectIn(manager, tenantId, CONSENT_CHASE_SUBJECT, performanceId);
    afterCommit(manager, () => this.scheduler.syncJobs(changes));
  }

  async cancelForBooking(manager: EntityManager, tenantId: string, bookingId: string): Promise<void> {
    const changes = await this.scheduler.cancelForSubjectIn(manager, tenantId, BOOKING_SUBJECT, bookingId);
    afterCommit(manager, () => this.scheduler.syncJobs(changes));
  }

  /** Moves a booking's pick-up reminders to a new pick-up time (quiet hours applied again). */
  async moveForBooking(manager: EntityManager, to: Recipient, bookingId: string, pickupAt: Date): Promise<void> {
    const times = new Map<string, Date>(pickupReminderTimes(pickupAt));
    const changes = await this.scheduler.rescheduleForSubjectIn(manager, to.tenantId, BOOKING_SUBJECT, bookingId, {
      dueAtFor: (reminder: ReminderRow) => {
        const dueAt = times.get(reminder.kind);
        if (!dueAt) return reminder.dueAt;
        return IGNORES_QUIET_HOURS.has(reminder.kind) ? dueAt : afterQuietHours(dueAt, to.quietHours, to.timeZone);
      },
    });
    afterCommit(manager, () => this.scheduler.syncJobs(changes));
  }

  private message(
    to: Recipient,
    kind: MessageKind,
    subjectType: string,
    subjectId: string,
    due: Date,
    payload: Record<string, unknown>,
  ): ScheduleReminderInput {
    const dueAt = IGNORES_QUIET_HOURS.has(kind) ? due : afterQuietHours(due, to.quietHours, to.timeZone);
    return { tenantId: to.tenantId, kind, recipientId: to.guardianId, subjectType, subjectId, dueAt, payload };
  }

  private async schedule(manager: EntityManager, inputs: ScheduleReminderInput[]): Promise<void> {
    const scheduled = await this.scheduler.scheduleMany(manager, inputs, { skipDuplicates: true });
    afterCommit(manager, () => this.scheduler.syncJobs({ staleJobIds: [], toEnqueue: [], newlyScheduled: scheduled }));
  }
}

function pickupReminderTimes(pickupAt: Date): [MessageKind, Date][] {
  return [
    ['transport.pickup-24h', new Date(pickupAt.getTime() - 24 * HOUR_MS)],
    ['transport.pickup-2h', new Date(pickupAt.getTime() - 2 * HOUR_MS)],
  ];
}

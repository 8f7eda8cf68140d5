import type { EntityManager } from 'typeorm';
import { conflict } from '../common/conflicts';
import type { FamilyReminders, Recipient } from '../reminders/family-reminders.service';
import { afterQuietHours, quietHoursOf } from '../reminders/quiet-hours';
import type { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import type { LockedRun } from './run-locks.queries';
import {
  decideBookings,
  familySeatsBesides,
  nextWaitingThatFits,
  offerSeats,
  releaseSeats,
  takeFreeSeats,
  type BookingRequest,
} from './seat-ledger.queries';
import type { BookingRow } from './transport.queries';

/**
 * A bus's seats, every rule in one place: the family seat limit, the bus's capacity (a group is
 * confirmed from free seats only while nobody waits, or else joins the waiting list), and the
 * waiting list's offers. Bookings are made (BookingDesk), changed, cancelled, declined and expire
 * through here, always with the bus's row locked by the caller (run-locks.queries.ts), so that changes to
 * one bus's seats are serialised; the SQL states each rule once (seat-ledger.queries.ts) and the
 * CHECK (seats_taken BETWEEN 0 AND seats) has the last word.
 */

/** The 409 of a family over the seat limit: what it holds on the bus already and what it asked for. */
export function familySeatLimitConflict(seatLimit: number, alreadyBooked: number, requested: number) {
  return conflict('family-seat-limit', `A family may book at most ${seatLimit} seats on a bus.`, {
    limit: seatLimit,
    alreadyBooked,
    requested,
  });
}

export type NewBookingOutcome = { booking: BookingRow } | { refusal: Error };

/**
 * Makes new bookings, several at once, in order (see decideBookings): each is confirmed, waitlisted,
 * or refused because a child named is already on the bus or the family would go over its seat limit.
 */
export async function makeBookings(manager: EntityManager, requests: readonly BookingRequest[]): Promise<NewBookingOutcome[]> {
  const decisions = await decideBookings(manager, requests);
  return decisions.map((decision, i): NewBookingOutcome => {
    const request = requests[i];
    if (decision.already_booked.length > 0) {
      return {
        refusal: conflict('pupil-already-booked', 'A child named is already booked on this bus.', { pupilIds: decision.already_booked }),
      };
    }
    if (!decision.booking)
      return { refusal: familySeatLimitConflict(request.seatLimit, decision.family_seats, request.adults + request.children) };
    return { booking: decision.booking };
  });
}

/** A booking that is changed to more seats: whose family, on which locked bus, from and to how many. */
export interface GrowingBooking {
  tenantId: string;
  run: LockedRun;
  booking: Pick<BookingRow, 'id' | 'guardian_id' | 'status' | 'seats'>;
  familyPupilIds: string[];
  seats: number;
}

export class SeatLedger {
  constructor(
    private readonly reminders: FamilyReminders,
    private readonly settings: TenantSettingsService,
  ) {}

  /**
   * More seats for a booking, within the family seat limit; a confirmed one takes them only from
   * free seats nobody is waiting for (409 not-enough-seats otherwise), a waiting one just asks for more.
   */
  async grow(manager: EntityManager, change: GrowingBooking): Promise<void> {
    const { tenantId, run, booking } = change;
    const added = change.seats - booking.seats;
    const family = await familySeatsBesides(
      manager,
      tenantId,
      { runId: run.id, guardianId: booking.guardian_id, familyPupilIds: change.familyPupilIds },
      booking.id,
      change.seats,
      run.seat_limit,
    );
    if (!family.within_limit) throw familySeatLimitConflict(run.seat_limit, family.family_seats + booking.seats, added);
    if (booking.status === 'confirmed' && !(await takeFreeSeats(manager, tenantId, run.id, added))) {
      throw conflict(
        'not-enough-seats',
        'There are not enough free seats on this bus for more people (families on the waiting list come first).',
        {
          requested: added,
          seatsLeft: run.seats - run.seats_taken,
        },
      );
    }
  }

  /** Seats a booking held go back (cancelled, declined, lapsed or made smaller), and down the waiting list. */
  async giveBack(manager: EntityManager, tenantId: string, runId: string, seats: number): Promise<void> {
    if (seats > 0) await releaseSeats(manager, tenantId, runId, seats);
    await this.offerFreeSeats(manager, tenantId, runId);
  }

  /**
   * Offers free seats down the waiting list, oldest first (skipping a family whose group does not
   * fit), while bookings are open. The offered seats are held (counted in seats_taken) until the
   * offer is accepted or lapses; the time to answer counts from when the family may be told, and
   * ends at the cut-off at the latest.
   */
  async offerFreeSeats(manager: EntityManager, tenantId: string, runId: string): Promise<void> {
    const settings = await this.settings.settingsOf(manager, tenantId);
    for (;;) {
      const next = await nextWaitingThatFits(manager, tenantId, runId);
      if (!next) return;
      const to: Recipient = { tenantId, guardianId: next.guardian_id, quietHours: quietHoursOf(next), timeZone: settings.timeZone };
      // The time to answer counts from when the family may be told, not from the middle of their night.
      const notifyAt = afterQuietHours(new Date(), to.quietHours, to.timeZone);
      const expiresAt = new Date(Math.min(notifyAt.getTime() + settings.waitlistOfferMinutes * 60_000, next.bookings_close_at.getTime()));
      if (expiresAt <= notifyAt) return;
      if (!(await offerSeats(manager, tenantId, runId, next, expiresAt))) return;
      await this.reminders.seatOffered(manager, to, next.id, notifyAt, expiresAt);
    }
  }
}

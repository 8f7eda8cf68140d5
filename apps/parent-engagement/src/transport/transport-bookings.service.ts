import { Injectable, NotFoundException } from '@nestjs/common';
import { guardedPupils, type Identity } from '@tutti/auth';
import { DeliversReminder, recordAudit, type AuditOrigin, type ReminderRow } from '@tutti/messaging';
import { decodeCursor, toPage, ValidationProblem, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { auditContext } from '../common/audit';
import { conflict } from '../common/conflicts';
import { familyScopeOf, ownChildren } from '../common/family-scope';
import { familiesQuietHours } from '../families/families.queries';
import { FamilyReminders, type Recipient } from '../reminders/family-reminders.service';
import { quietHoursOf } from '../reminders/quiet-hours';
import { OFFER_EXPIRY_KIND } from '../reminders/reminder-kinds';
import { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import type { BookingDto, BookingQueryDto, ChangeBookingDto, CreateBookingDto } from './dto/booking.dto';
import { bookingChange } from './booking-audit';
import { BookingDesk } from './booking-desk';
import { confirmedBookingOf, lockRuns, recipientOf, type LockedRun } from './run-locks.queries';
import { SeatLedger } from './seat-ledger';
import { toBookingDto } from './transport-rows';
import {
  bookingById,
  bookingsPage,
  cancelRunsOfPerformance,
  changeBooking,
  checkInBooking,
  expireOffer,
  liveBookingsOfPerformance,
  runIdOfBooking,
  setBookingStatus,
  shiftRunsOfPerformance,
  visibleBooking,
  type BookingRow,
} from './transport.queries';

type OfferOutcome = { kind: 'done'; booking: BookingDto } | { kind: 'offer-expired' };

/**
 * Seat bookings on the free buses. Every change to a run's seats happens in one transaction that
 * first locks the run row (FOR UPDATE), so bookings, cancellations, offers and expiries of one run
 * are serialised; the seats themselves are the SeatLedger's.
 */
@Injectable()
export class TransportBookingsService {
  private readonly seats: SeatLedger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: FamilyReminders,
    private readonly settings: TenantSettingsService,
    private readonly desk: BookingDesk,
  ) {
    this.seats = new SeatLedger(reminders, settings);
  }

  async create(identity: Identity, dto: CreateBookingDto, idempotencyKey: string | undefined, origin: AuditOrigin): Promise<BookingDto> {
    const { allowed, refused } = ownChildren(identity, dto.pupilIds, (pupil) => pupil.canBookTransport);
    if (refused.length > 0) {
      throw new ValidationProblem([
        { field: 'pupilIds', rule: 'ownChildren', message: 'pupilIds may name only your own children whose transport you may book' },
      ]);
    }
    if (new Set(dto.pupilIds).size !== dto.pupilIds.length)
      throw new ValidationProblem([{ field: 'pupilIds', rule: 'unique', message: 'pupilIds must not repeat a child' }]);
    const children = allowed.length + (dto.otherChildren ?? 0);
    if (dto.adults + children === 0)
      throw new ValidationProblem([
        { field: 'adults', rule: 'seats', message: 'book at least one seat (adults, pupilIds or otherChildren)' },
      ]);

    return this.desk.book({ identity, dto, idempotencyKey, origin, children, schoolIds: allowed.map((pupil) => pupil.schoolId) });
  }

  async get(identity: Identity, bookingId: string, origin: AuditOrigin): Promise<BookingDto> {
    const booking = await this.visible(this.dataSource.manager, identity, bookingId);
    await this.dataSource.transaction((manager) =>
      recordAudit(manager, auditContext(identity, origin), { action: 'read', subjectType: 'booking', subjectId: booking.id }),
    );
    return toBookingDto(booking);
  }

  async list(identity: Identity, query: BookingQueryDto): Promise<Page<BookingDto>> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await bookingsPage(this.dataSource, identity.tenantId, familyScopeOf(identity), {
      runId: query.runId ?? null,
      status: query.status ?? null,
      after: after?.[0] ?? null,
      limit: query.limit + 1,
    });
    return toPage(found, query.limit, toBookingDto, (row) => [row.id]);
  }

  /**
   * Cancelling (or declining an offer) frees the seats, which go to the waiting list in order. A
   * cancelled booking's family is told (who cancelled it: they or staff); cancelling it again
   * changes nothing and tells nobody.
   */
  async cancel(
    identity: Identity,
    bookingId: string,
    origin: AuditOrigin,
    as: 'cancelled' | 'declined' = 'cancelled',
  ): Promise<BookingDto> {
    return this.dataSource.transaction(async (manager) => {
      const seen = await this.visible(manager, identity, bookingId);
      const run = await this.lockRun(manager, identity.tenantId, seen.run_id, seen.guardian_id);
      if (!run) throw new NotFoundException('No such booking.');
      const current = await this.bookingRow(manager, identity.tenantId, bookingId);
      if (as === 'declined' && current.status !== 'offered')
        throw conflict('not-offered', 'Only an offered seat can be declined.', { status: current.status });
      if (!['confirmed', 'waitlisted', 'offered'].includes(current.status)) return toBookingDto(current);
      const holdsSeats = current.status !== 'waitlisted';
      await setBookingStatus(manager, identity.tenantId, bookingId, as);
      await this.reminders.cancelForBooking(manager, identity.tenantId, bookingId);
      if (as === 'cancelled') {
        await this.reminders.bookingCancelled(manager, recipientOf(identity.tenantId, current.guardian_id, run), bookingId, {
          cancelledBy: isFamilyOf(identity, current) ? 'family' : 'staff',
          wasWaiting: current.status === 'waitlisted',
        });
      }
      if (holdsSeats) await this.seats.giveBack(manager, identity.tenantId, run.id, current.seats);
      await recordAudit(manager, auditContext(identity, origin), bookingChange(as === 'declined' ? 'decline' : 'cancel', bookingId));
      return toBookingDto(await this.bookingRow(manager, identity.tenantId, bookingId));
    });
  }

  /**
   * A family changes its booking: another stop of the same bus, or fewer or more adults or other
   * children, until the cut-off. Seats given up go down the waiting list; more seats are taken only
   * from free seats nobody is waiting for (a conditional UPDATE), within the family limit.
   */
  async change(identity: Identity, bookingId: string, dto: ChangeBookingDto, origin: AuditOrigin): Promise<BookingDto> {
    if (dto.stopId === undefined && dto.adults === undefined && dto.otherChildren === undefined) {
      throw new ValidationProblem([{ field: 'stopId', rule: 'someChange', message: 'give stopId, adults or otherChildren to change' }]);
    }
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const seen = await this.visible(manager, identity, bookingId);
      const run = await this.lockRun(manager, tenantId, seen.run_id, seen.guardian_id, dto.stopId ?? seen.stop_id);
      if (!run) throw new NotFoundException('No such booking.');
      if (!run.stop_id || !run.pickup_at)
        throw new ValidationProblem([{ field: 'stopId', rule: 'stopOfRun', message: 'stopId must be a pick-up stop of this bus' }]);
      const current = await this.bookingRow(manager, tenantId, bookingId);
      if (current.status !== 'confirmed' && current.status !== 'waitlisted') {
        throw conflict('not-changeable', 'Only a confirmed or waiting booking can be changed (answer a seat offer first).', {
          status: current.status,
        });
      }
      if (run.status !== 'open' || run.performance_status !== 'published')
        throw conflict('run-cancelled', 'This bus (or its performance) is cancelled.', { runId: run.id });
      if (run.bookings_close_at <= new Date()) {
        throw conflict('bookings-closed', 'Bookings for this bus have closed: changes too. You can still cancel.', {
          runId: run.id,
          bookingsClosedAt: run.bookings_close_at.toISOString(),
        });
      }
      const pupils = current.pupil_ids.length;
      const adults = dto.adults ?? current.adults;
      const children = pupils + (dto.otherChildren ?? current.children - pupils);
      const added = adults + children - current.seats;
      if (adults + children === 0)
        throw new ValidationProblem([{ field: 'adults', rule: 'seats', message: 'a booking needs at least one seat: cancel it instead' }]);
      if (added > 0)
        await this.seats.grow(manager, {
          tenantId,
          run,
          booking: current,
          familyPupilIds: familyScopeOf(identity).pupilIds,
          seats: adults + children,
        });
      await changeBooking(manager, tenantId, bookingId, { stopId: run.stop_id, adults, children });
      // Seats given back, or a smaller group still waiting, may let the queue move.
      if (added < 0) await this.seats.giveBack(manager, tenantId, run.id, current.status === 'confirmed' ? -added : 0);
      if (current.status === 'confirmed' && run.stop_id !== current.stop_id)
        await this.reminders.moveForBooking(manager, recipientOf(tenantId, seen.guardian_id, run), bookingId, run.pickup_at);
      await recordAudit(
        manager,
        auditContext(identity, origin),
        bookingChange('change', bookingId, { stopId: run.stop_id, adults, children }),
      );
      return toBookingDto(await this.bookingRow(manager, tenantId, bookingId));
    });
  }

  async accept(identity: Identity, bookingId: string, origin: AuditOrigin): Promise<BookingDto> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<OfferOutcome> => {
      const seen = await this.visible(manager, identity, bookingId);
      // The booking's children, as if on the bus already: is a photo/film consent still missing?
      const run = await this.lockRun(manager, identity.tenantId, seen.run_id, seen.guardian_id, seen.stop_id, seen.pupil_ids);
      if (!run?.pickup_at) throw new NotFoundException('No such booking.');
      const current = await this.bookingRow(manager, identity.tenantId, bookingId);
      if (current.status === 'confirmed') return { kind: 'done', booking: toBookingDto(current) };
      if (current.status !== 'offered')
        throw conflict('not-offered', 'There is no open seat offer on this booking.', { status: current.status });
      if (current.offer_expires_at && current.offer_expires_at <= new Date()) {
        await this.expireLocked(manager, identity.tenantId, run.id, bookingId);
        return { kind: 'offer-expired' };
      }
      await setBookingStatus(manager, identity.tenantId, bookingId, 'confirmed');
      await this.reminders.cancelForBooking(manager, identity.tenantId, bookingId);
      await this.reminders.bookingConfirmed(
        manager,
        recipientOf(identity.tenantId, current.guardian_id, run),
        confirmedBookingOf(bookingId, run, run.pickup_at),
      );
      await recordAudit(manager, auditContext(identity, origin), bookingChange('accept', bookingId));
      return { kind: 'done', booking: toBookingDto(await this.bookingRow(manager, identity.tenantId, bookingId)) };
    });
    if (outcome.kind === 'offer-expired') throw conflict('offer-expired', 'The seat offer has expired and passed to the next family.');
    return outcome.booking;
  }

  /** The offer's timer fired: an offer still open lapses, and its seats go to the next in the queue. */
  @DeliversReminder(OFFER_EXPIRY_KIND)
  async expireOffer(reminder: ReminderRow): Promise<void> {
    const bookingId = String(reminder.payload.bookingId);
    await this.dataSource.transaction(async (manager) => {
      const runId = await runIdOfBooking(manager, reminder.tenantId, bookingId);
      if (!runId) return;
      await this.lockRun(manager, reminder.tenantId, runId);
      await this.expireLocked(manager, reminder.tenantId, runId, bookingId);
    });
  }

  async checkIn(identity: Identity, bookingId: string, present: boolean, origin: AuditOrigin): Promise<BookingDto> {
    const seen = await this.visible(this.dataSource.manager, identity, bookingId);
    const updated = await this.dataSource.transaction(async (manager) => {
      const row = await checkInBooking(manager, identity.tenantId, seen.id, present, identity.userId);
      if (row) await recordAudit(manager, auditContext(identity, origin), bookingChange('check-in', seen.id, { present }));
      return row;
    });
    if (!updated) throw conflict('not-confirmed', 'Only a confirmed booking can be checked in.', { status: seen.status });
    return toBookingDto(updated);
  }

  /** Cancels every live booking of a run's performance (the performance was cancelled); returns the families told. */
  async cancelForPerformance(manager: EntityManager, tenantId: string, performanceId: string): Promise<string[]> {
    const cancelled = await cancelRunsOfPerformance(manager, tenantId, performanceId);
    for (const booking of cancelled) await this.reminders.cancelForBooking(manager, tenantId, booking.id);
    return [...new Set(cancelled.map((booking) => booking.guardian_id))];
  }

  /**
   * Cancels these live bookings (an erasure: nobody is left to reach about them) without telling
   * anyone: the seats go down the waiting list as on any cancellation. Answers how many it cancelled.
   */
  async cancelForErasure(manager: EntityManager, tenantId: string, bookings: { id: string; run_id: string }[]): Promise<number> {
    let cancelled = 0;
    for (const booking of bookings) {
      const run = await this.lockRun(manager, tenantId, booking.run_id);
      if (!run) continue;
      const current = await this.bookingRow(manager, tenantId, booking.id);
      if (!['confirmed', 'waitlisted', 'offered'].includes(current.status)) continue;
      await setBookingStatus(manager, tenantId, booking.id, 'cancelled');
      await this.reminders.cancelForBooking(manager, tenantId, booking.id);
      if (current.status !== 'waitlisted') await this.seats.giveBack(manager, tenantId, run.id, current.seats);
      cancelled += 1;
    }
    return cancelled;
  }

  /** Moves a performance's runs, stops and cut-offs by `shiftMs`, and every live booking's reminders with them. */
  async shiftForPerformance(manager: EntityManager, tenantId: string, performanceId: string, shiftMs: number): Promise<string[]> {
    const interval = `${shiftMs} milliseconds`;
    await shiftRunsOfPerformance(manager, tenantId, performanceId, interval);
    const live = await liveBookingsOfPerformance(manager, tenantId, performanceId);
    const { timeZone } = await this.settings.settingsOf(manager, tenantId);
    for (const booking of live) {
      const to: Recipient = { tenantId, guardianId: booking.guardian_id, quietHours: quietHoursOf(booking), timeZone };
      await this.reminders.moveForBooking(manager, to, booking.id, booking.pickup_at);
    }
    return [...new Set(live.map((booking) => booking.guardian_id))];
  }

  private async expireLocked(manager: EntityManager, tenantId: string, runId: string, bookingId: string): Promise<void> {
    const expired = await expireOffer(manager, tenantId, bookingId);
    if (!expired) return;
    await this.reminders.cancelForBooking(manager, tenantId, bookingId);
    const [family] = await familiesQuietHours(manager, tenantId, [expired.guardian_id]);
    const { timeZone } = await this.settings.settingsOf(manager, tenantId);
    await this.reminders.offerExpired(
      manager,
      { tenantId, guardianId: expired.guardian_id, quietHours: quietHoursOf(family), timeZone },
      bookingId,
    );
    await this.seats.giveBack(manager, tenantId, runId, expired.seats);
  }

  /** Locks the run row; with a guardian, stop and children, also reads what a booking needs (see lockRuns). */
  private async lockRun(
    manager: EntityManager,
    tenantId: string,
    runId: string,
    guardianId: string | null = null,
    stopId: string | null = null,
    pupilIds: readonly string[] = [],
  ): Promise<LockedRun | undefined> {
    const [run] = await lockRuns(manager, [{ tenantId, runId, guardianId, stopId, pupilIds }]);
    return run;
  }

  private async bookingRow(manager: EntityManager, tenantId: string, bookingId: string): Promise<BookingRow> {
    const row = await bookingById(manager, tenantId, bookingId);
    if (!row) throw new NotFoundException('No such booking.');
    return row;
  }

  /** The booking if this caller may see it (own family, or staff of one of its schools); 404 otherwise. */
  private async visible(manager: Pick<EntityManager, 'query'>, identity: Identity, bookingId: string): Promise<BookingRow> {
    const row = await visibleBooking(manager, identity.tenantId, familyScopeOf(identity), bookingId);
    if (!row) throw new NotFoundException('No such booking.');
    return row;
  }
}

/** Whether the caller is of the booking's family (made it, or guards a child it names or its guardian's child) rather than staff. */
function isFamilyOf(identity: Identity, booking: BookingRow): boolean {
  if (booking.guardian_id === identity.userId) return true;
  const children = new Set(guardedPupils(identity).map((pupil) => pupil.pupilId));
  return [...booking.pupil_ids, ...booking.family_pupil_ids].some((pupilId) => children.has(pupilId));
}

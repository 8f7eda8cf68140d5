import { Injectable, NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { decodeCursor, newId, onceForKey, staleEdit, toPage, ValidationProblem, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { auditContext } from '../common/audit';
import { FamilyReminders } from '../reminders/family-reminders.service';
import { quietHoursOf } from '../reminders/quiet-hours';
import { BOOKING_SUBJECT, RUN_CHANGED_KIND } from '../reminders/reminder-kinds';
import { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import type { UpdateTransportRunDto } from './dto/update-transport-run.dto';
import { SeatLedger } from './seat-ledger';
import { conflict } from '../common/conflicts';
import type { CreateTransportRunDto } from './dto/create-transport-run.dto';
import type { TransportRunDto, TransportRunQueryDto } from './dto/transport-run.dto';
import { clearedDrivers, refuseUnclearedDriver } from './driver-clearance';
import type { ClearedDriverListDto } from './dto/driver.dto';
import { runChanges, runEditAudit, type FieldChange } from './run-audit';
import { toRunDto } from './transport-rows';
import { performanceForShare } from '../performances/performances.queries';
import {
  bookedFamiliesOfRun,
  insertRun,
  liveBookingsOfRun,
  runById,
  runForEdit,
  runsPage,
  updateRun,
  type RunEdit,
  type RunRow,
} from './transport.queries';

const DEFAULT_CUTOFF_BEFORE_PICKUP_MS = 24 * 3_600_000;

/** Staff set up the free buses to a performance: vehicle, seats, times and pick-up stops. */
@Injectable()
export class TransportRunsService {
  private readonly seats: SeatLedger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: FamilyReminders,
    private readonly settings: TenantSettingsService,
  ) {
    this.seats = new SeatLedger(reminders, settings);
  }

  async create(identity: Identity, dto: CreateTransportRunDto, idempotencyKey: string | undefined): Promise<TransportRunDto> {
    const tenantId = identity.tenantId;
    const outbound = new Date(dto.outboundDepartsAt);
    const returnAt = dto.returnDepartsAt ? new Date(dto.returnDepartsAt) : null;
    const pickups = dto.stops.map((stop) => new Date(stop.pickupAt).getTime());
    const closeAt = dto.bookingsCloseAt ? new Date(dto.bookingsCloseAt) : new Date(Math.min(...pickups) - DEFAULT_CUTOFF_BEFORE_PICKUP_MS);
    if (returnAt && returnAt <= outbound) throw fieldError('returnDepartsAt', 'after', 'returnDepartsAt must be after outboundDepartsAt');
    if (closeAt.getTime() > Math.min(...pickups))
      throw fieldError('bookingsCloseAt', 'beforePickup', 'bookingsCloseAt must not be after the first pick-up');
    if (closeAt <= new Date())
      throw fieldError('bookingsCloseAt', 'future', 'bookingsCloseAt (by default 24 hours before the first pick-up) must be in the future');

    const id = await this.dataSource.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId, callerId: identity.userId, operation: 'create-transport-run', key: idempotencyKey, request: dto },
        async () => {
          const performance = await performanceForShare(manager, tenantId, dto.performanceId);
          if (!performance) throw new NotFoundException('No such performance.');
          if (performance.status === 'cancelled')
            throw conflict('performance-cancelled', 'The performance is cancelled.', { performanceId: dto.performanceId });
          if (dto.driverStaffId) await refuseUnclearedDriver(manager, tenantId, dto.driverStaffId, outbound);
          const runId = newId();
          await insertRun(manager, tenantId, {
            id: runId,
            performanceId: dto.performanceId,
            vehicle: dto.vehicle,
            driverStaffId: dto.driverStaffId ?? null,
            seats: dto.seats,
            outboundDepartsAt: outbound,
            returnDepartsAt: returnAt,
            bookingsCloseAt: closeAt,
            stops: dto.stops.map((stop) => ({ id: newId(), name: stop.name, place: stop.place, pickupAt: stop.pickupAt })),
          });
          return runId;
        },
      ),
    );
    return this.get(tenantId, id);
  }

  /**
   * Corrects a bus put on (vehicle and operator, driver, seats, times, its stops' names, places and
   * pick-up times) at the version the caller read. Fewer seats than are taken is 409
   * seats-below-booked; more seats go down the waiting list; a stop's new pick-up time moves the
   * reminders of the families booked at it. A new departure time, or a new time, name or place of a
   * family's stop, tells each family booked (once, however many bookings it has); the edit is
   * audited with each changed field's before and after.
   */
  async update(
    identity: Identity,
    runId: string,
    dto: UpdateTransportRunDto,
    version: number,
    origin: AuditOrigin,
  ): Promise<TransportRunDto> {
    const tenantId = identity.tenantId;
    await this.dataSource.transaction(async (manager) => {
      const run = await runForEdit(manager, tenantId, runId);
      if (!run) throw new NotFoundException('No such transport run.');
      if (run.version !== version) throw staleEdit('bus', run.version);
      const edit = editOf(run, dto);
      if (edit.seats < run.seats_taken)
        throw conflict('seats-below-booked', `${run.seats_taken} seats are booked or offered on this bus.`, {
          seats: edit.seats,
          seatsTaken: run.seats_taken,
        });
      const driverOrDayChanged =
        edit.driverStaffId !== run.driver_staff_id || edit.outboundDepartsAt.getTime() !== run.outbound_departs_at.getTime();
      if (edit.driverStaffId && driverOrDayChanged)
        await refuseUnclearedDriver(manager, tenantId, edit.driverStaffId, edit.outboundDepartsAt);
      await updateRun(manager, tenantId, runId, edit);
      const changes = runChanges(run, edit);
      await recordAudit(manager, auditContext(identity, origin), runEditAudit(runId, run.version + 1, changes));
      await this.tellBookedFamilies(manager, tenantId, runId, changes);
      const before = new Map(run.stops.map((stop) => [stop.id, new Date(stop.pickup_at).getTime()]));
      const moved = new Set(edit.stops.filter((stop) => stop.pickupAt.getTime() !== before.get(stop.id)).map((stop) => stop.id));
      if (moved.size > 0) {
        const { timeZone } = await this.settings.settingsOf(manager, tenantId);
        for (const booking of await liveBookingsOfRun(manager, tenantId, runId)) {
          if (!moved.has(booking.stop_id)) continue;
          const to = { tenantId, guardianId: booking.guardian_id, quietHours: quietHoursOf(booking), timeZone };
          await this.reminders.moveForBooking(manager, to, booking.id, booking.pickup_at);
        }
      }
      if (edit.seats > run.seats) await this.seats.offerFreeSeats(manager, tenantId, runId);
    });
    return this.get(tenantId, runId);
  }

  /**
   * One message to each family with a confirmed booking whose journey changed: the bus's departure
   * (out or back), or the time, name or place of their own stop. Not a seat count or a vehicle. A
   * family with a message about it still waiting is not sent another: that one tells the bus as it
   * is when it goes. Quiet hours apply (FamilyReminders); contact preferences are the delivery's.
   */
  private async tellBookedFamilies(
    manager: EntityManager,
    tenantId: string,
    runId: string,
    changes: Record<string, FieldChange>,
  ): Promise<void> {
    const fields = Object.keys(changes);
    const departureChanged = fields.includes('outboundDepartsAt') || fields.includes('returnDepartsAt');
    const changedStops = new Set(fields.filter((field) => field.startsWith('stops.')).map((field) => field.split('.')[1]));
    if (!departureChanged && changedStops.size === 0) return;
    const booked = await bookedFamiliesOfRun(manager, tenantId, runId, { subjectType: BOOKING_SUBJECT, kind: RUN_CHANGED_KIND });
    const affected = booked.filter((booking) => departureChanged || changedStops.has(booking.stop_id));
    if (affected.length === 0) return;
    const alreadyWaiting = new Set(booked.filter((booking) => booking.notice_pending).map((booking) => booking.guardian_id));
    const told = new Set<string>();
    const { timeZone } = await this.settings.settingsOf(manager, tenantId);
    for (const booking of affected) {
      if (alreadyWaiting.has(booking.guardian_id) || told.has(booking.guardian_id)) continue;
      told.add(booking.guardian_id);
      const to = { tenantId, guardianId: booking.guardian_id, quietHours: quietHoursOf(booking), timeZone };
      await this.reminders.busChanged(manager, to, booking.id);
    }
  }

  async get(tenantId: string, runId: string): Promise<TransportRunDto> {
    const row = await runById(this.dataSource, tenantId, runId);
    if (!row) throw new NotFoundException('No such transport run.');
    return toRunDto(row);
  }

  /** The drivers a bus leaving at `departsAt` (today when not given) may have: cleared that day and today. */
  async clearedDrivers(tenantId: string, departsAt: Date | undefined): Promise<ClearedDriverListDto> {
    return { items: await clearedDrivers(this.dataSource, tenantId, departsAt) };
  }

  async list(tenantId: string, query: TransportRunQueryDto): Promise<Page<TransportRunDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const found = await runsPage(this.dataSource, tenantId, { performanceId: query.performanceId ?? null, after, limit: query.limit + 1 });
    return toPage(found, query.limit, toRunDto, (row) => [row.outbound_departs_at.toISOString(), row.id]);
  }
}

/** The run as it will be: the request's fields over the row's, checked together (400 naming the field). */
function editOf(run: RunRow, dto: UpdateTransportRunDto): RunEdit {
  const known = new Set(run.stops.map((stop) => stop.id));
  const changes = new Map((dto.stops ?? []).map((stop) => [stop.id, stop]));
  if (changes.size !== (dto.stops ?? []).length) throw fieldError('stops', 'unique', 'stops must not name a stop twice');
  const unknown = (dto.stops ?? []).findIndex((stop) => !known.has(stop.id));
  if (unknown >= 0) throw fieldError(`stops[${unknown}].id`, 'stopOfRun', 'stops may name only stops of this bus');
  const stops = run.stops.map((stop) => {
    const change = changes.get(stop.id);
    return {
      id: stop.id,
      name: change?.name ?? stop.name,
      place: change?.place ?? stop.place,
      pickupAt: new Date(change?.pickupAt ?? stop.pickup_at),
    };
  });
  const outbound = dto.outboundDepartsAt ? new Date(dto.outboundDepartsAt) : run.outbound_departs_at;
  const returnAt =
    dto.returnDepartsAt === undefined ? run.return_departs_at : dto.returnDepartsAt === null ? null : new Date(dto.returnDepartsAt);
  const closeAt = dto.bookingsCloseAt ? new Date(dto.bookingsCloseAt) : run.bookings_close_at;
  if (returnAt && returnAt <= outbound) throw fieldError('returnDepartsAt', 'after', 'returnDepartsAt must be after outboundDepartsAt');
  const firstPickup = Math.min(...stops.map((stop) => stop.pickupAt.getTime()));
  if (closeAt.getTime() > firstPickup)
    throw fieldError('bookingsCloseAt', 'beforePickup', 'bookingsCloseAt must not be after the first pick-up');
  if (dto.bookingsCloseAt && closeAt <= new Date()) throw fieldError('bookingsCloseAt', 'future', 'bookingsCloseAt must be in the future');
  return {
    vehicle: dto.vehicle ?? run.vehicle,
    driverStaffId: dto.driverStaffId === undefined ? run.driver_staff_id : dto.driverStaffId,
    seats: dto.seats ?? run.seats,
    outboundDepartsAt: outbound,
    returnDepartsAt: returnAt,
    bookingsCloseAt: closeAt,
    stops,
  };
}

function fieldError(field: string, rule: string, message: string): ValidationProblem {
  return new ValidationProblem([{ field, rule, message }]);
}

import { oneRow, rows, type Queryable } from '@tutti/platform';
import { familyBookingScopeCondition, familyScopeParams, type FamilyScope } from '../common/family-scope';
import type { BookingStatus } from './dto/booking.dto';
import { ACTIVE_BOOKING_STATUSES } from './seat-ledger.queries';

/*
 * The buses' and bookings' SQL apart from their seats (seat-ledger.queries.ts) and the runs' row
 * lock (run-locks.queries.ts). Every statement is tenant-leading; `scope` conditions are the caller's family
 * or schools (familyBookingScopeCondition).
 */

export interface RunRow {
  id: string;
  performance_id: string;
  vehicle: string;
  driver_staff_id: string | null;
  seats: number;
  seats_taken: number;
  outbound_departs_at: Date;
  return_departs_at: Date | null;
  bookings_close_at: Date;
  status: string;
  version: number;
  title: string;
  starts_at: Date;
  venue_name: string;
  performance_status: string;
  stops: { id: string; name: string; place: string; pickup_at: string }[];
}

export interface BookingRow {
  id: string;
  run_id: string;
  stop_id: string;
  guardian_id: string;
  guardian_name: string;
  pupil_ids: string[];
  /** The children of the guardian who booked (see familyBookingScopeCondition). */
  family_pupil_ids: string[];
  adults: number;
  children: number;
  seats: number;
  status: BookingStatus;
  waitlist_position: string | null;
  waitlist_place?: number | null;
  offer_expires_at: Date | null;
  checked_in_at: Date | null;
  created_at: Date;
}

/** A run with its performance and stops, in one statement. */
const RUN_SELECT = `
  SELECT r.id, r.performance_id, r.vehicle, r.driver_staff_id, r.seats, r.seats_taken, r.outbound_departs_at, r.return_departs_at,
         r.bookings_close_at, r.status, r.version, p.title, p.starts_at, p.venue_name, p.status AS performance_status,
         COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'place', s.place, 'pickup_at', s.pickup_at) ORDER BY s.position)
                     FROM pickup_stops s WHERE s.tenant_id = r.tenant_id AND s.run_id = r.id), '[]') AS stops
    FROM transport_runs r
    JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id`;

/** A booking with its place in the waiting list (1 = next), computed only while waitlisted. */
const BOOKING_SELECT = `
  SELECT b.*, CASE WHEN b.status = 'waitlisted' THEN
           (SELECT count(*)::int FROM transport_bookings w
             WHERE w.tenant_id = b.tenant_id AND w.run_id = b.run_id AND w.status = 'waitlisted' AND w.waitlist_position <= b.waitlist_position)
         END AS waitlist_place
    FROM transport_bookings b`;

// Runs

export interface NewRun {
  id: string;
  performanceId: string;
  vehicle: string;
  driverStaffId: string | null;
  seats: number;
  outboundDepartsAt: Date;
  returnDepartsAt: Date | null;
  bookingsCloseAt: Date;
  /** In pick-up order. */
  stops: { id: string; name: string; place: string; pickupAt: string }[];
}

export async function insertRun(db: Queryable, tenantId: string, run: NewRun): Promise<void> {
  await db.query(
    `INSERT INTO transport_runs (tenant_id, id, performance_id, vehicle, seats, outbound_departs_at, return_departs_at, bookings_close_at, driver_staff_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      tenantId,
      run.id,
      run.performanceId,
      run.vehicle,
      run.seats,
      run.outboundDepartsAt,
      run.returnDepartsAt,
      run.bookingsCloseAt,
      run.driverStaffId,
    ],
  );
  await db.query(
    `INSERT INTO pickup_stops (tenant_id, id, run_id, position, name, place, pickup_at)
     SELECT $1, stop.id, $2, stop.position, stop.name, stop.place, stop.pickup_at
       FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::timestamptz[]) AS stop(id, position, name, place, pickup_at)`,
    [
      tenantId,
      run.id,
      run.stops.map((stop) => stop.id),
      run.stops.map((_stop, index) => index + 1),
      run.stops.map((s) => s.name),
      run.stops.map((s) => s.place),
      run.stops.map((s) => s.pickupAt),
    ],
  );
}

export function runById(db: Queryable, tenantId: string, runId: string): Promise<RunRow | undefined> {
  return oneRow<RunRow>(db, `${RUN_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, runId]);
}

/** The run locked for an edit (FOR UPDATE: bookings on it wait), with its stops; undefined when there is none. */
export function runForEdit(db: Queryable, tenantId: string, runId: string): Promise<RunRow | undefined> {
  return oneRow<RunRow>(db, `${RUN_SELECT} WHERE r.tenant_id = $1 AND r.id = $2 FOR UPDATE OF r`, [tenantId, runId]);
}

export interface RunEdit {
  vehicle: string;
  driverStaffId: string | null;
  seats: number;
  outboundDepartsAt: Date;
  returnDepartsAt: Date | null;
  bookingsCloseAt: Date;
  stops: { id: string; name: string; place: string; pickupAt: Date }[];
}

/** Writes a run's corrected details and stops and bumps its version (the caller holds its lock). */
export async function updateRun(db: Queryable, tenantId: string, runId: string, edit: RunEdit): Promise<void> {
  await db.query(
    `UPDATE transport_runs SET vehicle = $3, driver_staff_id = $4, seats = $5, outbound_departs_at = $6, return_departs_at = $7,
            bookings_close_at = $8, version = version + 1, updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, runId, edit.vehicle, edit.driverStaffId, edit.seats, edit.outboundDepartsAt, edit.returnDepartsAt, edit.bookingsCloseAt],
  );
  await db.query(
    `UPDATE pickup_stops s SET name = e.name, place = e.place, pickup_at = e.pickup_at
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::timestamptz[]) AS e(id, name, place, pickup_at)
      WHERE s.tenant_id = $1 AND s.run_id = $2 AND s.id = e.id`,
    [
      tenantId,
      runId,
      edit.stops.map((s) => s.id),
      edit.stops.map((s) => s.name),
      edit.stops.map((s) => s.place),
      edit.stops.map((s) => s.pickupAt),
    ],
  );
}

/** A page of runs by departure, after the cursor's (departure, id). */
export function runsPage(
  db: Queryable,
  tenantId: string,
  filter: { performanceId: string | null; after: readonly (string | number)[] | null; limit: number },
): Promise<RunRow[]> {
  return rows<RunRow>(
    db,
    `${RUN_SELECT}
      WHERE r.tenant_id = $1 AND ($2::uuid IS NULL OR r.performance_id = $2)
        AND ($3::timestamptz IS NULL OR (r.outbound_departs_at, r.id) > ($3::timestamptz, $4::uuid))
      ORDER BY r.outbound_departs_at, r.id LIMIT $5`,
    [tenantId, filter.performanceId, filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit],
  );
}

// The driver's manifest

export interface ManifestRunRow {
  vehicle: string;
  title: string;
  outbound_departs_at: Date;
  time_zone: string;
}

export interface ManifestLine {
  stop_name: string;
  place: string;
  pickup_at: Date;
  booking_id: string;
  guardian_name: string;
  adults: number;
  children: number;
  seats: number;
  checked_in_at: Date | null;
}

export function manifestRun(db: Queryable, tenantId: string, runId: string): Promise<ManifestRunRow | undefined> {
  return oneRow<ManifestRunRow>(
    db,
    `SELECT r.vehicle, p.title, r.outbound_departs_at, COALESCE(t.time_zone, 'Europe/London') AS time_zone
       FROM transport_runs r JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id
       LEFT JOIN tenant_settings t ON t.tenant_id = r.tenant_id
      WHERE r.tenant_id = $1 AND r.id = $2`,
    [tenantId, runId],
  );
}

/** The confirmed bookings the caller may see on a run (at one stop, when given), in pick-up order. */
export function manifestLines(
  db: Queryable,
  tenantId: string,
  scope: FamilyScope,
  runId: string,
  stopId: string | null,
): Promise<ManifestLine[]> {
  return rows<ManifestLine>(
    db,
    `SELECT s.name AS stop_name, s.place, s.pickup_at, b.id AS booking_id, b.guardian_name, b.adults, b.children, b.seats, b.checked_in_at
       FROM transport_bookings b JOIN pickup_stops s ON s.tenant_id = b.tenant_id AND s.id = b.stop_id
      WHERE b.tenant_id = $1 AND b.run_id = $6 AND b.status = 'confirmed' AND ($7::uuid IS NULL OR b.stop_id = $7)
        AND ${familyBookingScopeCondition('b', 2)}
      ORDER BY s.position, b.guardian_name, b.id`,
    [tenantId, ...familyScopeParams(scope), runId, stopId],
  );
}

// Bookings

/** A page of the bookings the caller may see, by id. */
export function bookingsPage(
  db: Queryable,
  tenantId: string,
  scope: FamilyScope,
  filter: { runId: string | null; status: string | null; after: string | number | null; limit: number },
): Promise<BookingRow[]> {
  return rows<BookingRow>(
    db,
    `${BOOKING_SELECT}
      WHERE b.tenant_id = $1 AND ${familyBookingScopeCondition('b', 2)}
        AND ($6::uuid IS NULL OR b.run_id = $6) AND ($7::text IS NULL OR b.status = $7) AND ($8::uuid IS NULL OR b.id > $8)
      ORDER BY b.id LIMIT $9`,
    [tenantId, ...familyScopeParams(scope), filter.runId, filter.status, filter.after, filter.limit],
  );
}

/** The booking if the caller's scope (own family, or staff of one of its schools) includes it. */
export function visibleBooking(db: Queryable, tenantId: string, scope: FamilyScope, bookingId: string): Promise<BookingRow | undefined> {
  return oneRow<BookingRow>(db, `${BOOKING_SELECT} WHERE b.tenant_id = $1 AND b.id = $6 AND ${familyBookingScopeCondition('b', 2)}`, [
    tenantId,
    ...familyScopeParams(scope),
    bookingId,
  ]);
}

export function bookingById(db: Queryable, tenantId: string, bookingId: string): Promise<BookingRow | undefined> {
  return oneRow<BookingRow>(db, `${BOOKING_SELECT} WHERE b.tenant_id = $1 AND b.id = $2`, [tenantId, bookingId]);
}

export async function runIdOfBooking(db: Queryable, tenantId: string, bookingId: string): Promise<string | undefined> {
  return (
    await oneRow<{ run_id: string }>(db, 'SELECT run_id FROM transport_bookings WHERE tenant_id = $1 AND id = $2', [tenantId, bookingId])
  )?.run_id;
}

/** A booking's new status (cancelled, declined, confirmed); an offer's deadline goes with it. */
export async function setBookingStatus(db: Queryable, tenantId: string, bookingId: string, status: BookingStatus): Promise<void> {
  await db.query(
    `UPDATE transport_bookings SET status = $3, offer_expires_at = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, bookingId, status],
  );
}

export async function changeBooking(
  db: Queryable,
  tenantId: string,
  bookingId: string,
  change: { stopId: string; adults: number; children: number },
): Promise<void> {
  await db.query(
    `UPDATE transport_bookings SET stop_id = $3, adults = $4, children = $5, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, bookingId, change.stopId, change.adults, change.children],
  );
}

/** An offer past its deadline lapses: its seats and family, or undefined if it was no longer an open offer. */
export function expireOffer(
  db: Queryable,
  tenantId: string,
  bookingId: string,
): Promise<{ seats: number; guardian_id: string } | undefined> {
  return oneRow<{ seats: number; guardian_id: string }>(
    db,
    `UPDATE transport_bookings SET status = 'expired', offer_expires_at = NULL, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND status = 'offered' AND offer_expires_at <= now()
      RETURNING seats, guardian_id`,
    [tenantId, bookingId],
  );
}

/** Marks a confirmed booking present (keeping the first time) or not; undefined if it is not confirmed. */
export function checkInBooking(
  db: Queryable,
  tenantId: string,
  bookingId: string,
  present: boolean,
  byId: string,
): Promise<BookingRow | undefined> {
  return oneRow<BookingRow>(
    db,
    `UPDATE transport_bookings SET checked_in_at = CASE WHEN $3 THEN COALESCE(checked_in_at, now()) END, checked_in_by = CASE WHEN $3 THEN $4::uuid END, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND status = 'confirmed' RETURNING *`,
    [tenantId, bookingId, present, byId],
  );
}

// A performance's runs, when it is cancelled or moved

/**
 * The performance's runs are cancelled with every live booking on them (its runs locked first, in
 * id order, as every seat change locks them), and their seats emptied. Answers the bookings cancelled.
 */
export async function cancelRunsOfPerformance(
  db: Queryable,
  tenantId: string,
  performanceId: string,
): Promise<{ id: string; guardian_id: string }[]> {
  await db.query(`SELECT id FROM transport_runs WHERE tenant_id = $1 AND performance_id = $2 ORDER BY id FOR UPDATE`, [
    tenantId,
    performanceId,
  ]);
  const cancelled = await rows<{ id: string; guardian_id: string }>(
    db,
    `UPDATE transport_bookings b SET status = 'cancelled', offer_expires_at = NULL, updated_at = now()
       FROM transport_runs r
      WHERE r.tenant_id = $1 AND r.performance_id = $2 AND b.tenant_id = r.tenant_id AND b.run_id = r.id AND b.status IN ${ACTIVE_BOOKING_STATUSES}
      RETURNING b.id, b.guardian_id`,
    [tenantId, performanceId],
  );
  await db.query(
    `UPDATE transport_runs SET status = 'cancelled', seats_taken = 0, updated_at = now() WHERE tenant_id = $1 AND performance_id = $2`,
    [tenantId, performanceId],
  );
  return cancelled;
}

/** Moves the performance's runs, cut-offs and stops by an interval (e.g. '3600000 milliseconds'). */
export async function shiftRunsOfPerformance(db: Queryable, tenantId: string, performanceId: string, interval: string): Promise<void> {
  await db.query(
    `UPDATE transport_runs SET outbound_departs_at = outbound_departs_at + $3::interval, return_departs_at = return_departs_at + $3::interval,
            bookings_close_at = bookings_close_at + $3::interval, updated_at = now()
      WHERE tenant_id = $1 AND performance_id = $2`,
    [tenantId, performanceId, interval],
  );
  await db.query(
    `UPDATE pickup_stops s SET pickup_at = s.pickup_at + $3::interval FROM transport_runs r
      WHERE r.tenant_id = $1 AND r.performance_id = $2 AND s.tenant_id = r.tenant_id AND s.run_id = r.id`,
    [tenantId, performanceId, interval],
  );
}

export interface LiveBookingRow {
  id: string;
  guardian_id: string;
  pickup_at: Date;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

/** The bookings holding a place on the performance's runs, with their pick-up time and family's quiet hours. */
export function liveBookingsOfPerformance(db: Queryable, tenantId: string, performanceId: string): Promise<LiveBookingRow[]> {
  return rows<LiveBookingRow>(
    db,
    `SELECT b.id, b.guardian_id, s.pickup_at, f.quiet_hours_start, f.quiet_hours_end
       FROM transport_bookings b
       JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
       JOIN pickup_stops s ON s.tenant_id = b.tenant_id AND s.id = b.stop_id
       LEFT JOIN families f ON f.tenant_id = b.tenant_id AND f.guardian_id = b.guardian_id
      WHERE r.tenant_id = $1 AND r.performance_id = $2 AND b.status IN ${ACTIVE_BOOKING_STATUSES}`,
    [tenantId, performanceId],
  );
}

/** The bookings holding a place on one run (liveBookingsOfPerformance for a run), with their stop. */
export function liveBookingsOfRun(db: Queryable, tenantId: string, runId: string): Promise<(LiveBookingRow & { stop_id: string })[]> {
  return rows<LiveBookingRow & { stop_id: string }>(
    db,
    `SELECT b.id, b.guardian_id, b.stop_id, s.pickup_at, f.quiet_hours_start, f.quiet_hours_end
       FROM transport_bookings b
       JOIN pickup_stops s ON s.tenant_id = b.tenant_id AND s.id = b.stop_id
       LEFT JOIN families f ON f.tenant_id = b.tenant_id AND f.guardian_id = b.guardian_id
      WHERE b.tenant_id = $1 AND b.run_id = $2 AND b.status IN ${ACTIVE_BOOKING_STATUSES}`,
    [tenantId, runId],
  );
}

/** A confirmed booking on a run, as a message about the bus needs it. */
export interface BookedFamilyRow {
  id: string;
  guardian_id: string;
  stop_id: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  /** A message of `kind` about this booking is still waiting to go out (it will tell the bus as it is then). */
  notice_pending: boolean;
}

/** The confirmed bookings of a run, oldest first, with the family's quiet hours and whether a `kind` message about each is waiting. */
export function bookedFamiliesOfRun(
  db: Queryable,
  tenantId: string,
  runId: string,
  notice: { subjectType: string; kind: string },
): Promise<BookedFamilyRow[]> {
  return rows<BookedFamilyRow>(
    db,
    `SELECT b.id, b.guardian_id, b.stop_id, f.quiet_hours_start, f.quiet_hours_end,
            EXISTS (SELECT 1 FROM reminders m
                     WHERE m.tenant_id = b.tenant_id AND m.subject_type = $3 AND m.subject_id = b.id AND m.kind = $4
                       AND m.status = 'scheduled') AS notice_pending
       FROM transport_bookings b
       LEFT JOIN families f ON f.tenant_id = b.tenant_id AND f.guardian_id = b.guardian_id
      WHERE b.tenant_id = $1 AND b.run_id = $2 AND b.status = 'confirmed'
      ORDER BY b.created_at, b.id`,
    [tenantId, runId, notice.subjectType, notice.kind],
  );
}

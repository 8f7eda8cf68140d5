import { oneRow, preparedRow, preparedRows, type Queryable } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import type { BookingRow } from './transport.queries';

/*
 * The SQL of a bus's seats. Every statement that decides seats states its rule with the fragments
 * below, so that each rule is written once (seat-ledger.ts applies them). All of it runs with the
 * bus's row locked by the caller (run-locks.queries.ts); the CHECK (seats_taken BETWEEN 0 AND seats) on
 * transport_runs has the last word on its capacity.
 */

/** Statuses that hold a place: a seat (confirmed, offered) or a place in the queue (waitlisted). */
export const ACTIVE_BOOKING_STATUSES = `('confirmed', 'waitlisted', 'offered')`;

/** The family seat limit: the seats a family holds on a bus and those it asks for stay within the area's limit. Each argument an SQL expression. */
export function withinFamilySeatLimitSql(familySeats: string, asked: string, seatLimit: string): string {
  return `${familySeats} + ${asked} <= ${seatLimit}`;
}

/** The bus's capacity: a group fits the seats nobody holds. Each argument an SQL expression. */
export function fitsFreeSeatsSql(seats: string, free: string): string {
  return `${seats} <= ${free}`;
}

/**
 * A group is confirmed from free seats only while nobody is waiting (the queue keeps its order).
 * `waiting` is the bus's count of waitlisted bookings (kept by the transport_bookings triggers).
 */
export function confirmsFromFreeSeatsSql(seats: string, run: { free: string; waiting: string }): string {
  return `${run.waiting} = 0 AND ${fitsFreeSeatsSql(seats, run.free)}`;
}

/**
 * The bookings holding a place on a bus for one family: made by the guardian, or by another
 * guardian of one of the family's children (a booking keeps its guardian's children, travelling or
 * not) when it names one of them or no child at all (adults only). Another guardian's booking of
 * only a child of another family (his step-child) is not this family's: the same bookings a guardian
 * sees as the family's (familyBookingScopeCondition). Each argument an SQL expression. That branch finds the bookings through the GIN index on
 * family_pupil_ids alone: a child's family has a handful of bookings, a bus hundreds, and with the
 * bus's conditions indexable the planner read every booking on the bus (its statistics cannot tell
 * how few rows name a child).
 */
export function familyBookingsOnRunSql(tenantId: string, runId: string, guardianId: string, familyPupilIds: string): string {
  return `
  SELECT b.id, b.seats, b.pupil_ids FROM transport_bookings b
   WHERE b.tenant_id = ${tenantId} AND b.guardian_id = ${guardianId} AND b.run_id = ${runId} AND b.status IN ${ACTIVE_BOOKING_STATUSES}
  UNION
  SELECT b.id, b.seats, b.pupil_ids FROM transport_bookings b
   WHERE b.family_pupil_ids && ${familyPupilIds}
     AND (b.tenant_id = ${tenantId} AND b.run_id = ${runId} AND b.status IN ${ACTIVE_BOOKING_STATUSES}
          AND (b.pupil_ids && ${familyPupilIds} OR cardinality(b.pupil_ids) = 0)) IS TRUE`;
}

export interface BookingRequest {
  tenantId: string;
  /** The new booking's id. */
  id: string;
  runId: string;
  /** The run's performance. */
  performanceId: string;
  stopId: string;
  guardianId: string;
  guardianName: string;
  /** The children booked now. */
  pupilIds: string[];
  /** All the guardian's children: another guardian's booking naming one of them is the same family's. */
  familyPupilIds: string[];
  schoolIds: string[];
  adults: number;
  /** Children travelling: pupilIds and other children. */
  children: number;
  seatLimit: number;
}

export interface BookingDecision {
  /** Seats the family already holds on the bus. */
  family_seats: number;
  /** Children of `pupilIds` already booked on the bus (then no booking is made). */
  already_booked: string[];
  /** The booking made (confirmed, or waitlisted with its place), or null when refused. */
  booking: BookingRow | null;
}

/** decideBookings's statement: fixed text, so that each connection prepares it once. */
const DECIDE_BOOKINGS_SQL = `WITH asked AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS a(i int, tenant_id uuid, id uuid, run_id uuid, performance_id uuid, stop_id uuid, guardian_id uuid, guardian_name text,
                                                        pupil_ids uuid[], family_pupil_ids uuid[], school_ids uuid[], adults int, children int, seat_limit int)
     ), family AS MATERIALIZED (
       -- LATERAL, so that each request's look-ups use the indexes whatever the batch's size.
       SELECT a.i, b.id, b.seats, b.pupil_ids FROM asked a
        CROSS JOIN LATERAL (${familyBookingsOnRunSql('a.tenant_id', 'a.run_id', 'a.guardian_id', 'a.family_pupil_ids')}) b
     ), facts AS MATERIALIZED (
       SELECT a.*, a.adults + a.children AS seats,
              (SELECT COALESCE(sum(f.seats), 0)::int FROM family f WHERE f.i = a.i) AS family_seats,
              ARRAY(SELECT DISTINCT x FROM family f, unnest(f.pupil_ids) AS x WHERE f.i = a.i AND x = ANY(a.pupil_ids)) AS already_booked
         FROM asked a
     ), runs AS MATERIALIZED (
       SELECT r.tenant_id, r.id, r.seats - r.seats_taken AS free, r.waiting
         FROM (SELECT DISTINCT tenant_id, run_id FROM asked) a
         CROSS JOIN LATERAL (SELECT * FROM transport_runs r WHERE r.tenant_id = a.tenant_id AND r.id = a.run_id) r
     ), decided AS MATERIALIZED (
       SELECT f.*, ${confirmsFromFreeSeatsSql('sum(f.seats) OVER (PARTITION BY f.tenant_id, f.run_id ORDER BY f.i)', { free: 'r.free', waiting: 'r.waiting' })} AS confirmed
         FROM facts f JOIN runs r ON r.tenant_id = f.tenant_id AND r.id = f.run_id
        WHERE cardinality(f.already_booked) = 0 AND ${withinFamilySeatLimitSql('f.family_seats', 'f.seats', 'f.seat_limit')}
     ), taken AS (
       UPDATE transport_runs r SET seats_taken = r.seats_taken + t.seats, updated_at = now()
         FROM (SELECT tenant_id, run_id, sum(seats)::int AS seats FROM decided WHERE confirmed GROUP BY tenant_id, run_id) t
        WHERE r.tenant_id = t.tenant_id AND r.id = t.run_id
     ), booked AS (
       INSERT INTO transport_bookings (tenant_id, id, run_id, performance_id, stop_id, guardian_id, guardian_name, pupil_ids, family_pupil_ids, school_ids, adults, children, status, waitlist_position)
       SELECT d.tenant_id, d.id, d.run_id, d.performance_id, d.stop_id, d.guardian_id, d.guardian_name, d.pupil_ids, d.family_pupil_ids, d.school_ids, d.adults, d.children,
              CASE WHEN d.confirmed THEN 'confirmed' ELSE 'waitlisted' END,
              CASE WHEN NOT d.confirmed THEN nextval('waitlist_positions') END
         FROM decided d ORDER BY d.i
       RETURNING *
     ), placed AS MATERIALIZED (
       -- Places on the waiting list: those already waiting (the bus's count, before this statement), then this batch's in order.
       SELECT d.id, r.waiting + count(*) OVER (PARTITION BY d.tenant_id, d.run_id ORDER BY d.i) AS waitlist_place
         FROM decided d JOIN runs r ON r.tenant_id = d.tenant_id AND r.id = d.run_id
        WHERE NOT d.confirmed
     )
     SELECT f.i, f.family_seats, f.already_booked, to_jsonb(b) || jsonb_build_object('waitlist_place', p.waitlist_place) AS booking
       FROM facts f LEFT JOIN booked b ON b.id = f.id LEFT JOIN placed p ON p.id = f.id
      ORDER BY f.i`;

/**
 * Decides bookings, several at once, in one statement, with their runs already locked by the
 * caller (so the families' bookings read here are final). Requests are taken in order, and no two
 * may be of the same family (the caller batches them so): a child already on the bus or a family
 * over the seat limit is refused; the others on a bus take its free seats in order while they
 * fit and nobody is waiting (so the queue keeps its order), and from the first that does not fit
 * they join the waiting list, in order. Seats are taken by one UPDATE of each run.
 */
export async function decideBookings(manager: EntityManager, requests: readonly BookingRequest[]): Promise<BookingDecision[]> {
  if (requests.length === 0) return [];
  const decisions = await preparedRows<BookingDecision & { i: number }>(manager, DECIDE_BOOKINGS_SQL, [
    JSON.stringify(
      requests.map((request, i) => ({
        i,
        tenant_id: request.tenantId,
        id: request.id,
        run_id: request.runId,
        performance_id: request.performanceId,
        stop_id: request.stopId,
        guardian_id: request.guardianId,
        guardian_name: request.guardianName,
        pupil_ids: request.pupilIds,
        family_pupil_ids: request.familyPupilIds,
        school_ids: request.schoolIds,
        adults: request.adults,
        children: request.children,
        seat_limit: request.seatLimit,
      })),
    ),
  ]);
  return decisions.map((decision) => ({ ...decision, booking: decision.booking ? bookingRowOfJson(decision.booking) : null }));
}

/** A booking row that came back as JSON: its timestamps are strings there. */
function bookingRowOfJson(json: BookingRow): BookingRow {
  const at = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
  return {
    ...json,
    offer_expires_at: at(json.offer_expires_at),
    checked_in_at: at(json.checked_in_at),
    created_at: at(json.created_at) as Date,
  };
}

export interface FamilySeatsBesides {
  /** Seats the family holds on the bus apart from the booking being changed. */
  family_seats: number;
  /** Whether those and the booking's new seats are within the family seat limit. */
  within_limit: boolean;
}

/** The family seat limit for a booking being changed to `seats` seats: the family's other bookings on the bus and the changed one together. */
export async function familySeatsBesides(
  manager: EntityManager,
  tenantId: string,
  family: { runId: string; guardianId: string; familyPupilIds: string[] },
  bookingId: string,
  seats: number,
  seatLimit: number,
): Promise<FamilySeatsBesides> {
  const found = await preparedRow<FamilySeatsBesides>(
    manager,
    `SELECT o.seats AS family_seats, ${withinFamilySeatLimitSql('o.seats', '$6::int', '$7::int')} AS within_limit
       FROM (SELECT COALESCE(sum(f.seats), 0)::int AS seats FROM (${familyBookingsOnRunSql('$1', '$2', '$3', '$5::uuid[]')}) f WHERE f.id <> $4) o`,
    [tenantId, family.runId, family.guardianId, bookingId, family.familyPupilIds, seats, seatLimit],
  );
  return found as FamilySeatsBesides;
}

/** More seats for a confirmed booking: taken only from free seats, and only while nobody is waiting. False when they are not there. */
export async function takeFreeSeats(db: Queryable, tenantId: string, runId: string, seats: number): Promise<boolean> {
  const taken = await oneRow<{ seats_taken: number }>(
    db,
    `UPDATE transport_runs r SET seats_taken = r.seats_taken + $3, updated_at = now()
      WHERE r.tenant_id = $1 AND r.id = $2 AND ${confirmsFromFreeSeatsSql('$3', { free: 'r.seats - r.seats_taken', waiting: 'r.waiting' })}
      RETURNING r.seats_taken`,
    [tenantId, runId, seats],
  );
  return taken !== undefined;
}

export async function releaseSeats(db: Queryable, tenantId: string, runId: string, seats: number): Promise<void> {
  await db.query(`UPDATE transport_runs SET seats_taken = seats_taken - $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    runId,
    seats,
  ]);
}

/** The next booking on the waiting list whose group fits the free seats, with what its offer is timed from. */
export interface WaitingBookingRow {
  id: string;
  seats: number;
  guardian_id: string;
  bookings_close_at: Date;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

/** Oldest first, skipping a family whose group does not fit, while the bus takes bookings. */
export function nextWaitingThatFits(db: Queryable, tenantId: string, runId: string): Promise<WaitingBookingRow | undefined> {
  return oneRow<WaitingBookingRow>(
    db,
    `SELECT w.id, w.seats, w.guardian_id, r.bookings_close_at, f.quiet_hours_start, f.quiet_hours_end
       FROM transport_bookings w
       JOIN transport_runs r ON r.tenant_id = w.tenant_id AND r.id = w.run_id
       LEFT JOIN families f ON f.tenant_id = w.tenant_id AND f.guardian_id = w.guardian_id
      WHERE w.tenant_id = $1 AND w.run_id = $2 AND w.status = 'waitlisted' AND ${fitsFreeSeatsSql('w.seats', 'r.seats - r.seats_taken')}
        AND r.status = 'open' AND r.bookings_close_at > now()
      ORDER BY w.waitlist_position LIMIT 1`,
    [tenantId, runId],
  );
}

/** Offers a waiting booking its seats, held (counted in seats_taken) until it is accepted or lapses. False when they no longer fit or it no longer waits. */
export async function offerSeats(
  db: Queryable,
  tenantId: string,
  runId: string,
  waiting: Pick<WaitingBookingRow, 'id' | 'seats'>,
  expiresAt: Date,
): Promise<boolean> {
  const offered = await oneRow<{ id: string }>(
    db,
    `WITH taken AS (
       UPDATE transport_runs SET seats_taken = seats_taken + $3, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND ${fitsFreeSeatsSql('$3', 'seats - seats_taken')} RETURNING id)
     UPDATE transport_bookings b SET status = 'offered', offer_expires_at = $5, updated_at = now()
       FROM taken WHERE b.tenant_id = $1 AND b.id = $4 AND b.status = 'waitlisted' RETURNING b.id`,
    [tenantId, runId, waiting.seats, waiting.id, expiresAt],
  );
  return offered !== undefined;
}

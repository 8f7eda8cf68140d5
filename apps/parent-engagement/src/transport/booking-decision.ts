import { newId, preparedRow } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import type { BookingRow } from './transport-rows';

/** Statuses that hold a place: a seat (confirmed, offered) or a place in the queue (waitlisted). */
export const ACTIVE_BOOKING_STATUSES = `('confirmed', 'waitlisted', 'offered')`;

/**
 * The bookings holding a place on a bus for one family: made by the guardian ($3), or naming one of
 * the family's children ($5 — another guardian of the same child), on run $2 of tenant $1.
 */
const FAMILY_BOOKINGS_ON_RUN = `
  SELECT b.id, b.seats, b.pupil_ids FROM transport_bookings b
   WHERE b.tenant_id = $1 AND b.guardian_id = $3 AND b.run_id = $2 AND b.status IN ${ACTIVE_BOOKING_STATUSES}
  UNION
  SELECT b.id, b.seats, b.pupil_ids FROM transport_bookings b
   WHERE b.pupil_ids && $5::uuid[] AND b.tenant_id = $1 AND b.run_id = $2 AND b.status IN ${ACTIVE_BOOKING_STATUSES}`;

/** Seats the family holds on the bus apart from one of its bookings (the one being changed). */
export async function familySeatsBesides(
  manager: EntityManager,
  scope: { tenantId: string; runId: string; guardianId: string; familyPupilIds: string[] },
  bookingId: string,
): Promise<number> {
  const found = await preparedRow<{ seats: number }>(
    manager,
    `SELECT COALESCE(sum(f.seats), 0)::int AS seats FROM (${FAMILY_BOOKINGS_ON_RUN}) f WHERE f.id <> $4`,
    [scope.tenantId, scope.runId, scope.guardianId, bookingId, scope.familyPupilIds],
  );
  return found?.seats ?? 0;
}

export interface BookingRequest {
  tenantId: string;
  runId: string;
  stopId: string;
  guardianId: string;
  guardianName: string;
  /** The children booked now. */
  pupilIds: string[];
  /** All the guardian's children: another guardian's booking naming one of them is the same family's. */
  familyPupilIds: string[];
  schoolIds: string[];
  adults: number;
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

/**
 * Decides a booking in one statement, with the run row already locked by the caller (so the
 * family's bookings read here are final): refuses a child already on the bus or a family over the
 * seat limit; otherwise takes the seats by a conditional UPDATE (only when nobody is waiting, so
 * the queue keeps its order) and inserts the booking as confirmed, or waitlisted with its place.
 */
export async function decideBooking(manager: EntityManager, request: BookingRequest): Promise<BookingDecision> {
  const seats = request.adults + request.children;
  const decision = await preparedRow<BookingDecision>(
    manager,
    `WITH family AS (${FAMILY_BOOKINGS_ON_RUN}), facts AS (
       SELECT COALESCE(sum(f.seats), 0)::int AS family_seats,
              ARRAY(SELECT DISTINCT x FROM family o, unnest(o.pupil_ids) AS x WHERE x = ANY($4::uuid[])) AS already_booked
         FROM family f
     ), allowed AS (
       SELECT 1 FROM facts WHERE cardinality(facts.already_booked) = 0 AND facts.family_seats + $11 <= $12
     ), taken AS (
       UPDATE transport_runs r SET seats_taken = r.seats_taken + $11, updated_at = now()
        WHERE r.tenant_id = $1 AND r.id = $2 AND EXISTS (SELECT 1 FROM allowed) AND r.seats - r.seats_taken >= $11
          AND NOT EXISTS (SELECT 1 FROM transport_bookings w WHERE w.tenant_id = $1 AND w.run_id = $2 AND w.status = 'waitlisted')
        RETURNING r.seats_taken
     ), booked AS (
       INSERT INTO transport_bookings (tenant_id, id, run_id, stop_id, guardian_id, guardian_name, pupil_ids, school_ids, adults, children, status, waitlist_position)
       SELECT $1, $13, $2, $6, $3, $7, $4, $8, $9, $10,
              CASE WHEN EXISTS (SELECT 1 FROM taken) THEN 'confirmed' ELSE 'waitlisted' END,
              CASE WHEN NOT EXISTS (SELECT 1 FROM taken) THEN nextval('waitlist_positions') END
         FROM allowed
       RETURNING *
     )
     SELECT facts.family_seats, facts.already_booked,
            (SELECT to_jsonb(booked) || jsonb_build_object('waitlist_place',
                      CASE WHEN booked.status = 'waitlisted' THEN
                        (SELECT count(*)::int + 1 FROM transport_bookings w WHERE w.tenant_id = $1 AND w.run_id = $2 AND w.status = 'waitlisted') END)
               FROM booked) AS booking
       FROM facts`,
    [
      request.tenantId,
      request.runId,
      request.guardianId,
      request.pupilIds,
      request.familyPupilIds,
      request.stopId,
      request.guardianName,
      request.schoolIds,
      request.adults,
      request.children,
      seats,
      request.seatLimit,
      newId(),
    ],
  );
  if (!decision) throw new Error('the booking decision answered no row');
  return { ...decision, booking: decision.booking ? bookingRowOfJson(decision.booking) : null };
}

/** A booking row that came back as JSON: its timestamps are strings there. */
function bookingRowOfJson(json: BookingRow): BookingRow {
  const at = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
  return { ...json, offer_expires_at: at(json.offer_expires_at), checked_in_at: at(json.checked_in_at), created_at: at(json.created_at) as Date };
}

import type { BookingDto, BookingStatus } from './dto/booking.dto';
import type { PickupStopDto, TransportRunDto } from './dto/transport-run.dto';

export interface RunRow {
  id: string;
  performance_id: string;
  vehicle: string;
  seats: number;
  seats_taken: number;
  outbound_departs_at: Date;
  return_departs_at: Date | null;
  bookings_close_at: Date;
  status: string;
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
export const RUN_SELECT = `
  SELECT r.id, r.performance_id, r.vehicle, r.seats, r.seats_taken, r.outbound_departs_at, r.return_departs_at,
         r.bookings_close_at, r.status, p.title, p.starts_at, p.venue_name, p.status AS performance_status,
         COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'place', s.place, 'pickup_at', s.pickup_at) ORDER BY s.position)
                     FROM pickup_stops s WHERE s.tenant_id = r.tenant_id AND s.run_id = r.id), '[]') AS stops
    FROM transport_runs r
    JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id`;

/** Whether a run takes bookings now; a booking is refused by the same rules (booking-desk's refusalOf). */
export function runTakesBookings(row: Pick<RunRow, 'status' | 'performance_status' | 'bookings_close_at'>, now = new Date()): boolean {
  return row.status === 'open' && row.performance_status === 'published' && row.bookings_close_at > now;
}

export function toRunDto(row: RunRow): TransportRunDto {
  return {
    id: row.id,
    performance: { id: row.performance_id, title: row.title, startsAt: row.starts_at.toISOString(), venueName: row.venue_name, status: row.performance_status },
    vehicle: row.vehicle,
    seats: row.seats,
    seatsTaken: row.seats_taken,
    seatsLeft: row.seats - row.seats_taken,
    outboundDepartsAt: row.outbound_departs_at.toISOString(),
    returnDepartsAt: row.return_departs_at?.toISOString() ?? null,
    bookingsCloseAt: row.bookings_close_at.toISOString(),
    status: row.status,
    bookingOpen: runTakesBookings(row),
    stops: row.stops.map(toStopDto),
  };
}

function toStopDto(stop: RunRow['stops'][number]): PickupStopDto {
  return { id: stop.id, name: stop.name, place: stop.place, pickupAt: new Date(stop.pickup_at).toISOString() };
}

/** A booking with its place in the waiting list (1 = next), computed only while waitlisted. */
export const BOOKING_SELECT = `
  SELECT b.*, CASE WHEN b.status = 'waitlisted' THEN
           (SELECT count(*)::int FROM transport_bookings w
             WHERE w.tenant_id = b.tenant_id AND w.run_id = b.run_id AND w.status = 'waitlisted' AND w.waitlist_position <= b.waitlist_position)
         END AS waitlist_place
    FROM transport_bookings b`;

export function toBookingDto(row: BookingRow): BookingDto {
  return {
    id: row.id,
    runId: row.run_id,
    stopId: row.stop_id,
    status: row.status,
    guardianName: row.guardian_name,
    adults: row.adults,
    children: row.children,
    seats: row.seats,
    pupilIds: row.pupil_ids,
    waitlistPlace: row.waitlist_place ?? null,
    offerExpiresAt: row.offer_expires_at?.toISOString() ?? null,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

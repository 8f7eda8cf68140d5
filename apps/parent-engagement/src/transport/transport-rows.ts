import type { BookingDto } from './dto/booking.dto';
import type { PickupStopDto, TransportRunDto } from './dto/transport-run.dto';
import type { BookingRow, RunRow } from './transport.queries';

/** Whether a run takes bookings now; a booking is refused by the same rules (booking-desk's refusalOf). */
export function runTakesBookings(row: Pick<RunRow, 'status' | 'performance_status' | 'bookings_close_at'>, now = new Date()): boolean {
  return row.status === 'open' && row.performance_status === 'published' && row.bookings_close_at > now;
}

export function toRunDto(row: RunRow): TransportRunDto {
  return {
    id: row.id,
    performance: {
      id: row.performance_id,
      title: row.title,
      startsAt: row.starts_at.toISOString(),
      venueName: row.venue_name,
      status: row.performance_status,
    },
    vehicle: row.vehicle,
    driverStaffId: row.driver_staff_id,
    seats: row.seats,
    seatsTaken: row.seats_taken,
    seatsLeft: row.seats - row.seats_taken,
    outboundDepartsAt: row.outbound_departs_at.toISOString(),
    returnDepartsAt: row.return_departs_at?.toISOString() ?? null,
    bookingsCloseAt: row.bookings_close_at.toISOString(),
    status: row.status,
    bookingOpen: runTakesBookings(row),
    stops: row.stops.map(toStopDto),
    version: row.version,
  };
}

function toStopDto(stop: RunRow['stops'][number]): PickupStopDto {
  return { id: stop.id, name: stop.name, place: stop.place, pickupAt: new Date(stop.pickup_at).toISOString() };
}

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

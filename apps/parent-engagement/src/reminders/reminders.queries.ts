import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { GuardianContact } from '../families/families.queries';
import { DEFAULT_TIME_ZONE } from '../tenant-settings/tenant-settings.queries';

/** A family's contact and the area's time zone, for a message to it. */
export interface FamilyContact extends Omit<GuardianContact, 'guardian_id'> {
  time_zone: string;
}

/** A booking as its messages tell it: its stop, its bus's performance. */
export interface BookingFacts {
  status: string;
  seats: number;
  offer_expires_at: Date | null;
  stop_name: string;
  place: string;
  pickup_at: Date;
  /** When the bus leaves the performance to come back; null: no return journey. */
  return_departs_at: Date | null;
  title: string;
  starts_at: Date;
  venue_name: string;
  /** The schools of the children on the booking. */
  school_ids: string[];
}

export interface PerformanceFacts {
  title: string;
  starts_at: Date;
  venue_name: string;
  status: string;
}

/** When a family may be disturbed: its quiet hours and the area's time zone. */
export interface RecipientTimes {
  time_zone: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

export function familyContact(db: Queryable, tenantId: string, guardianId: string): Promise<FamilyContact | undefined> {
  return oneRow<FamilyContact>(
    db,
    `SELECT f.display_name, f.email, f.phone, f.language, f.email_enabled, f.sms_enabled, COALESCE(t.time_zone, '${DEFAULT_TIME_ZONE}') AS time_zone
       FROM families f LEFT JOIN tenant_settings t ON t.tenant_id = f.tenant_id
      WHERE f.tenant_id = $1 AND f.guardian_id = $2`,
    [tenantId, guardianId],
  );
}

/** `bookingId` as the reminder's payload holds it. */
export function bookingFacts(db: Queryable, tenantId: string, bookingId: unknown): Promise<BookingFacts | undefined> {
  return oneRow<BookingFacts>(
    db,
    `SELECT b.status, b.seats, b.offer_expires_at, s.name AS stop_name, s.place, s.pickup_at, r.return_departs_at, p.title, p.starts_at, p.venue_name,
            b.school_ids
       FROM transport_bookings b
       JOIN pickup_stops s ON s.tenant_id = b.tenant_id AND s.id = b.stop_id
       JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
       JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id
      WHERE b.tenant_id = $1 AND b.id = $2`,
    [tenantId, bookingId],
  );
}

export function performanceFacts(db: Queryable, tenantId: string, performanceId: string): Promise<PerformanceFacts | undefined> {
  return oneRow<PerformanceFacts>(db, 'SELECT title, starts_at, venue_name, status FROM performances WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    performanceId,
  ]);
}

/** Each guardian's quiet hours (none for a family not known yet) and the area's time zone. */
export function guardiansTimes(
  db: Queryable,
  tenantId: string,
  guardianIds: readonly string[],
): Promise<(RecipientTimes & { guardian_id: string })[]> {
  return rows<RecipientTimes & { guardian_id: string }>(
    db,
    `SELECT g.guardian_id, COALESCE(t.time_zone, '${DEFAULT_TIME_ZONE}') AS time_zone, f.quiet_hours_start, f.quiet_hours_end
       FROM unnest($2::uuid[]) AS g(guardian_id)
       LEFT JOIN families f ON f.tenant_id = $1 AND f.guardian_id = g.guardian_id
       LEFT JOIN tenant_settings t ON t.tenant_id = $1`,
    [tenantId, guardianIds],
  );
}

/** A published performance's start with the guardian's quiet hours and the area's time zone; undefined unless published. */
export function publishedPerformanceStartFor(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  guardianId: string,
): Promise<(RecipientTimes & { starts_at: Date }) | undefined> {
  return oneRow<RecipientTimes & { starts_at: Date }>(
    db,
    `SELECT p.starts_at, COALESCE(t.time_zone, '${DEFAULT_TIME_ZONE}') AS time_zone, f.quiet_hours_start, f.quiet_hours_end
       FROM performances p LEFT JOIN tenant_settings t ON t.tenant_id = p.tenant_id
       LEFT JOIN families f ON f.tenant_id = p.tenant_id AND f.guardian_id = $3
      WHERE p.tenant_id = $1 AND p.id = $2 AND p.status = 'published'`,
    [tenantId, performanceId, guardianId],
  );
}

/** A text message kept instead of sent (LocalSmsProvider); a second one under the same key is dropped. */
export async function recordSms(
  db: Queryable,
  tenantId: string,
  sms: { id: string; idempotencyKey: string; to: string; body: string },
): Promise<void> {
  await db.query(
    `INSERT INTO sms_outbox (tenant_id, id, idempotency_key, to_number, body) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`,
    [tenantId, sms.id, sms.idempotencyKey, sms.to, sms.body],
  );
}

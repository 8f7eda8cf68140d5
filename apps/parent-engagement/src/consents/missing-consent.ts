import type { ConsentKind } from '@tutti/contracts';
import { preparedRows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

/**
 * SQL: the children (column pupil_id) a family brings to a performance: those on its confirmed bus
 * bookings and on its attending RSVP. The arguments are SQL expressions for the tenant, the
 * performance and the guardian, which may name the caller's tables: the aliases here are the
 * statement's own (with a plain `r` here, a caller's `r.performance_id` once meant this query's
 * run, and every performance's bookings counted).
 */
export function childrenComingSql(tenantId: string, performanceId: string, guardianId: string): string {
  return `
    SELECT coming_child.pupil_id FROM transport_bookings coming_booking, unnest(coming_booking.pupil_ids) AS coming_child(pupil_id)
     WHERE coming_booking.tenant_id = ${tenantId} AND coming_booking.guardian_id = ${guardianId} AND coming_booking.performance_id = ${performanceId}
       AND coming_booking.status = 'confirmed'
    UNION
    SELECT coming_child.pupil_id FROM rsvps coming_rsvp, unnest(coming_rsvp.pupil_ids) AS coming_child(pupil_id)
     WHERE coming_rsvp.tenant_id = ${tenantId} AND coming_rsvp.performance_id = ${performanceId} AND coming_rsvp.guardian_id = ${guardianId} AND coming_rsvp.attending`;
}

/** SQL condition: pupil `pupilId` has no decision of consent kind `kind` recorded at all (SQL expressions). */
export function noConsentRecordedSql(tenantId: string, pupilId: string, kind: string): string {
  return `NOT EXISTS (SELECT 1 FROM consent_records k WHERE k.tenant_id = ${tenantId} AND k.pupil_id = ${pupilId} AND k.kind = ${kind})`;
}

/**
 * A family's children coming to a performance (on a confirmed bus booking or an attending RSVP)
 * with no decision of this kind recorded at all. Asked when an RSVP is made (a booking asks in the
 * statement that locks its bus), and again when the reminder about it falls due.
 */
export async function childrenComingWithoutConsent(
  manager: EntityManager,
  tenantId: string,
  performanceId: string,
  guardianId: string,
  kind: ConsentKind = 'photo_film',
): Promise<string[]> {
  const missing = await preparedRows<{ pupil_id: string }>(
    manager,
    `WITH coming AS (${childrenComingSql('$1', '$2', '$3')})
     SELECT c.pupil_id FROM coming c WHERE ${noConsentRecordedSql('$1', 'c.pupil_id', '$4')} ORDER BY c.pupil_id`,
    [tenantId, performanceId, guardianId, kind],
  );
  return missing.map((row) => row.pupil_id);
}

import type { ConsentKind } from '@tutti/contracts';
import { preparedRows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

/**
 * SQL: the children (column pupil_id) a family brings to a performance: those on its confirmed bus
 * bookings and on its attending RSVP. The arguments are SQL expressions for the tenant, the
 * performance and the guardian.
 */
export function childrenComingSql(tenantId: string, performanceId: string, guardianId: string): string {
  return `
    SELECT x.pupil_id FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id, unnest(b.pupil_ids) AS x(pupil_id)
     WHERE b.tenant_id = ${tenantId} AND r.performance_id = ${performanceId} AND b.guardian_id = ${guardianId} AND b.status = 'confirmed'
    UNION
    SELECT x.pupil_id FROM rsvps v, unnest(v.pupil_ids) AS x(pupil_id)
     WHERE v.tenant_id = ${tenantId} AND v.performance_id = ${performanceId} AND v.guardian_id = ${guardianId} AND v.attending`;
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

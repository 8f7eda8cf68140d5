import type { ConsentKind } from '@tutti/contracts';
import { preparedRows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

/**
 * A family's children coming to a performance (on a confirmed bus booking or an attending RSVP)
 * with no decision of this kind recorded at all. Asked when a booking or RSVP is made, and again
 * when the reminder about it falls due.
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
    `WITH coming AS (
       SELECT x.pupil_id FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id, unnest(b.pupil_ids) AS x(pupil_id)
        WHERE b.tenant_id = $1 AND r.performance_id = $2 AND b.guardian_id = $3 AND b.status = 'confirmed'
       UNION
       SELECT x.pupil_id FROM rsvps v, unnest(v.pupil_ids) AS x(pupil_id)
        WHERE v.tenant_id = $1 AND v.performance_id = $2 AND v.guardian_id = $3 AND v.attending
     )
     SELECT c.pupil_id FROM coming c
      WHERE NOT EXISTS (SELECT 1 FROM consent_records k WHERE k.tenant_id = $1 AND k.pupil_id = c.pupil_id AND k.kind = $4)
      ORDER BY c.pupil_id`,
    [tenantId, performanceId, guardianId, kind],
  );
  return missing.map((row) => row.pupil_id);
}

import type { ConsentKind } from '@tutti/contracts';
import { preparedRows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

export interface FamilyAtPerformance {
  tenantId: string;
  performanceId: string;
  guardianId: string;
}

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
  const [missing] = await childrenComingWithoutConsentOf(manager, [{ tenantId, performanceId, guardianId }], kind);
  return missing;
}

/** childrenComingWithoutConsent for several families at once (one statement): one list per family, in order. */
export async function childrenComingWithoutConsentOf(manager: EntityManager, families: readonly FamilyAtPerformance[], kind: ConsentKind = 'photo_film'): Promise<string[][]> {
  if (families.length === 0) return [];
  const missing = await preparedRows<{ i: number; pupil_id: string }>(
    manager,
    `WITH family AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS f(tenant_id, performance_id, guardian_id, i)
     ), coming AS (
       -- LATERAL, so that each family's look-ups use the indexes whatever the number of families.
       SELECT f.i, f.tenant_id, c.pupil_id FROM family f CROSS JOIN LATERAL (
         SELECT x.pupil_id FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id, unnest(b.pupil_ids) AS x(pupil_id)
          WHERE b.tenant_id = f.tenant_id AND r.performance_id = f.performance_id AND b.guardian_id = f.guardian_id AND b.status = 'confirmed'
         UNION
         SELECT x.pupil_id FROM rsvps v, unnest(v.pupil_ids) AS x(pupil_id)
          WHERE v.tenant_id = f.tenant_id AND v.performance_id = f.performance_id AND v.guardian_id = f.guardian_id AND v.attending) c
     )
     SELECT c.i::int AS i, c.pupil_id FROM coming c
      WHERE NOT EXISTS (SELECT 1 FROM consent_records k WHERE k.tenant_id = c.tenant_id AND k.pupil_id = c.pupil_id AND k.kind = $4)
      ORDER BY c.i, c.pupil_id`,
    [families.map((f) => f.tenantId), families.map((f) => f.performanceId), families.map((f) => f.guardianId), kind],
  );
  const lists = families.map((): string[] => []);
  for (const row of missing) lists[row.i - 1].push(row.pupil_id);
  return lists;
}

import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface RunningOrderItemRow {
  id: string;
  position: number;
  piece: string;
  composer: string | null;
  arranger: string | null;
  ensemble_id: string | null;
  ensemble_name: string | null;
  duration_seconds: number;
  soloist_pupil_ids: string[];
  guest_soloists: string[];
}

export interface NewRunningOrderItem {
  id: string;
  position: number;
  piece: string;
  composer: string | null;
  arranger: string | null;
  ensembleId: string | null;
  durationSeconds: number;
  soloistPupilIds: string[];
  guestSoloists: string[];
}

/** The items in order, with the name scheduling gave each item's ensemble. */
export function runningOrderItems(db: Queryable, tenantId: string, performanceId: string): Promise<RunningOrderItemRow[]> {
  return rows<RunningOrderItemRow>(
    db,
    `SELECT i.id, i.position, i.piece, i.composer, i.arranger, i.ensemble_id, e.name AS ensemble_name, i.duration_seconds, i.soloist_pupil_ids, i.guest_soloists
     FROM running_order_items i LEFT JOIN replica_ensembles e ON e.tenant_id = i.tenant_id AND e.ensemble_id = i.ensemble_id
     WHERE i.tenant_id = $1 AND i.performance_id = $2 ORDER BY i.position`,
    [tenantId, performanceId],
  );
}

/** How long the running order lasts, in seconds (0 without items). */
export async function runningOrderSeconds(db: Queryable, tenantId: string, performanceId: string): Promise<number> {
  const total = await oneRow<{ total: number }>(
    db,
    'SELECT coalesce(sum(duration_seconds), 0)::int AS total FROM running_order_items WHERE tenant_id = $1 AND performance_id = $2',
    [tenantId, performanceId],
  );
  return total?.total ?? 0;
}

export async function deleteRunningOrderItems(db: Queryable, tenantId: string, performanceId: string): Promise<void> {
  await db.query('DELETE FROM running_order_items WHERE tenant_id = $1 AND performance_id = $2', [tenantId, performanceId]);
}

export async function insertRunningOrderItem(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  item: NewRunningOrderItem,
): Promise<void> {
  await db.query(
    `INSERT INTO running_order_items (tenant_id, id, performance_id, position, piece, composer, arranger, ensemble_id, duration_seconds, soloist_pupil_ids, guest_soloists)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::uuid[], $11::text[])`,
    [
      tenantId,
      item.id,
      performanceId,
      item.position,
      item.piece,
      item.composer,
      item.arranger,
      item.ensembleId,
      item.durationSeconds,
      item.soloistPupilIds,
      item.guestSoloists,
    ],
  );
}

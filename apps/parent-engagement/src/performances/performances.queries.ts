import { oneRow, type Queryable } from '@tutti/platform';

/** Whether the area's copy of performance-event's performances has this one. */
export async function performanceExists(db: Queryable, tenantId: string, performanceId: string): Promise<boolean> {
  return (await oneRow<{ id: string }>(db, 'SELECT id FROM performances WHERE tenant_id = $1 AND id = $2', [tenantId, performanceId])) !== undefined;
}

/** The performance's status and end, share-locked so that it is not cancelled or moved while something is added to it (a bus, an RSVP). */
export function performanceForShare(db: Queryable, tenantId: string, performanceId: string): Promise<{ status: string; ends_at: Date } | undefined> {
  return oneRow<{ status: string; ends_at: Date }>(db, 'SELECT status, ends_at FROM performances WHERE tenant_id = $1 AND id = $2 FOR SHARE', [tenantId, performanceId]);
}

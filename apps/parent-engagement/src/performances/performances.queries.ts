import { oneRow, type Queryable } from '@tutti/platform';

/** Whether the area's copy of performance-event's performances has this one. */
export async function performanceExists(db: Queryable, tenantId: string, performanceId: string): Promise<boolean> {
  return (await oneRow<{ id: string }>(db, 'SELECT id FROM performances WHERE tenant_id = $1 AND id = $2', [tenantId, performanceId])) !== undefined;
}

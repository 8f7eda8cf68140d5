import { oneRow, type Queryable } from '@tutti/platform';

/** The tables whose rows carry a version for If-Match, each with the column naming one row of a tenant. */
const ROW_KEY = {
  schools: 'id',
  classes: 'id',
  pupils: 'id',
  staff: 'id',
  rooms: 'id',
  ensembles: 'id',
  occurrences: 'id',
  lesson_plans: 'id',
  exam_entries: 'id',
  rehearsal_notes: 'occurrence_id',
  comparison_schools: 'id',
} as const;

export type VersionedTable = keyof typeof ROW_KEY;

/** The row's version now, or undefined when the tenant has no such row. */
export async function currentVersion(db: Queryable, table: VersionedTable, tenantId: string, key: string): Promise<number | undefined> {
  const current = await oneRow<{ version: number }>(db, `SELECT version FROM ${table} WHERE tenant_id = $1 AND ${ROW_KEY[table]} = $2`, [
    tenantId,
    key,
  ]);
  return current?.version;
}

/**
 * Serialises timetable writes of one area: clash checks read then write, and two concurrent
 * bookings of the same room must not both pass.
 */
export async function lockTimetable(db: Queryable, tenantId: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scheduling:timetable:${tenantId}`]);
}

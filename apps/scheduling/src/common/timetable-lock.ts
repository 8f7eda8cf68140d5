import type { EntityManager } from 'typeorm';

/** Runs raw SQL (names resolve in the service's own schema via search_path) and types its rows. */
export async function rows<T>(manager: Pick<EntityManager, 'query'>, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  // TypeORM answers UPDATE and DELETE with [rows, rowCount] rather than the rows.
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export async function oneRow<T>(manager: Pick<EntityManager, 'query'>, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(manager, sql, params))[0];
}

/**
 * Serialises timetable writes of one area: clash checks read then write, and two concurrent
 * bookings of the same room must not both pass.
 */
export async function lockTimetable(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scheduling:timetable:${tenantId}`]);
}

import type { EntityManager } from 'typeorm';

/**
 * Serialises timetable writes of one area: clash checks read then write, and two concurrent
 * bookings of the same room must not both pass.
 */
export async function lockTimetable(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scheduling:timetable:${tenantId}`]);
}

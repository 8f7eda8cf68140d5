import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** Runs raw SQL (names resolve in the service's own schema via search_path) and types its rows. */
export async function rows<T>(manager: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  // TypeORM answers UPDATE and DELETE with [rows, rowCount] rather than the rows.
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export async function oneRow<T>(manager: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(manager, sql, params))[0];
}

import type { EntityManager } from 'typeorm';

export type Queryable = Pick<EntityManager, 'query'>;

/**
 * Runs raw SQL (names resolve in the service's own schema via search_path) and types its rows.
 * TypeORM answers UPDATE and DELETE with [rows, rowCount]; this gives the rows either way.
 */
export async function rows<T>(manager: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export async function oneRow<T>(manager: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(manager, sql, params))[0];
}

/** PostgreSQL's error fields, from TypeORM's QueryFailedError or node-postgres's own error. */
function postgresErrorOf(error: unknown): { code?: string; constraint?: string } {
  return (
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string })
  );
}

/** Whether a query failed on a unique constraint (the named one, when given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = postgresErrorOf(error);
  return found.code === '23505' && (constraint === undefined || found.constraint === constraint);
}

/** Whether a query failed because a row it would lock NOWAIT is locked by another transaction. */
export function isLockNotAvailable(error: unknown): boolean {
  return postgresErrorOf(error).code === '55P03';
}

/** A date column (node-postgres gives a Date at local midnight) or text as YYYY-MM-DD. */
export function isoDate(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

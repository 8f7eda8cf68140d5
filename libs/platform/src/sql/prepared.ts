import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { rows } from './rows';

interface PreparingClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const statementNames = new Map<string, string>();

/** The same text always gets the same name, so each connection prepares it once. */
export function statementNameOf(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `tutti_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * Runs a hot statement as a named prepared statement on the transaction's connection: PostgreSQL
 * parses it once per connection and, after a few runs, keeps its plan, instead of planning it on
 * every request (for the booking path's CTEs, planning cost as much as running them). For fixed
 * SQL text only — every distinct text stays prepared on each pooled connection. Outside a
 * transaction it is an ordinary query.
 */
export async function preparedRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased) return rows<T>(manager, sql, params);
  const client = (await runner.connect()) as PreparingClient;
  const result = await client.query({ name: statementNameOf(sql), text: sql, values: params });
  return result.rows as T[];
}

export async function preparedRow<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T | undefined> {
  return (await preparedRows<T>(manager, sql, params))[0];
}

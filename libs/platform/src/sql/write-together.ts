import type { EntityManager } from 'typeorm';
import { preparedRows } from './prepared';

/**
 * A statement built but not yet run. For writeTogether: one INSERT, UPDATE or DELETE without a WITH
 * of its own (or a SELECT with a side effect, such as pg_notify), its parameters numbered from $1,
 * and no `$` followed by a digit anywhere but in its parameters.
 */
export interface SqlWrite {
  sql: string;
  params: readonly unknown[];
}

/**
 * Runs several writes of one transaction as one statement (each a WITH query of it), so that they
 * cost one round trip instead of one each: what matters while the transaction holds a lock that
 * others wait for. They all see the database as it was before any of them, so none may depend on
 * another's rows. Answers, per write, the rows of its RETURNING (or its SELECT), as JSON objects.
 */
export async function writeTogether(manager: EntityManager, writes: readonly SqlWrite[]): Promise<Record<string, unknown>[][]> {
  if (writes.length === 0) return [];
  const together = writesAsOneStatement(writes);
  return answersOfWrites(await preparedRows(manager, together.sql, [...together.params]));
}

/** writeTogether's statement, to send with others (see sendTogether); answersOfWrites reads its rows. */
export function writesAsOneStatement(writes: readonly SqlWrite[]): SqlWrite {
  const params: unknown[] = [];
  const queries = writes.map((write, i) => {
    const offset = params.length;
    params.push(...write.params);
    return `w${i} AS (${write.sql.replace(/\$(\d+)/g, (_match, n: string) => `$${Number(n) + offset}`)})`;
  });
  // A WITH query is run whether or not it is read only if it writes; reading each one that answers rows runs the others too.
  const answers = writes.map((write, i) =>
    answersRows(write.sql) ? `COALESCE((SELECT jsonb_agg(to_jsonb(w)) FROM w${i} w), '[]'::jsonb)` : `'[]'::jsonb`,
  );
  return { sql: `WITH ${queries.join(',\n')}\nSELECT jsonb_build_array(${answers.join(', ')}) AS answers`, params };
}

/** Per write of writesAsOneStatement, the rows it answered. */
export function answersOfWrites(rows: readonly unknown[]): Record<string, unknown>[][] {
  return (rows[0] as { answers: Record<string, unknown>[][] }).answers;
}

const answersRows = (sql: string): boolean => /^\s*SELECT\b/i.test(sql) || /\bRETURNING\b/i.test(sql);

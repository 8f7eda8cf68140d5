import { Client } from 'pg';

/**
 * BENCH_PG_STATEMENTS=1: the bench's PostgreSQL loads pg_stat_statements (with planning times), and
 * the bench prints where the database's time went, per statement. Call before starting the infra.
 */
export const statementsWanted = process.env.BENCH_PG_STATEMENTS === '1';
if (statementsWanted)
  process.env.TUTTI_POSTGRES_SETTINGS ??= 'shared_preload_libraries=pg_stat_statements;pg_stat_statements.track_planning=on';

async function asAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Starts counting from zero (does nothing unless BENCH_PG_STATEMENTS=1). */
export async function resetStatements(adminUrl: string): Promise<void> {
  if (!statementsWanted) return;
  await asAdmin(adminUrl, async (client) => {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
  });
}

/** The top statements of one database by total execution time, per unit of work (a booking, a reminder). */
export async function statementTimes(adminUrl: string, databaseUrl: string, units: number, unit: string): Promise<string> {
  if (!statementsWanted) return '';
  const database = new URL(databaseUrl).pathname.slice(1);
  return asAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ calls: string; total_ms: number; plan_ms: number; query: string }>(
      `SELECT s.calls, s.total_exec_time AS total_ms, s.total_plan_time AS plan_ms, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110) AS query
         FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1 ORDER BY s.total_exec_time DESC LIMIT 14`,
      [database],
    );
    const per = (value: number) => Math.round((value * 1000) / Math.max(1, units));
    const header = `  exec µs  plan µs  calls  statement (per ${unit})`;
    const lines = rows.map(
      (row) =>
        `${String(per(row.total_ms)).padStart(9)} ${String(per(row.plan_ms)).padStart(8)}  ${(Number(row.calls) / Math.max(1, units)).toFixed(2).padStart(5)}  ${row.query}`,
    );
    return `statements by total time in PostgreSQL, per ${unit} (pg_stat_statements)\n\n${[header, ...lines].join('\n')}\n`;
  });
}

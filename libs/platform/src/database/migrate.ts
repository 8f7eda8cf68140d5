import { MigrationExecutor, type DataSource } from 'typeorm';
import { retryWithBackoff } from '../bootstrap/retry';

type Log = (line: string) => void;

/** Connects, retrying with backoff while Postgres is not there yet, and says what it waits for. */
export async function initializeWithRetry(dataSource: DataSource, log: Log, label = 'PostgreSQL'): Promise<DataSource> {
  await retryWithBackoff(() => dataSource.initialize(), {
    describe: `waiting for ${label}`,
    log,
  });
  return dataSource;
}

/**
 * How long a migration's statement may wait for a lock before it fails. A statement waiting for a
 * lock (an ALTER TABLE behind a long report) makes every write to that table queue behind it, so
 * the wait, not only the work, must be short: past this the migration fails, and the service's start
 * (or the migrate Job) is retried later, while writes go on. See tools/schema/migration-safety.ts for
 * the statements a migration may use on a table that holds rows.
 */
export const MIGRATION_LOCK_TIMEOUT = '5s';

/**
 * Runs pending migrations under a Postgres advisory lock named after the schema, so that two
 * replicas starting at once cannot race; the second waits, then finds nothing to do. Every migration
 * runs on that one session, with lock_timeout set to MIGRATION_LOCK_TIMEOUT (each in a transaction of
 * its own, unless it says `transaction = false`, as CREATE INDEX CONCURRENTLY needs).
 */
export async function runMigrationsLocked(dataSource: DataSource, log: Log, lockTimeout = MIGRATION_LOCK_TIMEOUT): Promise<string[]> {
  const schema = String((dataSource.options as { schema?: string }).schema ?? 'public');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`tutti:migrate:${schema}`]);
    await runner.query(`SELECT set_config('lock_timeout', $1, false)`, [lockTimeout]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    if (applied.length > 0) log(`${schema}: applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    return applied.map((m) => m.name);
  } finally {
    // The connection goes back to the pool: the service's own statements wait for locks as before.
    await runner.query('RESET lock_timeout').catch(() => undefined);
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`tutti:migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

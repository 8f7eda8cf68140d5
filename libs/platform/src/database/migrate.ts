import { DataSource, MigrationExecutor, type DataSourceOptions, type QueryRunner } from 'typeorm';
import type { DatabaseConnections } from './connections';
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
 * replicas starting at once cannot race; the second waits (polling: takeMigrationLock), then finds nothing to do. Every migration
 * runs on that one session, with lock_timeout set to MIGRATION_LOCK_TIMEOUT (each in a transaction of
 * its own, unless it says `transaction = false`, as CREATE INDEX CONCURRENTLY needs).
 */
export async function runMigrationsLocked(dataSource: DataSource, log: Log, lockTimeout = MIGRATION_LOCK_TIMEOUT): Promise<string[]> {
  const schema = String((dataSource.options as { schema?: string }).schema ?? 'public');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await takeMigrationLock(runner, `tutti:migrate:${schema}`, log);
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

/**
 * runMigrationsLocked on a connection that keeps its session: the DataSource's own when it is direct,
 * else a one-connection DataSource on `connections.sessionUrl` for the run (through PgBouncer in
 * transaction mode the advisory lock and lock_timeout would stay behind on a pooled server connection).
 */
export async function runMigrationsOnSession(
  dataSource: DataSource,
  connections: Pick<DatabaseConnections, 'pooled' | 'sessionUrl'>,
  log: Log,
  lockTimeout = MIGRATION_LOCK_TIMEOUT,
): Promise<string[]> {
  if (!connections.pooled) return runMigrationsLocked(dataSource, log, lockTimeout);
  const options = dataSource.options as DataSourceOptions & { extra?: Record<string, unknown> };
  const session = new DataSource({
    ...options,
    url: connections.sessionUrl,
    extra: { ...options.extra, max: 1, Client: undefined },
  } as DataSourceOptions);
  await initializeWithRetry(session, log, 'PostgreSQL (direct, for migrations)');
  try {
    return await runMigrationsLocked(session, log, lockTimeout);
  } finally {
    await session.destroy();
  }
}

/**
 * Takes the migrators' advisory lock by trying, not by waiting in pg_advisory_lock: a waiting statement is
 * an open transaction, and CREATE INDEX CONCURRENTLY (in the migrator that holds the lock) waits for every
 * transaction of the database to end, so two replicas starting at once would deadlock.
 */
async function takeMigrationLock(runner: QueryRunner, key: string, log: Log): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const [{ taken }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS taken', [key])) as { taken: boolean }[];
    if (taken) return;
    if (attempt === 0) log(`${key}: another process is migrating; waiting for it`);
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 150));
  }
}

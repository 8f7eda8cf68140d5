import { type DataSource } from 'typeorm';
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
 * Runs pending migrations under a Postgres advisory lock named after the schema, so that two
 * replicas starting at once cannot race; the second waits, then finds nothing to do.
 */
export async function runMigrationsLocked(dataSource: DataSource, log: Log): Promise<string[]> {
  const schema = String((dataSource.options as { schema?: string }).schema ?? 'public');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`tutti:migrate:${schema}`]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log(`${schema}: applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`tutti:migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Republishes every completed performance with its performers (`performance.performance.completed`),
 * so that scheduling's copy for the annual data return (issue 18) catches up: once after deploying
 * it, or after restoring scheduling's database. Safe to run again.
 *
 *   DATABASE_URL=postgres://tutti_performance_event:…@host/db node -r ./tools/runtime/register.js apps/performance-event/src/evidence-republish.ts [--tenant <uuid>]
 */
import { parseArgs } from 'node:util';
import { loadConfig, retryWithBackoff, serviceDataSourceOptions } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { PerformanceEventConfig } from './config';
import { PERFORMANCE_EVENT_ENTITIES, PERFORMANCE_EVENT_MIGRATIONS } from './database';
import { republishCompletedPerformances } from './performances/completed-republish';

/** Republishing needs only the database, as migrating does. */
class RepublishConfig extends PerformanceEventConfig {
  override PORT = 0;
  override REDIS_URL = 'redis://unused';
  override IDENTITY_PUBLIC_KEY = 'not-needed-to-republish-not-needed-to-republish-not-needed';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' } }, strict: true });
  if (values.tenant !== undefined && !/^[0-9a-f-]{36}$/i.test(values.tenant))
    throw new Error(`--tenant must be an area's id (a UUID), not "${values.tenant}"`);
  const config = loadConfig(RepublishConfig);
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      service: 'performance-event',
      url: config.DATABASE_URL,
      entities: PERFORMANCE_EVENT_ENTITIES,
      migrations: PERFORMANCE_EVENT_MIGRATIONS,
      poolSize: 2,
      applicationName: 'tutti-performance-event-evidence-republish',
    }),
  );
  await retryWithBackoff(() => dataSource.initialize(), {
    describe: 'connecting to PostgreSQL',
    deadlineMs: 10_000,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    const done = await republishCompletedPerformances(dataSource, {
      tenantId: values.tenant?.toLowerCase(),
      onBatch: (count) => process.stdout.write(`${count} completed performances republished\n`),
    });
    process.stdout.write(`done: ${done} completed performances republished\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `evidence republish failed: ${error instanceof Error ? error.message : String(error)}; running it again is harmless\n`,
  );
  process.exit(1);
});

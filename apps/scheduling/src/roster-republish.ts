/**
 * Republishes scheduling's current roster (schools, pupils, ensemble memberships) and staff clearances
 * (each member of staff with a safeguarding record, with their kind) as events, so that every
 * subscriber's replica catches up: after a service is deployed, or its database restored, once
 * scheduling already had a roster. Safe to run again, and to stop half-way and run again.
 *
 *   DATABASE_URL=postgres://tutti_scheduling:…@host/db node -r ./tools/runtime/register.js apps/scheduling/src/roster-republish.ts [--tenant <uuid>] [--batch-size <n>]
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, retryWithBackoff, serviceDataSourceOptions } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { SchedulingConfig } from './config';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database';
import {
  DEFAULT_REPUBLISH_BATCH_SIZE,
  describeProgress,
  describeSummary,
  republishRoster,
  RosterRepublishError,
} from './roster/roster-republisher';

const USAGE = 'usage: roster-republish [--tenant <uuid>] [--batch-size <n>]  (DATABASE_URL: the scheduling database, as for migrate)';

/** Republishing needs only the database, as migrating does: PORT, REDIS_URL and the identity key are not asked for. */
class RosterRepublishConfig extends SchedulingConfig {
  override PORT = 0;
  override REDIS_URL = 'redis://unused';
  override IDENTITY_PUBLIC_KEY = 'not-needed-to-republish-not-needed-to-republish-not-needed';
}

class UsageError extends Error {}

/** Any UUID PostgreSQL accepts (not only RFC-versioned ones: seeded areas have md5-made ids). */
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(): Promise<void> {
  const { tenantId, batchSize } = parseCommandLine(process.argv.slice(2));
  let config: RosterRepublishConfig;
  try {
    config = loadConfig(RosterRepublishConfig);
  } catch (error) {
    if (error instanceof ConfigError)
      throw new UsageError(
        `configuration error: ${error.message}; set DATABASE_URL to the scheduling service's database, as for its migrate command`,
      );
    throw error;
  }
  const dataSource = new DataSource({
    ...serviceDataSourceOptions({
      service: 'scheduling',
      url: config.DATABASE_URL,
      entities: SCHEDULING_ENTITIES,
      migrations: SCHEDULING_MIGRATIONS,
      poolSize: 2,
      applicationName: 'tutti-scheduling-roster-republish',
    }),
    // Failures are reported once, as a line saying what to do; a batch whose rows are busy is tried again, not an error.
    logging: false,
  });
  try {
    await retryWithBackoff(() => dataSource.initialize(), {
      describe: 'connecting to PostgreSQL',
      log: (line) => process.stderr.write(`roster republish: ${line}\n`),
      deadlineMs: 10_000,
    });
  } catch (error) {
    throw new UsageError(
      `cannot reach the scheduling database (${messageOf(error)}); check that PostgreSQL is running and that DATABASE_URL points at it`,
    );
  }
  try {
    if (await dataSource.showMigrations()) {
      throw new UsageError(
        'the scheduling schema has migrations not yet applied; run node -r ./tools/runtime/register.js apps/scheduling/src/migrate.ts first',
      );
    }
    const summary = await republishRoster(dataSource, {
      tenantId,
      batchSize,
      onProgress: (progress) => process.stdout.write(`${describeProgress(progress)}\n`),
    });
    process.stdout.write(`${describeSummary(summary)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

function parseCommandLine(args: string[]): { tenantId: string | undefined; batchSize: number } {
  let values: { tenant?: string; 'batch-size'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { tenant: { type: 'string' }, 'batch-size': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${messageOf(error)}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.tenant !== undefined && !UUID_TEXT.test(values.tenant))
    throw new UsageError(`--tenant must be a tenant's id (a UUID), not "${values.tenant}"`);
  const batchSize = values['batch-size'] === undefined ? DEFAULT_REPUBLISH_BATCH_SIZE : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new UsageError(`--batch-size must be a whole number from 1 to 10,000, not "${values['batch-size']}"`);
  return { tenantId: values.tenant?.toLowerCase(), batchSize };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof RosterRepublishError) {
    process.stderr.write(`roster republish: ${error.message}\n`);
  } else {
    process.stderr.write(
      `roster republish failed: ${messageOf(error)}; batches already committed are harmless to send again, so run the command again once this is fixed\n`,
    );
  }
  process.exit(1);
});

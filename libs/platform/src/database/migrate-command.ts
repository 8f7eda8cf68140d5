import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceName } from '@tutti/contracts';
import { ConfigError, loadConfig } from '../config/load-config';
import { ServiceConfig } from '../config/service-config';
import { exitWith } from '../bootstrap/bootstrap-service';
import { databaseConnectionsOf, serviceDataSourceOptions, type ServiceDatabaseOptions } from './data-source-options';
import { initializeWithRetry, runMigrationsLocked } from './migrate';

/** A service's `migrate.ts`: apply its pending migrations (or revert the last with `--revert`) and exit. */
export async function runMigrationCommand(
  service: ServiceName,
  entities: ServiceDatabaseOptions['entities'],
  migrations: ServiceDatabaseOptions['migrations'],
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  const logger = new Logger(`${service}:migrate`);
  let config: ServiceConfig;
  try {
    config = loadConfig(MigrationConfig);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`Configuration error: ${error.message}`);
    throw error;
  }
  // Straight to PostgreSQL (DATABASE_DIRECT_URL when DATABASE_URL goes through PgBouncer): the lock is a session's.
  const { sessionUrl } = databaseConnectionsOf(config);
  const dataSource = new DataSource(serviceDataSourceOptions({ service, url: sessionUrl, entities, migrations, poolSize: 2 }));
  await initializeWithRetry(dataSource, (line) => logger.log(line));
  try {
    if (argv.includes('--revert')) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      logger.log('reverted the last migration');
    } else {
      const applied = await runMigrationsLocked(dataSource, (line) => logger.log(line));
      if (applied.length === 0) logger.log('schema is up to date');
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Migrating needs only the database; PORT and REDIS_URL are not asked for. */
class MigrationConfig extends ServiceConfig {
  override PORT = 0;
  override REDIS_URL = 'redis://unused';
  override IDENTITY_PUBLIC_KEY = 'not-needed-to-migrate-not-needed-to-migrate-not-needed';
}

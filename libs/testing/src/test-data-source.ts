import { DataSource, type DataSourceOptions } from 'typeorm';
import { requiredTestEnv } from './test-env';

export interface TestDataSourceOptions {
  /** Created if missing; the DataSource works in it as a service does in its own. */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations?: NonNullable<DataSourceOptions['migrations']>;
  poolSize?: number;
}

/** A DataSource on the test Postgres, in its own schema, with the given migrations applied. */
export async function createTestDataSource(options: TestDataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: requiredTestEnv().databaseUrl,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations ?? [],
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
  });
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${dataSource.driver.escape(options.schema)}`);
    await dataSource.runMigrations();
  } catch (error: unknown) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Drops the DataSource's schema with everything in it, then closes the DataSource. */
export async function dropTestDataSource(dataSource: DataSource): Promise<void> {
  const { options } = dataSource;
  if (dataSource.isInitialized && 'schema' in options && options.schema) {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${dataSource.driver.escape(options.schema)} CASCADE`);
  }
  if (dataSource.isInitialized) await dataSource.destroy();
}

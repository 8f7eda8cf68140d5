import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { schemaOf, type ServiceName } from '@tutti/contracts';
import { statementModeOptions, type StatementMode } from './connections';

export * from './connections';

type EntityList = MixedList<string | (new () => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new () => unknown)>;

export interface ServiceDatabaseOptions {
  service: ServiceName;
  url: string;
  entities: EntityList;
  migrations: MigrationList;
  poolSize?: number;
  applicationName?: string;
  /** Named prepared statements or not (databaseConnectionsOf decides; default named). */
  statements?: StatementMode;
}

/** One DataSource per service: its own schema, its own migrations table, never `synchronize`. */
export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: schemaOf(options.service),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    applicationName: options.applicationName ?? `tutti-${options.service}`,
    extra: {
      // Raw SQL in migrations and queries names tables without a schema; they resolve to the service's own.
      // No JIT: these are short statements run again and again, and once a table grew past the planner's
      // cost threshold, PostgreSQL spent ~100 ms compiling a batch of bookings' decision on every run (the
      // booking bench fell from ~3,000 to ~1,100 bookings/s in its fourth round, with LLVM on top of perf).
      options: `-c search_path="${schemaOf(options.service)}" -c jit=off`,
      max: options.poolSize ?? 10,
      // A statement is sent without waiting for the answer to the one before (sendTogether): a hot
      // transaction's first statements go with its BEGIN and its last with its COMMIT. Statements
      // awaited one by one behave as without it; cursors and query streams are refused in this mode.
      pipeline: true,
      // Under a burst, requests queue for a pooled connection; past this they get a 503 (see ProblemDetailsFilter).
      connectionTimeoutMillis: 15_000,
      // A pool connection that drops while Postgres restarts must not crash the process.
      idleTimeoutMillis: 30_000,
      // Through PgBouncer in transaction mode, statements go unnamed (see databaseConnectionsOf).
      ...statementModeOptions(options.statements ?? 'named'),
    },
  };
}

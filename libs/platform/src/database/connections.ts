import pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * How a service's statements reach PostgreSQL. `named`: hot statements are named prepared statements
 * (parsed once per connection, plan kept; see preparedRows and sendTogether). `unnamed`: the same
 * statements go as unnamed ones (parsed and planned on every run), as a transaction-mode pooler needs.
 */
export type StatementMode = 'named' | 'unnamed';

/** The settings this decision reads (ServiceConfig has them). */
export interface DatabaseConnectionSettings {
  DATABASE_URL: string;
  DATABASE_DIRECT_URL?: string;
  DATABASE_STATEMENTS?: StatementMode;
}

export interface DatabaseConnections {
  /** The service's pool: every request's and worker's transactions (through PgBouncer when `pooled`). */
  url: string;
  /** A connection that keeps its session: migrations under their advisory lock, LISTEN. Direct to PostgreSQL. */
  sessionUrl: string;
  /** DATABASE_URL goes through a pooler in transaction mode (PgBouncer): nothing may rely on its session. */
  pooled: boolean;
  statements: StatementMode;
}

/**
 * The one place that decides what may use which connection when the services go through PgBouncer in
 * transaction mode (`pool_mode = transaction`: a server connection is the client's only until its
 * transaction ends, so session state does not survive between transactions).
 *
 * - DATABASE_DIRECT_URL set (to the same database, the same role, bypassing PgBouncer) says that
 *   DATABASE_URL is such a pooled one. Then:
 *   - migrations run on the direct URL: they hold a session advisory lock (one migrator at a time) and a
 *     session `lock_timeout` across many transactions, and CREATE INDEX CONCURRENTLY runs outside any;
 *   - the outbox relay LISTENs on a direct connection (a LISTEN through PgBouncer would stay on whichever
 *     server connection ran it, and its notifications would reach some other client or nobody);
 *   - hot statements go unnamed (PgBouncer before 1.21 does not carry named prepared statements from one
 *     server connection to the next: "prepared statement … does not exist" / "already exists"). The
 *     booking bench measures the cost (`DATABASE_STATEMENTS=unnamed` on a direct connection).
 *   What needs no change: node-postgres pipelining (a pipelined transaction stays on one server
 *   connection until its COMMIT, and PgBouncer answers pipelined autocommit statements in order:
 *   pgbouncer-transaction-mode.spec.ts), SET LOCAL / set_config(…, true), advisory *transaction* locks,
 *   pg_notify inside a transaction, and ReportReader's LSN samples (one statement each). The startup
 *   `options` (search_path, jit=off) are dropped by PgBouncer, so provisioning sets both on the
 *   service's role as well (provisionServiceDatabase).
 * - Unset: DATABASE_URL is direct and serves everything; statements are named.
 * - DATABASE_STATEMENTS overrides the statement mode either way (`named` behind PgBouncer ≥ 1.21 with
 *   max_prepared_statements set; `unnamed` directly, to measure what naming saves).
 * - Provisioning (provisionServiceDatabase, run with an admin URL) is transaction-safe and needs no
 *   direct connection. REPLICA_DATABASE_URL may point at PgBouncer's replica pool: report reads are
 *   read-only transactions and statements and use the same statement mode.
 */
export function databaseConnectionsOf(settings: DatabaseConnectionSettings): DatabaseConnections {
  const direct = settings.DATABASE_DIRECT_URL?.trim() || undefined;
  const pooled = direct !== undefined;
  return {
    url: settings.DATABASE_URL,
    sessionUrl: direct ?? settings.DATABASE_URL,
    pooled,
    statements: settings.DATABASE_STATEMENTS ?? (pooled ? 'unnamed' : 'named'),
  };
}

type QueryConfigArg = { name?: unknown; text?: unknown; submit?: unknown } | string;

/**
 * node-postgres Client that sends every statement unnamed: a `{ name, text, values }` query loses its
 * name (the same text and values, parsed on the connection it lands on). Given to the pool as its
 * Client class when the statement mode is `unnamed`, so that no caller needs to know.
 */
export class UnnamedStatementClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [config] = args as [QueryConfigArg];
    if (config && typeof config === 'object' && typeof config.submit !== 'function' && config.name !== undefined) {
      const { name: _name, ...unnamed } = config;
      args[0] = unnamed;
    }
    return (super.query as (...rest: unknown[]) => never)(...args);
  }
}

/** The pool options (TypeORM's `extra`) that give a statement mode. */
export function statementModeOptions(mode: StatementMode): { Client?: typeof pg.Client } {
  return mode === 'unnamed' ? { Client: UnnamedStatementClient } : {};
}

const sessionPools = new WeakMap<DataSource, { url: string; pool?: pg.Pool }>();

/** Says that session work for this DataSource (LISTEN) goes to `sessionUrl`, not its pool (PlatformModule does this when pooled). */
export function useSessionConnectionFor(dataSource: DataSource, sessionUrl: string): void {
  sessionPools.set(dataSource, { url: sessionUrl });
}

/**
 * Where to take a connection that keeps its session (LISTEN): the DataSource's own pool when it is
 * direct, else a small pool of direct connections, made on first use and ended with `endSessionPool`.
 */
export function sessionPoolOf(dataSource: DataSource): pg.Pool | undefined {
  const session = sessionPools.get(dataSource);
  if (session) {
    session.pool ??= new pg.Pool({
      connectionString: session.url,
      max: 2,
      allowExitOnIdle: true,
      application_name: `${(dataSource.options as { applicationName?: string }).applicationName ?? 'tutti'}-session`,
    });
    return session.pool;
  }
  const master: unknown = Reflect.get(dataSource.driver, 'master');
  return master instanceof pg.Pool ? master : undefined;
}

/** Ends the direct pool of `sessionPoolOf`, if one was made. */
export async function endSessionPool(dataSource: DataSource): Promise<void> {
  const session = sessionPools.get(dataSource);
  const pool = session?.pool;
  if (session) session.pool = undefined;
  await pool?.end();
}

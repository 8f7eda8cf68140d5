import { join } from 'node:path';
import type { ServiceName } from '@tutti/contracts';
import { LocalInfraError, startPgBouncer, startPostgresReplica, type PgBouncerHandle, type PostgresHandle } from '@tutti/local-infra';
import type { ServiceDatabaseUrls } from './databases';

type Log = (line: string) => void;

/** What the running system puts between the services and their PostgreSQL (issue 20); both off by default. */
export interface DatabaseTopologyOptions {
  /** A streaming replica of the local primary: report reads go to it within REPLICA_MAX_LAG_MS. */
  replica: boolean;
  /** PgBouncer in transaction mode in front of the primary (and the replica): the services' pools go through it. */
  pgbouncer: boolean;
}

export interface DatabaseTopology {
  options: DatabaseTopologyOptions;
  /**
   * Each service's database variables, from its own direct URL (its role on the primary): DATABASE_URL
   * through PgBouncer with DATABASE_DIRECT_URL beside it, and REPLICA_DATABASE_URL (the replica through
   * PgBouncer when both are on). Empty for a service when both are off. See databaseConnectionsOf.
   */
  databaseEnv(urls: ServiceDatabaseUrls): Record<ServiceName, Record<string, string>>;
  /** One line each, for the summary. */
  describe(): string[];
  /** Stops what it started (PgBouncer, then the replica). Idempotent. */
  stop(): Promise<void>;
}

/**
 * `--replica` / `--pgbouncer` (or TUTTI_REPLICA=1 / TUTTI_PGBOUNCER=1) for `npm start`: the flags of
 * `npm run infra`, read from the command line and the environment.
 */
export function topologyOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): DatabaseTopologyOptions {
  const on = (flag: string, variable: string) => argv.includes(flag) || ['1', 'true', 'yes'].includes((env[variable] ?? '').toLowerCase());
  return { replica: on('--replica', 'TUTTI_REPLICA'), pgbouncer: on('--pgbouncer', 'TUTTI_PGBOUNCER') };
}

/**
 * Starts a streaming replica of the local primary at `adminUrl` and/or PgBouncer in front of it, under
 * `dataDir` (postgres-replica/, pgbouncer/ — the directories `npm run infra -- --replica --pgbouncer` uses),
 * on ports next to the primary's. The primary must be a local cluster (not one named by DATABASE_URL).
 */
export async function startDatabaseTopology(
  adminUrl: string,
  dataDir: string,
  options: DatabaseTopologyOptions,
  profile: 'dev' | 'test',
  log: Log,
): Promise<DatabaseTopology> {
  const primary = new URL(adminUrl);
  const primaryPort = Number(primary.port);
  const database = decodeURIComponent(primary.pathname.slice(1)) || 'tutti';
  if ((options.replica || options.pgbouncer) && !['127.0.0.1', 'localhost'].includes(primary.hostname)) {
    throw new LocalInfraError('--replica and --pgbouncer need the local PostgreSQL: unset DATABASE_URL');
  }
  let replica: PostgresHandle | undefined;
  let bouncer: PgBouncerHandle | undefined;
  const stop = async () => {
    await bouncer?.stop();
    bouncer = undefined;
    await replica?.stop();
    replica = undefined;
  };
  try {
    if (options.replica) {
      replica = await startPostgresReplica({
        dir: join(dataDir, 'postgres-replica'),
        profile,
        primaryPort,
        preferredPort: profile === 'dev' ? primaryPort + 1 : undefined,
        database,
        log,
      });
    }
    if (options.pgbouncer) {
      bouncer = await startPgBouncer({
        dir: join(dataDir, 'pgbouncer'),
        primaryPort,
        replica: replica && { port: replica.port, database },
        preferredPort: profile === 'dev' ? primaryPort + 2 : undefined,
        log,
      });
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const withPort = (url: string, port: number, path?: string) => {
    const moved = new URL(url);
    moved.hostname = '127.0.0.1';
    moved.port = String(port);
    if (path) moved.pathname = `/${path}`;
    return moved.toString();
  };
  return {
    options,
    databaseEnv(urls) {
      const env = {} as Record<ServiceName, Record<string, string>>;
      for (const [service, direct] of Object.entries(urls) as [ServiceName, string][]) {
        const variables: Record<string, string> = {};
        if (bouncer) {
          variables.DATABASE_URL = withPort(direct, bouncer.port);
          variables.DATABASE_DIRECT_URL = direct;
        }
        if (replica) {
          variables.REPLICA_DATABASE_URL = bouncer ? withPort(direct, bouncer.port, `${database}_replica`) : withPort(direct, replica.port);
        }
        env[service] = variables;
      }
      return env;
    },
    describe: () => [
      ...(replica ? [`Replica        ${replica.url} (streaming; reports read it within REPLICA_MAX_LAG_MS)`] : []),
      ...(bouncer
        ? [`PgBouncer      ${bouncer.url(database)}${replica ? ` and ${bouncer.url(`${database}_replica`)}` : ''} (transaction mode)`]
        : []),
    ],
    stop,
  };
}

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { aptInstall, usableAptGet } from './apt';
import { guard, track, unguard } from './cleanup';
import { findFreePort, HOST, waitForPortClosed, waitForPortOpen } from './ports';
import { asUser, findExecutable, isRoot, killFromPidFile, LocalInfraError, noLog, run, seconds, tailFile, type Log } from './processes';

export interface PgBouncerOptions {
  /** Its ini, user list, log and pid file live here. */
  dir: string;
  /** The PostgreSQL it pools (on 127.0.0.1), for every database name. */
  primaryPort: number;
  /** A replica to reach under `<database>_replica` as well (e.g. tutti_replica). */
  replica?: { port: number; database: string };
  port?: number;
  preferredPort?: number;
  log?: Log;
}

export interface PgBouncerHandle {
  /** postgres://postgres@127.0.0.1:PORT/<database>: the same roles and databases as the primary, pooled. */
  url(database: string, user?: string): string;
  port: number;
  /** Its version carries named prepared statements across transactions (1.21's max_prepared_statements, set here). */
  carriesPreparedStatements: boolean;
  /** The daemon's process id (for CPU accounting). */
  pid: number;
  stop(): Promise<void>;
}

const PGBOUNCER_MISSING = 'pgbouncer not found: install it (apt-get install pgbouncer) or leave --pgbouncer out';
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/bin', '/opt/homebrew/bin'];
/** The first release that keeps a client's named prepared statements across server connections. */
const PREPARED_STATEMENTS_SINCE: readonly [number, number] = [1, 21];
/** How many prepared statements PgBouncer keeps per server connection (a service prepares a few dozen hot ones). */
const MAX_PREPARED_STATEMENTS = 200;

/**
 * Path of pgbouncer: PGBOUNCER_BIN when set (e.g. a newer build than the distribution's: Debian 12
 * ships 1.18, without prepared statements in transaction mode), else the PATH; as root on Debian it
 * is installed with apt-get when missing.
 */
async function ensurePgBouncer(log: Log): Promise<string> {
  const chosen = process.env.PGBOUNCER_BIN;
  if (chosen) {
    if (!findExecutable(basename(chosen), [], dirname(chosen)))
      throw new LocalInfraError(`PGBOUNCER_BIN=${chosen} is not an executable file`);
    return chosen;
  }
  const find = () => findExecutable('pgbouncer', EXTRA_DIRS);
  const found = find();
  if (found) return found;
  if (!usableAptGet()) throw new LocalInfraError(PGBOUNCER_MISSING);
  log('pgbouncer not found: installing it …');
  await aptInstall(['pgbouncer'], () => find() !== undefined, log);
  const installed = find();
  if (!installed) throw new LocalInfraError(PGBOUNCER_MISSING);
  return installed;
}

/**
 * PgBouncer in transaction mode in front of a local primary (and replica), as production runs it.
 * Clients authenticate as their own role: users not in the user list are looked up on the server
 * through auth_user (the local clusters trust 127.0.0.1, so no password is checked here).
 * Session state does not survive a transaction in this mode: SET, LISTEN, session advisory locks,
 * and (before PgBouncer 1.21's max_prepared_statements) named prepared statements.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncerHandle> {
  const log = options.log ?? noLog;
  const dir = resolve(options.dir);
  const binary = await ensurePgBouncer(log);
  const version = await versionOf(binary);
  const carriesPreparedStatements = atLeast(version, PREPARED_STATEMENTS_SINCE);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const pidFile = join(dir, 'pgbouncer.pid');
  const logFile = join(dir, 'pgbouncer.log');
  await killFromPidFile(pidFile, 'pgbouncer', 'SIGINT'); // one left by a crashed run
  rmSync(logFile, { force: true });
  const port = options.port ?? (await findFreePort(options.preferredPort));
  const databases = [`* = host=${HOST} port=${options.primaryPort}`];
  if (options.replica)
    databases.push(`${options.replica.database}_replica = host=${HOST} port=${options.replica.port} dbname=${options.replica.database}`);
  writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n');
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      ...databases,
      '',
      '[pgbouncer]',
      `listen_addr = ${HOST}`,
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'auth_user = postgres',
      'pool_mode = transaction',
      'max_client_conn = 2000',
      'default_pool_size = 40',
      // node-postgres sends extra_float_digits; TypeORM none of these, but a client's `options` must not refuse the connection.
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${logFile}`,
      `pidfile = ${pidFile}`,
      'admin_users = postgres',
      ...(carriesPreparedStatements ? [`max_prepared_statements = ${MAX_PREPARED_STATEMENTS}`] : []),
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root: as root it runs as the postgres OS user, like the clusters.
  const user = isRoot() ? 'postgres' : undefined;
  if (user) {
    spawnSync('chown', ['-R', `${user}:`, dir]);
    chmodSync(dir, 0o755);
  }
  const started = Date.now();
  log(
    `starting PgBouncer ${version.join('.')} (transaction pooling${carriesPreparedStatements ? ', prepared statements carried' : ''}) on ${HOST}:${port} in front of port ${options.primaryPort}${options.replica ? ` and replica ${options.replica.port}` : ''} …`,
  );
  const [file, args] = asUser(user, binary, ['-d', join(dir, 'pgbouncer.ini')]);
  const result = await run(file, args, { cwd: dir, timeoutMs: 30_000 });
  if (result.code !== 0 || !(await waitForPortOpen(port, 15_000))) {
    throw new LocalInfraError(
      `PgBouncer failed to start (exit ${result.code}): ${result.output.trim() || tailFile(logFile)} (log: ${logFile})`,
    );
  }
  // The daemon may open its port a moment before it has written its pid file.
  for (const waitUntil = Date.now() + 5_000; !existsSync(pidFile) && Date.now() < waitUntil;) await new Promise((r) => setTimeout(r, 20));
  if (!existsSync(pidFile)) throw new LocalInfraError(`PgBouncer is listening on ${port} but wrote no pid file (log: ${logFile})`);
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const guardId = `pgbouncer:${dir}`;
  guard(guardId, { kind: 'kill', pid, name: 'pgbouncer' });
  log(`PgBouncer ready in ${seconds(started)}`);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      untrack();
      await killFromPidFile(pidFile, 'pgbouncer', 'SIGINT');
      unguard(guardId);
      await waitForPortClosed(port);
      if (existsSync(pidFile)) rmSync(pidFile, { force: true });
      log(`PgBouncer on port ${port} stopped`);
    })());
  const untrack = track({
    name: 'PgBouncer',
    stop,
    stopSync: () => {
      spawnSync('kill', ['-INT', String(pid)]);
    },
  });
  return {
    port,
    pid,
    carriesPreparedStatements,
    url: (database, role = 'postgres') => `postgres://${encodeURIComponent(role)}@${HOST}:${port}/${encodeURIComponent(database)}`,
    stop,
  };
}

async function versionOf(binary: string): Promise<number[]> {
  const result = await run(binary, ['--version'], { timeoutMs: 10_000 });
  const found = /PgBouncer (\d+)\.(\d+)(?:\.(\d+))?/.exec(result.output);
  if (!found) throw new LocalInfraError(`${binary} --version did not say its version: ${result.output.trim()}`);
  return found.slice(1).map((part) => Number(part ?? 0));
}

function atLeast(version: readonly number[], wanted: readonly number[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (version[i] !== wanted[i]) return version[i] > wanted[i];
  return true;
}

import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { guard, track, unguard } from './cleanup';
import { findFreePort, waitForPortClosed, waitForPortOpen } from './ports';
import { startEmbeddedPostgres } from './postgres-embedded';
import {
  backupPaths,
  dropIdleReplicationSlot,
  ensureDatabase,
  postgresSettings,
  postgresUrl,
  replicationSlotName,
  type PostgresHandle,
  type PostgresOptions,
} from './postgres-shared';
import {
  asUser,
  errorMessage,
  findExecutable,
  isRoot,
  liveOwner,
  LocalInfraError,
  noLog,
  processAlive,
  run,
  runSyncQuietly,
  seconds,
  shellQuote,
  tailLines,
  writeOwner,
  type Log,
  type RunResult,
} from './processes';

export type { PostgresHandle, PostgresOptions } from './postgres-shared';

export interface PostgresBinaries {
  binDir: string;
  version: string;
  major: number;
}

class PortInUseError extends LocalInfraError {}

export interface Cluster {
  dir: string;
  data: string;
  sockets: string;
  socketsAreTemporary: boolean;
  logFile: string;
  /** OS user the server runs as; undefined means ourselves. */
  user?: string;
  bin: PostgresBinaries;
  profile: 'dev' | 'test';
  log: Log;
  /** Set when the server archives its WAL there (options.archiveWal). */
  walArchive?: string;
}

/** pg_config --bindir, then the highest /usr/lib/postgresql/<v>/bin, then initdb on PATH. */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  const candidates: string[] = [];
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0 && pgConfig.stdout.trim()) candidates.push(pgConfig.stdout.trim());
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).filter((v) => /^\d+(\.\d+)?$/.test(v));
    versions.sort((a, b) => parseFloat(b) - parseFloat(a));
    candidates.push(...versions.map((v) => join(debianRoot, v, 'bin')));
  }
  const initdb = findExecutable('initdb');
  if (initdb) candidates.push(dirname(realpathSync(initdb)));
  for (const binDir of candidates) {
    if (!existsSync(join(binDir, 'initdb')) || !existsSync(join(binDir, 'pg_ctl'))) continue;
    const version = spawnSync(join(binDir, 'pg_ctl'), ['--version'], { encoding: 'utf8' });
    const match = /\(PostgreSQL\)\s+(\d+)(\.\d+)?/.exec(version.stdout ?? '');
    if (match) return { binDir, version: `${match[1]}${match[2] ?? ''}`, major: Number(match[1]) };
  }
  return undefined;
}

function pgCommand(c: Cluster, tool: string, args: readonly string[]): [string, string[]] {
  return asUser(c.user, join(c.bin.binDir, tool), args);
}

export function pgRun(c: Cluster, tool: string, args: readonly string[], timeoutMs = 120_000): Promise<RunResult> {
  const [file, argv] = pgCommand(c, tool, args);
  return run(file, argv, { cwd: c.dir, timeoutMs });
}

function lastLine(output: string): string {
  return (
    output
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .pop() ?? ''
  );
}

function stopArgs(c: Cluster, mode: 'fast' | 'immediate' = 'fast'): string[] {
  return ['-D', c.data, '-m', mode, '-w', '-t', '60', 'stop'];
}

/** The server runs as 'postgres' when we are root: it must own its files and reach them. */
export async function prepareOwnership(c: Cluster): Promise<void> {
  if (!c.user) return;
  for (const path of c.socketsAreTemporary ? [c.dir, c.sockets] : [c.dir]) {
    const chown = await run('chown', ['-R', `${c.user}:`, path]);
    if (chown.code !== 0) throw new LocalInfraError(`could not give ${path} to the '${c.user}' user: ${lastLine(chown.output)}`);
  }
  const [file, args] = asUser(c.user, 'test', ['-w', c.dir]);
  if ((await run(file, args)).code === 0) return;
  let blocked = c.dir;
  for (let path = dirname(c.dir); path !== dirname(path); path = dirname(path)) {
    const [f, a] = asUser(c.user, 'test', ['-x', path]);
    if ((await run(f, a)).code !== 0) blocked = path;
  }
  throw new LocalInfraError(
    `PostgreSQL runs as the '${c.user}' OS user, which cannot reach ${c.dir}: run 'chmod o+x ${blocked}' or choose a data directory outside it`,
  );
}

/**
 * A cluster already running in our data directory: reused when the process that started it is
 * alive (dev only), otherwise an orphan of a crashed run, which we stop.
 */
async function handleRunningCluster(c: Cluster): Promise<{ port: number; owner: number } | undefined> {
  const pidFile = join(c.data, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine = '', , , portLine = ''] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!processAlive(pid)) return undefined; // stale lock: postgres removes it itself
  if (!processAlive(pid, 'postgres')) {
    // The pid was recycled by an unrelated process, which would make postgres refuse to start.
    rmSync(pidFile, { force: true });
    return undefined;
  }
  const owner = liveOwner(c.dir);
  if (owner) {
    if (c.profile === 'test') {
      throw new LocalInfraError(`PostgreSQL in ${c.data} is in use by process ${owner.pid}: give this run another data directory`);
    }
    const port = Number(portLine);
    if (await waitForPortOpen(port, 10_000)) return { port, owner: owner.pid };
  }
  c.log(`stopping PostgreSQL left running in ${c.data} by an earlier run (pid ${pid}) …`);
  const stopped = await pgRun(c, 'pg_ctl', stopArgs(c));
  if (stopped.code !== 0 && processAlive(pid, 'postgres')) {
    throw new LocalInfraError(
      `could not stop the PostgreSQL left running in ${c.data} (${lastLine(stopped.output)}): run 'kill ${pid}' and retry`,
    );
  }
  return undefined;
}

async function prepareCluster(c: Cluster): Promise<void> {
  const versionFile = join(c.data, 'PG_VERSION');
  // test: throw-away cluster; dev: an interrupted initdb leaves a directory without PG_VERSION.
  if (c.profile === 'test' || !existsSync(versionFile)) rmSync(c.data, { recursive: true, force: true });
  if (existsSync(versionFile)) {
    const clusterMajor = Number(readFileSync(versionFile, 'utf8').trim());
    if (clusterMajor !== c.bin.major) {
      throw new LocalInfraError(
        `the cluster in ${c.data} was made by PostgreSQL ${clusterMajor} but the binaries are ${c.bin.version}: delete ${c.data} (its data is lost) or set DATABASE_URL`,
      );
    }
  }
  mkdirSync(c.sockets, { recursive: true, mode: 0o700 });
  if (!existsSync(versionFile)) setAsideBackupsOfEarlierCluster(c);
  if (c.walArchive) mkdirSync(c.walArchive, { recursive: true });
  await prepareOwnership(c);
  if (existsSync(versionFile)) return;
  const started = Date.now();
  c.log(`initdb: creating PostgreSQL ${c.bin.version} cluster in ${c.data} …`);
  const args = ['-D', c.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'];
  if (c.profile === 'test') args.push('--no-sync');
  const result = await pgRun(c, 'initdb', args);
  const initdbLog = join(c.dir, 'initdb.log');
  writeFileSync(initdbLog, result.output);
  if (result.code !== 0) {
    throw new LocalInfraError(`initdb failed (exit ${result.code}): ${lastLine(result.output)} (full output: ${initdbLog})`);
  }
  c.log(`initdb done in ${seconds(started)}`);
}

/** A new cluster would collide with the WAL segment names of an earlier one; its backups restore only what it had. */
function setAsideBackupsOfEarlierCluster(c: Cluster): void {
  const backups = dirname(backupPaths(c.dir).walArchive);
  if (!existsSync(backups)) return;
  if (c.profile === 'test') {
    rmSync(backups, { recursive: true, force: true });
    return;
  }
  const aside = `${backups}-of-earlier-cluster-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(backups, aside);
  c.log(`a new cluster: the backups of the earlier one are kept in ${aside}`);
}

async function startServer(c: Cluster, port: number): Promise<void> {
  const started = Date.now();
  c.log(`starting PostgreSQL ${c.bin.version} on 127.0.0.1:${port} …`);
  if (existsSync(c.logFile)) truncateSync(c.logFile);
  const options = shellQuote(['-p', String(port), '-k', c.sockets, ...postgresSettings(c.profile, c.walArchive)]);
  const result = await pgRun(c, 'pg_ctl', ['-D', c.data, '-l', c.logFile, '-w', '-t', '60', '-o', options, 'start']);
  if (result.code !== 0) {
    await pgRun(c, 'pg_ctl', stopArgs(c, 'immediate'));
    const recent = tailLines(c.logFile, 15);
    if (recent.some((l) => /could not bind|already in use/i.test(l))) {
      throw new PortInUseError(
        `PostgreSQL could not listen on 127.0.0.1:${port}: the port is in use; free it or let it pick another (see ${c.logFile})`,
      );
    }
    const why = [...recent].reverse().find((l) => /FATAL|PANIC/.test(l)) ?? recent.pop() ?? lastLine(result.output);
    throw new LocalInfraError(`PostgreSQL failed to start (pg_ctl exit ${result.code}): ${why} (log: ${c.logFile})`);
  }
  c.log(`PostgreSQL ready in ${seconds(started)}`);
}

export function makeCluster(dir: string, bin: PostgresBinaries, options: PostgresOptions, log: Log): Cluster {
  let sockets = join(dir, 'run');
  let socketsAreTemporary = false;
  // Unix socket paths are limited to ~107 bytes.
  if (`${sockets}/.s.PGSQL.65535.lock`.length > 100) {
    sockets = mkdtempSync(join(tmpdir(), 'tutti-pg-'));
    socketsAreTemporary = true;
  }
  const user = isRoot() ? 'postgres' : undefined;
  if (user && spawnSync('id', ['-u', user]).status !== 0) {
    throw new LocalInfraError(
      `PostgreSQL refuses to run as root and there is no 'postgres' OS user: create one (useradd --system postgres) or set DATABASE_URL`,
    );
  }
  const walArchive = options.archiveWal ? backupPaths(dir).walArchive : undefined;
  return {
    dir,
    data: join(dir, 'data'),
    sockets,
    socketsAreTemporary,
    logFile: join(dir, 'postgres.log'),
    user,
    bin,
    profile: options.profile,
    log,
    walArchive,
  };
}

export async function startPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  const log = options.log ?? noLog;
  const dir = resolve(options.dir);
  const database = options.database ?? 'tutti';
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const bin = findPostgresBinaries();
  if (!bin && options.archiveWal)
    throw new LocalInfraError("WAL archiving needs PostgreSQL's own binaries (pg_basebackup): install postgresql");
  if (!bin) return startEmbeddedPostgres({ ...options, dir, database, log });
  const c = makeCluster(dir, bin, options, log);

  const running = await handleRunningCluster(c);
  if (running) {
    log(`reusing PostgreSQL already running on 127.0.0.1:${running.port} (started by process ${running.owner})`);
    await ensureDatabase(running.port, database);
    return { url: postgresUrl(running.port, database), port: running.port, reused: true, stop: async () => undefined };
  }

  await prepareCluster(c);
  const port = await startOnFreePort(c, options);
  return adopt(c, port, database);
}

/** Starts the prepared cluster on options.port, or else on the preferred or a free port. */
export async function startOnFreePort(c: Cluster, options: Pick<PostgresOptions, 'port' | 'preferredPort'>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort(attempt === 1 ? options.preferredPort : undefined));
    if (options.preferredPort && port !== options.preferredPort && attempt === 1)
      c.log(`port ${options.preferredPort} busy; PostgreSQL uses ${port}`);
    try {
      await startServer(c, port);
      return port;
    } catch (error) {
      // A free port can be taken between the probe and the bind: retry only ports we picked.
      if (!(error instanceof PortInUseError) || options.port || attempt === 3) throw error;
    }
  }
}

export async function adopt(c: Cluster, port: number, database: string): Promise<PostgresHandle> {
  writeOwner(c.dir, port);
  const [stopFile, stopArgv] = pgCommand(c, 'pg_ctl', stopArgs(c));
  const guardId = `postgres:${c.data}`;
  guard(guardId, { kind: 'exec', file: stopFile, args: stopArgv });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      untrack();
      const started = Date.now();
      const result = await run(stopFile, stopArgv, { cwd: c.dir, timeoutMs: 90_000 });
      unguard(guardId);
      if (result.code !== 0 && existsSync(join(c.data, 'postmaster.pid'))) {
        throw new LocalInfraError(`could not stop PostgreSQL on port ${port}: ${lastLine(result.output)} (log: ${c.logFile})`);
      }
      await waitForPortClosed(port);
      if (c.profile === 'test') rmSync(c.data, { recursive: true, force: true });
      if (c.socketsAreTemporary) rmSync(c.sockets, { recursive: true, force: true });
      c.log(`PostgreSQL on port ${port} stopped in ${seconds(started)}`);
    })());
  const untrack = track({ name: 'PostgreSQL', stop, stopSync: () => runSyncQuietly(stopFile, stopArgv, 60_000) });
  try {
    await ensureDatabase(port, database);
  } catch (error) {
    await stop().catch(() => undefined);
    throw new LocalInfraError(`PostgreSQL started but creating database '${database}' failed: ${errorMessage(error)} (log: ${c.logFile})`);
  }
  return { url: postgresUrl(port, database), port, reused: false, stop };
}

export interface PostgresReplicaOptions extends PostgresOptions {
  /** The primary to stream from (on 127.0.0.1): a cluster started by startPostgres. */
  primaryPort: number;
}

/**
 * A hot-standby streaming replica of a local primary: a fresh base backup (`pg_basebackup -R -X stream`,
 * which writes standby.signal and primary_conninfo) through a physical replication slot of its own
 * (`-C -S`: the primary keeps every WAL segment until the replica has it, and the slot is dropped
 * when the replica stops), then its own server on its own port. The
 * primary's default pg_hba (initdb --auth=trust) already lets 127.0.0.1 replicate. Read-only; the
 * replay lag is the primary's pg_stat_replication.replay_lag.
 */
export async function startPostgresReplica(options: PostgresReplicaOptions): Promise<PostgresHandle> {
  const log = options.log ?? noLog;
  const dir = resolve(options.dir);
  const database = options.database ?? 'tutti';
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const bin = findPostgresBinaries();
  if (!bin) throw new LocalInfraError("a streaming replica needs PostgreSQL's own binaries (pg_basebackup): install postgresql");
  const c = makeCluster(dir, bin, options, log);

  const running = await handleRunningCluster(c);
  if (running) {
    log(`reusing the PostgreSQL replica already running on 127.0.0.1:${running.port} (started by process ${running.owner})`);
    return { url: postgresUrl(running.port, database), port: running.port, reused: true, stop: async () => undefined };
  }
  // Always from a fresh base backup: a kept copy may have diverged from a primary that was reset since.
  rmSync(c.data, { recursive: true, force: true });
  mkdirSync(c.sockets, { recursive: true, mode: 0o700 });
  await prepareOwnership(c);
  const started = Date.now();
  log(`pg_basebackup: copying the primary on 127.0.0.1:${options.primaryPort} into ${c.data} …`);
  const slot = replicationSlotName(dir);
  await dropIdleReplicationSlot(options.primaryPort, slot);
  const args = ['-h', '127.0.0.1', '-p', String(options.primaryPort), '-U', 'postgres', '-D', c.data, '-R', '-X', 'stream', '-c', 'fast'];
  args.push('-C', '-S', slot);
  if (c.profile === 'test') args.push('--no-sync');
  const backup = await pgRun(c, 'pg_basebackup', args, 600_000);
  if (backup.code !== 0)
    throw new LocalInfraError(`pg_basebackup from port ${options.primaryPort} failed (exit ${backup.code}): ${lastLine(backup.output)}`);
  log(`base backup done in ${seconds(started)} (replication slot ${slot})`);
  const port = await startOnFreePort(c, options);
  const replica = await adopt(c, port, database);
  return {
    ...replica,
    stop: async () => {
      await replica.stop();
      // The primary may already be gone (stopped first): then there is no slot left to hold WAL.
      await dropIdleReplicationSlot(options.primaryPort, slot).catch(() => undefined);
    },
  };
}

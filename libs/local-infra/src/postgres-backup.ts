import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { adopt, findPostgresBinaries, makeCluster, pgRun, prepareOwnership, startOnFreePort } from './postgres';
import { backupPaths, postgresUrl, type PostgresHandle, type PostgresOptions } from './postgres-shared';
import { HOST } from './ports';
import { errorMessage, LocalInfraError, noLog, run, seconds, sleep, tailLines, type Log } from './processes';

function binaries() {
  const bin = findPostgresBinaries();
  if (!bin) throw new LocalInfraError("backups need PostgreSQL's own binaries (pg_basebackup): install postgresql");
  return bin;
}

export interface BaseBackupOptions {
  /** The directory the primary was started in (startPostgres's dir); the backup goes to its backups/base/. */
  primaryDir: string;
  primaryPort: number;
  profile: PostgresOptions['profile'];
  log?: Log;
}

export interface BaseBackup {
  /** A plain-format copy of the cluster, with the WAL it needs to be consistent (-X stream). */
  dir: string;
  /** The primary's WAL archive, which holds everything after the backup. */
  walArchive: string;
  startedAt: Date;
}

/**
 * A base backup of a running primary that archives its WAL (startPostgres with archiveWal), in
 * `<primaryDir>/backups/base/<start time>`. It and the archive restore the cluster to any moment after it.
 */
export async function takeBaseBackup(options: BaseBackupOptions): Promise<BaseBackup> {
  const log = options.log ?? noLog;
  const primaryDir = resolve(options.primaryDir);
  const { baseBackups, walArchive } = backupPaths(primaryDir);
  const settings = await query<{ archive_mode: string }>(options.primaryPort, 'SHOW archive_mode');
  if (settings[0]?.archive_mode !== 'on') {
    throw new LocalInfraError(
      `PostgreSQL on port ${options.primaryPort} does not archive its WAL: start it with archiving (npm run infra -- --archive)`,
    );
  }
  const startedAt = new Date();
  const dir = join(baseBackups, startedAt.toISOString().replace(/[:.]/g, '-'));
  mkdirSync(baseBackups, { recursive: true });
  // Runs as the server's OS user, who must own where it writes.
  const c = makeCluster(primaryDir, binaries(), { dir: primaryDir, profile: options.profile }, log);
  if (c.user) {
    const chown = await run('chown', ['-R', `${c.user}:`, join(primaryDir, 'backups')]);
    if (chown.code !== 0) throw new LocalInfraError(`could not give ${baseBackups} to the '${c.user}' user: ${chown.output.trim()}`);
  }
  log(`pg_basebackup: copying PostgreSQL on 127.0.0.1:${options.primaryPort} into ${dir} …`);
  const args = ['-h', HOST, '-p', String(options.primaryPort), '-U', 'postgres', '-D', dir, '-X', 'stream', '-c', 'fast'];
  if (options.profile === 'test') args.push('--no-sync');
  const result = await pgRun(c, 'pg_basebackup', args, 3_600_000);
  if (result.code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new LocalInfraError(
      `pg_basebackup from port ${options.primaryPort} failed (exit ${result.code}): ${result.output.trim().split('\n').pop()}`,
    );
  }
  log(`base backup done in ${seconds(startedAt.getTime())}`);
  return { dir, walArchive, startedAt };
}

/** The newest base backup in `<primaryDir>/backups/base` started before `time`. */
export function latestBaseBackupBefore(primaryDir: string, time: Date): BaseBackup | undefined {
  const { baseBackups, walArchive } = backupPaths(resolve(primaryDir));
  if (!existsSync(baseBackups)) return undefined;
  const found = readdirSync(baseBackups)
    .map((name) => ({ name, startedAt: new Date(name.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d+)Z$/, 'T$1:$2:$3.$4Z')) }))
    .filter(({ startedAt }) => !Number.isNaN(startedAt.getTime()) && startedAt < time)
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
  return found && { dir: join(baseBackups, found.name), walArchive, startedAt: found.startedAt };
}

export interface PointInTimeRestoreOptions extends Omit<PostgresOptions, 'archiveWal'> {
  backup: BaseBackup;
  /** Replay stops at the last transaction committed at or before it (recovery_target_time). */
  targetTime: string;
}

/**
 * Restores a base backup into a new cluster in `dir` (its own server and port; the primary is left
 * alone), replays the archived WAL up to the target time and promotes it, so it answers writes on
 * a new timeline. Fails with the server's own words when the archive does not reach the target.
 */
export async function restoreToPointInTime(options: PointInTimeRestoreOptions): Promise<PostgresHandle> {
  const log = options.log ?? noLog;
  const dir = resolve(options.dir);
  const database = options.database ?? 'tutti';
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const c = makeCluster(dir, binaries(), options, log);
  if (existsSync(join(c.data, 'postmaster.pid')))
    throw new LocalInfraError(`a cluster may be running in ${c.data}: stop it or restore into another directory`);
  rmSync(c.data, { recursive: true, force: true });
  const copy = await run('cp', ['-a', options.backup.dir, c.data]);
  if (copy.code !== 0) throw new LocalInfraError(`could not copy the base backup ${options.backup.dir}: ${copy.output.trim()}`);
  writeFileSync(join(c.data, 'recovery.signal'), '');
  appendFileSync(
    join(c.data, 'postgresql.auto.conf'),
    [
      `restore_command = 'cp ${options.backup.walArchive}/%f %p'`,
      `recovery_target_time = '${options.targetTime.replace(/'/g, '')}'`,
      "recovery_target_action = 'promote'",
      '',
    ].join('\n'),
  );
  mkdirSync(c.sockets, { recursive: true, mode: 0o700 });
  await prepareOwnership(c);
  const started = Date.now();
  log(`replaying the archived WAL up to ${options.targetTime} …`);
  const port = await startOnFreePort(c, options);
  try {
    await waitForPromotion(port, c.logFile);
  } catch (error) {
    await pgRun(c, 'pg_ctl', ['-D', c.data, '-m', 'immediate', '-w', 'stop']);
    throw error;
  }
  log(`restored and promoted in ${seconds(started)} on port ${port}`);
  return adopt(c, port, database);
}

/** The server accepts reads once consistent; it leaves recovery when replay reaches the target. */
async function waitForPromotion(port: number, logFile: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const [{ recovering }] = await query<{ recovering: boolean }>(port, 'SELECT pg_is_in_recovery() AS recovering');
      if (!recovering) return;
    } catch (error) {
      const fatal = tailLines(logFile, 20)
        .reverse()
        .find((line) => /FATAL|PANIC/.test(line) && !/starting up/.test(line));
      if (fatal) throw new LocalInfraError(`point-in-time recovery failed: ${fatal} (log: ${logFile})`);
      if (Date.now() > deadline)
        throw new LocalInfraError(`point-in-time recovery did not finish: ${errorMessage(error)} (log: ${logFile})`);
    }
    if (Date.now() > deadline)
      throw new LocalInfraError(`point-in-time recovery did not finish within ${timeoutMs / 1000} s (log: ${logFile})`);
    await sleep(50);
  }
}

/** The primary's clock now, as recovery_target_time takes it: replay stops at the last commit up to it. */
export async function noteTargetTime(port: number): Promise<string> {
  const [{ t }] = await query<{ t: string }>(
    port,
    "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' AS t",
  );
  return t;
}

/** Switches the WAL segment and waits until it is archived, so that replay can read past the target time. */
export async function archiveCurrentSegment(port: number): Promise<void> {
  const [{ segment }] = await query<{ segment: string }>(port, 'SELECT pg_walfile_name(pg_switch_wal()) AS segment');
  for (;;) {
    const [{ last }] = await query<{ last: string | null }>(port, 'SELECT last_archived_wal AS last FROM pg_stat_archiver');
    if (last && last >= segment) return;
    await sleep(20);
  }
}

async function query<Row>(port: number, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: postgresUrl(port, 'postgres') });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

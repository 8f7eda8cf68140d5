/**
 * Backups that restore, on the scale seed (issue 20): how long an operator waits to get a national
 * Tutti back to a moment before a mistake. The bench's PostgreSQL archives its WAL
 * (startLocalInfra's archiveWal); the scale seed (apps/scheduling/src/bench-seed.ts, all four
 * services' schemas, BENCH_SCHOOLS 10,000 in BENCH_AREAS 120) is written; then, each step timed:
 *   1. a base backup (pg_basebackup -X stream), and the archive before it cleaned (pg_archivecleanup,
 *      as an operator keeps only what the oldest kept backup needs);
 *   2. writes after the backup (a register's marks for area 2), then the target time;
 *   3. the mistake: every attendance mark of area 2 deleted;
 *   4. the WAL segment archived, and the backup restored to a second cluster at the target time
 *      (copy, replay of the archive, promote);
 *   5. checks: area 2's marks as they were at the target (the post-backup writes included), none lost;
 *   6. the roster of area 2 republished from the restored scheduling into its outbox, which is what
 *      brings the other services' copies level once the services run on the restored cluster.
 *
 *   node -r ./tools/runtime/register.js bench/restore-drill-scale.bench.ts
 *
 * BENCH_SCHOOLS / BENCH_AREAS size the seed (BENCH_SCHOOLS=1200 BENCH_AREAS=3 for a quicker run);
 * BENCH_REGISTER_SCHOOL_EVERY, BENCH_REGISTERS_UNTIL and BENCH_FIRST_AREA_SCHOOLS as in the annual-return bench.
 */
import { execFile } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  archiveCurrentSegment,
  backupPaths,
  findPostgresBinaries,
  noteTargetTime,
  restoreToPointInTime,
  takeBaseBackup,
  type PostgresHandle,
} from '@tutti/local-infra';
import { Client } from 'pg';
import { benchAreaTenantId, runBenchSeed } from './lib/bench-seed';
import { REPO_ROOT } from './lib/children';
import { log, runBench, startBenchSystem, stopAll, type BenchSystem } from './lib/system';

const run = promisify(execFile);
const schools = process.env.BENCH_SCHOOLS ?? '10000';
const areas = process.env.BENCH_AREAS ?? '120';
const registerSchoolEvery = process.env.BENCH_REGISTER_SCHOOL_EVERY ?? '10';
const area = benchAreaTenantId(2);

interface Step {
  name: string;
  seconds: number;
}

async function query<Row>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Bytes under a directory (the backup's and the archive's size). */
function sizeOf(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** The database `tutti_scale` on another cluster's port: the same roles, so the same URLs with the port changed. */
function onPort(url: string, port: number): string {
  return Object.assign(new URL(url), { port: String(port) }).toString();
}

/** The newest WAL segment in the archive (segment names sort in write order). */
function newestSegment(archive: string): string | undefined {
  return readdirSync(archive)
    .filter((name) => /^[0-9A-F]{24}$/.test(name))
    .sort()
    .at(-1);
}

/** The newest base backup's label file in the archive: every segment before it is of no use to that backup. */
function backupLabel(archive: string): string | undefined {
  return readdirSync(archive)
    .filter((name) => name.endsWith('.backup'))
    .sort()
    .at(-1);
}

/** Removes every archived segment older than `oldestKept` (pg_archivecleanup, as an operator prunes). */
async function cleanArchive(archive: string, oldestKept: string | undefined): Promise<void> {
  const bin = findPostgresBinaries();
  if (!oldestKept || !bin) throw new Error('nothing to keep in the archive, or no PostgreSQL binaries');
  await run(join(bin.binDir, 'pg_archivecleanup'), [archive, oldestKept]);
}

async function main(): Promise<void> {
  const steps: Step[] = [];
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    log(`${name} …`);
    const result = await work();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    steps.push({ name, seconds });
    log(`${name}: ${seconds} s (load ${loadavg()[0].toFixed(1)})`);
    return result;
  };
  let system: BenchSystem | undefined;
  let restored: PostgresHandle | undefined;
  const restoredDir = join(REPO_ROOT, '.tutti', 'bench', `restored-${process.pid}`);
  try {
    system = await startBenchSystem({ archiveWal: true });
    const primaryDir = system.infra.postgresDir;
    if (!primaryDir) throw new Error('the bench needs a PostgreSQL of its own (unset DATABASE_URL)');
    const primaryPort = Number(new URL(system.infra.databaseUrl).port);
    const started = system;
    const { walArchive } = backupPaths(primaryDir);
    // Nothing archived before the first base backup can ever be replayed: while the seed writes, the
    // archive keeps only its newest segment, so that this machine's disk holds the seed's ~20 GB once.
    const keepArchiveSmall = setInterval(() => void cleanArchive(walArchive, newestSegment(walArchive)).catch(() => undefined), 15_000);
    const seeded = await step(`scale seed: ${schools} schools in ${areas} areas`, () =>
      runBenchSeed(
        started,
        'tutti_scale',
        {
          BENCH_SCHOOLS: schools,
          BENCH_AREAS: areas,
          BENCH_REGISTERS: 'true',
          BENCH_REGISTER_SCHOOL_EVERY: registerSchoolEvery,
          BENCH_REGISTERS_UNTIL: process.env.BENCH_REGISTERS_UNTIL ?? '2027-07-21',
          ...(process.env.BENCH_FIRST_AREA_SCHOOLS ? { BENCH_FIRST_AREA_SCHOOLS: process.env.BENCH_FIRST_AREA_SCHOOLS } : {}),
        },
        { allServices: true },
      ),
    ).finally(() => clearInterval(keepArchiveSmall));
    const scheduling = seeded.urls.scheduling;
    const [{ bytes: databaseBytes }] = await query<{ bytes: string }>(
      system.infra.databaseUrl,
      "SELECT pg_database_size('tutti_scale') AS bytes",
    );
    const [{ rows: rowsInAll }] = await query<{ rows: string }>(
      scheduling.replace(/\/\/[^@]*@/, '//postgres@'),
      "SELECT sum(n_live_tup)::bigint AS rows FROM pg_stat_user_tables WHERE schemaname <> 'public'",
    );
    log(`database ${gb(Number(databaseBytes))}, ${Number(rowsInAll).toLocaleString('en-GB')} rows`);

    const backup = await step('base backup (pg_basebackup -X stream)', () =>
      takeBaseBackup({ primaryDir, primaryPort, profile: 'test', log }),
    );
    const backupBytes = sizeOf(backup.dir);
    const archivedBefore = sizeOf(backup.walArchive);
    await step('clean the archive of what the backup does not need (pg_archivecleanup)', () =>
      cleanArchive(backup.walArchive, backupLabel(backup.walArchive)),
    );
    log(`backup ${gb(backupBytes)}; archive ${gb(archivedBefore)} before cleaning, ${gb(sizeOf(backup.walArchive))} after`);

    const marksOf = async (url: string) =>
      Number((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM attendance WHERE tenant_id = $1', [area]))[0].n);
    const lateOf = async (url: string) =>
      Number(
        (await query<{ n: string }>(url, "SELECT count(*) AS n FROM attendance WHERE tenant_id = $1 AND status = 'late'", [area]))[0].n,
      );
    const lateAtBackup = await lateOf(scheduling);
    await step("writes after the backup: a day's registers of area 2 marked again (present -> late)", () =>
      query(
        scheduling,
        `WITH day AS (
           SELECT max(o.local_date) AS d FROM attendance a JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
            WHERE a.tenant_id = $1 AND a.status = 'present')
         UPDATE attendance a SET status = 'late' FROM occurrences o, day
          WHERE a.tenant_id = $1 AND o.tenant_id = $1 AND o.id = a.occurrence_id AND o.local_date = day.d AND a.status = 'present'`,
        [area],
      ),
    );
    const written = (await lateOf(scheduling)) - lateAtBackup;
    if (written <= 0) throw new Error('the post-backup writes changed no mark: the drill could not tell replay from the backup');
    const marksBefore = await marksOf(scheduling);
    const targetTime = await noteTargetTime(primaryPort);
    log(
      `target time ${targetTime}: area 2 holds ${marksBefore.toLocaleString('en-GB')} marks, ${written.toLocaleString('en-GB')} changed after the backup`,
    );
    await step('the mistake: every attendance mark of area 2 deleted', () =>
      query(scheduling, 'DELETE FROM attendance WHERE tenant_id = $1', [area]),
    );
    const marksAfterMistake = await marksOf(scheduling);
    await step('archive the current WAL segment', () => archiveCurrentSegment(primaryPort));
    const replayed = sizeOf(backup.walArchive);
    // The primary's copy is not read again (the checks compare with what it held at the target): dropped
    // here so that this machine's disk holds the backup and the restored copy, not three copies.
    await query(system.infra.databaseUrl.replace(/\/[^/]*$/, '/postgres'), 'DROP DATABASE tutti_scale WITH (FORCE)');
    restored = await step('restore to a second cluster at the target time (copy, replay, promote)', () =>
      restoreToPointInTime({ dir: restoredDir, profile: 'test', backup, targetTime, log }),
    );
    const restoredScheduling = onPort(scheduling, restored.port);
    const marksRestored = await marksOf(restoredScheduling);
    const lateRestored = (await lateOf(restoredScheduling)) - lateAtBackup;
    const republish = await step("republish area 2's roster from the restored scheduling (into its outbox)", () =>
      run(process.execPath, ['-r', './tools/runtime/register.js', 'apps/scheduling/src/roster-republish.ts', '--tenant', area], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: restoredScheduling },
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
    const ok = marksRestored === marksBefore && lateRestored === written && marksAfterMistake === 0;
    const restoreSeconds = steps.filter((s) => /^(archive|restore)/.test(s.name)).reduce((total, s) => total + s.seconds, 0);
    console.log(
      `\nrestore drill on the scale seed (${schools} schools, ${areas} areas, ${Number(rowsInAll).toLocaleString('en-GB')} rows, ${gb(Number(databaseBytes))}):`,
    );
    for (const s of steps) console.log(`  ${s.name}: ${s.seconds} s`);
    console.log(
      `  the republisher said:\n${republish.stdout
        .trim()
        .split('\n')
        .slice(-6)
        .map((line) => `    ${line}`)
        .join('\n')}`,
    );
    console.log(
      `area 2's marks: ${marksBefore} at the target, ${marksAfterMistake} after the mistake, ${marksRestored} restored (${lateRestored} of ${written} post-backup writes): ${ok ? 'restored exactly' : 'NOT as at the target'}`,
    );
    console.log(
      `WAL replayed from the archive ${gb(replayed)}; from the mistake to a restored, promoted cluster: ${restoreSeconds.toFixed(1)} s`,
    );
    console.log(
      JSON.stringify({
        bench: 'restore-drill-scale',
        schools: Number(schools),
        areas: Number(areas),
        rows: Number(rowsInAll),
        databaseBytes: Number(databaseBytes),
        backupBytes,
        steps,
        restoredExactly: ok,
        loadAverage: loadavg()[0],
      }),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await restored?.stop().catch(() => undefined);
    rmSync(restoredDir, { recursive: true, force: true });
    await stopAll([], system);
  }
}

runBench('restore drill on the scale seed', main);

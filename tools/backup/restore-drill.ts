import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  archiveCurrentSegment,
  noteTargetTime,
  restoreToPointInTime,
  startPostgres,
  takeBaseBackup,
  type PostgresHandle,
} from '@tutti/local-infra';
import pg from 'pg';

export interface DrillStep {
  name: string;
  ms: number;
}

export interface RowCounts {
  beforeBackup: number;
  afterBackup: number;
  mistake: number;
}

export interface DrillResult {
  /** Rows written in each batch. */
  rows: number;
  targetTime: string;
  /** What the primary holds after the mistake. */
  primary: RowCounts;
  /** What the cluster restored to the target time holds. */
  restored: RowCounts;
  restoredInRecovery: boolean;
  restoredTimeline: number;
  steps: DrillStep[];
}

export interface DrillOptions {
  /** A throw-away directory the postgres OS user can enter; emptied afterwards. */
  workDir: string;
  rows?: number;
  log?: (line: string) => void;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function insertRows(url: string, label: string, rows: number): Promise<void> {
  await withClient(url, (c) => c.query('INSERT INTO drill_rows (label) SELECT $1 FROM generate_series(1, $2)', [label, rows]));
}

async function countRows(url: string): Promise<RowCounts> {
  const rows = await withClient(
    url,
    async (c) => (await c.query('SELECT label, count(*)::int AS n FROM drill_rows GROUP BY label')).rows as { label: string; n: number }[],
  );
  const count = (label: string): number => rows.find((row) => row.label === label)?.n ?? 0;
  return { beforeBackup: count('before backup'), afterBackup: count('after backup'), mistake: count('mistake') };
}

/**
 * Backups that restore: a primary archiving its WAL, a base backup, more writes, a noted target time,
 * then "the mistake" (more rows and every pre-backup row deleted); the backup restored on a second
 * cluster to the target time must hold every row written before it and nothing of the mistake.
 */
export async function runRestoreDrill(options: DrillOptions): Promise<DrillResult> {
  const rows = options.rows ?? 10_000;
  const log = options.log ?? (() => undefined);
  const steps: DrillStep[] = [];
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    steps.push({ name, ms: Date.now() - started });
    log(`${name}: ${Date.now() - started} ms`);
    return result;
  };
  mkdirSync(options.workDir, { recursive: true });
  chmodSync(options.workDir, 0o755); // the postgres OS user must be able to enter it
  const primaryDir = join(options.workDir, 'primary');
  let primary: PostgresHandle | undefined;
  let restored: PostgresHandle | undefined;
  try {
    primary = await step('start a primary that archives its WAL', () =>
      startPostgres({ dir: primaryDir, profile: 'test', archiveWal: true }),
    );
    const { url, port: primaryPort } = primary;
    await step(`write ${rows} rows`, async () => {
      await withClient(url, (c) =>
        c.query(
          'CREATE TABLE drill_rows (id bigserial PRIMARY KEY, label text NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp())',
        ),
      );
      await insertRows(url, 'before backup', rows);
    });
    const backup = await step('base backup', () => takeBaseBackup({ primaryDir, primaryPort, profile: 'test' }));
    await step(`write ${rows} more rows`, () => insertRows(url, 'after backup', rows));
    const targetTime = await noteTargetTime(primaryPort);
    log(`target time: ${targetTime}`);
    await step('the mistake: more rows, and every pre-backup row deleted', async () => {
      await insertRows(url, 'mistake', rows);
      await withClient(url, (c) => c.query("DELETE FROM drill_rows WHERE label = 'before backup'"));
    });
    await step('archive the current WAL segment', () => archiveCurrentSegment(primaryPort));
    const primaryCounts = await countRows(url);
    restored = await step('restore to a second cluster at the target time (copy, replay, promote)', () =>
      restoreToPointInTime({ dir: join(options.workDir, 'restored'), profile: 'test', backup, targetTime }),
    );
    const restoredUrl = restored.url;
    const restoredCounts = await step('check the restored rows', () => countRows(restoredUrl));
    const state = await withClient(
      restoredUrl,
      async (c) =>
        (
          await c.query(
            `SELECT pg_is_in_recovery() AS "inRecovery", ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int AS timeline`,
          )
        ).rows[0] as { inRecovery: boolean; timeline: number },
    );
    return {
      rows,
      targetTime,
      primary: primaryCounts,
      restored: restoredCounts,
      restoredInRecovery: state.inRecovery,
      restoredTimeline: state.timeline,
      steps,
    };
  } finally {
    await restored?.stop();
    await primary?.stop();
    rmSync(options.workDir, { recursive: true, force: true });
  }
}

export function newDrillDir(repoRoot: string): string {
  mkdirSync(join(repoRoot, '.tutti'), { recursive: true });
  return mkdtempSync(join(repoRoot, '.tutti', 'backup-drill-'));
}

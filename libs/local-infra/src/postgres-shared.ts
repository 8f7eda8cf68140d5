import { join } from 'node:path';
import pg from 'pg';
import { HOST } from './ports';
import type { Log } from './processes';

export interface PostgresOptions {
  /** Everything of this server lives under it (cluster, socket, logs). */
  dir: string;
  /** test: a fresh cluster each start with durability off; dev: the cluster is kept between runs. */
  profile: 'dev' | 'test';
  log?: Log;
  /** Exact port: fails when it is taken. Default: a free port. */
  port?: number;
  /** Port to try first, falling back to a free one (dev: stable URLs). */
  preferredPort?: number;
  /** Database created if missing; the URL points at it. Default 'tutti'. */
  database?: string;
  /**
   * Archive every finished WAL segment into `<dir>/backups/wal` (archive_mode, archive_command), so that
   * a base backup (`takeBaseBackup`) can be restored to any later point in time. Takes effect when
   * the server starts: a reused running cluster keeps its setting.
   */
  archiveWal?: boolean;
}

export interface PostgresHandle {
  /** Superuser URL, e.g. postgres://postgres@127.0.0.1:54329/tutti */
  url: string;
  port: number;
  /** The cluster was already running for another live process: stop() leaves it running. */
  reused: boolean;
  /** Idempotent. */
  stop(): Promise<void>;
}

export const POSTGRES_MAX_CONNECTIONS = 300;

/** Where a cluster started in `dir` keeps its base backups and archived WAL. */
export function backupPaths(dir: string): { baseBackups: string; walArchive: string } {
  return { baseBackups: join(dir, 'backups', 'base'), walArchive: join(dir, 'backups', 'wal') };
}

/**
 * Archiving by the server itself (archive_command) rather than pg_receivewal: nothing else to run and
 * supervise, and the server keeps a segment until it is archived. A segment is archived when full or
 * after archive_timeout, which bounds what a lost disk costs (pg_receivewal would stream each record).
 */
export function walArchiveSettings(walArchive: string, profile: 'dev' | 'test'): string[] {
  if (/[\s'"\\]/.test(walArchive)) throw new Error(`the WAL archive path may not contain spaces or quotes: ${walArchive}`);
  return [
    'archive_mode=on',
    `archive_command=test ! -f ${walArchive}/%f && cp %p ${walArchive}/%f`,
    `archive_timeout=${profile === 'dev' ? 60 : 0}`,
  ];
}

export function postgresSettings(profile: 'dev' | 'test', walArchive?: string): string[] {
  const settings = ['listen_addresses=127.0.0.1', `max_connections=${POSTGRES_MAX_CONNECTIONS}`];
  if (profile === 'test') settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  if (walArchive) settings.push(...walArchiveSettings(walArchive, profile));
  // Extra server settings for a measurement, e.g. "shared_preload_libraries=pg_stat_statements" (';' between several).
  const extra =
    process.env.TUTTI_POSTGRES_SETTINGS?.split(';')
      .map((setting) => setting.trim())
      .filter(Boolean) ?? [];
  settings.push(...extra);
  return settings.flatMap((s) => ['-c', s]);
}

export function postgresUrl(port: number, database: string, password?: string): string {
  const auth = password ? `postgres:${encodeURIComponent(password)}` : 'postgres';
  return `postgres://${auth}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

export async function ensureDatabase(port: number, database: string, password?: string): Promise<void> {
  const client = new pg.Client({ host: HOST, port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

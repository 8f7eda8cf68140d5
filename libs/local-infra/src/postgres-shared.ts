import { createHash } from 'node:crypto';
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
  await asSuperuser(port, password, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  });
}

/**
 * The physical replication slot a local replica streams through, named after its data directory so
 * that a replica started again in the same place reuses the name. Without a slot the primary may
 * recycle WAL the replica has not replayed yet (a bulk COPY of the scale seed did exactly that).
 */
export function replicationSlotName(replicaDir: string): string {
  return `tutti_replica_${createHash('sha256').update(replicaDir).digest('hex').slice(0, 12)}`;
}

/** Drops the slot if no replica streams through it (a replica that stopped uncleanly leaves one holding WAL). */
export async function dropIdleReplicationSlot(port: number, slot: string, password?: string): Promise<void> {
  await asSuperuser(port, password, (client) =>
    client.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active', [slot]),
  );
}

async function asSuperuser<T>(port: number, password: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: HOST, port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

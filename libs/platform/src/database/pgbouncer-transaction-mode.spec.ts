import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { schemaOf } from '@tutti/contracts';
import { startPgBouncer, type PgBouncerHandle } from '@tutti/local-infra';
import { Client, type Notification } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { preparedRows } from '../sql/prepared';
import { pipelinedTransaction } from '../sql/send-together';
import { databaseConnectionsOf, sessionPoolOf, useSessionConnectionFor, type DatabaseConnections } from './connections';
import { serviceDataSourceOptions } from './data-source-options';
import { runMigrationsOnSession } from './migrate';
import { provisionServiceDatabase } from './provision';

jest.setTimeout(120_000);

class CreateSeats1700000000001 implements MigrationInterface {
  name = 'CreateSeats1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE seats (id int PRIMARY KEY, taken int NOT NULL DEFAULT 0, notes text)');
    await runner.query('INSERT INTO seats (id) SELECT g FROM generate_series(1, 20) g');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE seats');
  }
}

class IndexSeatNotes1700000000002 implements MigrationInterface {
  name = 'IndexSeatNotes1700000000002';
  transaction = false as const;
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX CONCURRENTLY IF NOT EXISTS seats_notes_idx ON seats (notes)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX CONCURRENTLY IF EXISTS seats_notes_idx');
  }
}

/**
 * The services' session-bound work through PgBouncer in transaction mode, as databaseConnectionsOf
 * arranges it: migrations on the direct URL under their advisory lock, hot statements unnamed (named
 * ones fail there: the contrast is part of the spec), pipelined transactions, LISTEN on a direct connection.
 */
describe('a service database through PgBouncer in transaction mode', () => {
  const adminUrl = process.env.DATABASE_URL ?? '';
  const database = `pgbouncer_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(__dirname, '..', '..', '..', '..', '.tutti', 'pgbouncer-spec-'));
  chmodSync(dir, 0o755); // the postgres OS user must be able to enter it
  let bouncer: PgBouncerHandle;
  let connections: DatabaseConnections;
  const opened: DataSource[] = [];

  const asAdmin = async <T>(work: (client: Client) => Promise<T>, url = adminUrl): Promise<T> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const dataSource = async (statements: 'named' | 'unnamed', poolSize = 8): Promise<DataSource> => {
    const source = new DataSource(
      serviceDataSourceOptions({
        service: 'parent-engagement',
        url: connections.url,
        entities: [],
        migrations: [CreateSeats1700000000001, IndexSeatNotes1700000000002],
        poolSize,
        statements,
      }),
    );
    opened.push(source);
    return source.initialize();
  };

  beforeAll(async () => {
    await asAdmin((client) => client.query(`CREATE DATABASE "${database}"`));
    const databaseAdminUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
    const directUrl = await provisionServiceDatabase(databaseAdminUrl, 'parent-engagement', `test-${schemaOf('parent-engagement')}`);
    bouncer = await startPgBouncer({ dir: join(dir, 'pgbouncer'), primaryPort: Number(new URL(adminUrl).port) });
    const pooledUrl = Object.assign(new URL(directUrl), { port: String(bouncer.port) }).toString();
    connections = databaseConnectionsOf({ DATABASE_URL: pooledUrl, DATABASE_DIRECT_URL: directUrl });
  });

  afterAll(async () => {
    await Promise.all(opened.filter((source) => source.isInitialized).map((source) => source.destroy()));
    await bouncer?.stop();
    await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides once: a direct URL beside DATABASE_URL means pooled, unnamed statements, session work on the direct URL', () => {
    expect(connections).toEqual(expect.objectContaining({ pooled: true, statements: 'unnamed' }));
    expect(new URL(connections.url).port).toBe(String(bouncer.port));
    expect(new URL(connections.sessionUrl).port).toBe(new URL(adminUrl).port);
    expect(databaseConnectionsOf({ DATABASE_URL: adminUrl })).toEqual({
      url: adminUrl,
      sessionUrl: adminUrl,
      pooled: false,
      statements: 'named',
    });
    expect(databaseConnectionsOf({ DATABASE_URL: adminUrl, DATABASE_STATEMENTS: 'unnamed' }).statements).toBe('unnamed');
  });

  it('keeps search_path and jit=off through PgBouncer, which drops the startup options: the role carries them', async () => {
    const source = await dataSource('unnamed', 2);
    const [settings] = await source.query(`SELECT current_setting('search_path') AS path, current_setting('jit') AS jit`);
    expect(settings).toEqual({ path: 'parent_engagement', jit: 'off' });
  });

  it('migrates from two replicas at once on the direct URL: each migration once, no lock or lock_timeout left behind', async () => {
    const [a, b] = await Promise.all([dataSource('unnamed', 2), dataSource('unnamed', 2)]);
    const applied = await Promise.all([a, b].map((source) => runMigrationsOnSession(source, connections, () => undefined)));
    expect(applied.flat().sort()).toEqual(['CreateSeats1700000000001', 'IndexSeatNotes1700000000002']);
    const locks = await asAdmin(
      async (client) =>
        (
          await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = $1`,
            [database],
          )
        ).rows[0].n,
    );
    expect(locks).toBe(0);
    // Every server connection PgBouncer holds for this database: none kept the migrations' lock_timeout.
    const timeouts = await Promise.all(Array.from({ length: 16 }, () => a.query(`SELECT current_setting('lock_timeout') AS t`)));
    expect(new Set(timeouts.map(([row]: { t: string }[]) => row.t))).toEqual(new Set(['0']));
    const [{ valid }] = await a.query(`SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'seats_notes_idx'::regclass`);
    expect(valid).toBe(true);
  });

  /** 30 transactions at once, 6 rounds: each takes a seat (pipelined BEGIN + UPDATE), reads it back prepared, commits pipelined. */
  const bookSeats = (source: DataSource) =>
    Promise.allSettled(
      Array.from({ length: 180 }, (_, i) =>
        pipelinedTransaction(source, async (transaction) => {
          const seat = 1 + (i % 20);
          const [[taken]] = (await transaction.begin([
            { sql: 'UPDATE seats SET taken = taken + 1 WHERE id = $1 RETURNING taken', params: [seat] },
          ])) as { taken: number }[][];
          const [read] = await preparedRows<{ taken: number }>(transaction.manager, 'SELECT taken FROM seats WHERE id = $1', [seat]);
          expect(read.taken).toBe(taken.taken);
          await transaction.commit([{ sql: 'UPDATE seats SET notes = $2 WHERE id = $1', params: [seat, `booked ${i}`] }]);
        }),
      ),
    );
  const seatsTaken = async () =>
    (await asAdmin((client) => client.query<{ n: number }>('SELECT sum(taken)::int AS n FROM seats'), connections.sessionUrl)).rows[0].n;

  it('runs pipelined transactions with the hot statements unnamed: every one commits', async () => {
    const source = await dataSource('unnamed', 30);
    const before = await seatsTaken();
    const outcomes = await bookSeats(source);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect((await seatsTaken()) - before).toBe(180);
  });

  it('(why: named prepared statements do not survive PgBouncer 1.18 in transaction mode)', async () => {
    const source = await dataSource('named', 30);
    const outcomes = await bookSeats(source);
    const failures = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(failures.length).toBeGreaterThan(0);
    expect(String(failures[0].reason)).toMatch(/prepared statement/);
  });

  it('LISTENs on a direct connection: a NOTIFY committed through PgBouncer reaches it', async () => {
    const source = await dataSource('unnamed', 4);
    useSessionConnectionFor(source, connections.sessionUrl);
    const pool = sessionPoolOf(source);
    if (!pool) throw new Error('no session pool');
    expect(new URL(String((pool.options as { connectionString?: string }).connectionString)).port).toBe(new URL(adminUrl).port);
    const listener = await pool.connect();
    try {
      const received = new Promise<Notification>((resolve) => listener.once('notification', resolve));
      await listener.query('LISTEN seats_wake');
      await source.transaction((manager) => manager.query(`SELECT pg_notify('seats_wake', 'hello')`));
      const notification = await Promise.race([
        received,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no NOTIFY')), 5_000)),
      ]);
      expect(notification.payload).toBe('hello');
    } finally {
      await listener.query('UNLISTEN seats_wake').catch(() => undefined);
      listener.release();
      await pool.end();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startPgBouncer, type PgBouncerHandle } from './pgbouncer';
import { startPostgres, startPostgresReplica } from './postgres';
import { replicationSlotName, type PostgresHandle } from './postgres-shared';

jest.setTimeout(180_000);

/** How long a committed row may take to be readable on the replica here (streaming, asynchronous). */
const REPLICA_BOUND_MS = 5_000;

async function query<Row>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('a local primary with a streaming replica and PgBouncer', () => {
  const dir = mkdtempSync(join(__dirname, '..', '..', '..', '.tutti', 'replica-'));
  chmodSync(dir, 0o755); // the postgres OS user must be able to enter it
  let primary: PostgresHandle;
  let replica: PostgresHandle;
  let bouncer: PgBouncerHandle;

  beforeAll(async () => {
    primary = await startPostgres({ dir: join(dir, 'primary'), profile: 'test' });
    replica = await startPostgresReplica({ dir: join(dir, 'replica'), profile: 'test', primaryPort: primary.port });
    bouncer = await startPgBouncer({
      dir: join(dir, 'pgbouncer'),
      primaryPort: primary.port,
      replica: { port: replica.port, database: 'tutti' },
    });
  });

  afterAll(async () => {
    await bouncer?.stop();
    await replica?.stop();
    await primary?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams from the primary and refuses writes', async () => {
    const [{ recovering }] = await query<{ recovering: boolean }>(replica.url, 'SELECT pg_is_in_recovery() AS recovering');
    expect(recovering).toBe(true);
    const senders = await query<{ state: string }>(primary.url, 'SELECT state FROM pg_stat_replication');
    expect(senders).toEqual([{ state: 'streaming' }]);
    await expect(query(replica.url, 'CREATE TABLE refused (id int)')).rejects.toThrow(/read-only transaction/);
  });

  it('streams through a replication slot of its own, so the primary keeps the WAL the replica still needs', async () => {
    const slots = await query<{ slot_name: string; active: boolean }>(
      primary.url,
      "SELECT slot_name, active FROM pg_replication_slots WHERE slot_type = 'physical'",
    );
    expect(slots).toEqual([{ slot_name: replicationSlotName(join(dir, 'replica')), active: true }]);
  });

  it(`makes a write on the primary readable on the replica within ${REPLICA_BOUND_MS} ms`, async () => {
    await query(primary.url, 'CREATE TABLE IF NOT EXISTS writes (id uuid PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())');
    const id = randomUUID();
    const client = new pg.Client({ connectionString: replica.url });
    await client.connect();
    try {
      await query(primary.url, 'INSERT INTO writes (id) VALUES ($1)', [id]);
      const committed = Date.now();
      let seen = false;
      while (!seen && Date.now() - committed < REPLICA_BOUND_MS) {
        // The table itself may not have reached the replica yet on the first reads.
        seen = (await client.query('SELECT 1 FROM writes WHERE id = $1', [id]).catch(() => ({ rowCount: 0 }))).rowCount === 1;
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(seen).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('pools in transaction mode in front of both, for any role of the primary', async () => {
    const role = `app_${randomUUID().slice(0, 8)}`;
    await query(primary.url, `CREATE ROLE ${role} LOGIN`);
    await query(primary.url, `GRANT ALL ON TABLE writes TO ${role}`);
    const pooled = bouncer.url('tutti', role);
    const client = new pg.Client({ connectionString: pooled });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO writes (id) VALUES ($1)', [randomUUID()]);
      const [{ user }] = (await client.query('SELECT current_user AS user')).rows as { user: string }[];
      await client.query('COMMIT');
      expect(user).toBe(role);
    } finally {
      await client.end();
    }
    const [{ recovering }] = await query<{ recovering: boolean }>(bouncer.url('tutti_replica'), 'SELECT pg_is_in_recovery() AS recovering');
    expect(recovering).toBe(true);
    const admin = new pg.Client({ connectionString: bouncer.url('pgbouncer') });
    await admin.connect();
    try {
      // The admin console speaks only the simple protocol.
      const config = await admin.query({ text: 'SHOW CONFIG', queryMode: 'simple' } as pg.QueryConfig);
      expect(config.rows.find((row: { key: string }) => row.key === 'pool_mode')).toEqual(
        expect.objectContaining({ value: 'transaction' }),
      );
    } finally {
      await admin.end();
    }
  });

  it('sets max_prepared_statements exactly when its version carries named statements (≥ 1.21; PGBOUNCER_BIN may name one)', async () => {
    const admin = new pg.Client({ connectionString: bouncer.url('pgbouncer') });
    await admin.connect();
    let version: string;
    let setting: { value: string } | undefined;
    try {
      version = (await admin.query({ text: 'SHOW VERSION', queryMode: 'simple' } as pg.QueryConfig)).rows[0].version as string;
      const config = await admin.query({ text: 'SHOW CONFIG', queryMode: 'simple' } as pg.QueryConfig);
      setting = config.rows.find((row: { key: string }) => row.key === 'max_prepared_statements');
    } finally {
      await admin.end();
    }
    const [major, minor] = (/PgBouncer (\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
    expect(bouncer.carriesPreparedStatements).toBe(major > 1 || minor >= 21);
    if (!bouncer.carriesPreparedStatements) return expect(setting).toBeUndefined();
    expect(setting?.value).toBe('200');
    // A named statement prepared in one transaction runs again in the next, whichever server connection serves it.
    const clients = [new pg.Client({ connectionString: bouncer.url('tutti') }), new pg.Client({ connectionString: bouncer.url('tutti') })];
    await Promise.all(clients.map((client) => client.connect()));
    try {
      for (let round = 0; round < 3; round++)
        for (const client of clients) {
          const { rows } = await client.query({
            name: 'count-writes',
            text: 'SELECT count(*)::int AS n FROM writes WHERE id <> $1',
            values: [randomUUID()],
          });
          expect(rows[0].n).toBeGreaterThanOrEqual(1);
        }
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it('drops its replication slot when it stops (last: the replica is gone after it)', async () => {
    await bouncer.stop();
    await replica.stop();
    const slots = await query(primary.url, 'SELECT slot_name FROM pg_replication_slots');
    expect(slots).toEqual([]);
  });
});

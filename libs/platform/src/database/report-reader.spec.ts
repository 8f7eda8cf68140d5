import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startPgBouncer, startPostgres, startPostgresReplica, type PostgresHandle } from '@tutti/local-infra';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { rows } from '../sql/rows';
import { ReportReader, parseLsn, readSources } from './report-reader';

jest.setTimeout(180_000);

/** Short, so that the spec is quick; the service default is 5 s (REPLICA_MAX_LAG_MS). */
const MAX_LAG_MS = 1_500;
const CHECK_EVERY_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function dataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, extra: { max: 4 }, logging: false });
}

/** Waits (polling) until `test` holds, failing after `ms`. */
async function until(test: () => boolean | Promise<boolean>, ms: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(25);
  }
  return Date.now() - started;
}

/** The served database tells which it is: the replica is in recovery. */
const whereAmI = (db: { query: DataSource['query'] }) =>
  rows<{ recovering: boolean }>(db, 'SELECT pg_is_in_recovery() AS recovering').then(([row]) => (row.recovering ? 'replica' : 'primary'));

describe('ReportReader: reports read the streaming replica within a staleness bound, else the primary', () => {
  const dir = mkdtempSync(join(__dirname, '..', '..', '..', '..', '.tutti', 'report-reader-'));
  chmodSync(dir, 0o755); // the postgres OS user must be able to enter it
  let primaryServer: PostgresHandle;
  let replicaServer: PostgresHandle;
  let primary: DataSource;
  let replica: DataSource;
  let reader: ReportReader;

  beforeAll(async () => {
    primaryServer = await startPostgres({ dir: join(dir, 'primary'), profile: 'test' });
    primary = await dataSource(primaryServer.url).initialize();
    // A report's table, big enough that reading it costs something: 200,000 loans over 50 schools.
    await primary.query(`CREATE TABLE loans (id bigint PRIMARY KEY, school int NOT NULL, pence int NOT NULL, returned boolean NOT NULL)`);
    await primary.query(
      `INSERT INTO loans SELECT g, g % 50, (g * 7919) % 100000, g % 3 = 0 FROM generate_series(1, 200000) g; ANALYZE loans`,
    );
    replicaServer = await startPostgresReplica({ dir: join(dir, 'replica'), profile: 'test', primaryPort: primaryServer.port });
    replica = dataSource(replicaServer.url); // left to the reader to connect, as a service does
    reader = new ReportReader({ primary, replica, maxLagMs: MAX_LAG_MS, checkEveryMs: CHECK_EVERY_MS });
    reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    if (primary?.isInitialized) await primary.destroy();
    await replicaServer?.stop();
    await primaryServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const report = (db: { query: DataSource['query'] }) =>
    rows<{ school: number; loans: number; out: number; pence: string }>(
      db,
      'SELECT school, count(*)::int AS loans, count(*) FILTER (WHERE NOT returned)::int AS out, sum(pence)::text AS pence FROM loans GROUP BY school ORDER BY school',
    );

  it('reads the replica once it has caught up, and the report is the same as on the primary', async () => {
    const waited = await until(() => reader.source() === 'replica', 30_000, 'the replica serves');
    const served = await reader.read(async (db) => ({ at: await whereAmI(db), report: await report(db) }));
    expect(served.at).toBe('replica');
    expect(served.report).toEqual(await report(primary));
    expect(served.report).toHaveLength(50);

    // Figures for the report: the same statement on each, five times, median.
    const median = async (db: DataSource) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = process.hrtime.bigint();
        await report(db);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return times.sort((a, b) => a - b)[2];
    };
    const onReplica = await median(replica);
    const onPrimary = await median(primary);
    process.stdout.write(
      `report over 200,000 loans: replica ${onReplica.toFixed(1)} ms, primary ${onPrimary.toFixed(1)} ms (median of 5); replica serving ${waited} ms after start\n`,
    );
  });

  it('keeps reading the replica while the primary is idle, though the age of its last replayed transaction passes the bound', async () => {
    await primary.query(`INSERT INTO loans VALUES (300001, 1, 100, false)`);
    await until(() => reader.source() === 'replica', 10_000, 'the replica serves after the write');
    await sleep(MAX_LAG_MS * 2);
    const [{ age }] = await rows<{ age: number }>(
      replica,
      'SELECT EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 * 1000 AS age',
    );
    // The measure this reader does not use would have sent reports to the primary by now.
    expect(age).toBeGreaterThan(MAX_LAG_MS);
    expect(reader.staleness()).toBeLessThanOrEqual(CHECK_EVERY_MS * 3);
    expect(reader.source()).toBe('replica');
    expect(await reader.read(whereAmI)).toBe('replica');
  });

  it('under steady writes, serves the replica with the staleness it measures well inside the bound', async () => {
    const seen: number[] = [];
    const lags: number[] = [];
    const deadline = Date.now() + 3_000;
    for (let id = 400_000; Date.now() < deadline; id++) {
      await primary.query('INSERT INTO loans VALUES ($1, 2, 100, false)', [id]);
      if (id % 20 === 0) {
        seen.push(reader.staleness() ?? Infinity);
        const [{ lsn }] = await rows<{ lsn: string }>(primary, 'SELECT pg_current_wal_flush_lsn()::text AS lsn');
        const [{ replayed }] = await rows<{ replayed: string }>(replica, 'SELECT pg_last_wal_replay_lsn()::text AS replayed');
        lags.push(Number(parseLsn(lsn) - parseLsn(replayed)));
      }
    }
    const worst = Math.max(...seen);
    process.stdout.write(
      `steady writes: reader staleness max ${worst} ms over ${seen.length} samples; replica behind the primary by at most ${Math.max(...lags)} bytes of WAL\n`,
    );
    expect(worst).toBeLessThanOrEqual(MAX_LAG_MS);
    expect(reader.source()).toBe('replica');
  });

  it('moves reports to the primary when the replica is made to lag (replay paused, then a write), and back when it catches up', async () => {
    const registry = new Registry();
    reader.registerMetrics(registry);
    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      await primary.query(`INSERT INTO loans VALUES (500001, 3, 100, false)`);
      // Within the bound the replica may still serve (it misses at most MAX_LAG_MS of writes) ...
      expect(reader.source()).toBe('replica');
      // (It moves a little before MAX_LAG_MS after the write: caughtUpAt is the last check before it.)
      const movedAfter = await until(() => reader.source() === 'primary', MAX_LAG_MS + 5 * CHECK_EVERY_MS, 'reports move to the primary');
      // ... past it, the primary serves, and the report has the row the replica has not replayed.
      const served = await readSources.run({}, async () => {
        const result = await reader.read(async (db) => ({
          at: await whereAmI(db),
          loans: await rows(db, 'SELECT id FROM loans WHERE id = 500001'),
        }));
        return { ...result, header: readSources.getStore()?.source };
      });
      expect(served).toEqual({ at: 'primary', loans: [{ id: '500001' }], header: 'primary' });
      expect(await rows(replica, 'SELECT id FROM loans WHERE id = 500001')).toEqual([]);
      process.stdout.write(`replay paused: reports moved to the primary ${movedAfter} ms after the write (bound ${MAX_LAG_MS} ms)\n`);
      const metrics = await registry.getSingleMetricAsString('db_replica_staleness_seconds');
      expect(Number(/^db_replica_staleness_seconds (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThan(MAX_LAG_MS / 1000);
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
    const back = await until(() => reader.source() === 'replica', 10_000, 'the replica serves again');
    expect(await reader.read((db) => rows(db, 'SELECT id FROM loans WHERE id = 500001'))).toEqual([{ id: '500001' }]);
    expect(await readSources.run({}, async () => (await reader.read(whereAmI), readSources.getStore()?.source))).toBe('replica');
    process.stdout.write(`replay resumed: the replica served again after ${back} ms\n`);
    const counted = await registry.getSingleMetricAsString('db_report_reads_total');
    expect(counted).toMatch(/db_report_reads_total\{source="primary"\} [1-9]/);
    expect(counted).toMatch(/db_report_reads_total\{source="replica"\} [1-9]/);
  });

  it('works the same through PgBouncer in transaction mode (<database> and <database>_replica)', async () => {
    const bouncer = await startPgBouncer({
      dir: join(dir, 'pgbouncer'),
      primaryPort: primaryServer.port,
      replica: { port: replicaServer.port, database: 'tutti' },
    });
    const pooledPrimary = await dataSource(bouncer.url('tutti')).initialize();
    const pooled = new ReportReader({
      primary: pooledPrimary,
      replica: dataSource(bouncer.url('tutti_replica')),
      maxLagMs: MAX_LAG_MS,
      checkEveryMs: CHECK_EVERY_MS,
    });
    pooled.start();
    try {
      await until(() => pooled.source() === 'replica', 10_000, 'the replica serves through PgBouncer');
      expect(await pooled.read(whereAmI)).toBe('replica');
      await replica.query('SELECT pg_wal_replay_pause()');
      try {
        await pooledPrimary.query(`INSERT INTO loans VALUES (600001, 4, 100, false)`);
        await until(() => pooled.source() === 'primary', MAX_LAG_MS + 5 * CHECK_EVERY_MS, 'reports move to the primary');
        expect(await pooled.read(whereAmI)).toBe('primary');
      } finally {
        await replica.query('SELECT pg_wal_replay_resume()');
      }
      await until(() => pooled.source() === 'replica', 10_000, 'the replica serves again through PgBouncer');
    } finally {
      await pooled.stop();
      await pooledPrimary.destroy();
      await bouncer.stop();
    }
  });

  it('reads the primary when the replica is stopped: at once for the report under way, and from then on', async () => {
    // (The replica was paused just before: the reader may need a check or two to vouch for it again.)
    await until(() => reader.source() === 'replica', 10_000, 'the replica serves');
    await replicaServer.stop();
    // The report started before any check noticed: its replica read fails on the connection, and it runs on the primary.
    expect(await reader.read(whereAmI)).toBe('primary');
    expect(reader.source()).toBe('primary');
    await sleep(CHECK_EVERY_MS * 3);
    expect(reader.source()).toBe('primary');
    expect(await reader.read(whereAmI)).toBe('primary');
    // A statement error that is not about the replica's availability is the report's own, and surfaces.
    await expect(reader.read((db) => db.query('SELECT * FROM no_such_table'))).rejects.toThrow(/no_such_table/);
  });

  it('without a replica, reads the primary', async () => {
    const plain = new ReportReader({ primary, maxLagMs: MAX_LAG_MS });
    plain.start();
    expect(plain.hasReplica).toBe(false);
    expect(plain.source()).toBe('primary');
    expect(await plain.read(whereAmI)).toBe('primary');
    expect(plain.served()).toEqual({ replica: 0, primary: 1 });
    await plain.stop();
  });
});

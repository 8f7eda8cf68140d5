import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgresReplica, type PostgresHandle } from '@tutti/local-infra';
import { ReportReader } from '@tutti/platform';
import { newTenantId, personas, provisionTestDatabase, requiredTestEnv } from '@tutti/testing';
import pg from 'pg';
import { addInstrument, useLoanTestKit } from '../testing/loan-test-kit';

jest.setTimeout(180_000);

const MAX_LAG_MS = 1_000;

/**
 * The service as deployed with REPLICA_DATABASE_URL: a streaming replica of the test PostgreSQL (a
 * base backup taken here), the service's own role on it, and a short staleness bound.
 */
describe('reports with a streaming replica (REPLICA_DATABASE_URL)', () => {
  const dir = mkdtempSync(join(__dirname, '..', '..', '..', '..', '.tutti', 'loan-replica-'));
  chmodSync(dir, 0o755); // the postgres OS user must be able to enter it
  const overrides: Record<string, string> = { REPLICA_MAX_LAG_MS: String(MAX_LAG_MS) };
  let replica: PostgresHandle;
  let superuserOnReplica: pg.Client;

  // Before the kit's own beforeAll (registered after this one), which reads `overrides`.
  beforeAll(async () => {
    const primary = new URL(requiredTestEnv().databaseUrl);
    const serviceUrl = new URL(await provisionTestDatabase('instrument-loan'));
    replica = await startPostgresReplica({
      dir: join(dir, 'replica'),
      profile: 'test',
      primaryPort: Number(primary.port),
      database: primary.pathname.slice(1),
    });
    serviceUrl.port = String(replica.port); // the same role: the replica is a copy of the primary's cluster
    overrides.REPLICA_DATABASE_URL = serviceUrl.toString();
    superuserOnReplica = new pg.Client({ connectionString: replica.url });
    await superuserOnReplica.connect();
  });
  const kit = useLoanTestKit(overrides);

  afterAll(async () => {
    await superuserOnReplica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await superuserOnReplica?.end();
    await replica?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const stock = async () => {
    const response = await kit.call(admin, 'GET', '/reports/stock');
    expect(response.statusCode).toBe(200);
    const available = response.json().byStatus.find((row: { status: string }) => row.status === 'available');
    return { from: response.headers['x-read-from'], available: (available?.count as number | undefined) ?? 0 };
  };
  const until = async (test: () => Promise<boolean>, ms: number, what: string) => {
    const started = Date.now();
    while (!(await test())) {
      if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Date.now() - started;
  };
  const medianMs = async (times = 9) => {
    const taken: number[] = [];
    for (let i = 0; i < times; i++) {
      const started = process.hrtime.bigint();
      await kit.call(admin, 'GET', '/reports/stock');
      taken.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return taken.sort((a, b) => a - b)[Math.floor(times / 2)];
  };

  it('reads the replica when it has caught up: X-Read-From: replica, with what was just written', async () => {
    for (let i = 0; i < 3; i++) await addInstrument(kit.db, tenantId);
    await until(async () => (await stock()).from === 'replica', 30_000, 'the replica serves the stock report');
    await until(async () => (await stock()).available === 3, 5_000, 'the replica has the three instruments');
    expect(await stock()).toEqual({ from: 'replica', available: 3 });
    expect(kit.app.get(ReportReader).hasReplica).toBe(true);
  });

  it('reads the primary once the replica lags past REPLICA_MAX_LAG_MS (replay paused, then a write), and the replica again after', async () => {
    const onReplica = await medianMs();
    await superuserOnReplica.query('SELECT pg_wal_replay_pause()');
    await addInstrument(kit.db, tenantId);
    const moved = await until(async () => (await stock()).from === 'primary', MAX_LAG_MS + 3_000, 'reports move to the primary');
    expect(await stock()).toEqual({ from: 'primary', available: 4 });
    const onPrimary = await medianMs();
    await superuserOnReplica.query('SELECT pg_wal_replay_resume()');
    const back = await until(async () => (await stock()).from === 'replica', 10_000, 'the replica serves again');
    expect(await stock()).toEqual({ from: 'replica', available: 4 });
    process.stdout.write(
      `GET /reports/stock: replica ${onReplica.toFixed(1)} ms, primary ${onPrimary.toFixed(1)} ms (median of 9); ` +
        `moved to the primary ${moved} ms after the write (bound ${MAX_LAG_MS} ms), back on the replica ${back} ms after resuming\n`,
    );
  });
});

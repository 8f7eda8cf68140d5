import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IDENTITY_HEADER, importIdentityKey, signIdentityToken, type Identity } from '@tutti/auth';
import { SERVICE_NAMES, schemaOf, type ServiceName } from '@tutti/contracts';
import { provisionServiceDatabase } from '@tutti/platform';
import { waitFor } from '@tutti/testing';
import { Client } from 'pg';
import { startDatabaseTopology, topologyOptionsFrom, type DatabaseTopology } from './database-topology';
import { chooseServicePorts, serviceEnvironment, serviceGroup, type ServiceGroup } from './run-system';
import type { ServiceDatabaseUrls } from './databases';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..');
const HOUR = 3_600_000;

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('npm start -- --replica --pgbouncer: the options', () => {
  it('reads the flags or TUTTI_REPLICA / TUTTI_PGBOUNCER, both off by default', () => {
    expect(topologyOptionsFrom([], {})).toEqual({ replica: false, pgbouncer: false });
    expect(topologyOptionsFrom(['--replica', '--pgbouncer'], {})).toEqual({ replica: true, pgbouncer: true });
    expect(topologyOptionsFrom([], { TUTTI_PGBOUNCER: '1', TUTTI_REPLICA: 'no' })).toEqual({ replica: false, pgbouncer: true });
  });
});

/**
 * The running system's replica and PgBouncer, and parent-engagement started by serviceGroup on them as
 * npm start starts it: it migrates (direct), takes bookings through PgBouncer in a race for seats,
 * relays its outbox (LISTEN on a direct connection), and its database variables say where each goes.
 */
describe('a service of the running system through PgBouncer, with a streaming replica', () => {
  const adminUrl = process.env.DATABASE_URL ?? '';
  const database = `topology_${randomBytes(4).toString('hex')}`;
  const databaseAdminUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  const dir = mkdtempSync(join(ROOT, '.tutti', 'topology-'));
  chmodSync(dir, 0o755); // the postgres OS user must be able to enter it
  const queuePrefix = `topology${randomBytes(3).toString('hex')}`;
  let topology: DatabaseTopology;
  let services: ServiceGroup | undefined;
  let urls: ServiceDatabaseUrls;

  beforeAll(async () => {
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
    urls = {} as ServiceDatabaseUrls;
    for (const service of SERVICE_NAMES)
      urls[service] = await provisionServiceDatabase(databaseAdminUrl, service, `test-${schemaOf(service)}`);
    topology = await startDatabaseTopology(databaseAdminUrl, dir, { replica: true, pgbouncer: true }, 'test', () => undefined);
  });

  afterAll(async () => {
    await services?.stopAll();
    await topology?.stop();
    await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each service DATABASE_URL through PgBouncer, DATABASE_DIRECT_URL, and the replica through PgBouncer', async () => {
    const env = topology.databaseEnv(urls).scheduling;
    expect(env.DATABASE_DIRECT_URL).toBe(urls.scheduling);
    expect(new URL(env.DATABASE_URL).port).not.toBe(new URL(urls.scheduling).port);
    expect(new URL(env.REPLICA_DATABASE_URL).pathname).toBe(`/${database}_replica`);
    const settings = {
      databaseUrls: urls,
      redisUrl: 'redis://127.0.0.1:1',
      identityKeys: { privateKey: 'private', publicKey: 'public' },
      ports: await chooseServicePorts({ preferLocalPorts: false }),
      nodeEnv: 'test' as const,
      logLevel: 'warn',
      databaseEnv: topology.databaseEnv(urls),
    };
    expect(serviceEnvironment('scheduling', settings)).toEqual(expect.objectContaining(env));
    expect(serviceEnvironment('scheduling', { ...settings, databaseEnv: undefined }).DATABASE_URL).toBe(urls.scheduling);
    const pooled = await withClient(env.DATABASE_URL, async (client) => (await client.query('SELECT current_user AS who')).rows[0]);
    expect(pooled).toEqual({ who: 'tutti_scheduling' });
    const replica = await withClient(env.REPLICA_DATABASE_URL, async (client) => {
      const { rows } = await client.query('SELECT pg_is_in_recovery() AS recovering, current_user AS who');
      return rows[0];
    });
    expect(replica).toEqual({ recovering: true, who: 'tutti_scheduling' });
  });

  it('runs parent-engagement through it: migrated, 30 families racing for 10 seats get 10 seats, the outbox relayed', async () => {
    const service: ServiceName = 'parent-engagement';
    const ports = await chooseServicePorts({ preferLocalPorts: false });
    services = serviceGroup(
      {
        databaseUrls: urls,
        redisUrl: process.env.REDIS_URL ?? '',
        identityKeys: { privateKey: process.env.IDENTITY_PRIVATE_KEY ?? '', publicKey: process.env.IDENTITY_PUBLIC_KEY ?? '' },
        ports,
        nodeEnv: 'test',
        logLevel: 'warn',
        queuePrefix,
        databaseEnv: topology.databaseEnv(urls),
      },
      { logDir: join(dir, 'logs'), log: () => undefined, timeoutMs: 180_000 },
    );
    const running = await services.start(service);
    const privateKey = await importIdentityKey(process.env.IDENTITY_PRIVATE_KEY ?? '');
    const tenantId = randomUUID();
    const schoolId = randomUUID();
    const headersOf = async (identity: Identity) => ({
      [IDENTITY_HEADER]: await signIdentityToken(identity, service, privateKey, 600),
      'content-type': 'application/json',
    });
    const admin = await headersOf({
      userId: randomUUID(),
      tenantId,
      displayName: 'Admin',
      activeRole: null,
      grants: [{ role: 'programme_admin' }],
    });

    // A published performance, as parent-engagement's event handler writes it; then a 10-seat bus through the API.
    const performanceId = randomUUID();
    const startsAt = new Date(Date.now() + 72 * HOUR);
    await withClient(urls[service], (client) =>
      client.query(
        `INSERT INTO performances (tenant_id, id, title, starts_at, ends_at, venue_name, status, last_event_at) VALUES ($1, $2, 'Spring Concert', $3, $4, 'Hall', 'published', now())`,
        [tenantId, performanceId, startsAt, new Date(startsAt.getTime() + 2 * HOUR)],
      ),
    );
    const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000).toISOString();
    const created = await fetch(`${running.url}/transport-runs`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        performanceId,
        vehicle: 'minibus',
        seats: 10,
        outboundDepartsAt: at(-75),
        returnDepartsAt: at(150),
        bookingsCloseAt: at(-360),
        stops: [{ name: 'School', place: 'Front gate', pickupAt: at(-60) }],
      }),
    });
    expect(created.status).toBe(201);
    const run = (await created.json()) as { id: string; stops: { id: string }[] };

    const answers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const pupilId = randomUUID();
        const headers = await headersOf({
          userId: randomUUID(),
          tenantId,
          displayName: `Parent ${i}`,
          activeRole: null,
          grants: [{ role: 'guardian', pupils: [{ pupilId, schoolId, relationship: 'parent', canBookTransport: true, canConsent: true }] }],
        });
        const response = await fetch(`${running.url}/transport-bookings`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ runId: run.id, stopId: run.stops[0].id, adults: 0, pupilIds: [pupilId] }),
        });
        return { code: response.status, status: ((await response.json()) as { status?: string }).status };
      }),
    );
    expect(answers.filter((answer) => answer.code >= 500)).toEqual([]);
    expect(answers.filter((answer) => answer.status === 'confirmed')).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === 'waitlisted')).toHaveLength(20);

    // Migrated on the direct URL (no advisory lock left anywhere), the relay LISTENing on a direct connection.
    await withClient(databaseAdminUrl, async (client) => {
      const locks = await client.query(
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = $1)`,
        [database],
      );
      expect(locks.rowCount).toBe(0);
      const listening = await client.query<{ application_name: string }>(
        `SELECT application_name FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN %'`,
        [database],
      );
      expect(listening.rows.map((row) => row.application_name)).toContain('tutti-parent-engagement-session');
    });
    // Every event the bookings published leaves the outbox.
    await waitFor(
      async () =>
        withClient(urls[service], async (client) => {
          const { rows } = await client.query<{ total: number; waiting: number }>(
            `SELECT count(*)::int AS total, count(*) FILTER (WHERE sent_at IS NULL)::int AS waiting FROM outbox_events WHERE tenant_id = $1`,
            [tenantId],
          );
          return rows[0].total > 0 && rows[0].waiting === 0;
        }),
      { timeoutMs: 60_000, intervalMs: 250, description: 'the outbox relayed' },
    );
  });
});

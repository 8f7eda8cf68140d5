import { Client } from 'pg';
import type { ServiceName } from '@tutti/contracts';
import { DEMO_AREAS, type DemoArea } from './demo/areas';
import { seedDemoAccounts } from './demo-accounts';
import { seedInstruments } from './demo-instruments';
import { seedEngagement } from './demo-engagement';
import { seedFamilyAccounts } from './demo-families';
import { seedDemoPerformanceDetails, seedDemoRosters } from './demo-performances';
import { seedScheduling } from './demo-scheduling';
import { seedTenants } from './demo-tenants';
import { demoPerformances } from './demo-calendar';
import { seedId, tenantIdOf } from './seed-ids';

export type ServiceDatabaseUrls = Record<ServiceName, string>;
type Log = (line: string) => void;

/**
 * Loads the demo areas into an empty system, each service's rows through that service's own role.
 * Returns false (and changes nothing) when the gateway already has areas.
 */
export async function loadDemoData(urls: ServiceDatabaseUrls, log: Log): Promise<boolean> {
  const started = Date.now();
  const now = new Date();
  const gateway = await connect(urls.gateway);
  try {
    const existing = await gateway.query('SELECT count(*)::int AS n FROM tenants');
    if (existing.rows[0].n > 0) {
      log(`demo data: skipped, the database already holds ${existing.rows[0].n} area(s) (npm run db:reset starts afresh)`);
      return false;
    }
    await seedTenants(urls.gateway, DEMO_AREAS);
    log(`demo data: ${DEMO_AREAS.length} areas`);
    log(`demo data: ${await seedDemoAccounts(gateway)} demo accounts`);
    log(`demo data: ${await seedFamilyAccounts(gateway, DEMO_AREAS)} more families' accounts`);
  } finally {
    await gateway.end();
  }
  await withClient(urls.scheduling, async (db) => {
    await seedSchools(db, DEMO_AREAS);
    log(`demo data: ${DEMO_AREAS.reduce((n, area) => n + area.schools.length, 0)} schools`);
    await seedScheduling(db, log);
  });
  await withClient(urls['performance-event'], async (db) => {
    const performances = await seedPerformances(db, DEMO_AREAS, now);
    const details = await seedDemoPerformanceDetails(db, DEMO_AREAS, now);
    log(`demo data: ${performances + details.schoolPerformances} performances, ${details.runningOrderItems} running-order items`);
    const rosters = await seedDemoRosters(db, DEMO_AREAS, now);
    log(`demo data: performance-event knows ${rosters.pupils} pupils; ${rosters.performers} places on rosters`);
  });
  await withClient(urls['parent-engagement'], (db) => seedEngagement(db, log, now));
  // The instruments seed runs its own transaction.
  const instruments = await connect(urls['instrument-loan']);
  try {
    await seedInstruments(instruments, log, { now });
  } finally {
    await instruments.end();
  }
  log(`demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

async function seedSchools(db: Client, areas: DemoArea[]): Promise<void> {
  for (const area of areas) {
    for (const school of area.schools) {
      await db.query(`INSERT INTO schools (id, tenant_id, name, urn, phase) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`, [
        seedId(`school:${school.urn}`),
        tenantIdOf(area),
        school.name,
        school.urn,
        school.phase,
      ]);
    }
  }
}

async function seedPerformances(db: Client, areas: DemoArea[], now: Date): Promise<number> {
  let count = 0;
  for (const area of areas) {
    const tenantId = tenantIdOf(area);
    for (const venue of area.venues) {
      await db.query(
        `INSERT INTO venues (id, tenant_id, name, kind, address, capacity) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [seedId(`venue:${area.slug}:${venue.name}`), tenantId, venue.name, venue.kind, venue.address, venue.capacity],
      );
    }
    for (const performance of demoPerformances(area, now).filter((candidate) => candidate.offset !== null)) {
      await db.query(
        `INSERT INTO performances (id, tenant_id, venue_id, title, starts_at, ends_at, status, audience)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [
          performance.id,
          tenantId,
          seedId(performance.venueKey),
          performance.title,
          performance.startsAt,
          performance.endsAt,
          performance.status,
          performance.audience,
        ],
      );
      count++;
    }
  }
  return count;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

async function withClient<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

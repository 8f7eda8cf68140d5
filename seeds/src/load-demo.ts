import { Client } from 'pg';
import type { ServiceName } from '@tutti/contracts';
import { DEMO_AREAS, type DemoArea } from './demo/areas';
import { seedDemoAccounts } from './demo-accounts';
import { seedInstruments } from './demo-instruments';
import { seedEngagement } from './demo-engagement';
import { seedDemoPerformanceDetails } from './demo-performances';
import { seedScheduling } from './demo-scheduling';
import { seedId, tenantIdOf } from './seed-ids';

export type ServiceDatabaseUrls = Record<ServiceName, string>;
type Log = (line: string) => void;

/**
 * Loads the demo areas into an empty system, each service's rows through that service's own role.
 * Returns false (and changes nothing) when the gateway already has areas.
 */
export async function loadDemoData(urls: ServiceDatabaseUrls, log: Log): Promise<boolean> {
  const started = Date.now();
  const gateway = await connect(urls.gateway);
  try {
    const existing = await gateway.query('SELECT count(*)::int AS n FROM tenants');
    if (existing.rows[0].n > 0) {
      log(`demo data: skipped, the database already holds ${existing.rows[0].n} area(s) (npm run db:reset starts afresh)`);
      return false;
    }
    await seedTenants(gateway, DEMO_AREAS);
    log(`demo data: ${DEMO_AREAS.length} areas`);
    log(`demo data: ${await seedDemoAccounts(gateway)} demo accounts`);
  } finally {
    await gateway.end();
  }
  await withClient(urls.scheduling, async (db) => {
    await seedSchools(db, DEMO_AREAS);
    log(`demo data: ${DEMO_AREAS.reduce((n, area) => n + area.schools.length, 0)} schools`);
    await seedScheduling(db, log);
  });
  await withClient(urls['performance-event'], async (db) => {
    const performances = await seedPerformances(db, DEMO_AREAS, new Date());
    const details = await seedDemoPerformanceDetails(db, DEMO_AREAS);
    log(`demo data: ${performances + details.schoolPerformances} performances, ${details.runningOrderItems} running-order items`);
  });
  await withClient(urls['parent-engagement'], (db) => seedEngagement(db, log));
  // The instruments seed runs its own transaction.
  const instruments = await connect(urls['instrument-loan']);
  try {
    await seedInstruments(instruments, log);
  } finally {
    await instruments.end();
  }
  log(`demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

async function seedTenants(db: Client, areas: DemoArea[]): Promise<void> {
  for (const area of areas) {
    await db.query(
      `INSERT INTO tenants (id, slug, name, time_zone, weekly_provision_target_minutes, family_languages, family_transport_seat_limit)
       VALUES ($1, $2, $3, 'Europe/London', $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [tenantIdOf(area), area.slug, area.name, area.weeklyProvisionTargetMinutes, area.familyLanguages, area.familyTransportSeatLimit],
    );
  }
}

async function seedSchools(db: Client, areas: DemoArea[]): Promise<void> {
  for (const area of areas) {
    for (const school of area.schools) {
      await db.query(
        `INSERT INTO schools (id, tenant_id, name, urn, phase) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
        [seedId(`school:${school.urn}`), tenantIdOf(area), school.name, school.urn, school.phase],
      );
    }
  }
}

const PERFORMANCE_TITLES = ['Winter Concert', 'Spring Sharing Assembly', 'Side-by-Side with the Orchestra', 'Summer Festival'];

async function seedPerformances(db: Client, areas: DemoArea[], now: Date): Promise<number> {
  let count = 0;
  for (const area of areas) {
    const tenantId = tenantIdOf(area);
    for (const [venueIndex, venue] of area.venues.entries()) {
      const venueId = seedId(`venue:${area.slug}:${venue.name}`);
      await db.query(
        `INSERT INTO venues (id, tenant_id, name, kind, address, capacity) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [venueId, tenantId, venue.name, venue.kind, venue.address, venue.capacity],
      );
      // One past performance and three to come per venue, on weekday evenings a few weeks apart.
      for (const [offset, weeks] of [-3, 2, 5, 9].entries()) {
        const startsAt = eveningInWeeks(now, weeks + venueIndex);
        const title = `${area.name.replace('In Harmony ', '')} ${PERFORMANCE_TITLES[(offset + venueIndex) % PERFORMANCE_TITLES.length]}`;
        await db.query(
          `INSERT INTO performances (id, tenant_id, venue_id, title, starts_at, ends_at, status, audience)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
          [
            seedId(`performance:${area.slug}:${venue.name}:${offset}`),
            tenantId,
            venueId,
            title,
            startsAt,
            new Date(startsAt.getTime() + 90 * 60_000),
            weeks < 0 ? 'completed' : 'published',
            offset === 3 ? 'school_community' : 'public',
          ],
        );
        count++;
      }
    }
  }
  return count;
}

/** 18:00 UTC (18:00 in London in winter, 19:00 in summer) on the Wednesday `weeks` weeks from now. */
function eveningInWeeks(now: Date, weeks: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + weeks * 7, 18));
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  return day;
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

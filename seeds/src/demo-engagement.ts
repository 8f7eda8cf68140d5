import type { Client } from 'pg';
import { DEMO_AREAS, type DemoArea } from './demo/areas';
import { seedId, tenantIdOf } from './seed-ids';

type Log = (line: string) => void;

/** The offsets of load-demo's performances per venue that are still to come and open to the public (3 is a school-community one). */
const UPCOMING_PUBLIC_OFFSETS = new Set([1, 2]);
/** load-demo's weeks-from-now per offset, and its titles: the replica must agree with performance-event's rows. */
const WEEKS_BY_OFFSET = [-3, 2, 5, 9];
const PERFORMANCE_TITLES = ['Winter Concert', 'Spring Sharing Assembly', 'Side-by-Side with the Orchestra', 'Summer Festival'];
const MINUTE = 60_000;

/** As load-demo: 18:00 UTC on the Wednesday `weeks` weeks from now. */
function eveningInWeeks(now: Date, weeks: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + weeks * 7, 18));
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  return day;
}

/** demo-accounts.ts: pupils are numbered across an area's schools, 24 per school. */
const pupilAt = (schoolIndex: number, nth: number) => schoolIndex * 24 + nth;

interface DemoFamily {
  key: 'guardian' | 'tutor_guardian';
  name: string;
  children: { n: number; schoolIndex: number }[];
}

const DEMO_FAMILIES: DemoFamily[] = [
  { key: 'guardian', name: 'Maria Kowalska', children: [{ n: pupilAt(0, 1), schoolIndex: 0 }, { n: pupilAt(1, 1), schoolIndex: 1 }] },
  { key: 'tutor_guardian', name: 'Kwame Mensah', children: [{ n: pupilAt(0, 2), schoolIndex: 0 }] },
];

/** Consents of the demo families' children: [family, pupil number, kind, decision, note]. */
const DEMO_CONSENTS: [DemoFamily['key'], number, string, 'granted' | 'refused', string | null][] = [
  ['guardian', pupilAt(0, 1), 'photo_film', 'granted', 'Yes, except on social media'],
  ['guardian', pupilAt(0, 1), 'performing_in_public', 'granted', null],
  ['guardian', pupilAt(0, 1), 'transport', 'granted', null],
  ['guardian', pupilAt(1, 1), 'transport', 'granted', null],
  ['tutor_guardian', pupilAt(0, 2), 'photo_film', 'refused', null],
  ['tutor_guardian', pupilAt(0, 2), 'transport', 'granted', null],
];

/**
 * Parent engagement's demo data, through its own role: area settings, the replica of the upcoming
 * published demo performances (load-demo's ids and times), a free bus with two stops to each
 * upcoming public one, the demo families with consents for their children and a couple of bus
 * bookings. Idempotent (stable ids, ON CONFLICT DO NOTHING).
 */
export async function seedEngagement(client: Client, log: Log, now: Date = new Date()): Promise<void> {
  let runs = 0;
  let bookings = 0;
  for (const area of DEMO_AREAS) {
    const tenantId = tenantIdOf(area);
    await client.query(`INSERT INTO tenant_settings (tenant_id, family_transport_seat_limit, time_zone) VALUES ($1, $2, 'Europe/London') ON CONFLICT DO NOTHING`, [tenantId, area.familyTransportSeatLimit]);
    const firstRun = await seedPerformancesAndRuns(client, area, now);
    runs += firstRun.count;
    await seedFamilies(client, area);
    if (firstRun.id && firstRun.stopId) bookings += await seedBookings(client, area, firstRun.id, firstRun.stopId);
  }
  log(`demo data: parent engagement: ${DEMO_AREAS.length} areas, ${runs} bus runs, ${bookings} bookings, ${DEMO_CONSENTS.length * DEMO_AREAS.length} consents`);
}

async function seedPerformancesAndRuns(db: Client, area: DemoArea, now: Date): Promise<{ count: number; id?: string; stopId?: string }> {
  const tenantId = tenantIdOf(area);
  let count = 0;
  let first: { id?: string; stopId?: string } = {};
  for (const [venueIndex, venue] of area.venues.entries()) {
    for (const [offset, weeks] of WEEKS_BY_OFFSET.entries()) {
      if (weeks < 0) continue;
      const performanceId = seedId(`performance:${area.slug}:${venue.name}:${offset}`);
      const startsAt = eveningInWeeks(now, weeks + venueIndex);
      const title = `${area.name.replace('In Harmony ', '')} ${PERFORMANCE_TITLES[(offset + venueIndex) % PERFORMANCE_TITLES.length]}`;
      await db.query(
        `INSERT INTO performances (tenant_id, id, title, starts_at, ends_at, venue_name, status, last_event_at) VALUES ($1, $2, $3, $4, $5, $6, 'published', $7)
         ON CONFLICT DO NOTHING`,
        [tenantId, performanceId, title, startsAt, new Date(startsAt.getTime() + 90 * MINUTE), venue.name, now],
      );
      if (!UPCOMING_PUBLIC_OFFSETS.has(offset)) continue;
      const runId = seedId(`transport-run:${performanceId}`);
      const pickups = [startsAt.getTime() - 60 * MINUTE, startsAt.getTime() - 45 * MINUTE];
      await db.query(
        `INSERT INTO transport_runs (tenant_id, id, performance_id, vehicle, seats, outbound_departs_at, return_departs_at, bookings_close_at)
         VALUES ($1, $2, $3, '49-seat coach', 49, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [tenantId, runId, performanceId, new Date(pickups[0] - 15 * MINUTE), new Date(startsAt.getTime() + 105 * MINUTE), new Date(pickups[0] - 24 * 60 * MINUTE)],
      );
      const stopIds: string[] = [];
      for (const [index, school] of area.schools.slice(0, 2).entries()) {
        const stopId = seedId(`pickup-stop:${runId}:${index + 1}`);
        stopIds.push(stopId);
        await db.query(
          `INSERT INTO pickup_stops (tenant_id, id, run_id, position, name, place, pickup_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [tenantId, stopId, runId, index + 1, school.name, `${school.name}, front gate`, new Date(pickups[index])],
        );
      }
      if (!first.id) first = { id: runId, stopId: stopIds[0] };
      count++;
    }
  }
  return { count, ...first };
}

async function seedFamilies(db: Client, area: DemoArea): Promise<void> {
  const tenantId = tenantIdOf(area);
  for (const family of DEMO_FAMILIES) {
    const guardianId = seedId(`account:${area.slug}:${family.key}`);
    await db.query(`INSERT INTO families (tenant_id, guardian_id, display_name, email) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      tenantId,
      guardianId,
      family.name,
      `${family.key.replace('_', '-')}@${area.slug}.tutti.test`,
    ]);
    for (const child of family.children) {
      await db.query(`INSERT INTO family_children (tenant_id, guardian_id, pupil_id, school_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        tenantId,
        guardianId,
        seedId(`pupil:${area.slug}:${child.n}`),
        seedId(`school:${area.schools[child.schoolIndex].urn}`),
      ]);
    }
  }
  for (const [familyKey, n, kind, decision, note] of DEMO_CONSENTS) {
    const family = DEMO_FAMILIES.find((candidate) => candidate.key === familyKey);
    const child = family?.children.find((candidate) => candidate.n === n);
    if (!family || !child) continue;
    await db.query(
      `INSERT INTO consent_records (tenant_id, id, pupil_id, school_id, kind, decision, note, given_by, given_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING`,
      [tenantId, seedId(`consent:${area.slug}:${n}:${kind}`), seedId(`pupil:${area.slug}:${n}`), seedId(`school:${area.schools[child.schoolIndex].urn}`), kind, decision, note, seedId(`account:${area.slug}:${familyKey}`), family.name],
    );
  }
}

/** Each demo family has a confirmed seat for one adult and their first child on the area's first bus. */
async function seedBookings(db: Client, area: DemoArea, runId: string, stopId: string): Promise<number> {
  const tenantId = tenantIdOf(area);
  for (const family of DEMO_FAMILIES) {
    const child = family.children[0];
    await db.query(
      `INSERT INTO transport_bookings (tenant_id, id, run_id, stop_id, guardian_id, guardian_name, pupil_ids, school_ids, adults, children, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, 1, 'confirmed') ON CONFLICT DO NOTHING`,
      [tenantId, seedId(`transport-booking:${runId}:${family.key}`), runId, stopId, seedId(`account:${area.slug}:${family.key}`), family.name, [seedId(`pupil:${area.slug}:${child.n}`)], [seedId(`school:${area.schools[child.schoolIndex].urn}`)]],
    );
  }
  // The run's counter follows its bookings, however often this runs.
  await db.query(
    `UPDATE transport_runs r SET seats_taken = (SELECT COALESCE(sum(b.seats), 0) FROM transport_bookings b WHERE b.tenant_id = r.tenant_id AND b.run_id = r.id AND b.status IN ('confirmed', 'offered'))
      WHERE r.tenant_id = $1 AND r.id = $2`,
    [tenantId, runId],
  );
  return DEMO_FAMILIES.length;
}

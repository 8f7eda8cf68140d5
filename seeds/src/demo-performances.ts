import type { Client } from 'pg';
import type { DemoArea } from './demo/areas';
import { seedId, tenantIdOf } from './seed-ids';

const PIECES: { piece: string; composer: string | null; arranger: string | null; minutes: number }[] = [
  { piece: 'Ode to Joy', composer: 'Ludwig van Beethoven', arranger: 'In Harmony', minutes: 4 },
  { piece: 'Fanfare for the Common Man', composer: 'Aaron Copland', arranger: null, minutes: 4 },
  { piece: 'In the Hall of the Mountain King', composer: 'Edvard Grieg', arranger: 'In Harmony', minutes: 3 },
  { piece: 'Jupiter (from The Planets)', composer: 'Gustav Holst', arranger: 'In Harmony', minutes: 6 },
  { piece: 'Ferry Cross the Mersey', composer: 'Gerry Marsden', arranger: 'In Harmony', minutes: 4 },
  { piece: 'Eine kleine Nachtmusik, first movement', composer: 'Wolfgang Amadeus Mozart', arranger: null, minutes: 6 },
];

const PROFESSIONALS = [
  { name: 'Helen Clarke', instrument: 'violin', organisation: 'Royal Liverpool Philharmonic' },
  { name: 'Tomasz Nowak', instrument: 'cello', organisation: 'Royal Liverpool Philharmonic' },
  { name: 'Grace Adeyemi', instrument: 'trumpet', organisation: null },
];

/**
 * Richer demo data for performance-event, on top of load-demo's venues and performances (whose ids
 * it keeps): call times, dress, professionals side by side, running orders that fit their slots,
 * each school's hall and a sharing assembly there, and the school names the fairness view shows.
 * Idempotent. Run through performance-event's own role, inside the caller's transaction.
 */
export async function seedDemoPerformanceDetails(db: Client, areas: DemoArea[], now: Date = new Date()): Promise<{ runningOrderItems: number; schoolPerformances: number }> {
  let runningOrderItems = 0;
  let schoolPerformances = 0;
  for (const area of areas) {
    const tenantId = tenantIdOf(area);
    for (const school of area.schools) {
      await db.query(`INSERT INTO replica_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, school_id) DO NOTHING`, [tenantId, seedId(`school:${school.urn}`), school.name]);
    }
    for (const venue of area.venues) {
      for (let offset = 0; offset < 4; offset++) {
        const performanceId = seedId(`performance:${area.slug}:${venue.name}:${offset}`);
        const sideBySide = offset % 2 === 0;
        await db.query(
          `UPDATE performances SET call_time = starts_at - interval '45 minutes', dress = $3, professional_musicians = $4::jsonb
           WHERE tenant_id = $1 AND id = $2 AND call_time IS NULL`,
          [tenantId, performanceId, 'School uniform; black shoes; instruments in cases', JSON.stringify(sideBySide ? PROFESSIONALS : [])],
        );
        runningOrderItems += await seedRunningOrder(db, tenantId, performanceId, offset);
      }
    }
    for (const [index, school] of area.schools.entries()) {
      const schoolId = seedId(`school:${school.urn}`);
      const hallId = seedId(`venue:${area.slug}:hall:${school.urn}`);
      await db.query(
        `INSERT INTO venues (id, tenant_id, name, kind, address, capacity, access_notes, school_id) VALUES ($1, $2, $3, 'school_hall', $4, 180, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [hallId, tenantId, `${school.name} hall`, `${school.name}, ${area.name.replace('In Harmony ', '')}`, 'Step-free entrance by the playground gate', schoolId],
      );
      // A Friday-afternoon sharing assembly for families, a week apart per school.
      const startsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 10 + index * 7, 14, 30));
      const performanceId = seedId(`performance:${area.slug}:sharing:${school.urn}`);
      await db.query(
        `INSERT INTO performances (id, tenant_id, venue_id, school_id, title, starts_at, ends_at, call_time, dress, status, audience, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'School uniform', $9, 'school_community', $10) ON CONFLICT (id) DO NOTHING`,
        [
          performanceId,
          tenantId,
          hallId,
          schoolId,
          `${school.name} Sharing Assembly`,
          startsAt,
          new Date(startsAt.getTime() + 40 * 60_000),
          new Date(startsAt.getTime() - 30 * 60_000),
          index === 0 ? 'draft' : 'published',
          index === 0 ? null : now,
        ],
      );
      runningOrderItems += await seedRunningOrder(db, tenantId, performanceId, index, 3);
      schoolPerformances++;
    }
  }
  return { runningOrderItems, schoolPerformances };
}

/** Returns the number of items it inserted (none on a re-run, or where the performance does not exist). */
async function seedRunningOrder(db: Client, tenantId: string, performanceId: string, rotation: number, count = 5): Promise<number> {
  let inserted = 0;
  for (let position = 0; position < count; position++) {
    const { piece, composer, arranger, minutes } = PIECES[(position + rotation) % PIECES.length];
    const result = await db.query(
      `INSERT INTO running_order_items (tenant_id, id, performance_id, position, piece, composer, arranger, duration_seconds)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM performances WHERE tenant_id = $1 AND id = $3)
       ON CONFLICT DO NOTHING`,
      [tenantId, seedId(`running-order:${performanceId}:${position}`), performanceId, position, piece, composer, arranger, minutes * 60],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

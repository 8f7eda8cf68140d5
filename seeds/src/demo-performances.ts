import type { Client } from 'pg';
import type { DemoArea } from './demo/areas';
import { demoPerformances } from './demo-calendar';
import { demoConsents } from './demo-families';
import { demoEnsembles, demoPupils } from './demo-pupils';
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
export async function seedDemoPerformanceDetails(
  db: Client,
  areas: DemoArea[],
  now: Date = new Date(),
): Promise<{ runningOrderItems: number; schoolPerformances: number }> {
  let runningOrderItems = 0;
  let schoolPerformances = 0;
  for (const area of areas) {
    const tenantId = tenantIdOf(area);
    for (const school of area.schools) {
      await db.query(
        `INSERT INTO replica_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, school_id) DO NOTHING`,
        [tenantId, seedId(`school:${school.urn}`), school.name],
      );
    }
    const performances = demoPerformances(area, now);
    for (const performance of performances.filter((candidate) => candidate.offset !== null)) {
      const offset = performance.offset ?? 0;
      const sideBySide = offset % 2 === 0;
      await db.query(
        `UPDATE performances SET call_time = starts_at - interval '45 minutes', dress = $3, professional_musicians = $4::jsonb
         WHERE tenant_id = $1 AND id = $2 AND call_time IS NULL`,
        [tenantId, performance.id, 'School uniform; black shoes; instruments in cases', JSON.stringify(sideBySide ? PROFESSIONALS : [])],
      );
      runningOrderItems += await seedRunningOrder(db, tenantId, performance.id, offset);
    }
    for (const performance of performances.filter((candidate) => candidate.offset === null)) {
      const school = area.schools[performance.index];
      await db.query(
        `INSERT INTO venues (id, tenant_id, name, kind, address, capacity, access_notes, school_id) VALUES ($1, $2, $3, 'school_hall', $4, 180, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [
          seedId(performance.venueKey),
          tenantId,
          performance.venueName,
          `${school.name}, ${area.name.replace('In Harmony ', '')}`,
          'Step-free entrance by the playground gate',
          performance.schoolId,
        ],
      );
      await db.query(
        `INSERT INTO performances (id, tenant_id, venue_id, school_id, title, starts_at, ends_at, call_time, dress, status, audience, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'School uniform', $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
        [
          performance.id,
          tenantId,
          seedId(performance.venueKey),
          performance.schoolId,
          performance.title,
          performance.startsAt,
          performance.endsAt,
          new Date(performance.startsAt.getTime() - 30 * 60_000),
          performance.status,
          performance.audience,
          performance.status === 'draft' ? null : now,
        ],
      );
      runningOrderItems += await seedRunningOrder(db, tenantId, performance.id, performance.index, 3);
      schoolPerformances++;
    }
  }
  return { runningOrderItems, schoolPerformances };
}

/**
 * What performance-event would have learnt from scheduling's and parent engagement's events
 * (pupils, ensembles and their members, consents), written as its replica handlers write them; then
 * the ensembles taking part in each demo performance and, for those published or completed, the
 * roster as building it from those ensembles gives, with a soloist in each past performance.
 * Returns the number of performers on rosters.
 */
export async function seedDemoRosters(
  db: Client,
  areas: DemoArea[],
  now: Date = new Date(),
): Promise<{ pupils: number; performers: number }> {
  let pupils = 0;
  for (const area of areas) {
    const tenantId = tenantIdOf(area);
    const areaPupils = demoPupils(area);
    pupils += areaPupils.length;
    await db.query(
      `INSERT INTO replica_pupils (tenant_id, pupil_id, school_id, display_name)
       SELECT $1, p.pupil_id, p.school_id, p.display_name FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS p (pupil_id, school_id, display_name)
       ON CONFLICT (tenant_id, pupil_id) DO NOTHING`,
      [tenantId, areaPupils.map((p) => p.id), areaPupils.map((p) => p.schoolId), areaPupils.map((p) => p.displayName)],
    );
    for (const ensemble of demoEnsembles(area)) {
      await db.query(
        `INSERT INTO replica_ensembles (tenant_id, ensemble_id, school_id, name, snapshot_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [tenantId, ensemble.id, ensemble.schoolId, ensemble.name, now],
      );
      await db.query(
        `INSERT INTO replica_ensemble_members (tenant_id, ensemble_id, pupil_id, instrument)
         SELECT $1, $2, m.pupil_id, m.instrument FROM unnest($3::uuid[], $4::text[]) AS m (pupil_id, instrument) ON CONFLICT DO NOTHING`,
        [tenantId, ensemble.id, ensemble.members.map((m) => m.pupil.id), ensemble.members.map((m) => m.instrument)],
      );
    }
    const consents = demoConsents(area);
    await db.query(
      `INSERT INTO replica_consents (tenant_id, pupil_id, kind, granted, note, changed_at)
       SELECT $1, c.pupil_id, c.kind, c.granted, c.note, $6 FROM unnest($2::uuid[], $3::text[], $4::boolean[], $5::text[]) AS c (pupil_id, kind, granted, note)
       ON CONFLICT DO NOTHING`,
      [
        tenantId,
        consents.map((c) => c.pupil.id),
        consents.map((c) => c.kind),
        consents.map((c) => c.decision === 'granted'),
        consents.map((c) => c.note),
        now,
      ],
    );
    const performances = demoPerformances(area, now);
    for (const performance of performances) {
      await db.query(
        `INSERT INTO performance_ensembles (tenant_id, performance_id, ensemble_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
        [tenantId, performance.id, performance.ensembleKeys.map((key) => seedId(`${area.slug}:${key}`))],
      );
    }
    // As building the roster does: each current member once, from the first of their ensembles taking part. Drafts are left to build.
    const rostered = performances.filter((performance) => performance.status !== 'draft').map((performance) => performance.id);
    await db.query(
      `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, instrument, source, ensemble_id, updated_at)
       SELECT DISTINCT ON (pe.performance_id, m.pupil_id) pe.tenant_id, pe.performance_id, m.pupil_id, p.school_id, m.instrument, 'ensemble', m.ensemble_id, $3
       FROM performance_ensembles pe
       JOIN replica_ensemble_members m ON m.tenant_id = pe.tenant_id AND m.ensemble_id = pe.ensemble_id
       JOIN replica_pupils p ON p.tenant_id = m.tenant_id AND p.pupil_id = m.pupil_id AND p.left_on IS NULL
       WHERE pe.tenant_id = $1 AND pe.performance_id = ANY($2::uuid[])
       ORDER BY pe.performance_id, m.pupil_id, m.ensemble_id
       ON CONFLICT DO NOTHING`,
      [tenantId, rostered, now],
    );
    // A featured turn in each past performance: the second piece's soloist, one of its performers.
    const past = performances.filter((performance) => performance.status === 'completed').map((performance) => performance.id);
    await db.query(
      `UPDATE running_order_items i SET soloist_pupil_ids = ARRAY[(SELECT r.pupil_id FROM roster_entries r WHERE r.tenant_id = i.tenant_id AND r.performance_id = i.performance_id ORDER BY r.pupil_id LIMIT 1)]
       WHERE i.tenant_id = $1 AND i.performance_id = ANY($2::uuid[]) AND i.position = 1 AND i.soloist_pupil_ids = '{}'
         AND EXISTS (SELECT 1 FROM roster_entries r WHERE r.tenant_id = i.tenant_id AND r.performance_id = i.performance_id)`,
      [tenantId, past],
    );
  }
  const performers = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM roster_entries');
  return { pupils, performers: performers.rows[0].n };
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

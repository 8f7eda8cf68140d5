import type { Client } from 'pg';
import { DEMO_AREAS, type DemoArea } from './demo/areas';
import { demoPerformances, type DemoPerformance } from './demo-calendar';
import { demoConsents, demoFamilies, type DemoFamily } from './demo-families';
import { DEMO_CLASSES, chance, demoClassId, demoEnsembles, demoPupils } from './demo-pupils';
import { seedId, tenantIdOf } from './seed-ids';

type Log = (line: string) => void;

const MINUTE = 60_000;
const COACH_SEATS = 49;
/** Seats left free on each demo coach, so that a demo parent can always still book one. */
const SEATS_KEPT_FREE = 8;

interface Run {
  id: string;
  performance: DemoPerformance;
  stopIds: string[];
  seatsTaken: number;
}

interface Counts {
  runs: number;
  bookings: number;
  rsvps: number;
  families: number;
  consents: number;
  announcements: number;
  rosterPupils: number;
  ensembles: number;
}

/**
 * Parent engagement's demo data, through its own role: area settings; the replica of the demo
 * performances performance-event has published (the past one too, as it was published then); a free
 * coach with two stops to each public performance; the area's families (demo-families.ts) with their
 * children and consents; bus bookings and RSVPs from about half the families (checked in at the past
 * performance, so that transport uptake has history); an announcement to each school's families;
 * and the roster replica (pupils' classes and ensembles, by id) that class and ensemble announcements
 * reach. Idempotent (stable ids, ON CONFLICT DO NOTHING).
 */
export async function seedEngagement(client: Client, log: Log, now: Date = new Date()): Promise<void> {
  const counts: Counts = { runs: 0, bookings: 0, rsvps: 0, families: 0, consents: 0, announcements: 0, rosterPupils: 0, ensembles: 0 };
  for (const area of DEMO_AREAS) {
    const tenantId = tenantIdOf(area);
    const performances = demoPerformances(area, now).filter((performance) => performance.status !== 'draft');
    for (const performance of performances) {
      await client.query(
        `INSERT INTO performances (tenant_id, id, title, starts_at, ends_at, venue_name, status, last_event_at) VALUES ($1, $2, $3, $4, $5, $6, 'published', $7)
         ON CONFLICT DO NOTHING`,
        [tenantId, performance.id, performance.title, performance.startsAt, performance.endsAt, performance.venueName, now],
      );
    }
    const runs: Run[] = [];
    for (const performance of performances.filter((candidate) => candidate.audience === 'public'))
      runs.push(await seedRun(client, area, performance));
    counts.runs += runs.length;
    const families = demoFamilies(area);
    counts.families += families.length;
    counts.consents += await seedFamilies(client, area, families);
    counts.bookings += await seedBookings(client, area, families, runs, now);
    counts.rsvps += await seedRsvps(client, area, families, performances, now);
    counts.announcements += await seedAnnouncements(client, area, families, performances, now);
    const roster = await seedRoster(client, area, now);
    counts.rosterPupils += roster.pupils;
    counts.ensembles += roster.ensembles;
  }
  log(
    `demo data: parent engagement: ${counts.families} families, ${counts.consents} consents, ${counts.runs} bus runs, ${counts.bookings} bookings, ${counts.rsvps} RSVPs, ${counts.announcements} announcements, a roster of ${counts.rosterPupils} pupils and ${counts.ensembles} ensembles`,
  );
}

/** Seeded rows stand for no event: any event scheduling publishes later replaces them. */
const NO_EVENT = '00000000-0000-0000-0000-000000000000';

/**
 * The roster replica as scheduling's events would have built it: the area's schools (ids only, as
 * scheduling seeds them, so that the programme admin can set any of them a Reply-To), each demo
 * pupil's school and class (ids only), and each demo ensemble's members, so that a class or
 * ensemble announcement reaches the demo families.
 */
async function seedRoster(db: Client, area: DemoArea, now: Date): Promise<{ pupils: number; ensembles: number }> {
  const tenantId = tenantIdOf(area);
  // No event mark (NULL): any school event scheduling publishes later replaces the seeded row.
  await db.query(
    'INSERT INTO roster_schools (tenant_id, school_id) SELECT $1, s.school_id FROM unnest($2::uuid[]) AS s (school_id) ON CONFLICT DO NOTHING',
    [tenantId, area.schools.map((school) => seedId(`school:${school.urn}`))],
  );
  const pupils = demoPupils(area);
  const classIds = pupils.map((pupil) => demoClassId(area, pupil.schoolUrn, DEMO_CLASSES[pupil.classIndex].name));
  await db.query(
    `INSERT INTO roster_pupils (tenant_id, pupil_id, school_id, class_id, event_at, event_id)
     SELECT $1, p.pupil_id, p.school_id, p.class_id, $5, $6 FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS p (pupil_id, school_id, class_id) ON CONFLICT DO NOTHING`,
    [tenantId, pupils.map((pupil) => pupil.id), pupils.map((pupil) => pupil.schoolId), classIds, now, NO_EVENT],
  );
  await db.query(
    `INSERT INTO roster_classes (tenant_id, class_id, school_id) SELECT DISTINCT $1::uuid, c.class_id, c.school_id FROM unnest($2::uuid[], $3::uuid[]) AS c (class_id, school_id) ON CONFLICT DO NOTHING`,
    [tenantId, classIds, pupils.map((pupil) => pupil.schoolId)],
  );
  const ensembles = demoEnsembles(area);
  for (const ensemble of ensembles) {
    const inserted = await db.query(
      `INSERT INTO roster_ensembles (tenant_id, ensemble_id, school_id, name, snapshot_at, snapshot_event_id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [tenantId, ensemble.id, ensemble.schoolId, ensemble.name, now, NO_EVENT],
    );
    if (inserted.rowCount === 0) continue;
    await db.query(
      `INSERT INTO roster_ensemble_members (tenant_id, ensemble_id, pupil_id, school_id) SELECT $1, $2, m.pupil_id, m.school_id FROM unnest($3::uuid[], $4::uuid[]) AS m (pupil_id, school_id)`,
      [tenantId, ensemble.id, ensemble.members.map((member) => member.pupil.id), ensemble.members.map((member) => member.pupil.schoolId)],
    );
  }
  return { pupils: pupils.length, ensembles: ensembles.length };
}

async function seedRun(db: Client, area: DemoArea, performance: DemoPerformance): Promise<Run> {
  const tenantId = tenantIdOf(area);
  const runId = seedId(`transport-run:${performance.id}`);
  const startsAt = performance.startsAt.getTime();
  const pickups = [startsAt - 60 * MINUTE, startsAt - 45 * MINUTE];
  await db.query(
    `INSERT INTO transport_runs (tenant_id, id, performance_id, vehicle, seats, outbound_departs_at, return_departs_at, bookings_close_at)
     VALUES ($1, $2, $3, '49-seat coach', $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [
      tenantId,
      runId,
      performance.id,
      COACH_SEATS,
      new Date(pickups[0] - 15 * MINUTE),
      new Date(startsAt + 105 * MINUTE),
      new Date(pickups[0] - 24 * 60 * MINUTE),
    ],
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
  return { id: runId, performance, stopIds, seatsTaken: 0 };
}

async function seedFamilies(db: Client, area: DemoArea, families: DemoFamily[]): Promise<number> {
  const tenantId = tenantIdOf(area);
  await db.query(
    `INSERT INTO families (tenant_id, guardian_id, display_name, email, language)
     SELECT $1, f.id, f.name, f.email, f.language FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS f (id, name, email, language) ON CONFLICT DO NOTHING`,
    [
      tenantId,
      families.map((f) => f.guardianId),
      families.map((f) => f.name),
      families.map((f) => f.email),
      families.map((f) => f.language),
    ],
  );
  const children = families.flatMap((family) => family.children.map((child) => ({ family, child })));
  await db.query(
    `INSERT INTO family_children (tenant_id, guardian_id, pupil_id, school_id)
     SELECT $1, c.guardian_id, c.pupil_id, c.school_id FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS c (guardian_id, pupil_id, school_id) ON CONFLICT DO NOTHING`,
    [tenantId, children.map((c) => c.family.guardianId), children.map((c) => c.child.id), children.map((c) => c.child.schoolId)],
  );
  const consents = demoConsents(area);
  await db.query(
    `INSERT INTO consent_records (tenant_id, id, pupil_id, school_id, kind, decision, note, given_by, given_by_name)
     SELECT $1, c.id, c.pupil_id, c.school_id, c.kind, c.decision, c.note, c.given_by, c.given_by_name
     FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[]) AS c (id, pupil_id, school_id, kind, decision, note, given_by, given_by_name)
     ON CONFLICT DO NOTHING`,
    [
      tenantId,
      consents.map((c) => seedId(`consent:${area.slug}:${c.pupil.n}:${c.kind}`)),
      consents.map((c) => c.pupil.id),
      consents.map((c) => c.pupil.schoolId),
      consents.map((c) => c.kind),
      consents.map((c) => c.decision),
      consents.map((c) => c.note),
      consents.map((c) => c.family.guardianId),
      consents.map((c) => c.family.name),
    ],
  );
  return consents.length;
}

/**
 * The demo guardians have a confirmed seat for one adult and their first child on the area's first
 * upcoming coach; about a third of the other families book a coach to each public performance,
 * from the stop of their child's school (checked in at the one already past).
 */
async function seedBookings(db: Client, area: DemoArea, families: DemoFamily[], runs: Run[], now: Date): Promise<number> {
  const tenantId = tenantIdOf(area);
  const firstUpcoming = runs.find((run) => run.performance.startsAt > now);
  const rows: { id: string; run: Run; stopId: string; family: DemoFamily; adults: number; checkedInAt: Date | null; createdAt: Date }[] =
    [];
  for (const run of runs) {
    const past = run.performance.startsAt <= now;
    for (const family of families) {
      const child = family.children[0];
      const booked = family.demoAccount ? run === firstUpcoming : chance(`booking:${run.id}:${family.guardianId}`) < 0.35;
      if (!booked) continue;
      const adults = family.demoAccount
        ? 1
        : 1 + Math.floor(chance(`adults:${run.id}:${family.guardianId}`) * Math.min(2, area.familyTransportSeatLimit - 1));
      if (run.seatsTaken + adults + 1 > COACH_SEATS - SEATS_KEPT_FREE) continue;
      run.seatsTaken += adults + 1;
      rows.push({
        id: seedId(`transport-booking:${run.id}:${family.key}`),
        run,
        stopId: run.stopIds[Math.min(child.schoolIndex, run.stopIds.length - 1)],
        family,
        adults,
        checkedInAt: past ? new Date(run.performance.startsAt.getTime() - 55 * MINUTE) : null,
        createdAt: new Date(Math.min(now.getTime(), run.performance.startsAt.getTime() - 7 * 24 * 60 * MINUTE)),
      });
    }
  }
  const inserted = await db.query(
    `INSERT INTO transport_bookings (tenant_id, id, run_id, performance_id, stop_id, guardian_id, guardian_name, pupil_ids, family_pupil_ids, school_ids, adults, children, status, checked_in_at, created_at)
     SELECT $1, b.id, b.run_id, (SELECT r.performance_id FROM transport_runs r WHERE r.tenant_id = $1 AND r.id = b.run_id), b.stop_id, b.guardian_id, b.guardian_name, ARRAY[b.pupil_id], ARRAY[b.pupil_id], ARRAY[b.school_id], b.adults, 1, 'confirmed', b.checked_in_at, b.created_at
     FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::uuid[], $9::int[], $10::timestamptz[], $11::timestamptz[])
            AS b (id, run_id, stop_id, guardian_id, guardian_name, pupil_id, school_id, adults, checked_in_at, created_at)
     ON CONFLICT DO NOTHING`,
    [
      tenantId,
      rows.map((row) => row.id),
      rows.map((row) => row.run.id),
      rows.map((row) => row.stopId),
      rows.map((row) => row.family.guardianId),
      rows.map((row) => row.family.name),
      rows.map((row) => row.family.children[0].id),
      rows.map((row) => row.family.children[0].schoolId),
      rows.map((row) => row.adults),
      rows.map((row) => row.checkedInAt),
      rows.map((row) => row.createdAt),
    ],
  );
  // Each run's counter follows its bookings, however often this runs.
  await db.query(
    `UPDATE transport_runs r SET seats_taken = (SELECT COALESCE(sum(b.seats), 0) FROM transport_bookings b WHERE b.tenant_id = r.tenant_id AND b.run_id = r.id AND b.status IN ('confirmed', 'offered'))
      WHERE r.tenant_id = $1 AND r.id = ANY($2::uuid[])`,
    [tenantId, runs.map((run) => run.id)],
  );
  return inserted.rowCount ?? 0;
}

/** About half the other families answer each performance (most coming); those at the past one were checked in. The demo guardians' answers are left to them. */
async function seedRsvps(db: Client, area: DemoArea, families: DemoFamily[], performances: DemoPerformance[], now: Date): Promise<number> {
  const tenantId = tenantIdOf(area);
  const rows: {
    id: string;
    performance: DemoPerformance;
    family: DemoFamily;
    attending: boolean;
    adults: number;
    arrived: boolean;
    updatedAt: Date;
  }[] = [];
  for (const performance of performances) {
    const past = performance.startsAt <= now;
    for (const family of families) {
      const child = family.children[0];
      if (family.demoAccount || (performance.schoolId !== null && performance.schoolId !== child.schoolId)) continue;
      if (chance(`rsvp:${performance.id}:${family.guardianId}`) >= 0.5) continue;
      const attending = chance(`attending:${performance.id}:${family.guardianId}`) < 0.85;
      rows.push({
        id: seedId(`rsvp:${performance.id}:${family.guardianId}`),
        performance,
        family,
        attending,
        adults: attending ? 1 + Math.floor(chance(`rsvp-adults:${performance.id}:${family.guardianId}`) * 3) : 0,
        arrived: attending && past,
        updatedAt: new Date(Math.min(now.getTime(), performance.startsAt.getTime() - 3 * 24 * 60 * MINUTE)),
      });
    }
  }
  const inserted = await db.query(
    `INSERT INTO rsvps (tenant_id, id, performance_id, guardian_id, guardian_name, pupil_ids, school_ids, attending, adults, children, arrived_adults, arrived_children, checked_in_at, updated_at)
     SELECT $1, v.id, v.performance_id, v.guardian_id, v.guardian_name, ARRAY[v.pupil_id], ARRAY[v.school_id], v.attending, v.adults, CASE WHEN v.attending THEN 1 ELSE 0 END,
            CASE WHEN v.arrived THEN v.adults END, CASE WHEN v.arrived THEN 1 END, CASE WHEN v.arrived THEN v.starts_at - interval '10 minutes' END, v.updated_at
     FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::uuid[], $8::boolean[], $9::int[], $10::boolean[], $11::timestamptz[], $12::timestamptz[])
            AS v (id, performance_id, guardian_id, guardian_name, pupil_id, school_id, attending, adults, arrived, starts_at, updated_at)
     ON CONFLICT DO NOTHING`,
    [
      tenantId,
      rows.map((row) => row.id),
      rows.map((row) => row.performance.id),
      rows.map((row) => row.family.guardianId),
      rows.map((row) => row.family.name),
      rows.map((row) => row.family.children[0].id),
      rows.map((row) => row.family.children[0].schoolId),
      rows.map((row) => row.attending),
      rows.map((row) => row.adults),
      rows.map((row) => row.arrived),
      rows.map((row) => row.performance.startsAt),
      rows.map((row) => row.updatedAt),
    ],
  );
  return inserted.rowCount ?? 0;
}

/** From the programme admin: a note to each school's families a fortnight ago, and one about the first public performance to come, to its families. */
async function seedAnnouncements(
  db: Client,
  area: DemoArea,
  families: DemoFamily[],
  performances: DemoPerformance[],
  now: Date,
): Promise<number> {
  const tenantId = tenantIdOf(area);
  const senderId = seedId(`account:${area.slug}:programme_admin`);
  const senderName = 'Sam Whitfield';
  const sentAt = new Date(now.getTime() - 14 * 24 * 60 * MINUTE);
  const announcements: {
    id: string;
    schoolId: string | null;
    performanceId: string | null;
    subject: string;
    body: string;
    to: DemoFamily[];
  }[] = [];
  for (const [index, school] of area.schools.entries()) {
    announcements.push({
      id: seedId(`announcement:${area.slug}:${school.urn}:instruments`),
      schoolId: seedId(`school:${school.urn}`),
      performanceId: null,
      subject: 'Instruments going home',
      body: `Instruments from ${school.name} go home with the children each Friday. Please keep them in their cases, away from radiators, and bring them back on Monday. Thank you!`,
      to: families.filter((family) => family.children.some((child) => child.schoolIndex === index)),
    });
  }
  const next = performances.find((performance) => performance.audience === 'public' && performance.startsAt > now);
  if (next) {
    announcements.push({
      id: seedId(`announcement:${next.id}`),
      schoolId: null,
      performanceId: next.id,
      subject: `Come to the ${next.title}`,
      body: `The children play at ${next.venueName}. Families are welcome, and there is a free coach from school: book your seats in Tutti.`,
      to: families,
    });
  }
  for (const announcement of announcements) {
    const inserted = await db.query(
      `INSERT INTO announcements (tenant_id, id, sender_id, sender_name, audience, school_id, performance_id, subject, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [
        tenantId,
        announcement.id,
        senderId,
        senderName,
        announcement.schoolId ? 'school' : 'performance',
        announcement.schoolId,
        announcement.performanceId,
        announcement.subject,
        announcement.body,
        sentAt,
      ],
    );
    if (inserted.rowCount === 0) continue;
    await db.query(
      `INSERT INTO announcement_deliveries (tenant_id, announcement_id, guardian_id, status, sent_at, updated_at) SELECT $1, $2, g, 'sent', $3, $3 FROM unnest($4::uuid[]) AS g ON CONFLICT DO NOTHING`,
      [tenantId, announcement.id, sentAt, announcement.to.map((family) => family.guardianId)],
    );
  }
  return announcements.length;
}

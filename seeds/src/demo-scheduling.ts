import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { DEMO_AREAS, type DemoArea } from './demo/areas';
import { seedId, tenantIdOf } from './seed-ids';

type Log = (line: string) => void;

/** gov.uk's published bank holidays (https://www.gov.uk/bank-holidays.json), kept as the file they publish. */
const GOV_UK_BANK_HOLIDAYS = JSON.parse(readFileSync(join(__dirname, '..', 'data', 'uk-bank-holidays.json'), 'utf8')) as GovUkBankHolidays;

interface GovUkBankHolidays {
  'england-and-wales': { division: string; events: { title: string; date: string; notes: string; bunting: boolean }[] };
}

const TERMS = [
  { key: 'autumn-2026', name: 'Autumn 2026', startsOn: '2026-09-02', endsOn: '2026-12-18' },
  { key: 'spring-2027', name: 'Spring 2027', startsOn: '2027-01-05', endsOn: '2027-03-26' },
  { key: 'summer-2027', name: 'Summer 2027', startsOn: '2027-04-12', endsOn: '2027-07-21' },
];
const AREA_HOLIDAYS = [
  { key: 'autumn-half-term', name: 'Autumn half term', startsOn: '2026-10-26', endsOn: '2026-10-30' },
  { key: 'christmas', name: 'Christmas holidays', startsOn: '2026-12-21', endsOn: '2027-01-04' },
  { key: 'spring-half-term', name: 'Spring half term', startsOn: '2027-02-15', endsOn: '2027-02-19' },
];
/** Terms whose sessions are seeded; registers are taken for those already past. */
const SEEDED_TERMS = ['autumn-2026', 'spring-2027'];

const CLASSES = [
  { yearGroup: 3, name: 'Oak' },
  { yearGroup: 4, name: 'Ash' },
  { yearGroup: 5, name: 'Elm' },
];
const PUPILS_PER_CLASS = 8;
const FIRST_NAMES = ['Amira', 'Ben', 'Chloe', 'Dawit', 'Ella', 'Filip', 'Grace', 'Hassan', 'Isla', 'Jayden', 'Kacper', 'Leah', 'Mohammed', 'Niamh', 'Oliver', 'Priya', 'Reuben', 'Sofia', 'Tariq', 'Zara'];
const LAST_NAMES = ['Ahmed', 'Brown', 'Clarke', 'Dvořák', 'Evans', 'Fofana', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Kowalski', 'Lewis', 'Murphy', 'Nowak', 'Okafor', 'Patel', 'Roberts', 'Smith', 'Taylor', 'Walker', 'Yilmaz'];
const REPERTOIRE = ['Ode to Joy', 'Frère Jacques (round)', 'Pachelbel Canon (arr.)', 'Hallelujah (Cohen, arr.)', 'Eine kleine Nachtmusik, I (arr.)', 'Hot Cross Buns'];

interface SeededSession {
  key: string;
  ensembleId: string;
  schoolId: string | null;
  roomId: string | null;
  title: string;
  weekday: number;
  startTime: string;
  durationMinutes: number;
  tutorIds: string[];
}

/**
 * Scheduling's demo data: for each area its settings, terms and holidays; for each school classes,
 * pupils (`pupil:<area>:<n>`, numbered across the area's schools in DEMO_AREAS order), rooms and
 * ensembles; tutors and school staff linked to the gateway's demo accounts; two terms of weekly
 * sessions, with registers and a few rehearsal notes for the sessions already past. Idempotent.
 */
export async function seedScheduling(client: Client, log: Log): Promise<void> {
  const started = Date.now();
  for (const area of DEMO_AREAS) await seedArea(client, area);
  const counts = await client.query<{ pupils: number; occurrences: number; marks: number }>(
    `SELECT (SELECT count(*)::int FROM pupils) AS pupils, (SELECT count(*)::int FROM occurrences) AS occurrences, (SELECT count(*)::int FROM attendance) AS marks`,
  );
  const { pupils, occurrences, marks } = counts.rows[0];
  log(`demo data: scheduling: ${pupils} pupils, ${occurrences} sessions, ${marks} register marks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function seedArea(db: Client, area: DemoArea): Promise<void> {
  const tenantId = tenantIdOf(area);
  const key = (suffix: string) => seedId(`${area.slug}:${suffix}`);
  await db.query(
    `INSERT INTO tenant_settings (tenant_id, name, time_zone, weekly_provision_target_minutes) VALUES ($1, $2, 'Europe/London', $3) ON CONFLICT (tenant_id) DO NOTHING`,
    [tenantId, area.name, area.weeklyProvisionTargetMinutes],
  );
  for (const term of TERMS) {
    await db.query('INSERT INTO terms (id, tenant_id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [key(`term:${term.key}`), tenantId, term.name, term.startsOn, term.endsOn]);
  }
  for (const holiday of AREA_HOLIDAYS) {
    await db.query(`INSERT INTO holidays (id, tenant_id, kind, name, starts_on, ends_on) VALUES ($1, $2, 'holiday', $3, $4, $5) ON CONFLICT DO NOTHING`, [key(`holiday:${holiday.key}`), tenantId, holiday.name, holiday.startsOn, holiday.endsOn]);
  }
  for (const event of GOV_UK_BANK_HOLIDAYS['england-and-wales'].events) {
    await db.query(`INSERT INTO holidays (id, tenant_id, kind, name, starts_on, ends_on) VALUES ($1, $2, 'bank_holiday', $3, $4, $4) ON CONFLICT DO NOTHING`, [key(`bank-holiday:${event.date}`), tenantId, event.title, event.date]);
  }

  const schoolIds = area.schools.map((school) => seedId(`school:${school.urn}`));
  for (const [index, school] of area.schools.entries()) {
    await db.query('INSERT INTO schools (id, tenant_id, name, urn, phase) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [schoolIds[index], tenantId, school.name, school.urn, school.phase]);
  }

  // The gateway's demo accounts: one tutor teaching in every school of the area, a class teacher and a headteacher in the first.
  const areaTutor = key('staff:tutor');
  await insertStaff(db, tenantId, areaTutor, seedId(`account:${area.slug}:tutor`), 'tutor', 'Rosa Martínez', 'Partner orchestra', ['violin', 'viola'], schoolIds);
  const classTeacher = key('staff:school_staff');
  await insertStaff(db, tenantId, classTeacher, seedId(`account:${area.slug}:school_staff`), 'school_staff', 'Mr Daniel Price', null, [], [schoolIds[0]]);
  await insertStaff(db, tenantId, key('staff:headteacher'), seedId(`account:${area.slug}:headteacher`), 'school_staff', 'Mrs Helen Okafor', null, [], [schoolIds[0]]);
  // A tutor at the other schools who is also a parent at the first (the gateway's `tutor_guardian`).
  const tutorGuardian = key('staff:tutor_guardian');
  await insertStaff(db, tenantId, tutorGuardian, seedId(`account:${area.slug}:tutor_guardian`), 'tutor', 'Kwame Mensah', 'Partner orchestra', ['percussion'], schoolIds.slice(1));

  const sessions: SeededSession[] = [];
  const orchestraMembers: string[] = [];
  let pupilNumber = 0;
  for (const [s, school] of area.schools.entries()) {
    const schoolId = schoolIds[s];
    const hall = key(`room:${school.urn}:hall`);
    const musicRoom = key(`room:${school.urn}:music`);
    await db.query('INSERT INTO rooms (id, tenant_id, school_id, name, capacity) VALUES ($1, $2, $3, $4, $5), ($6, $2, $3, $7, $8) ON CONFLICT DO NOTHING', [hall, tenantId, schoolId, 'Hall', 120, musicRoom, 'Music Room', 32]);
    const schoolTutor = key(`staff:${school.urn}:brass`);
    await insertStaff(db, tenantId, schoolTutor, null, 'tutor', `${LAST_NAMES[(s + 3) % LAST_NAMES.length]} Brass Tutor`, 'Partner orchestra', ['trumpet', 'trombone'], [schoolId]);

    const choir = key(`ensemble:${school.urn}:choir`);
    await insertEnsemble(db, tenantId, choir, schoolId, `${school.name} Choir`, 'choir', 'after_school', null);
    for (const [c, klass] of CLASSES.entries()) {
      const classId = key(`class:${school.urn}:${klass.name}`);
      await db.query('INSERT INTO classes (id, tenant_id, school_id, name, year_group) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [classId, tenantId, schoolId, `Y${klass.yearGroup} ${klass.name}`, klass.yearGroup]);
      const kind = ['Strings', 'Brass', 'Percussion'][c];
      const ensembleId = key(`ensemble:${school.urn}:y${klass.yearGroup}`);
      await insertEnsemble(db, tenantId, ensembleId, schoolId, `Year ${klass.yearGroup} ${kind}`, 'whole_class', 'curriculum', null);
      for (let p = 0; p < PUPILS_PER_CLASS; p++) {
        pupilNumber++;
        const pupilId = seedId(`pupil:${area.slug}:${pupilNumber}`);
        await db.query(
          `INSERT INTO pupils (id, tenant_id, school_id, class_id, first_name, last_name, year_group, mis_ref, pupil_premium, send, eal)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
          [pupilId, tenantId, schoolId, classId, FIRST_NAMES[pupilNumber % FIRST_NAMES.length], LAST_NAMES[(pupilNumber * 7) % LAST_NAMES.length], klass.yearGroup, `D${school.urn}${String(pupilNumber).padStart(4, '0')}`, pupilNumber % 3 === 0, pupilNumber % 8 === 0, pupilNumber % 5 === 0],
        );
        const instrument = kind === 'Strings' ? ['violin', 'viola', 'cello'][p % 3] : kind === 'Brass' ? ['trumpet', 'trombone', 'horn'][p % 3] : 'percussion';
        await insertMember(db, tenantId, key(`member:${ensembleId}:${pupilId}`), ensembleId, pupilId, null, instrument, null);
        if (p % 3 === 0) await insertMember(db, tenantId, key(`member:${choir}:${pupilId}`), choir, pupilId, null, null, ['soprano', 'alto'][p % 2]);
        if (c === 0 && p < 2) orchestraMembers.push(pupilId);
      }
      sessions.push({
        key: `${school.urn}:y${klass.yearGroup}`,
        ensembleId,
        schoolId,
        roomId: c === 0 ? hall : musicRoom,
        title: `Year ${klass.yearGroup} ${kind}`,
        weekday: c + 1,
        // The area tutor teaches every school's strings on Monday morning, one school after another.
        startTime: c === 0 ? `${String(9 + Math.floor((s * 90 + 15) / 60)).padStart(2, '0')}:${String((s * 90 + 15) % 60).padStart(2, '0')}` : `${11 + s}:00`,
        durationMinutes: 60,
        tutorIds: c === 0 ? [areaTutor] : c === 2 && s > 0 ? [schoolTutor, tutorGuardian] : [schoolTutor],
      });
    }
    if (s === 0) await insertMember(db, tenantId, key(`member:${choir}:${classTeacher}`), choir, null, classTeacher, null, 'tenor');
    sessions.push({ key: `${school.urn}:choir`, ensembleId: choir, schoolId, roomId: hall, title: `${school.name} Choir`, weekday: 3 + (s % 3), startTime: '15:30', durationMinutes: 45, tutorIds: [areaTutor] });
  }
  const orchestra = key('ensemble:area-orchestra');
  await insertEnsemble(db, tenantId, orchestra, null, `${area.name.replace('In Harmony ', '')} Youth Orchestra`, 'orchestra', 'weekend', 'intermediate');
  for (const pupilId of orchestraMembers) await insertMember(db, tenantId, key(`member:${orchestra}:${pupilId}`), orchestra, pupilId, null, 'violin', 'first violins');
  await insertMember(db, tenantId, key(`member:${orchestra}:${areaTutor}`), orchestra, null, areaTutor, 'viola', 'violas');
  sessions.push({ key: 'area-orchestra', ensembleId: orchestra, schoolId: null, roomId: null, title: 'Youth Orchestra rehearsal', weekday: 6, startTime: '10:00', durationMinutes: 120, tutorIds: [areaTutor] });

  for (const termKey of SEEDED_TERMS) {
    for (const session of sessions) await insertWeeklySession(db, tenantId, key(`term:${termKey}`), key(`session:${termKey}:${session.key}`), session);
  }
  await takePastRegisters(db, tenantId);
}

async function insertStaff(db: Client, tenantId: string, id: string, userId: string | null, kind: 'tutor' | 'school_staff', name: string, employer: string | null, instruments: string[], schoolIds: string[]): Promise<void> {
  await db.query('INSERT INTO staff (id, tenant_id, user_id, kind, display_name, employer, instruments) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING', [id, tenantId, userId, kind, name, employer, instruments]);
  await db.query('INSERT INTO staff_schools (tenant_id, staff_id, school_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING', [tenantId, id, schoolIds]);
}

async function insertEnsemble(db: Client, tenantId: string, id: string, schoolId: string | null, name: string, kind: string, strand: string, level: string | null): Promise<void> {
  await db.query('INSERT INTO ensembles (id, tenant_id, school_id, name, kind, strand, level) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING', [id, tenantId, schoolId, name, kind, strand, level]);
}

async function insertMember(db: Client, tenantId: string, id: string, ensembleId: string, pupilId: string | null, staffId: string | null, instrument: string | null, section: string | null): Promise<void> {
  await db.query(
    `INSERT INTO ensemble_members (id, tenant_id, ensemble_id, pupil_id, staff_id, instrument, section, joined_on) VALUES ($1, $2, $3, $4, $5, $6, $7, '2026-09-02') ON CONFLICT DO NOTHING`,
    [id, tenantId, ensembleId, pupilId, staffId, instrument, section],
  );
}

/** As the timetable plans it: each school day of the term on the weekday, at the local time, skipping holidays. */
async function insertWeeklySession(db: Client, tenantId: string, termId: string, sessionId: string, session: SeededSession): Promise<void> {
  const inserted = await db.query(
    `INSERT INTO sessions (id, tenant_id, ensemble_id, school_id, room_id, term_id, title, recurrence, weekday, start_time, duration_minutes, first_on, last_on, time_zone)
     SELECT $1, $2, $3, $4, $5, t.id, $6, 'weekly', $7, $8, $9, t.starts_on, t.ends_on, 'Europe/London' FROM terms t WHERE t.tenant_id = $2 AND t.id = $10
     ON CONFLICT DO NOTHING RETURNING id`,
    [sessionId, tenantId, session.ensembleId, session.schoolId, session.roomId, session.title, session.weekday, session.startTime, session.durationMinutes, termId],
  );
  if (inserted.rowCount === 0) return;
  await db.query(
    `INSERT INTO occurrences (id, tenant_id, session_id, ensemble_id, school_id, room_id, local_date, starts_at, ends_at)
     SELECT md5(s.id::text || d::text)::uuid, s.tenant_id, s.id, s.ensemble_id, s.school_id, s.room_id, d,
            (d + s.start_time) AT TIME ZONE s.time_zone, (d + s.start_time) AT TIME ZONE s.time_zone + make_interval(mins => s.duration_minutes)
     FROM sessions s, LATERAL (SELECT g::date AS d FROM generate_series(s.first_on, s.last_on, interval '1 day') AS g) days
     WHERE s.tenant_id = $1 AND s.id = $2 AND extract(isodow FROM d) = s.weekday
       AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.tenant_id = s.tenant_id AND h.starts_on <= d AND h.ends_on >= d AND (h.school_id IS NULL OR h.school_id = s.school_id))`,
    [tenantId, sessionId],
  );
  await db.query('INSERT INTO session_tutors (tenant_id, session_id, staff_id) SELECT $1, $2, unnest($3::uuid[])', [tenantId, sessionId, session.tutorIds]);
  await db.query(
    `INSERT INTO occurrence_tutors (tenant_id, occurrence_id, staff_id, starts_at, ends_at)
     SELECT o.tenant_id, o.id, t.staff_id, o.starts_at, o.ends_at FROM occurrences o CROSS JOIN unnest($3::uuid[]) AS t(staff_id) WHERE o.tenant_id = $1 AND o.session_id = $2`,
    [tenantId, sessionId, session.tutorIds],
  );
}

/** Registers for every session already past: mostly present, some late, absent or excused; a rehearsal note on some. */
async function takePastRegisters(db: Client, tenantId: string): Promise<void> {
  await db.query(
    `INSERT INTO register_submissions (id, tenant_id, occurrence_id, submitted_by, submitted_at)
     SELECT md5('register:' || o.id::text)::uuid, o.tenant_id, o.id, $2, o.ends_at FROM occurrences o
     WHERE o.tenant_id = $1 AND o.ends_at < now() AND o.status = 'scheduled' ON CONFLICT DO NOTHING`,
    [tenantId, seedId('seed:register-taker')],
  );
  await db.query(
    `INSERT INTO attendance (id, tenant_id, occurrence_id, pupil_id, staff_id, status, submission_id, recorded_at)
     SELECT md5(o.id::text || coalesce(m.pupil_id, m.staff_id)::text)::uuid, o.tenant_id, o.id, m.pupil_id, m.staff_id,
            CASE WHEN r.roll < 84 THEN 'present' WHEN r.roll < 90 THEN 'late' WHEN r.roll < 97 THEN 'absent' ELSE 'excused' END,
            md5('register:' || o.id::text)::uuid, o.ends_at
     FROM occurrences o
     JOIN ensemble_members m ON m.tenant_id = o.tenant_id AND m.ensemble_id = o.ensemble_id AND m.joined_on <= o.local_date AND (m.left_on IS NULL OR m.left_on >= o.local_date)
     CROSS JOIN LATERAL (SELECT abs(hashtext(o.id::text || coalesce(m.pupil_id, m.staff_id)::text)) % 100 AS roll) r
     WHERE o.tenant_id = $1 AND o.ends_at < now() AND o.status = 'scheduled'
     ON CONFLICT DO NOTHING`,
    [tenantId],
  );
  await db.query(`UPDATE occurrences SET delivered_at = ends_at WHERE tenant_id = $1 AND ends_at < now() AND status = 'scheduled' AND delivered_at IS NULL`, [tenantId]);
  await db.query(
    `INSERT INTO rehearsal_notes (tenant_id, occurrence_id, repertoire, focus, notes, author_user_id)
     SELECT o.tenant_id, o.id, ARRAY[($3::text[])[1 + abs(hashtext(o.id::text)) % 6], ($3::text[])[1 + abs(hashtext(o.id::text || 'b')) % 6]],
            (ARRAY['bow hold and posture', 'listening to each other', 'dynamics', 'counting rests', 'warm tone'])[1 + abs(hashtext(o.id::text)) % 5],
            'Good energy; revisit the second section next week.', $2
     FROM occurrences o WHERE o.tenant_id = $1 AND o.ends_at < now() AND o.status = 'scheduled' AND abs(hashtext(o.id::text)) % 4 = 0
     ON CONFLICT DO NOTHING`,
    [tenantId, seedId('seed:register-taker'), REPERTOIRE],
  );
}

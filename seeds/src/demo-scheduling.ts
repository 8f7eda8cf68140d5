import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { DEMO_AREAS, type DemoArea } from './demo/areas';
import { DEMO_CLASSES, DEMO_LAST_NAMES, demoClassId, demoEnsembles, demoPupils } from './demo-pupils';
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
/** A weekday the demo's schools are open: in a term, outside the holidays and bank holidays; beyond the seeded year, any day. */
export function isDemoSchoolDay(day: string): boolean {
  if (day > TERMS[TERMS.length - 1].endsOn) return true;
  const within = (period: { startsOn: string; endsOn: string }) => period.startsOn <= day && day <= period.endsOn;
  return (
    TERMS.some(within) &&
    !AREA_HOLIDAYS.some(within) &&
    !GOV_UK_BANK_HOLIDAYS['england-and-wales'].events.some((event) => event.date === day)
  );
}

/** Terms whose sessions are seeded; registers are taken for those already past. */
const SEEDED_TERMS = ['autumn-2026', 'spring-2027', 'summer-2027'];

/**
 * The weekdays each class (Years 3, 4, 5) meets its whole-class ensemble, first the original one.
 * Chosen so that no tutor, room or pupil is in two places at once.
 */
const CLASS_WEEKDAYS = [
  [1, 3, 5, 2],
  [2, 4, 1, 5],
  [3, 5, 2, 4],
];

/**
 * A timetable that lets a pupil who comes reach the area's weekly target with a little to spare:
 * whole-class sessions of an hour on two to four days and an after-school orchestra club, planned
 * at about 1.3 × the target for a club member (so that one missed lesson still leaves them at it).
 * Pupils outside the club, or who often miss sessions, fall below: a believable spread.
 */
export function weeklyPlan(targetMinutes: number): { classSessions: number; clubMinutes: number } {
  const planned = 1.3 * targetMinutes;
  const classSessions = Math.min(4, Math.max(2, Math.round((planned - 75) / 60)));
  const clubMinutes = Math.min(120, Math.max(60, Math.round((planned - classSessions * 60) / 15) * 15));
  return { classSessions, clubMinutes };
}

const REPERTOIRE = [
  'Ode to Joy',
  'Frère Jacques (round)',
  'Pachelbel Canon (arr.)',
  'Hallelujah (Cohen, arr.)',
  'Eine kleine Nachtmusik, I (arr.)',
  'Hot Cross Buns',
];

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
 * ensembles (whole-class, choir, an after-school orchestra club, the area's youth orchestra); tutors
 * and school staff linked to the gateway's demo accounts; the school year's weekly sessions (see
 * weeklyPlan), with registers and a few rehearsal notes for the sessions already past. Idempotent.
 */
export async function seedScheduling(client: Client, log: Log): Promise<void> {
  const started = Date.now();
  for (const area of DEMO_AREAS) await seedArea(client, area);
  const counts = await client.query<{ pupils: number; occurrences: number; marks: number }>(
    `SELECT (SELECT count(*)::int FROM pupils) AS pupils, (SELECT count(*)::int FROM occurrences) AS occurrences, (SELECT count(*)::int FROM attendance) AS marks`,
  );
  const { pupils, occurrences, marks } = counts.rows[0];
  log(
    `demo data: scheduling: ${pupils} pupils, ${occurrences} sessions, ${marks} register marks in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function seedArea(db: Client, area: DemoArea): Promise<void> {
  const tenantId = tenantIdOf(area);
  const key = (suffix: string) => seedId(`${area.slug}:${suffix}`);
  for (const term of TERMS) {
    await db.query('INSERT INTO terms (id, tenant_id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
      key(`term:${term.key}`),
      tenantId,
      term.name,
      term.startsOn,
      term.endsOn,
    ]);
  }
  for (const holiday of AREA_HOLIDAYS) {
    await db.query(
      `INSERT INTO holidays (id, tenant_id, kind, name, starts_on, ends_on) VALUES ($1, $2, 'holiday', $3, $4, $5) ON CONFLICT DO NOTHING`,
      [key(`holiday:${holiday.key}`), tenantId, holiday.name, holiday.startsOn, holiday.endsOn],
    );
  }
  for (const event of GOV_UK_BANK_HOLIDAYS['england-and-wales'].events) {
    await db.query(
      `INSERT INTO holidays (id, tenant_id, kind, name, starts_on, ends_on) VALUES ($1, $2, 'bank_holiday', $3, $4, $4) ON CONFLICT DO NOTHING`,
      [key(`bank-holiday:${event.date}`), tenantId, event.title, event.date],
    );
  }

  const schoolIds = area.schools.map((school) => seedId(`school:${school.urn}`));
  for (const [index, school] of area.schools.entries()) {
    await db.query('INSERT INTO schools (id, tenant_id, name, urn, phase) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
      schoolIds[index],
      tenantId,
      school.name,
      school.urn,
      school.phase,
    ]);
  }

  // The gateway's demo accounts: one tutor teaching in every school of the area, a class teacher and a headteacher in the first.
  const areaTutor = key('staff:tutor');
  await insertStaff(
    db,
    tenantId,
    areaTutor,
    seedId(`account:${area.slug}:tutor`),
    'tutor',
    'Rosa Martínez',
    'Partner orchestra',
    ['violin', 'viola'],
    schoolIds,
  );
  const classTeacher = key('staff:school_staff');
  await insertStaff(
    db,
    tenantId,
    classTeacher,
    seedId(`account:${area.slug}:school_staff`),
    'school_staff',
    'Mr Daniel Price',
    null,
    [],
    [schoolIds[0]],
  );
  await insertStaff(
    db,
    tenantId,
    key('staff:headteacher'),
    seedId(`account:${area.slug}:headteacher`),
    'school_staff',
    'Mrs Helen Okafor',
    null,
    [],
    [schoolIds[0]],
  );
  // A tutor at the other schools who is also a parent at the first (the gateway's `tutor_guardian`).
  const tutorGuardian = key('staff:tutor_guardian');
  await insertStaff(
    db,
    tenantId,
    tutorGuardian,
    seedId(`account:${area.slug}:tutor_guardian`),
    'tutor',
    'Kwame Mensah',
    'Partner orchestra',
    ['percussion'],
    schoolIds.slice(1),
  );

  const plan = weeklyPlan(area.weeklyProvisionTargetMinutes);
  const pupils = demoPupils(area);
  const ensembles = demoEnsembles(area);
  const sessions: SeededSession[] = [];
  for (const [s, school] of area.schools.entries()) {
    const schoolId = schoolIds[s];
    const hall = key(`room:${school.urn}:hall`);
    const musicRoom = key(`room:${school.urn}:music`);
    await db.query(
      'INSERT INTO rooms (id, tenant_id, school_id, name, capacity) VALUES ($1, $2, $3, $4, $5), ($6, $2, $3, $7, $8) ON CONFLICT DO NOTHING',
      [hall, tenantId, schoolId, 'Hall', 120, musicRoom, 'Music Room', 32],
    );
    const schoolTutor = key(`staff:${school.urn}:brass`);
    await insertStaff(
      db,
      tenantId,
      schoolTutor,
      null,
      'tutor',
      `${DEMO_LAST_NAMES[(s + 3) % DEMO_LAST_NAMES.length]} Brass Tutor`,
      'Partner orchestra',
      ['trumpet', 'trombone'],
      [schoolId],
    );
    for (const [c, klass] of DEMO_CLASSES.entries()) {
      const classId = demoClassId(area, school.urn, klass.name);
      await db.query(
        'INSERT INTO classes (id, tenant_id, school_id, name, year_group) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [classId, tenantId, schoolId, `Y${klass.yearGroup} ${klass.name}`, klass.yearGroup],
      );
      for (const pupil of pupils.filter((candidate) => candidate.schoolIndex === s && candidate.classIndex === c)) {
        await db.query(
          `INSERT INTO pupils (id, tenant_id, school_id, class_id, first_name, last_name, year_group, mis_ref, pupil_premium, send, eal, gender, ethnicity_group)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
          [
            pupil.id,
            tenantId,
            schoolId,
            classId,
            pupil.firstName,
            pupil.lastName,
            klass.yearGroup,
            `D${school.urn}${String(pupil.n).padStart(4, '0')}`,
            ...demoCharacteristics(pupil.n),
          ],
        );
      }
      // The area tutor teaches every school's strings in the morning, one school after another; the
      // brass tutor Year 4 late morning; Year 5 meets late morning on its first day, early morning on the others.
      const rosaSlot = `${String(9 + Math.floor((s * 90 + 15) / 60)).padStart(2, '0')}:${String((s * 90 + 15) % 60).padStart(2, '0')}`;
      const tutorIds = c === 0 ? [areaTutor] : c === 2 && s > 0 ? [schoolTutor, tutorGuardian] : [schoolTutor];
      for (const [d, weekday] of CLASS_WEEKDAYS[c].slice(0, plan.classSessions).entries()) {
        sessions.push({
          key: d === 0 ? `${school.urn}:y${klass.yearGroup}` : `${school.urn}:y${klass.yearGroup}:day${weekday}`,
          ensembleId: key(`ensemble:${school.urn}:y${klass.yearGroup}`),
          schoolId,
          roomId: c === 0 ? hall : musicRoom,
          title: `Year ${klass.yearGroup} ${klass.kind}`,
          weekday,
          startTime: c === 0 ? rosaSlot : c === 2 && d > 0 ? `${String(9 + s).padStart(2, '0')}:00` : `${11 + s}:00`,
          durationMinutes: 60,
          tutorIds,
        });
      }
    }
    const choir = key(`ensemble:${school.urn}:choir`);
    sessions.push({
      key: `${school.urn}:choir`,
      ensembleId: choir,
      schoolId,
      roomId: hall,
      title: `${school.name} Choir`,
      weekday: 3 + (s % 3),
      startTime: '15:30',
      durationMinutes: 45,
      tutorIds: [areaTutor],
    });
    const club = key(`ensemble:${school.urn}:club`);
    sessions.push({
      key: `${school.urn}:club`,
      ensembleId: club,
      schoolId,
      roomId: musicRoom,
      title: `${school.name} Orchestra Club`,
      weekday: 1 + (s % 2),
      startTime: '15:30',
      durationMinutes: plan.clubMinutes,
      tutorIds: [schoolTutor],
    });
  }
  for (const ensemble of ensembles) {
    await insertEnsemble(db, tenantId, ensemble.id, ensemble.schoolId, ensemble.name, ensemble.kind, ensemble.strand, ensemble.level);
    await db.query(
      `INSERT INTO ensemble_members (id, tenant_id, ensemble_id, pupil_id, instrument, section, joined_on)
       SELECT m.id, $1, $2, m.pupil_id, m.instrument, m.section, '2026-09-02' FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS m (id, pupil_id, instrument, section)
       ON CONFLICT DO NOTHING`,
      [
        tenantId,
        ensemble.id,
        ensemble.members.map((member) => key(`member:${ensemble.id}:${member.pupil.id}`)),
        ensemble.members.map((member) => member.pupil.id),
        ensemble.members.map((member) => member.instrument),
        ensemble.members.map((member) => member.section),
      ],
    );
  }
  const firstChoir = key(`ensemble:${area.schools[0].urn}:choir`);
  await insertMember(db, tenantId, key(`member:${firstChoir}:${classTeacher}`), firstChoir, null, classTeacher, null, 'tenor');
  const orchestra = key('ensemble:area-orchestra');
  await insertMember(db, tenantId, key(`member:${orchestra}:${areaTutor}`), orchestra, null, areaTutor, 'viola', 'violas');
  sessions.push({
    key: 'area-orchestra',
    ensembleId: orchestra,
    schoolId: null,
    roomId: null,
    title: 'Youth Orchestra rehearsal',
    weekday: 6,
    startTime: '10:00',
    durationMinutes: 120,
    tutorIds: [areaTutor],
  });

  await insertWeeklySessions(
    db,
    tenantId,
    SEEDED_TERMS.flatMap((termKey) =>
      sessions.map((session) => ({ ...session, id: key(`session:${termKey}:${session.key}`), termId: key(`term:${termKey}`) })),
    ),
  );
  await takePastRegisters(db, tenantId);
}

async function insertStaff(
  db: Client,
  tenantId: string,
  id: string,
  userId: string | null,
  kind: 'tutor' | 'school_staff',
  name: string,
  employer: string | null,
  instruments: string[],
  schoolIds: string[],
): Promise<void> {
  await db.query(
    'INSERT INTO staff (id, tenant_id, user_id, kind, display_name, employer, instruments) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING',
    [id, tenantId, userId, kind, name, employer, instruments],
  );
  await db.query('INSERT INTO staff_schools (tenant_id, staff_id, school_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING', [
    tenantId,
    id,
    schoolIds,
  ]);
  // Cleared to work with children (issue 19): an enhanced DBS check with barred list issued a year
  // ago and training valid for two more years, so that the demo's tutors can be rostered.
  const dbsNumber = String(parseInt(id.replace(/-/g, '').slice(-10), 16) % 1e12).padStart(12, '0');
  await db.query(
    `INSERT INTO safeguarding_records (tenant_id, staff_id, dbs_number, dbs_level, dbs_issued_on, training_completed_on, training_level, training_expires_on)
     VALUES ($1, $2, $3, 'enhanced_barred_list', current_date - 365, current_date - 30, 'Level 2 safeguarding children', current_date + 730)
     ON CONFLICT DO NOTHING`,
    [tenantId, id, dbsNumber],
  );
}

async function insertEnsemble(
  db: Client,
  tenantId: string,
  id: string,
  schoolId: string | null,
  name: string,
  kind: string,
  strand: string,
  level: string | null,
): Promise<void> {
  await db.query(
    'INSERT INTO ensembles (id, tenant_id, school_id, name, kind, strand, level) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING',
    [id, tenantId, schoolId, name, kind, strand, level],
  );
}

async function insertMember(
  db: Client,
  tenantId: string,
  id: string,
  ensembleId: string,
  pupilId: string | null,
  staffId: string | null,
  instrument: string | null,
  section: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO ensemble_members (id, tenant_id, ensemble_id, pupil_id, staff_id, instrument, section, joined_on) VALUES ($1, $2, $3, $4, $5, $6, $7, '2026-09-02') ON CONFLICT DO NOTHING`,
    [id, tenantId, ensembleId, pupilId, staffId, instrument, section],
  );
}

/** As the timetable plans it: each school day of the term on the weekday, at the local time, skipping holidays. One statement per table for the whole area. */
async function insertWeeklySessions(
  db: Client,
  tenantId: string,
  sessions: (SeededSession & { id: string; termId: string })[],
): Promise<void> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO sessions (id, tenant_id, ensemble_id, school_id, room_id, term_id, title, recurrence, weekday, start_time, duration_minutes, first_on, last_on, time_zone)
     SELECT n.id, $1, n.ensemble_id, n.school_id, n.room_id, t.id, n.title, 'weekly', n.weekday, n.start_time::time, n.duration_minutes, t.starts_on, t.ends_on, 'Europe/London'
     FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::int[], $9::text[], $10::int[])
            AS n (id, ensemble_id, school_id, room_id, term_id, title, weekday, start_time, duration_minutes)
     JOIN terms t ON t.tenant_id = $1 AND t.id = n.term_id
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      tenantId,
      sessions.map((s) => s.id),
      sessions.map((s) => s.ensembleId),
      sessions.map((s) => s.schoolId),
      sessions.map((s) => s.roomId),
      sessions.map((s) => s.termId),
      sessions.map((s) => s.title),
      sessions.map((s) => s.weekday),
      sessions.map((s) => s.startTime),
      sessions.map((s) => s.durationMinutes),
    ],
  );
  const ids = inserted.rows.map((row) => row.id);
  if (ids.length === 0) return;
  const tutors = sessions.filter((s) => ids.includes(s.id)).flatMap((s) => s.tutorIds.map((staffId) => [s.id, staffId]));
  await db.query(
    'INSERT INTO session_tutors (tenant_id, session_id, staff_id) SELECT $1, t.session_id, t.staff_id FROM unnest($2::uuid[], $3::uuid[]) AS t (session_id, staff_id)',
    [tenantId, tutors.map(([sessionId]) => sessionId), tutors.map(([, staffId]) => staffId)],
  );
  await db.query(
    `INSERT INTO occurrences (id, tenant_id, session_id, ensemble_id, school_id, room_id, local_date, starts_at, ends_at)
     SELECT md5(s.id::text || d::text)::uuid, s.tenant_id, s.id, s.ensemble_id, s.school_id, s.room_id, d,
            (d + s.start_time) AT TIME ZONE s.time_zone, (d + s.start_time) AT TIME ZONE s.time_zone + make_interval(mins => s.duration_minutes)
     FROM sessions s, LATERAL (SELECT g::date AS d FROM generate_series(s.first_on, s.last_on, interval '1 day') AS g) days
     WHERE s.tenant_id = $1 AND s.id = ANY($2::uuid[]) AND extract(isodow FROM d) = s.weekday
       AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.tenant_id = s.tenant_id AND h.starts_on <= d AND h.ends_on >= d AND (h.school_id IS NULL OR h.school_id = s.school_id))`,
    [tenantId, ids],
  );
  await db.query(
    `INSERT INTO occurrence_tutors (tenant_id, occurrence_id, staff_id, starts_at, ends_at)
     SELECT o.tenant_id, o.id, t.staff_id, o.starts_at, o.ends_at FROM occurrences o JOIN session_tutors t ON t.tenant_id = o.tenant_id AND t.session_id = o.session_id
     WHERE o.tenant_id = $1 AND o.session_id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
}

/**
 * Registers for every session of the days before today (today's are left for the tutors to take in
 * the app, as they would on the day): most pupils come to nine sessions in ten (a few of
 * them late), about one in eight only to two in three; a rehearsal note on some sessions.
 */
async function takePastRegisters(db: Client, tenantId: string): Promise<void> {
  await db.query(
    `INSERT INTO register_submissions (id, tenant_id, occurrence_id, submitted_by, submitted_at)
     SELECT md5('register:' || o.id::text)::uuid, o.tenant_id, o.id, $2, o.ends_at FROM occurrences o
     WHERE o.tenant_id = $1 AND o.local_date < (now() AT TIME ZONE 'Europe/London')::date AND o.status = 'scheduled' ON CONFLICT DO NOTHING`,
    [tenantId, seedId('seed:register-taker')],
  );
  await db.query(
    `INSERT INTO attendance (id, tenant_id, occurrence_id, pupil_id, staff_id, status, submission_id, recorded_at)
     SELECT md5(o.id::text || coalesce(m.pupil_id, m.staff_id)::text)::uuid, o.tenant_id, o.id, m.pupil_id, m.staff_id,
            CASE WHEN r.occasional THEN (CASE WHEN r.roll < 58 THEN 'present' WHEN r.roll < 66 THEN 'late' WHEN r.roll < 92 THEN 'absent' ELSE 'excused' END)
                 ELSE (CASE WHEN r.roll < 89 THEN 'present' WHEN r.roll < 95 THEN 'late' WHEN r.roll < 98 THEN 'absent' ELSE 'excused' END) END,
            md5('register:' || o.id::text)::uuid, o.ends_at
     FROM occurrences o
     JOIN ensemble_members m ON m.tenant_id = o.tenant_id AND m.ensemble_id = o.ensemble_id AND m.joined_on <= o.local_date AND (m.left_on IS NULL OR m.left_on >= o.local_date)
     CROSS JOIN LATERAL (SELECT abs(hashtext(o.id::text || coalesce(m.pupil_id, m.staff_id)::text)) % 100 AS roll,
                                abs(hashtext('attender:' || coalesce(m.pupil_id, m.staff_id)::text)) % 100 < 12 AS occasional) r
     WHERE o.tenant_id = $1 AND o.local_date < (now() AT TIME ZONE 'Europe/London')::date AND o.status = 'scheduled'
     ON CONFLICT DO NOTHING`,
    [tenantId],
  );
  await db.query(
    `UPDATE occurrences SET delivered_at = ends_at WHERE tenant_id = $1 AND local_date < (now() AT TIME ZONE 'Europe/London')::date AND status = 'scheduled' AND delivered_at IS NULL`,
    [tenantId],
  );
  await db.query(
    `INSERT INTO rehearsal_notes (tenant_id, occurrence_id, repertoire, focus, notes, author_user_id)
     SELECT o.tenant_id, o.id, ARRAY[($3::text[])[1 + abs(hashtext(o.id::text)) % 6], ($3::text[])[1 + abs(hashtext(o.id::text || 'b')) % 6]],
            (ARRAY['bow hold and posture', 'listening to each other', 'dynamics', 'counting rests', 'warm tone'])[1 + abs(hashtext(o.id::text)) % 5],
            'Good energy; revisit the second section next week.', $2
     FROM occurrences o WHERE o.tenant_id = $1 AND o.local_date < (now() AT TIME ZONE 'Europe/London')::date AND o.status = 'scheduled' AND abs(hashtext(o.id::text)) % 4 = 0
     ON CONFLICT DO NOTHING`,
    [tenantId, seedId('seed:register-taker'), REPERTOIRE],
  );
}

/** Characteristics spread over the demo pupils, with some left unknown as a real roll has them. */
function demoCharacteristics(n: number): string[] {
  const yesNo = (yes: boolean) => (n % 17 === 0 ? 'unknown' : yes ? 'yes' : 'no');
  const send = n % 8 === 0 ? 'sen_support' : n % 29 === 0 ? 'ehcp' : 'none';
  const gender = n % 23 === 0 ? 'unknown' : n % 2 === 0 ? 'female' : 'male';
  const ethnicityGroup = ['white', 'white', 'white', 'mixed', 'asian', 'black', 'chinese', 'other', 'unknown'][n % 9];
  return [yesNo(n % 3 === 0), send, yesNo(n % 5 === 0), gender, ethnicityGroup];
}

import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface SessionRow extends SessionFields {
  id: string;
  tutorIds: string[];
  occurrenceCount: number;
}

export interface OccurrenceRow {
  id: string;
  sessionId: string;
  ensembleId: string;
  title: string;
  schoolId: string | null;
  schoolName: string | null;
  roomId: string | null;
  roomName: string | null;
  localDate: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  movedFrom: Date | null;
  registerTaken: boolean;
  tutorIds: string[];
  version: number;
}

export interface OccurrenceRef {
  id: string;
  sessionId: string;
  ensembleId: string;
  schoolId: string | null;
  roomId: string | null;
  localDate: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  movedFrom: Date | null;
  timeZone: string;
  /** The caller is one of the occurrence's tutors. */
  assignedToCaller: boolean;
}

export interface PlannedOccurrence {
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

export interface OccurrencePlan {
  tenantId: string;
  schoolId: string | null;
  firstOn: string;
  lastOn: string;
  /** ISO weekday for weekly sessions; null for a one-off, which runs even on a holiday (holiday courses). */
  weekday: number | null;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
}

export interface SessionFields {
  ensembleId: string;
  schoolId: string | null;
  roomId: string | null;
  termId: string | null;
  title: string;
  recurrence: 'weekly' | 'once';
  weekday: number | null;
  startTime: string;
  durationMinutes: number;
  firstOn: string;
  lastOn: string;
  timeZone: string;
}

/** Who sees sessions: every school (else those of `schoolIds`); area-wide ones are always seen. */
export interface SchoolVisibility {
  allSchools: boolean;
  schoolIds: string[];
}

export interface ClashRow {
  kind: 'tutor' | 'room' | 'pupil';
  occurrenceId: string;
  startsAt: Date;
  resourceId: string;
  otherId: string;
  otherSessionId: string;
  otherTitle: string;
  otherStartsAt: Date;
  otherEndsAt: Date;
}

const SESSION_COLUMNS = `s.id, s.ensemble_id AS "ensembleId", s.school_id AS "schoolId", s.room_id AS "roomId", s.term_id AS "termId", s.title, s.recurrence,
  s.weekday, to_char(s.start_time, 'HH24:MI') AS "startTime", s.duration_minutes AS "durationMinutes",
  to_char(s.first_on, 'YYYY-MM-DD') AS "firstOn", to_char(s.last_on, 'YYYY-MM-DD') AS "lastOn", s.time_zone AS "timeZone",
  coalesce((SELECT array_agg(st.staff_id ORDER BY st.staff_id) FROM session_tutors st WHERE st.tenant_id = s.tenant_id AND st.session_id = s.id), '{}') AS "tutorIds",
  (SELECT count(*)::int FROM occurrences o WHERE o.tenant_id = s.tenant_id AND o.session_id = s.id) AS "occurrenceCount"`;

const OCCURRENCE_COLUMNS = `o.id, o.session_id AS "sessionId", o.ensemble_id AS "ensembleId", s.title, o.school_id AS "schoolId", sc.name AS "schoolName",
  o.room_id AS "roomId", r.name AS "roomName", to_char(o.local_date, 'YYYY-MM-DD') AS "localDate", o.starts_at AS "startsAt", o.ends_at AS "endsAt",
  o.status, o.cancel_reason AS "cancelReason", o.moved_from AS "movedFrom", o.delivered_at IS NOT NULL AS "registerTaken", o.version,
  coalesce((SELECT array_agg(ot2.staff_id ORDER BY ot2.staff_id) FROM occurrence_tutors ot2 WHERE ot2.tenant_id = o.tenant_id AND ot2.occurrence_id = o.id), '{}') AS "tutorIds"`;

const OCCURRENCE_JOINS = `JOIN sessions s ON s.tenant_id = o.tenant_id AND s.id = o.session_id
  LEFT JOIN schools sc ON sc.tenant_id = o.tenant_id AND sc.id = o.school_id
  LEFT JOIN rooms r ON r.tenant_id = o.tenant_id AND r.id = o.room_id`;

/**
 * The tutor's day (and week): $1 tenant, $2 user, $3–$4 local dates, $5 time zone. Every step is an
 * index lookup led by tenant_id: staff by user, then occurrence_tutors (tenant_id, staff_id, starts_at).
 */
export const MY_OCCURRENCES_SQL = `SELECT ${OCCURRENCE_COLUMNS}
  FROM staff me
  JOIN occurrence_tutors ot ON ot.tenant_id = me.tenant_id AND ot.staff_id = me.id
    AND ot.starts_at >= ($3::date::timestamp AT TIME ZONE $5) AND ot.starts_at < (($4::date + 1)::timestamp AT TIME ZONE $5)
  JOIN occurrences o ON o.tenant_id = ot.tenant_id AND o.id = ot.occurrence_id
  ${OCCURRENCE_JOINS}
  WHERE me.tenant_id = $1 AND me.user_id = $2
  ORDER BY o.starts_at, o.id LIMIT 500`;

/** At most this many clashes are listed (one more is read, to tell that there are more). */
export const MAX_LISTED_CLASHES = 100;
const MAX_LISTED = MAX_LISTED_CLASHES;

/*
 * Every search is an index range scan led by tenant_id: an overlapping occurrence starts before
 * this one ends and, since none lasts over 12 hours, less than 12 hours before this one starts;
 * tstzrange && then decides exactly.
 */
const OVERLAPS = (other: string) => `
  ${other}.starts_at < m.ends_at AND ${other}.starts_at > m.starts_at - interval '12 hours'
  AND tstzrange(${other}.starts_at, ${other}.ends_at) && tstzrange(m.starts_at, m.ends_at)`;

/** Whether the area has the occurrence, and its school (null for one at no school). */
export function occurrenceSchool(db: Queryable, tenantId: string, occurrenceId: string): Promise<{ schoolId: string | null } | undefined> {
  return oneRow<{ schoolId: string | null }>(db, 'SELECT school_id AS "schoolId" FROM occurrences WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    occurrenceId,
  ]);
}

/** The occurrence with whether `userId` is one of its tutors; its row locked (FOR UPDATE) when `lock`. */
export function occurrenceRef(
  db: Queryable,
  tenantId: string,
  occurrenceId: string,
  userId: string,
  lock: boolean,
): Promise<OccurrenceRef | undefined> {
  return oneRow<OccurrenceRef>(
    db,
    `SELECT o.id, o.session_id AS "sessionId", o.ensemble_id AS "ensembleId", o.school_id AS "schoolId", o.room_id AS "roomId",
            to_char(o.local_date, 'YYYY-MM-DD') AS "localDate", o.starts_at AS "startsAt", o.ends_at AS "endsAt", o.status, o.moved_from AS "movedFrom",
            s.time_zone AS "timeZone",
            EXISTS (SELECT 1 FROM occurrence_tutors ot JOIN staff st ON st.tenant_id = ot.tenant_id AND st.id = ot.staff_id
                    WHERE ot.tenant_id = o.tenant_id AND ot.occurrence_id = o.id AND st.user_id = $3) AS "assignedToCaller"
     FROM occurrences o JOIN sessions s ON s.tenant_id = o.tenant_id AND s.id = o.session_id
     WHERE o.tenant_id = $1 AND o.id = $2 ${lock ? 'FOR UPDATE OF o' : ''}`,
    [tenantId, occurrenceId, userId],
  );
}

export async function insertSession(db: Queryable, tenantId: string, sessionId: string, session: SessionFields): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id, tenant_id, ensemble_id, school_id, room_id, term_id, title, recurrence, weekday, start_time, duration_minutes, first_on, last_on, time_zone)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      sessionId,
      tenantId,
      session.ensembleId,
      session.schoolId,
      session.roomId,
      session.termId,
      session.title,
      session.recurrence,
      session.weekday,
      session.startTime,
      session.durationMinutes,
      session.firstOn,
      session.lastOn,
      session.timeZone,
    ],
  );
}

/** The session's occurrences, one per planned date with the id at the same place in `occurrenceIds`. */
export async function insertOccurrences(
  db: Queryable,
  tenantId: string,
  sessionId: string,
  session: { ensembleId: string; schoolId: string | null; roomId: string | null; clashOverride: boolean },
  occurrenceIds: string[],
  planned: PlannedOccurrence[],
): Promise<void> {
  await db.query(
    `INSERT INTO occurrences (id, tenant_id, session_id, ensemble_id, school_id, room_id, local_date, starts_at, ends_at, clash_override)
           SELECT o.id, $1, $2, $3, $4, $5, o.local_date, o.starts_at, o.ends_at, $9
           FROM unnest($6::uuid[], $7::date[], $8::timestamptz[], $10::timestamptz[]) AS o(id, local_date, starts_at, ends_at)`,
    [
      tenantId,
      sessionId,
      session.ensembleId,
      session.schoolId,
      session.roomId,
      occurrenceIds,
      planned.map((p) => p.localDate),
      planned.map((p) => p.startsAt),
      session.clashOverride,
      planned.map((p) => p.endsAt),
    ],
  );
}

/** The session's tutors, and the same tutors on each of its occurrences. */
export async function insertSessionTutors(db: Queryable, tenantId: string, sessionId: string, staffIds: string[]): Promise<void> {
  await db.query('INSERT INTO session_tutors (tenant_id, session_id, staff_id) SELECT $1, $2, unnest($3::uuid[])', [
    tenantId,
    sessionId,
    staffIds,
  ]);
  await db.query(
    `INSERT INTO occurrence_tutors (tenant_id, occurrence_id, staff_id, starts_at, ends_at)
             SELECT o.tenant_id, o.id, t.staff_id, o.starts_at, o.ends_at FROM occurrences o CROSS JOIN unnest($3::uuid[]) AS t(staff_id)
             WHERE o.tenant_id = $1 AND o.session_id = $2`,
    [tenantId, sessionId, staffIds],
  );
}

export function sessionById(db: Queryable, tenantId: string, sessionId: string): Promise<SessionRow | undefined> {
  return oneRow<SessionRow>(db, `SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.tenant_id = $1 AND s.id = $2`, [tenantId, sessionId]);
}

/** A page of the sessions the caller sees in id order after the cursor's id, of one ensemble if given. */
export function sessionsPage(
  db: Queryable,
  tenantId: string,
  seen: SchoolVisibility,
  ensembleId: string | null,
  after: readonly unknown[] | null,
  limit: number,
): Promise<SessionRow[]> {
  return rows<SessionRow>(
    db,
    `SELECT ${SESSION_COLUMNS} FROM sessions s
       WHERE s.tenant_id = $1 AND (s.school_id IS NULL OR $2::boolean OR s.school_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR s.ensemble_id = $4)
         AND ($5::uuid IS NULL OR s.id > $5) ORDER BY s.id LIMIT $6`,
    [tenantId, seen.allSchools, seen.schoolIds, ensembleId, after?.[0] ?? null, limit],
  );
}

/** A page of the occurrences the caller sees by (starts_at, id) after the cursor's, starting in from..to and of one session, ensemble or school if given. */
export function occurrencesPage(
  db: Queryable,
  tenantId: string,
  seen: SchoolVisibility,
  filter: { from: string | null; to: string | null; sessionId: string | null; ensembleId: string | null; schoolId: string | null },
  after: readonly unknown[] | null,
  limit: number,
): Promise<OccurrenceRow[]> {
  return rows<OccurrenceRow>(
    db,
    `SELECT ${OCCURRENCE_COLUMNS} FROM occurrences o ${OCCURRENCE_JOINS}
       WHERE o.tenant_id = $1 AND (o.school_id IS NULL OR $2::boolean OR o.school_id = ANY($3::uuid[]))
         AND ($4::timestamptz IS NULL OR o.starts_at >= $4) AND ($5::timestamptz IS NULL OR o.starts_at < $5)
         AND ($6::uuid IS NULL OR o.session_id = $6) AND ($7::uuid IS NULL OR o.ensemble_id = $7) AND ($8::uuid IS NULL OR o.school_id = $8)
         AND ($9::timestamptz IS NULL OR (o.starts_at, o.id) > ($9::timestamptz, $10::uuid))
       ORDER BY o.starts_at, o.id LIMIT $11`,
    [
      tenantId,
      seen.allSchools,
      seen.schoolIds,
      filter.from,
      filter.to,
      filter.sessionId,
      filter.ensembleId,
      filter.schoolId,
      after?.[0] ?? null,
      after?.[1] ?? null,
      limit,
    ],
  );
}

export function occurrenceById(db: Queryable, tenantId: string, occurrenceId: string): Promise<OccurrenceRow | undefined> {
  return oneRow<OccurrenceRow>(
    db,
    `SELECT ${OCCURRENCE_COLUMNS} FROM occurrences o ${OCCURRENCE_JOINS} WHERE o.tenant_id = $1 AND o.id = $2`,
    [tenantId, occurrenceId],
  );
}

/** The day itself ('today'), or the Monday-to-Sunday week holding it. */
export async function calendarRange(db: Queryable, day: string, period: 'today' | 'week'): Promise<{ from: string; to: string }> {
  const range = await oneRow<{ from: string; to: string }>(
    db,
    `SELECT to_char(d.first, 'YYYY-MM-DD') AS "from", to_char(d.first + (CASE WHEN $2 = 'week' THEN 6 ELSE 0 END), 'YYYY-MM-DD') AS "to"
       FROM (SELECT CASE WHEN $2 = 'week' THEN $1::date - (extract(isodow FROM $1::date)::int - 1) ELSE $1::date END AS first) d`,
    [day, period],
  );
  if (!range) throw new Error('date range query returned nothing');
  return range;
}

/** The occurrences `userId` tutors whose local dates fall in from..to of the time zone. */
export function myOccurrences(
  db: Queryable,
  tenantId: string,
  userId: string,
  from: string,
  to: string,
  timeZone: string,
): Promise<OccurrenceRow[]> {
  return rows<OccurrenceRow>(db, MY_OCCURRENCES_SQL, [tenantId, userId, from, to, timeZone]);
}

export async function cancelOccurrence(db: Queryable, tenantId: string, occurrenceId: string, reason: string | null): Promise<void> {
  await db.query(
    `UPDATE occurrences SET status = 'cancelled', cancel_reason = $3, version = version + 1 WHERE tenant_id = $1 AND id = $2`,
    [tenantId, occurrenceId, reason],
  );
}

/** Moves the occurrence (and its tutors' bookings) to the new time and room; its first time is kept as moved_from. */
export async function moveOccurrence(
  db: Queryable,
  tenantId: string,
  occurrenceId: string,
  to: { startsAt: Date; endsAt: Date; roomId: string | null; timeZone: string; clashOverride: boolean },
): Promise<void> {
  await db.query(
    `UPDATE occurrences SET starts_at = $3, ends_at = $4, room_id = $5, local_date = ($3::timestamptz AT TIME ZONE $6)::date,
           moved_from = coalesce(moved_from, starts_at), clash_override = $7, version = version + 1 WHERE tenant_id = $1 AND id = $2`,
    [tenantId, occurrenceId, to.startsAt, to.endsAt, to.roomId, to.timeZone, to.clashOverride],
  );
  await db.query('UPDATE occurrence_tutors SET starts_at = $3, ends_at = $4 WHERE tenant_id = $1 AND occurrence_id = $2', [
    tenantId,
    occurrenceId,
    to.startsAt,
    to.endsAt,
  ]);
}

/** Whether the occurrence was at `expectedVersion` (and there) and is now at the next. */
export async function bumpOccurrenceVersion(
  db: Queryable,
  tenantId: string,
  occurrenceId: string,
  expectedVersion: number,
): Promise<boolean> {
  const bumped = await oneRow(
    db,
    'UPDATE occurrences SET version = version + 1 WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING id',
    [tenantId, occurrenceId, expectedVersion],
  );
  return bumped !== undefined;
}

export async function replaceOccurrenceTutors(
  db: Queryable,
  tenantId: string,
  occurrence: { id: string; startsAt: Date; endsAt: Date },
  staffIds: string[],
): Promise<void> {
  await db.query('DELETE FROM occurrence_tutors WHERE tenant_id = $1 AND occurrence_id = $2', [tenantId, occurrence.id]);
  await db.query(
    'INSERT INTO occurrence_tutors (tenant_id, occurrence_id, staff_id, starts_at, ends_at) SELECT $1, $2, unnest($3::uuid[]), $4, $5',
    [tenantId, occurrence.id, staffIds, occurrence.startsAt, occurrence.endsAt],
  );
}

/**
 * The dates and UTC times of a session: each local date at the same wall-clock time in the area's
 * zone (15:30 stays 15:30 either side of a clock change), skipping area holidays, bank holidays
 * and the school's INSET days.
 */
export function planOccurrences(db: Queryable, plan: OccurrencePlan): Promise<PlannedOccurrence[]> {
  return rows<PlannedOccurrence>(
    db,
    `SELECT to_char(d, 'YYYY-MM-DD') AS "localDate",
            (d + $6::time) AT TIME ZONE $8 AS "startsAt",
            (d + $6::time) AT TIME ZONE $8 + make_interval(mins => $7) AS "endsAt"
     FROM generate_series($3::date, $4::date, interval '1 day') AS g(day), LATERAL (SELECT g.day::date AS d) x
     WHERE ($5::int IS NULL AND d = $3::date)
        OR (extract(isodow FROM d) = $5 AND NOT EXISTS (
              SELECT 1 FROM holidays h
              WHERE h.tenant_id = $1 AND h.starts_on <= d AND h.ends_on >= d AND (h.school_id IS NULL OR h.school_id = $2)))
     ORDER BY d`,
    [plan.tenantId, plan.schoolId, plan.firstOn, plan.lastOn, plan.weekday, plan.startTime, plan.durationMinutes, plan.timeZone],
  );
}

/** Tutors, rooms and pupils of these occurrences that are booked elsewhere at the same time (one more than is listed, at most). */
export function clashesOf(db: Queryable, tenantId: string, occurrenceIds: string[]): Promise<ClashRow[]> {
  return rows<ClashRow>(
    db,
    `WITH m AS (
       SELECT id, ensemble_id, room_id, starts_at, ends_at FROM occurrences
       WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'scheduled'
     ), clashes AS (
       SELECT 'room' AS kind, m.id AS occurrence_id, m.starts_at, m.room_id AS resource_id, o.id AS other_id
       FROM m JOIN occurrences o ON o.tenant_id = $1 AND o.room_id = m.room_id AND o.status = 'scheduled' AND ${OVERLAPS('o')}
       WHERE o.id <> ALL($2::uuid[])
       UNION ALL
       SELECT 'tutor', m.id, m.starts_at, mt.staff_id, ot.occurrence_id
       FROM m
       JOIN occurrence_tutors mt ON mt.tenant_id = $1 AND mt.occurrence_id = m.id
       JOIN occurrence_tutors ot ON ot.tenant_id = $1 AND ot.staff_id = mt.staff_id AND ${OVERLAPS('ot')}
       JOIN occurrences o ON o.tenant_id = $1 AND o.id = ot.occurrence_id AND o.status = 'scheduled'
       WHERE ot.occurrence_id <> ALL($2::uuid[])
       UNION ALL
       SELECT 'pupil', m.id, m.starts_at, mine.pupil_id, o.id
       FROM m
       JOIN occurrences o ON o.tenant_id = $1 AND o.status = 'scheduled' AND ${OVERLAPS('o')}
       JOIN ensemble_members mine ON mine.tenant_id = $1 AND mine.ensemble_id = m.ensemble_id AND mine.pupil_id IS NOT NULL AND mine.left_on IS NULL
       JOIN ensemble_members theirs ON theirs.tenant_id = $1 AND theirs.ensemble_id = o.ensemble_id AND theirs.pupil_id = mine.pupil_id AND theirs.left_on IS NULL
       WHERE o.id <> ALL($2::uuid[])
     )
     SELECT c.kind, c.occurrence_id AS "occurrenceId", c.starts_at AS "startsAt", c.resource_id AS "resourceId",
            o.id AS "otherId", o.session_id AS "otherSessionId", s.title AS "otherTitle", o.starts_at AS "otherStartsAt", o.ends_at AS "otherEndsAt"
     FROM clashes c
     JOIN occurrences o ON o.tenant_id = $1 AND o.id = c.other_id
     JOIN sessions s ON s.tenant_id = $1 AND s.id = o.session_id
     ORDER BY c.starts_at, c.kind, c.resource_id
     LIMIT ${MAX_LISTED + 1}`,
    [tenantId, occurrenceIds],
  );
}

/** Future sessions of this ensemble from `from` that overlap sessions of other ensembles the pupil is already in. */
export function newMemberClashes(db: Queryable, tenantId: string, ensembleId: string, pupilId: string, from: string): Promise<ClashRow[]> {
  return rows<ClashRow>(
    db,
    `SELECT 'pupil' AS kind, m.id AS "occurrenceId", m.starts_at AS "startsAt", $3::uuid AS "resourceId",
            o.id AS "otherId", o.session_id AS "otherSessionId", s.title AS "otherTitle", o.starts_at AS "otherStartsAt", o.ends_at AS "otherEndsAt"
     FROM occurrences m
     JOIN occurrences o ON o.tenant_id = $1 AND o.status = 'scheduled' AND o.ensemble_id <> m.ensemble_id AND ${OVERLAPS('o')}
     JOIN ensemble_members theirs ON theirs.tenant_id = $1 AND theirs.ensemble_id = o.ensemble_id AND theirs.pupil_id = $3 AND theirs.left_on IS NULL
     JOIN sessions s ON s.tenant_id = $1 AND s.id = o.session_id
     WHERE m.tenant_id = $1 AND m.ensemble_id = $2 AND m.status = 'scheduled' AND m.local_date >= $4::date
     ORDER BY m.starts_at LIMIT ${MAX_LISTED + 1}`,
    [tenantId, ensembleId, pupilId, from],
  );
}

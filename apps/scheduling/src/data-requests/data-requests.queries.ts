import { oneRow, rows, type Queryable } from '@tutti/platform';

/** A timestamptz as ISO 8601 in UTC ("2026-03-04T15:30:00.000Z"), for plain JSON records. */
const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface RequestPupilRow {
  id: string;
  schoolId: string;
  classId: string | null;
  firstName: string;
  lastName: string;
  anonymisedAt: Date | null;
}

export function requestPupil(db: Queryable, tenantId: string, pupilId: string): Promise<RequestPupilRow | undefined> {
  return oneRow<RequestPupilRow>(
    db,
    `SELECT id, school_id AS "schoolId", class_id AS "classId", first_name AS "firstName", last_name AS "lastName", anonymised_at AS "anonymisedAt"
       FROM pupils WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tenantId, pupilId],
  );
}

type Records = Record<string, unknown>[];

async function records(db: Queryable, sql: string, params: unknown[]): Promise<Records> {
  return (await rows<{ record: Record<string, unknown> }>(db, sql, params)).map((row) => row.record);
}

/**
 * The occurrences a text about them may name a pupil in by first name alone: those they have a mark
 * for, and those of an ensemble they were a member of on the day.
 */
const PUPIL_OCCURRENCES = `
  SELECT a.occurrence_id AS id FROM attendance a WHERE a.tenant_id = $1 AND a.pupil_id = $2
  UNION
  SELECT o.id FROM ensemble_members m
    JOIN occurrences o ON o.tenant_id = m.tenant_id AND o.ensemble_id = m.ensemble_id
     AND o.local_date >= m.joined_on AND (m.left_on IS NULL OR o.local_date <= m.left_on)
   WHERE m.tenant_id = $1 AND m.pupil_id = $2`;

/** The pupil's record as scheduling holds it, with their characteristics. */
export function pupilRecords(db: Queryable, tenantId: string, pupilId: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object(
         'id', p.id, 'schoolId', p.school_id, 'schoolName', s.name, 'classId', p.class_id, 'className', c.name,
         'firstName', p.first_name, 'lastName', p.last_name, 'yearGroup', p.year_group, 'misRef', p.mis_ref,
         'status', p.status, 'leftOn', p.left_on, 'destinationSchool', p.destination_school,
         'characteristics', jsonb_build_object('pupilPremium', p.pupil_premium, 'send', p.send, 'eal', p.eal,
           'gender', p.gender, 'ethnicityGroup', p.ethnicity_group),
         'createdAt', ${iso('p.created_at')}, 'updatedAt', ${iso('p.updated_at')}, 'anonymisedAt', ${iso('p.anonymised_at')}) AS record
       FROM pupils p
       JOIN schools s ON s.tenant_id = p.tenant_id AND s.id = p.school_id
       LEFT JOIN classes c ON c.tenant_id = p.tenant_id AND c.id = p.class_id
      WHERE p.tenant_id = $1 AND p.id = $2`,
    [tenantId, pupilId],
  );
}

/** Their class: scheduling keeps the current one only (moves are events, not history it stores). */
export function classRecords(db: Queryable, tenantId: string, pupilId: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object('id', c.id, 'name', c.name, 'yearGroup', c.year_group, 'schoolId', c.school_id,
         'archivedAt', ${iso('c.archived_at')}, 'current', true) AS record
       FROM pupils p JOIN classes c ON c.tenant_id = p.tenant_id AND c.id = p.class_id
      WHERE p.tenant_id = $1 AND p.id = $2`,
    [tenantId, pupilId],
  );
}

/** Every membership of an ensemble, past and present. */
export function ensembleRecords(db: Queryable, tenantId: string, pupilId: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object('memberId', m.id, 'ensembleId', e.id, 'ensembleName', e.name, 'kind', e.kind, 'strand', e.strand,
         'level', e.level, 'schoolId', e.school_id, 'instrument', m.instrument, 'section', m.section,
         'joinedOn', m.joined_on, 'leftOn', m.left_on) AS record
       FROM ensemble_members m JOIN ensembles e ON e.tenant_id = m.tenant_id AND e.id = m.ensemble_id
      WHERE m.tenant_id = $1 AND m.pupil_id = $2
      ORDER BY m.joined_on, m.id`,
    [tenantId, pupilId],
  );
}

/** Every attendance mark, with its session. */
export function attendanceRecords(db: Queryable, tenantId: string, pupilId: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object('id', a.id, 'status', a.status, 'recordedAt', ${iso('a.recorded_at')},
         'occurrenceId', o.id, 'date', o.local_date, 'startsAt', ${iso('o.starts_at')}, 'endsAt', ${iso('o.ends_at')},
         'occurrenceStatus', o.status, 'sessionId', ss.id, 'sessionTitle', ss.title, 'ensembleId', e.id, 'ensembleName', e.name) AS record
       FROM attendance a
       JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
       JOIN sessions ss ON ss.tenant_id = o.tenant_id AND ss.id = o.session_id
       JOIN ensembles e ON e.tenant_id = o.tenant_id AND e.id = o.ensemble_id
      WHERE a.tenant_id = $1 AND a.pupil_id = $2
      ORDER BY o.starts_at, a.id`,
    [tenantId, pupilId],
  );
}

/**
 * Free text naming the pupil: rehearsal notes and cancellation reasons (full name anywhere, first or
 * last name alone on their sessions) and lesson plans (first or last name alone in their class's).
 * `$3` / `$4`: the full-name and the word patterns (names.ts).
 */
export function noteRecords(db: Queryable, tenantId: string, pupilId: string, patterns: { full: string; words: string }): Promise<Records> {
  return records(
    db,
    `WITH theirs AS (${PUPIL_OCCURRENCES}),
          their_class AS (SELECT class_id AS id FROM pupils WHERE tenant_id = $1 AND id = $2)
     SELECT record FROM (
       SELECT o.starts_at AS at, jsonb_build_object('kind', 'rehearsal note', 'occurrenceId', o.id, 'date', o.local_date,
           'ensembleName', e.name, 'repertoire', n.repertoire, 'focus', n.focus, 'notes', n.notes, 'updatedAt', ${iso('n.updated_at')}) AS record
         FROM rehearsal_notes n
         JOIN occurrences o ON o.tenant_id = n.tenant_id AND o.id = n.occurrence_id
         JOIN ensembles e ON e.tenant_id = o.tenant_id AND e.id = o.ensemble_id
        WHERE n.tenant_id = $1
          AND (concat_ws(' ', n.focus, n.notes) ~* $3
               OR (n.occurrence_id IN (SELECT id FROM theirs) AND concat_ws(' ', n.focus, n.notes) ~* $4))
       UNION ALL
       SELECT o.starts_at, jsonb_build_object('kind', 'cancellation reason', 'occurrenceId', o.id, 'date', o.local_date,
           'ensembleName', e.name, 'reason', o.cancel_reason)
         FROM occurrences o JOIN ensembles e ON e.tenant_id = o.tenant_id AND e.id = o.ensemble_id
        WHERE o.tenant_id = $1
          AND (o.cancel_reason ~* $3 OR (o.id IN (SELECT id FROM theirs) AND o.cancel_reason ~* $4))
       UNION ALL
       SELECT l.created_at, jsonb_build_object('kind', 'lesson plan', 'lessonPlanId', l.id, 'classId', l.class_id,
           'topic', l.topic, 'musicalActivity', l.musical_activity, 'updatedAt', ${iso('l.updated_at')})
         FROM lesson_plans l
        WHERE l.tenant_id = $1
          AND (concat_ws(' ', l.topic, l.musical_activity) ~* $3
               OR (l.class_id IN (SELECT id FROM their_class) AND concat_ws(' ', l.topic, l.musical_activity) ~* $4))
     ) named ORDER BY at`,
    [tenantId, pupilId, patterns.full, patterns.words],
  );
}

/** Graded exams entered and their results. */
export function examRecords(db: Queryable, tenantId: string, pupilId: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object('id', x.id, 'board', x.board, 'grade', x.grade, 'instrument', x.instrument,
         'enteredOn', x.entered_on, 'examOn', x.exam_on, 'result', x.result, 'marks', x.marks) AS record
       FROM exam_entries x WHERE x.tenant_id = $1 AND x.pupil_id = $2 ORDER BY x.entered_on, x.id`,
    [tenantId, pupilId],
  );
}

/**
 * The performances the pupil played in, from scheduling's copy of performance-event's completed
 * performances (the evidence copies): the performance as announced and the school they played for.
 */
export function performanceRecords(db: Queryable, tenantId: string, pupilId: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object('performanceId', g.performance_id, 'title', g.title, 'startsAt', ${iso('g.starts_at')},
         'audience', g.audience, 'schoolId', r.school_id, 'copiedAt', ${iso('g.copied_at')}) AS record
       FROM performance_performers r
       JOIN performances_given g ON g.tenant_id = r.tenant_id AND g.performance_id = r.performance_id
      WHERE r.tenant_id = $1 AND r.pupil_id = $2
      ORDER BY g.starts_at, g.performance_id`,
    [tenantId, pupilId],
  );
}

/**
 * A family's RSVPs and family-session sign-ups, from scheduling's copy of parent-engagement's events
 * (the evidence copies), by the guardian's account.
 */
export function familyEngagementRecords(db: Queryable, tenantId: string, guardianId: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object('kind', f.kind, 'sourceId', f.source_id, 'occasionId', f.occasion_id, 'occursAt', ${iso('f.occurs_at')},
         'schoolIds', f.school_ids, 'tookPart', f.took_part, 'checkedIn', f.checked_in, 'expectedPeople', f.expected_people,
         'arrivedPeople', f.arrived_people, 'changedAt', ${iso('f.changed_at')}) AS record
       FROM family_engagement f
      WHERE f.tenant_id = $1 AND f.guardian_id = $2
      ORDER BY f.occurs_at, f.kind, f.source_id`,
    [tenantId, guardianId],
  );
}

/**
 * MIS imports whose stored report names the pupil (by full name or MIS reference). An import keeps
 * only row numbers and problems, not the rows, so this is usually empty.
 */
export function importRecords(db: Queryable, tenantId: string, pupilId: string, fullPattern: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object('id', i.id, 'schoolId', i.school_id, 'status', i.status, 'startedAt', ${iso('i.started_at')},
         'problems', i.problems, 'newClasses', i.new_classes) AS record
       FROM roster_imports i JOIN pupils p ON p.tenant_id = i.tenant_id AND p.id = $2
      WHERE i.tenant_id = $1 AND i.school_id = p.school_id
        AND (concat(i.problems::text, i.new_classes::text) ~* $3
             OR (p.mis_ref IS NOT NULL AND strpos(concat(i.problems::text, i.new_classes::text), p.mis_ref) > 0))
      ORDER BY i.started_at`,
    [tenantId, pupilId, fullPattern],
  );
}

/** How many of the family's RSVPs and sign-ups scheduling's evidence copy holds. */
export async function familyEngagementCount(db: Queryable, tenantId: string, guardianId: string): Promise<number> {
  const found = await oneRow<{ n: number }>(
    db,
    'SELECT count(*)::int AS n FROM family_engagement WHERE tenant_id = $1 AND guardian_id = $2',
    [tenantId, guardianId],
  );
  return found?.n ?? 0;
}

/** What scheduling holds about an account as a member of staff (a parent who also tutors or volunteers). */
export function staffRecordsOfAccount(db: Queryable, tenantId: string, accountId: string): Promise<Records> {
  return records(
    db,
    `SELECT jsonb_build_object('id', s.id, 'kind', s.kind, 'displayName', s.display_name, 'email', s.email, 'employer', s.employer,
         'instruments', s.instruments, 'createdAt', ${iso('s.created_at')}) AS record
       FROM staff s WHERE s.tenant_id = $1 AND s.user_id = $2`,
    [tenantId, accountId],
  );
}

/** The record's name becomes the pseudonym and its other personal fields empty; keys stay. Once only. */
export async function anonymisePupil(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  pseudonym: { firstName: string; lastName: string },
): Promise<number> {
  const changed = await rows(
    db,
    `UPDATE pupils SET first_name = $3, last_name = $4, mis_ref = NULL, destination_school = NULL,
         pupil_premium = 'unknown', send = 'unknown', eal = 'unknown', gender = 'unknown', ethnicity_group = 'unknown',
         anonymised_at = now(), updated_at = now(), version = version + 1
      WHERE tenant_id = $1 AND id = $2 AND anonymised_at IS NULL RETURNING id`,
    [tenantId, pupilId, pseudonym.firstName, pseudonym.lastName],
  );
  return changed.length;
}

/**
 * Replaces the pupil's name in free text: the full name anywhere in the area, the first or last name
 * alone on their sessions and their class's lesson plans. Answers how many texts changed.
 */
export async function replaceNameInText(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  patterns: { full: string; words: string },
  replacement: string,
): Promise<number> {
  const params = [tenantId, pupilId, patterns.full, patterns.words, replacement];
  const notes = await rows(
    db,
    `WITH theirs AS (${PUPIL_OCCURRENCES})
     UPDATE rehearsal_notes n
        SET focus = regexp_replace(n.focus, CASE WHEN n.occurrence_id IN (SELECT id FROM theirs) THEN $4 ELSE $3 END, $5, 'gi'),
            notes = regexp_replace(n.notes, CASE WHEN n.occurrence_id IN (SELECT id FROM theirs) THEN $4 ELSE $3 END, $5, 'gi'),
            version = n.version + 1
      WHERE n.tenant_id = $1
        AND concat_ws(' ', n.focus, n.notes) ~* CASE WHEN n.occurrence_id IN (SELECT id FROM theirs) THEN $4 ELSE $3 END
      RETURNING n.occurrence_id`,
    params,
  );
  const reasons = await rows(
    db,
    `WITH theirs AS (${PUPIL_OCCURRENCES})
     UPDATE occurrences o
        SET cancel_reason = regexp_replace(o.cancel_reason, CASE WHEN o.id IN (SELECT id FROM theirs) THEN $4 ELSE $3 END, $5, 'gi'),
            version = o.version + 1
      WHERE o.tenant_id = $1 AND o.cancel_reason ~* CASE WHEN o.id IN (SELECT id FROM theirs) THEN $4 ELSE $3 END
      RETURNING o.id`,
    params,
  );
  const plans = await rows(
    db,
    `WITH their_class AS (SELECT class_id AS id FROM pupils WHERE tenant_id = $1 AND id = $2)
     UPDATE lesson_plans l
        SET topic = regexp_replace(l.topic, CASE WHEN l.class_id IN (SELECT id FROM their_class) THEN $4 ELSE $3 END, $5, 'gi'),
            musical_activity = regexp_replace(l.musical_activity, CASE WHEN l.class_id IN (SELECT id FROM their_class) THEN $4 ELSE $3 END, $5, 'gi'),
            version = l.version + 1, updated_at = now()
      WHERE l.tenant_id = $1
        AND concat_ws(' ', l.topic, l.musical_activity) ~* CASE WHEN l.class_id IN (SELECT id FROM their_class) THEN $4 ELSE $3 END
      RETURNING l.id`,
    params,
  );
  return notes.length + reasons.length + plans.length;
}

/** JSON columns scheduling keeps copies of names in: its outbox, idempotent replies, reminders, import reports. */
export const JSON_HOLDERS = [
  { table: 'outbox_events', column: 'payload', key: ['id'], kind: 'type' },
  { table: 'idempotency_keys', column: 'response', key: ['operation', 'key'], kind: 'operation' },
  { table: 'reminders', column: 'payload', key: ['id'], kind: 'kind' },
  { table: 'roster_imports', column: 'problems', key: ['id'], kind: `'import'` },
  { table: 'roster_imports', column: 'new_classes', key: ['id'], kind: `'import'` },
] as const;

export type JsonHolder = (typeof JSON_HOLDERS)[number];

export interface HeldJsonRow {
  key: string[];
  kind: string;
  value: unknown;
}

export interface HeldJsonText {
  key: string[];
  kind: string;
  text: string;
}

/**
 * One page of the area's rows of a JSON column, as text, in key order after `after` (the last key of
 * the page before; null for the first). The caller looks for names in Node, where one pattern for
 * hundreds of pupils is cheap (PostgreSQL's took 20 s on 30,000 outbox rows for 300 pupils).
 */
export function heldJsonPage(
  db: Queryable,
  tenantId: string,
  holder: JsonHolder,
  after: string[] | null,
  limit: number,
): Promise<HeldJsonText[]> {
  const columns = holder.key.map((column) => `h.${column}`).join(', ');
  const params: unknown[] = [tenantId, limit, ...(after ?? [])];
  const afterLastPage = after ? `(${columns}) > (${holder.key.map((_, index) => `$${index + 3}`).join(', ')})` : 'TRUE';
  return rows<HeldJsonText>(
    db,
    `SELECT ARRAY[${holder.key.map((column) => `h.${column}::text`).join(', ')}] AS key, ${holder.kind.replace(/^(?!')/, 'h.')} AS kind,
            h.${holder.column}::text AS text
       FROM ${holder.table} h
      WHERE h.tenant_id = $1 AND ${afterLastPage}
      ORDER BY ${columns} LIMIT $2`,
    params,
  );
}

export async function replaceHeldJson(db: Queryable, tenantId: string, holder: JsonHolder, key: string[], value: unknown): Promise<void> {
  const where = holder.key.map((column, index) => `${column} = $${index + 3}`).join(' AND ');
  await db.query(`UPDATE ${holder.table} SET ${holder.column} = $2::jsonb WHERE tenant_id = $1 AND ${where}`, [
    tenantId,
    JSON.stringify(value),
    ...key,
  ]);
}

/** How many of the pupil's rows are kept, by what they are (the performances: scheduling's evidence copy of them). */
export async function keptCounts(
  db: Queryable,
  tenantId: string,
  pupilId: string,
): Promise<{ attendance: number; memberships: number; exams: number; performances: number }> {
  const counts = await oneRow<{ attendance: number; memberships: number; exams: number; performances: number }>(
    db,
    `SELECT (SELECT count(*)::int FROM attendance WHERE tenant_id = $1 AND pupil_id = $2) AS attendance,
            (SELECT count(*)::int FROM ensemble_members WHERE tenant_id = $1 AND pupil_id = $2) AS memberships,
            (SELECT count(*)::int FROM exam_entries WHERE tenant_id = $1 AND pupil_id = $2) AS exams,
            (SELECT count(*)::int FROM performance_performers WHERE tenant_id = $1 AND pupil_id = $2) AS performances`,
    [tenantId, pupilId],
  );
  return counts ?? { attendance: 0, memberships: 0, exams: 0, performances: 0 };
}

/** Pupils' attendance marks on sessions before `before` (YYYY-MM-DD) are deleted; staff marks stay. */
export async function deletePupilMarksBefore(db: Queryable, tenantId: string, before: string): Promise<number> {
  const deleted = await rows(
    db,
    `DELETE FROM attendance a USING occurrences o
      WHERE a.tenant_id = $1 AND a.pupil_id IS NOT NULL
        AND o.tenant_id = a.tenant_id AND o.id = a.occurrence_id AND o.local_date < $2
      RETURNING a.id`,
    [tenantId, before],
  );
  return deleted.length;
}

/** Former pupils (left the school or the programme; not alumni, who are still followed) who left on or before `leftBy`, not yet anonymised. */
export function formerPupilsLeftBy(db: Queryable, tenantId: string, leftBy: string): Promise<RequestPupilRow[]> {
  return rows<RequestPupilRow>(
    db,
    `SELECT id, school_id AS "schoolId", class_id AS "classId", first_name AS "firstName", last_name AS "lastName", anonymised_at AS "anonymisedAt"
       FROM pupils
      WHERE tenant_id = $1 AND status IN ('left', 'leaver') AND left_on <= $2 AND anonymised_at IS NULL
      ORDER BY left_on, id FOR UPDATE`,
    [tenantId, leftBy],
  );
}

/** Whether a pseudonym is already some other anonymised pupil's name in the area. */
export async function pseudonymTaken(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  name: { firstName: string; lastName: string },
): Promise<boolean> {
  const found = await oneRow(
    db,
    `SELECT 1 FROM pupils WHERE tenant_id = $1 AND id <> $2 AND first_name = $3 AND last_name = $4 AND anonymised_at IS NOT NULL LIMIT 1`,
    [tenantId, pupilId, name.firstName, name.lastName],
  );
  return found !== undefined;
}

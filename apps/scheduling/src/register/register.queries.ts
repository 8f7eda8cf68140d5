import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { AttendanceStatus } from './attendance.model';

export interface RegisterEntryRow {
  pupilId: string | null;
  staffId: string | null;
  name: string;
  instrument: string | null;
  section: string | null;
  status: AttendanceStatus | null;
  markId: string | null;
}

export interface RehearsalNoteRow {
  occurrenceId: string;
  repertoire: string[];
  focus: string | null;
  notes: string | null;
  authorUserId: string;
  updatedAt: Date;
  version: number;
}

export interface RehearsalNoteFields {
  repertoire: string[];
  focus: string | null;
  notes: string | null;
  authorUserId: string;
}

export interface MarkFields {
  markId: string;
  pupilId: string | null;
  staffId: string | null;
  status: AttendanceStatus;
}

/**
 * Everyone who was a member on the day ($4) of the occurrence ($2) of an ensemble ($3), with their mark if taken. (The tutor-today bench EXPLAINs it.)
 * The occurrence's marks are read once, by attendance_tenant_occurrence, before they are matched to the members: joined
 * directly, on the scale seed (a year of marks) the planner looked each of the 75 members up on its own through
 * attendance_tenant_pupil, each look-up visiting the dead versions that re-submitted registers leave until vacuum
 * (7.7 ms, 1,350 buffers, where the quick seed's one read of the occurrence's marks took 2.5 ms).
 */
export const REGISTER_ENTRIES_SQL = `WITH marks AS MATERIALIZED (
         SELECT id, pupil_id, staff_id, status FROM attendance WHERE tenant_id = $1 AND occurrence_id = $2
       )
       SELECT m.pupil_id AS "pupilId", m.staff_id AS "staffId", coalesce(p.first_name || ' ' || p.last_name, s.display_name) AS name,
              m.instrument, m.section, a.status, a.id AS "markId"
       FROM ensemble_members m
       LEFT JOIN pupils p ON p.tenant_id = m.tenant_id AND p.id = m.pupil_id
       LEFT JOIN staff s ON s.tenant_id = m.tenant_id AND s.id = m.staff_id
       LEFT JOIN marks a ON a.pupil_id = m.pupil_id OR a.staff_id = m.staff_id
       WHERE m.tenant_id = $1 AND m.ensemble_id = $3 AND m.joined_on <= $4::date AND (m.left_on IS NULL OR m.left_on >= $4::date)
       ORDER BY m.staff_id IS NOT NULL, name`;

/** The occurrence's ($2) latest register submission that still has its marks. (The tutor-today bench EXPLAINs it.) */
export const LATEST_SUBMISSION_SQL = `SELECT rs.id, rs.submitted_at AS "submittedAt" FROM register_submissions rs
       WHERE rs.tenant_id = $1 AND rs.occurrence_id = $2
         -- Through the occurrence's marks (an index look-up), not every mark ever made: attendance has no index by submission.
         AND EXISTS (SELECT 1 FROM attendance a WHERE a.tenant_id = rs.tenant_id AND a.occurrence_id = rs.occurrence_id AND a.submission_id = rs.id)
       ORDER BY rs.submitted_at DESC LIMIT 1`;

/** Everyone who was a member of the ensemble on the occurrence's day, with their mark if taken. */
export function registerEntries(
  db: Queryable,
  tenantId: string,
  occurrence: { id: string; ensembleId: string; localDate: string },
): Promise<RegisterEntryRow[]> {
  return rows<RegisterEntryRow>(db, REGISTER_ENTRIES_SQL, [tenantId, occurrence.id, occurrence.ensembleId, occurrence.localDate]);
}

export function latestSubmission(
  db: Queryable,
  tenantId: string,
  occurrenceId: string,
): Promise<{ id: string; submittedAt: Date } | undefined> {
  return oneRow<{ id: string; submittedAt: Date }>(db, LATEST_SUBMISSION_SQL, [tenantId, occurrenceId]);
}

/** The occurrence a submission was made for, or undefined when the submission id is new. */
export function submissionById(db: Queryable, tenantId: string, submissionId: string): Promise<{ occurrenceId: string } | undefined> {
  return oneRow<{ occurrenceId: string }>(
    db,
    'SELECT occurrence_id AS "occurrenceId" FROM register_submissions WHERE id = $1 AND tenant_id = $2',
    [submissionId, tenantId],
  );
}

/** Who (pupil or member of staff) was a member of the ensemble on the day. */
export function ensembleMembersOnDay(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  localDate: string,
): Promise<{ pupilId: string | null; staffId: string | null }[]> {
  return rows<{ pupilId: string | null; staffId: string | null }>(
    db,
    `SELECT pupil_id AS "pupilId", staff_id AS "staffId" FROM ensemble_members
       WHERE tenant_id = $1 AND ensemble_id = $2 AND joined_on <= $3::date AND (left_on IS NULL OR left_on >= $3::date)`,
    [tenantId, ensembleId, localDate],
  );
}

export async function insertSubmission(
  db: Queryable,
  tenantId: string,
  submissionId: string,
  occurrenceId: string,
  submittedBy: string,
): Promise<void> {
  await db.query('INSERT INTO register_submissions (id, tenant_id, occurrence_id, submitted_by) VALUES ($1, $2, $3, $4)', [
    submissionId,
    tenantId,
    occurrenceId,
    submittedBy,
  ]);
}

export async function deleteOccurrenceMarks(db: Queryable, tenantId: string, occurrenceId: string): Promise<void> {
  await db.query('DELETE FROM attendance WHERE tenant_id = $1 AND occurrence_id = $2', [tenantId, occurrenceId]);
}

/** Inserts the marks under the submission; answers the mark ids inserted (a mark id already used elsewhere is skipped). */
export async function insertMarks(
  db: Queryable,
  tenantId: string,
  occurrenceId: string,
  submissionId: string,
  marks: MarkFields[],
): Promise<string[]> {
  const taken = await rows<{ id: string }>(
    db,
    `INSERT INTO attendance (id, tenant_id, occurrence_id, pupil_id, staff_id, status, submission_id)
         SELECT m.id, $1, $2, m.pupil_id, m.staff_id, m.status, $3 FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[]) AS m(id, pupil_id, staff_id, status)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      tenantId,
      occurrenceId,
      submissionId,
      marks.map((m) => m.markId),
      marks.map((m) => m.pupilId),
      marks.map((m) => m.staffId),
      marks.map((m) => m.status),
    ],
  );
  return taken.map((row) => row.id);
}

/** Marks the occurrence delivered when its register is first taken. */
/** The first register submitted marks the occurrence delivered; a later one writes nothing (no new row version to index). */
export async function markOccurrenceDelivered(db: Queryable, tenantId: string, occurrenceId: string): Promise<void> {
  await db.query('UPDATE occurrences SET delivered_at = now() WHERE tenant_id = $1 AND id = $2 AND delivered_at IS NULL', [
    tenantId,
    occurrenceId,
  ]);
}

/** Whether the occurrence had no note and now has this one. */
export async function insertRehearsalNote(
  db: Queryable,
  tenantId: string,
  occurrenceId: string,
  note: RehearsalNoteFields,
): Promise<boolean> {
  const created = await oneRow(
    db,
    `INSERT INTO rehearsal_notes (tenant_id, occurrence_id, repertoire, focus, notes, author_user_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, occurrence_id) DO NOTHING RETURNING occurrence_id`,
    [tenantId, occurrenceId, note.repertoire, note.focus, note.notes, note.authorUserId],
  );
  return created !== undefined;
}

/** Whether the occurrence's note was at `expectedVersion` (and there) and is now replaced. */
export async function updateRehearsalNote(
  db: Queryable,
  tenantId: string,
  occurrenceId: string,
  expectedVersion: number,
  note: RehearsalNoteFields,
): Promise<boolean> {
  const updated = await oneRow(
    db,
    `UPDATE rehearsal_notes SET repertoire = $3, focus = $4, notes = $5, author_user_id = $6, updated_at = now(), version = version + 1
         WHERE tenant_id = $1 AND occurrence_id = $2 AND version = $7 RETURNING occurrence_id`,
    [tenantId, occurrenceId, note.repertoire, note.focus, note.notes, note.authorUserId, expectedVersion],
  );
  return updated !== undefined;
}

export async function rehearsalNoteVersion(db: Queryable, tenantId: string, occurrenceId: string): Promise<number | null> {
  const note = await oneRow<{ version: number }>(db, 'SELECT version FROM rehearsal_notes WHERE tenant_id = $1 AND occurrence_id = $2', [
    tenantId,
    occurrenceId,
  ]);
  return note?.version ?? null;
}

export function rehearsalNote(db: Queryable, tenantId: string, occurrenceId: string): Promise<RehearsalNoteRow | undefined> {
  return oneRow<RehearsalNoteRow>(
    db,
    `SELECT occurrence_id AS "occurrenceId", repertoire, focus, notes, author_user_id AS "authorUserId", updated_at AS "updatedAt", version
       FROM rehearsal_notes WHERE tenant_id = $1 AND occurrence_id = $2`,
    [tenantId, occurrenceId],
  );
}

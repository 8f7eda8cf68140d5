import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { ExamResult } from './exam-entry.model';

export interface ExamEntryRow {
  id: string;
  pupilId: string;
  board: string;
  grade: number;
  instrument: string;
  enteredOn: string;
  examOn: string | null;
  result: ExamResult | null;
  marks: number | null;
  version: number;
}

export interface MembershipHistoryRow {
  ensembleId: string;
  ensembleName: string;
  kind: string;
  strand: string;
  level: string | null;
  instrument: string | null;
  joinedOn: string;
  leftOn: string | null;
}

export interface StrandAttendanceRow {
  strand: 'curriculum' | 'after_school' | 'weekend' | 'holiday';
  sessions: number;
}

const ENTRY_COLUMNS = `x.id, x.pupil_id AS "pupilId", x.board, x.grade, x.instrument, to_char(x.entered_on, 'YYYY-MM-DD') AS "enteredOn",
  to_char(x.exam_on, 'YYYY-MM-DD') AS "examOn", x.result, x.marks, x.version`;

export async function insertExamEntry(
  db: Queryable,
  tenantId: string,
  entryId: string,
  entry: { pupilId: string; board: string; grade: number; instrument: string; enteredOn: string; examOn: string | null },
): Promise<void> {
  await db.query(
    'INSERT INTO exam_entries (id, tenant_id, pupil_id, board, grade, instrument, entered_on, exam_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [entryId, tenantId, entry.pupilId, entry.board, entry.grade, entry.instrument, entry.enteredOn, entry.examOn],
  );
}

/** The entry with its result recorded, or undefined when it is not at `expectedVersion` (or not there). */
export function recordExamResult(
  db: Queryable,
  tenantId: string,
  entryId: string,
  expectedVersion: number,
  result: { result: ExamResult; marks: number | null; examOn: string | null },
): Promise<ExamEntryRow | undefined> {
  return oneRow<ExamEntryRow>(
    db,
    `UPDATE exam_entries x SET result = $3, marks = $4, exam_on = coalesce($5, exam_on), version = version + 1
       WHERE tenant_id = $1 AND id = $2 AND version = $6 RETURNING ${ENTRY_COLUMNS}`,
    [tenantId, entryId, result.result, result.marks, result.examOn, expectedVersion],
  );
}

/**
 * A page of exam entries, newest first: by exam date (entries with none yet first, as still to come), then the
 * latest entered (UUIDv7 ids) first; after the cursor's [exam date or 'undated', id]. Of pupils at the schools in
 * scope (null: all) and at one school if given.
 */
export function examEntriesPage(
  db: Queryable,
  tenantId: string,
  schoolIds: string[] | null,
  schoolId: string | null,
  after: { examOn: string | null; id: string } | null,
  limit: number,
): Promise<ExamEntryRow[]> {
  return rows<ExamEntryRow>(
    db,
    `SELECT ${ENTRY_COLUMNS} FROM exam_entries x JOIN pupils p ON p.tenant_id = x.tenant_id AND p.id = x.pupil_id
       WHERE x.tenant_id = $1 AND ($2::uuid[] IS NULL OR p.school_id = ANY($2)) AND ($3::uuid IS NULL OR p.school_id = $3)
         AND ($5::uuid IS NULL OR (coalesce(x.exam_on, 'infinity'::date), x.id) < (coalesce($4::date, 'infinity'::date), $5::uuid))
       ORDER BY coalesce(x.exam_on, 'infinity'::date) DESC, x.id DESC LIMIT $6`,
    [tenantId, schoolIds, schoolId, after?.examOn ?? null, after?.id ?? null, limit],
  );
}

export function examEntryById(db: Queryable, tenantId: string, entryId: string): Promise<ExamEntryRow | undefined> {
  return oneRow<ExamEntryRow>(db, `SELECT ${ENTRY_COLUMNS} FROM exam_entries x WHERE x.tenant_id = $1 AND x.id = $2`, [tenantId, entryId]);
}

export function pupilExamEntries(db: Queryable, tenantId: string, pupilId: string): Promise<ExamEntryRow[]> {
  return rows<ExamEntryRow>(
    db,
    `SELECT ${ENTRY_COLUMNS} FROM exam_entries x WHERE x.tenant_id = $1 AND x.pupil_id = $2 ORDER BY x.entered_on, x.id`,
    [tenantId, pupilId],
  );
}

/** Every ensemble the pupil has been a member of, in the order they joined. */
export function pupilMembershipHistory(db: Queryable, tenantId: string, pupilId: string): Promise<MembershipHistoryRow[]> {
  return rows<MembershipHistoryRow>(
    db,
    `SELECT e.id AS "ensembleId", e.name AS "ensembleName", e.kind, e.strand, e.level, m.instrument,
              to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn", to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn"
       FROM ensemble_members m JOIN ensembles e ON e.tenant_id = m.tenant_id AND e.id = m.ensemble_id
       WHERE m.tenant_id = $1 AND m.pupil_id = $2 ORDER BY m.joined_on, e.name`,
    [tenantId, pupilId],
  );
}

/** The scheduled sessions the pupil came to (present or late), counted by strand. */
export function pupilSessionsAttendedByStrand(db: Queryable, tenantId: string, pupilId: string): Promise<StrandAttendanceRow[]> {
  return rows<StrandAttendanceRow>(
    db,
    `SELECT e.strand, count(*)::int AS sessions FROM attendance a
       JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
       JOIN ensembles e ON e.tenant_id = o.tenant_id AND e.id = o.ensemble_id
       WHERE a.tenant_id = $1 AND a.pupil_id = $2 AND a.status IN ('present', 'late') AND o.status = 'scheduled' GROUP BY e.strand`,
    [tenantId, pupilId],
  );
}

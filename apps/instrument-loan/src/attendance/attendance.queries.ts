import { rows, type Queryable } from '@tutti/platform';
import type { AttendanceStatus } from './conditional-loan-rule';

/** An active loan that depends on the pupil attending an ensemble. */
export interface ConditionalLoanRecord {
  id: string;
  pupil_id: string;
  instrument_id: string;
  started_at: Date;
  flagged_at: Date | null;
  review_cleared_at: Date | null;
}

export interface AttendanceMarkRecord {
  starts_at: Date;
  status: AttendanceStatus;
}

/** The active loans of these pupils that depend on this ensemble. */
export function conditionalLoansOf(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  pupilIds: string[],
): Promise<ConditionalLoanRecord[]> {
  return rows<ConditionalLoanRecord>(
    db,
    `SELECT id, pupil_id, instrument_id, started_at, flagged_at, review_cleared_at FROM loans
      WHERE tenant_id = $1 AND condition_ensemble_id = $2 AND pupil_id = ANY($3::uuid[]) AND returned_at IS NULL`,
    [tenantId, ensembleId, pupilIds],
  );
}

/** Keeps a pupil's mark for one session; a corrected register overwrites it. */
export async function saveAttendanceMark(
  db: Queryable,
  tenantId: string,
  mark: { ensembleId: string; pupilId: string; occurrenceId: string; startsAt: string; status: AttendanceStatus; schoolId: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO condition_attendance (tenant_id, ensemble_id, pupil_id, occurrence_id, starts_at, status, school_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, ensemble_id, pupil_id, occurrence_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, status = EXCLUDED.status,
       school_id = EXCLUDED.school_id`,
    [tenantId, mark.ensembleId, mark.pupilId, mark.occurrenceId, mark.startsAt, mark.status, mark.schoolId],
  );
}

/** A pupil's most recent 200 marks in the ensemble, newest first, after `since` when given. */
export function attendanceMarksSince(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  pupilId: string,
  since: Date | null,
): Promise<AttendanceMarkRecord[]> {
  return rows<AttendanceMarkRecord>(
    db,
    `SELECT starts_at, status FROM condition_attendance
      WHERE tenant_id = $1 AND ensemble_id = $2 AND pupil_id = $3 AND ($4::timestamptz IS NULL OR starts_at > $4)
      ORDER BY starts_at DESC LIMIT 200`,
    [tenantId, ensembleId, pupilId, since],
  );
}

/** Flags an active loan for review; false when it was flagged already or has ended. */
export async function flagLoan(db: Queryable, tenantId: string, loanId: string, reason: string): Promise<boolean> {
  const flagged = await rows<{ id: string }>(
    db,
    'UPDATE loans SET flagged_at = now(), flag_reason = $3 WHERE tenant_id = $1 AND id = $2 AND flagged_at IS NULL AND returned_at IS NULL RETURNING id',
    [tenantId, loanId, reason],
  );
  return flagged.length > 0;
}

/** An active loan of a pupil, with the school of the latest kept session of the ensemble it depends on (null: area-wide, or none kept). */
export interface AlumnusLoanRecord {
  id: string;
  instrument_id: string;
  condition_ensemble_id: string | null;
  ensemble_school_id: string | null;
}

export function activeLoansOfPupil(db: Queryable, tenantId: string, pupilId: string): Promise<AlumnusLoanRecord[]> {
  return rows<AlumnusLoanRecord>(
    db,
    `SELECT l.id, l.instrument_id, l.condition_ensemble_id,
            (SELECT c.school_id FROM condition_attendance c
              WHERE c.tenant_id = l.tenant_id AND c.ensemble_id = l.condition_ensemble_id ORDER BY c.starts_at DESC LIMIT 1) AS ensemble_school_id
       FROM loans l
      WHERE l.tenant_id = $1 AND l.pupil_id = $2 AND l.returned_at IS NULL
      ORDER BY l.id`,
    [tenantId, pupilId],
  );
}

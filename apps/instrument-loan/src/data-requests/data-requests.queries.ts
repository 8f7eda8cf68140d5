import { isoDay, isoInstant, oneRow, rows, wordsPattern, type Queryable } from '@tutti/platform';

/**
 * What a data request (issue 19) reads and changes in this service. Every export row comes out of SQL
 * as plain JSON: camelCase names, ISO 8601 instants (UTC) and YYYY-MM-DD days.
 */

/** The pupil's copy of their name, as an erasure needs it. */
export interface PupilNameRow {
  first_name: string;
  last_name: string;
  erased_at: Date | null;
}

export function pupilName(db: Queryable, tenantId: string, pupilId: string): Promise<PupilNameRow | undefined> {
  return oneRow<PupilNameRow>(db, 'SELECT first_name, last_name, erased_at FROM pupils WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    pupilId,
  ]);
}

export function exportPupil(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT p.id, p.school_id AS "schoolId", s.name AS "schoolName", p.year_group AS "yearGroup",
            p.first_name AS "firstName", p.last_name AS "lastName", ${isoDay('p.left_on')} AS "leftOn",
            p.arm_length_mm AS "armLengthMm", ${isoDay('p.arm_measured_on')} AS "armMeasuredOn"
       FROM pupils p LEFT JOIN schools s ON s.tenant_id = p.tenant_id AND s.id = p.school_id
      WHERE p.tenant_id = $1 AND p.id = $2`,
    [tenantId, pupilId],
  );
}

/** `who`: the pupil the loans were for, or the account that signed their agreements. */
export type LoanSelector = { pupilId: string } | { signedBy: string };

const loanWhere = (selector: LoanSelector): string => ('pupilId' in selector ? 'l.pupil_id = $2' : 'l.agreed_by_user_id = $2');
const loanKey = (selector: LoanSelector): string => ('pupilId' in selector ? selector.pupilId : selector.signedBy);

export function exportLoans(db: Queryable, tenantId: string, selector: LoanSelector): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT l.id, l.pupil_id AS "pupilId", l.school_id AS "schoolId", l.instrument_id AS "instrumentId",
            i.asset_tag AS "assetTag", i.type AS "instrumentType", i.size, i.make, i.model, i.serial,
            ${isoInstant('l.started_at')} AS "startedAt", ${isoDay('l.due_on')} AS "dueOn", l.accessories, l.condition_out AS "conditionOut",
            l.condition_ensemble_id AS "conditionEnsembleId", l.condition_note AS "conditionNote", l.checked_out_by AS "checkedOutBy",
            CASE WHEN l.returned_at IS NULL THEN 'on_loan' ELSE l.outcome END AS state
       FROM loans l JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id
      WHERE l.tenant_id = $1 AND ${loanWhere(selector)}
      ORDER BY l.started_at, l.id`,
    [tenantId, loanKey(selector)],
  );
}

/** Each loan's signed agreement: who signed (name and account), when, and which terms. */
export function exportAgreements(db: Queryable, tenantId: string, selector: LoanSelector): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT l.id AS "loanId", l.pupil_id AS "pupilId", l.agreed_by_name AS "agreedByName", l.agreed_by_user_id AS "agreedByUserId",
            ${isoInstant('l.agreed_at')} AS "agreedAt", l.terms_version AS "termsVersion"
       FROM loans l WHERE l.tenant_id = $1 AND ${loanWhere(selector)}
      ORDER BY l.agreed_at, l.id`,
    [tenantId, loanKey(selector)],
  );
}

export function exportReturns(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT l.id AS "loanId", ${isoInstant('l.returned_at')} AS "returnedAt", l.outcome, l.condition_in AS "conditionIn",
            l.return_notes AS "returnNotes", l.returned_by AS "returnedBy"
       FROM loans l WHERE l.tenant_id = $1 AND l.pupil_id = $2 AND l.returned_at IS NOT NULL
      ORDER BY l.returned_at, l.id`,
    [tenantId, pupilId],
  );
}

/** Overdue and attendance-condition flags, past (cleared) and present. */
export function exportFlags(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT l.id AS "loanId", ${isoInstant('l.overdue_at')} AS "overdueAt", ${isoInstant('l.flagged_at')} AS "flaggedAt", l.flag_reason AS "flagReason",
            ${isoInstant('l.review_cleared_at')} AS "reviewClearedAt"
       FROM loans l WHERE l.tenant_id = $1 AND l.pupil_id = $2
        AND (l.overdue_at IS NOT NULL OR l.flagged_at IS NOT NULL OR l.review_cleared_at IS NOT NULL)
      ORDER BY l.started_at, l.id`,
    [tenantId, pupilId],
  );
}

/** Damage, loss and other problems reported on the subject's loans (`pupilId`), or by the subject (`signedBy`: the reporter). */
export function exportProblemReports(db: Queryable, tenantId: string, selector: LoanSelector): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT r.id, r.loan_id AS "loanId", r.kind, r.description, r.reported_by AS "reportedBy", r.reporter_role AS "reporterRole",
            ${isoInstant('r.reported_at')} AS "reportedAt"
       FROM loan_problem_reports r JOIN loans l ON l.tenant_id = r.tenant_id AND l.id = r.loan_id
      WHERE r.tenant_id = $1 AND ${'pupilId' in selector ? 'l.pupil_id = $2' : 'r.reported_by = $2'}
      ORDER BY r.reported_at, r.id`,
    [tenantId, loanKey(selector)],
  );
}

/**
 * Repairs of an instrument opened while the pupil had it, up to a week after its return (when damage
 * found on return is booked in): the repair a loan's damage led to.
 */
export function exportRepairs(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT DISTINCT t.id, l.id AS "loanId", i.asset_tag AS "assetTag", t.fault, t.repairer, t.cost_pence AS "costPence",
            ${isoDay('t.opened_on')} AS "openedOn", ${isoDay('t.closed_on')} AS "closedOn", t.condition_after AS "conditionAfter"
       FROM loans l
       JOIN repair_tickets t ON t.tenant_id = l.tenant_id AND t.instrument_id = l.instrument_id
       JOIN instruments i ON i.tenant_id = t.tenant_id AND i.id = t.instrument_id
      WHERE l.tenant_id = $1 AND l.pupil_id = $2
        AND t.opened_on >= l.started_at::date AND (l.returned_at IS NULL OR t.opened_on <= l.returned_at::date + 7)
      ORDER BY "openedOn", t.id`,
    [tenantId, pupilId],
  );
}

/** The marks of the ensembles the pupil's loans were conditional on, as this service keeps them. */
export function exportConditionAttendance(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT ensemble_id AS "ensembleId", occurrence_id AS "occurrenceId", ${isoInstant('starts_at')} AS "startsAt", status
       FROM condition_attendance WHERE tenant_id = $1 AND pupil_id = $2 ORDER BY starts_at, occurrence_id`,
    [tenantId, pupilId],
  );
}

/**
 * The free text of this service, where a child's name may have been typed: loans' notes and
 * conditions, problem reports, repairs, inspections and where an instrument is kept.
 */
const FREE_TEXT: { table: string; column: string; ofSubject: string }[] = [
  { table: 'loans', column: 'condition_note', ofSubject: 'loans.pupil_id = $4' },
  { table: 'loans', column: 'return_notes', ofSubject: 'loans.pupil_id = $4' },
  { table: 'loans', column: 'flag_reason', ofSubject: 'loans.pupil_id = $4' },
  { table: 'loans', column: 'condition_out', ofSubject: 'loans.pupil_id = $4' },
  { table: 'loans', column: 'condition_in', ofSubject: 'loans.pupil_id = $4' },
  {
    table: 'loan_problem_reports',
    column: 'description',
    ofSubject:
      'EXISTS (SELECT 1 FROM loans l WHERE l.tenant_id = loan_problem_reports.tenant_id AND l.id = loan_problem_reports.loan_id AND l.pupil_id = $4)',
  },
  { table: 'repair_tickets', column: 'fault', ofSubject: '$4::uuid IS NULL' },
  { table: 'repair_tickets', column: 'repairer', ofSubject: '$4::uuid IS NULL' },
  { table: 'inspections', column: 'notes', ofSubject: '$4::uuid IS NULL' },
  { table: 'instruments', column: 'location', ofSubject: '$4::uuid IS NULL' },
];

/**
 * Replaces a person's name in free text by the pseudonym: each full name wherever it is in the area
 * (another child's loan note may name them), and a child's first or last name alone in their own
 * records only (a sibling's surname elsewhere is the sibling's). Answers how many rows changed.
 */
export async function replaceNamesInFreeText(
  db: Queryable,
  tenantId: string,
  fullNames: string[],
  own: { pupilId: string; parts: string[] } | null,
  pseudonym: string,
): Promise<number> {
  const named = fullNames.filter((name) => name.trim().length > 0);
  if (named.length === 0) return 0;
  const full = `(${named.map(wordsPattern).join('|')})`;
  const parts = (own?.parts ?? []).filter((part) => part.trim().length > 0).map(wordsPattern);
  const alone = parts.length ? `(${parts.join('|')})` : null;
  let changed = 0;
  for (const { table, column, ofSubject } of FREE_TEXT) {
    const result = await rows<{ n: number }>(
      db,
      `UPDATE ${table} SET ${column} = CASE WHEN $5::text IS NOT NULL AND ${ofSubject}
                                            THEN regexp_replace(regexp_replace(${column}, $2, $3, 'gi'), $5, $3, 'gi')
                                            ELSE regexp_replace(${column}, $2, $3, 'gi') END
        WHERE tenant_id = $1 AND (${column} ~* $2 OR ($5::text IS NOT NULL AND ${ofSubject} AND ${column} ~* $5))
        RETURNING 1 AS n`,
      [tenantId, full, pseudonym, own?.pupilId ?? null, alone],
    );
    changed += result.length;
  }
  return changed;
}

/** The pupil's copy of their name becomes the pseudonym; the arm measurement (for sizing) goes. */
export async function erasePupil(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  pseudonym: string,
  erasure: { at: string; eventId: string },
): Promise<number> {
  const changed = await rows<{ n: number }>(
    db,
    `UPDATE pupils SET first_name = $3, last_name = '', arm_length_mm = NULL, arm_measured_on = NULL,
            erased_at = coalesce(erased_at, now()),
            details_event_at = CASE WHEN details_event_at IS NULL OR details_event_at < $4::timestamptz THEN $4::timestamptz ELSE details_event_at END,
            details_event_id = CASE WHEN details_event_at IS NULL OR details_event_at < $4::timestamptz THEN $5::uuid ELSE details_event_id END
      WHERE tenant_id = $1 AND id = $2
        AND (first_name <> $3 OR last_name <> '' OR arm_length_mm IS NOT NULL OR arm_measured_on IS NOT NULL OR erased_at IS NULL)
      RETURNING 1 AS n`,
    [tenantId, pupilId, pseudonym, erasure.at, erasure.eventId],
  );
  return changed.length;
}

/**
 * Removes the signer of returned loans' agreements (name and account), for the loans of a pupil or
 * the agreements an account signed; loans still out keep theirs. Answers [anonymised, kept].
 */
export async function anonymiseReturnedAgreements(
  db: Queryable,
  tenantId: string,
  selector: LoanSelector,
  signerText: string,
): Promise<{ anonymised: number; kept: { loanId: string; assetTag: string }[] }> {
  const anonymised = await rows<{ n: number }>(
    db,
    `UPDATE loans l SET agreed_by_name = $3, agreed_by_user_id = NULL, anonymised_at = coalesce(anonymised_at, now())
      WHERE l.tenant_id = $1 AND ${loanWhere(selector)} AND l.returned_at IS NOT NULL
        AND (l.agreed_by_name <> $3 OR l.agreed_by_user_id IS NOT NULL)
      RETURNING 1 AS n`,
    [tenantId, loanKey(selector), signerText],
  );
  const kept = await rows<{ loanId: string; assetTag: string }>(
    db,
    `SELECT l.id AS "loanId", i.asset_tag AS "assetTag" FROM loans l JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id
      WHERE l.tenant_id = $1 AND ${loanWhere(selector)} AND l.returned_at IS NULL ORDER BY i.asset_tag`,
    [tenantId, loanKey(selector)],
  );
  return { anonymised: anonymised.length, kept };
}

/** A guardian's name typed into the agreements they signed (returned loans only: see anonymiseReturnedAgreements). */
export async function signerNameOf(db: Queryable, tenantId: string, accountId: string): Promise<string[]> {
  const found = await rows<{ agreed_by_name: string }>(
    db,
    'SELECT DISTINCT agreed_by_name FROM loans WHERE tenant_id = $1 AND agreed_by_user_id = $2',
    [tenantId, accountId],
  );
  return found.map((row) => row.agreed_by_name);
}

/**
 * This service's earlier export answers that mention the subject (their own export, or a guardian's
 * that lists the child's loans), once delivered: the gateway holds them in the request's archive, and
 * the copy left in the outbox still names the person.
 */
export async function deleteDeliveredExports(db: Queryable, tenantId: string, type: string, subjectId: string): Promise<number> {
  const deleted = await rows<{ n: number }>(
    db,
    `DELETE FROM outbox_events
      WHERE tenant_id = $1 AND type = $2 AND sent_at IS NOT NULL AND payload->>'kind' = 'export'
        AND strpos((payload->'records')::text, $3::text) > 0
      RETURNING 1 AS n`,
    [tenantId, type, subjectId],
  );
  return deleted.length;
}

/** The retention run's cut-off days (YYYY-MM-DD), worked out from the schedule and `asOf`. */
export interface RetentionCutoffs {
  /** Loans returned before this day are anonymised. */
  loansReturnedBefore: string;
  /** Pupils who left before this day (and have nothing out) lose their name. */
  pupilsLeftBefore: string;
  /** Attendance marks before this day are deleted. */
  attendanceBefore: string;
}

const RETURNED_LOANS_DUE = `l.tenant_id = $1 AND l.returned_at IS NOT NULL AND l.anonymised_at IS NULL
  AND (l.returned_at < $2::date OR EXISTS (SELECT 1 FROM pupils p WHERE p.tenant_id = l.tenant_id AND p.id = l.pupil_id AND p.erased_at IS NOT NULL))`;

const LEAVERS_DUE = `p.tenant_id = $1 AND p.left_on < $2::date AND p.erased_at IS NULL AND NOT (p.first_name = 'Former pupil' AND p.last_name = '')
  AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.tenant_id = p.tenant_id AND l.pupil_id = p.id AND l.returned_at IS NULL)`;

export async function countRetention(
  db: Queryable,
  tenantId: string,
  cutoffs: RetentionCutoffs,
): Promise<{ loans: number; erasedLoans: number; leavers: number; attendance: number }> {
  const loans = await oneRow<{ n: number; erased: number }>(
    db,
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE l.returned_at >= $2::date)::int AS erased FROM loans l WHERE ${RETURNED_LOANS_DUE}`,
    [tenantId, cutoffs.loansReturnedBefore],
  );
  const leavers = await oneRow<{ n: number }>(db, `SELECT count(*)::int AS n FROM pupils p WHERE ${LEAVERS_DUE}`, [
    tenantId,
    cutoffs.pupilsLeftBefore,
  ]);
  const attendance = await oneRow<{ n: number }>(
    db,
    'SELECT count(*)::int AS n FROM condition_attendance WHERE tenant_id = $1 AND starts_at < $2::date',
    [tenantId, cutoffs.attendanceBefore],
  );
  return { loans: loans?.n ?? 0, erasedLoans: loans?.erased ?? 0, leavers: leavers?.n ?? 0, attendance: attendance?.n ?? 0 };
}

/** Anonymises returned loans past the schedule (or of an erased pupil): signer, free text and problem reports. */
export async function anonymiseRetainedLoans(db: Queryable, tenantId: string, cutoffs: RetentionCutoffs): Promise<number> {
  const due = await rows<{ id: string }>(db, `SELECT l.id FROM loans l WHERE ${RETURNED_LOANS_DUE} FOR UPDATE`, [
    tenantId,
    cutoffs.loansReturnedBefore,
  ]);
  if (due.length === 0) return 0;
  const ids = due.map((row) => row.id);
  await db.query(
    `UPDATE loan_problem_reports SET description = 'Removed after the retention period'
      WHERE tenant_id = $1 AND loan_id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
  await db.query(
    `UPDATE loans SET agreed_by_name = 'Removed after the retention period', agreed_by_user_id = NULL,
            condition_note = NULL, return_notes = NULL, flag_reason = NULL, anonymised_at = now()
      WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
  return ids.length;
}

export async function anonymiseLeavers(db: Queryable, tenantId: string, cutoffs: RetentionCutoffs): Promise<number> {
  const changed = await rows<{ n: number }>(
    db,
    `UPDATE pupils p SET first_name = 'Former pupil', last_name = '', arm_length_mm = NULL, arm_measured_on = NULL
      WHERE ${LEAVERS_DUE} RETURNING 1 AS n`,
    [tenantId, cutoffs.pupilsLeftBefore],
  );
  return changed.length;
}

export async function deleteOldAttendance(db: Queryable, tenantId: string, cutoffs: RetentionCutoffs): Promise<number> {
  const deleted = await rows<{ n: number }>(
    db,
    'DELETE FROM condition_attendance WHERE tenant_id = $1 AND starts_at < $2::date RETURNING 1 AS n',
    [tenantId, cutoffs.attendanceBefore],
  );
  return deleted.length;
}

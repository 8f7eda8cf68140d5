import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { LoanVisibility } from '../common/access';
import type { InstrumentRecord } from '../instruments/instruments.queries';

/** A `loans` row joined with its instrument's tag, type and size. */
export interface LoanRecord {
  id: string;
  tenant_id: string;
  instrument_id: string;
  pupil_id: string;
  school_id: string;
  started_at: Date;
  due_on: Date | string;
  accessories: string[];
  condition_out: string;
  agreed_by_name: string;
  agreed_by_user_id: string | null;
  agreed_at: Date;
  terms_version: string;
  condition_ensemble_id: string | null;
  condition_note: string | null;
  checked_out_by: string;
  returned_at: Date | null;
  condition_in: string | null;
  return_notes: string | null;
  outcome: 'returned' | 'swapped' | 'lost' | null;
  overdue_at: Date | null;
  flagged_at: Date | null;
  flag_reason: string | null;
  review_cleared_at: Date | null;
  asset_tag: string;
  instrument_type: string;
  instrument_size: string | null;
}

const LOAN_SELECT = `
  SELECT l.*, i.asset_tag, i.type AS instrument_type, i.size AS instrument_size
    FROM loans l JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id`;

/** What a new loan records: the instrument, the pupil and their school, the terms agreed. */
export interface NewLoan {
  id: string;
  instrumentId: string;
  pupilId: string;
  schoolId: string;
  dueOn: string;
  accessories: string[];
  conditionOut: string;
  agreedByName: string;
  agreedByUserId: string | null;
  agreedAt: string;
  termsVersion: string;
  conditionEnsembleId: string | null;
  conditionNote: string | null;
  checkedOutBy: string;
}

export interface LoanFilter {
  state: 'active' | 'returned' | 'overdue' | 'flagged' | 'all';
  pupilId?: string;
  instrumentId?: string;
  schoolId?: string;
}

export function loanById(db: Queryable, tenantId: string, loanId: string): Promise<LoanRecord | undefined> {
  return oneRow<LoanRecord>(db, `${LOAN_SELECT} WHERE l.tenant_id = $1 AND l.id = $2`, [tenantId, loanId]);
}

/** The loan, locked for the rest of the caller's transaction. */
export function lockLoan(db: Queryable, tenantId: string, loanId: string): Promise<LoanRecord | undefined> {
  return oneRow<LoanRecord>(db, `${LOAN_SELECT} WHERE l.tenant_id = $1 AND l.id = $2 FOR UPDATE OF l`, [tenantId, loanId]);
}

/** The loans this visibility reaches, newest first, after the cursor's id; at most `limit` rows (a page asks for one more). */
export function listLoans(
  db: Queryable,
  tenantId: string,
  visibility: LoanVisibility,
  filter: LoanFilter,
  afterId: unknown,
  limit: number,
): Promise<LoanRecord[]> {
  const params: unknown[] = [tenantId, visibility.allSchools, visibility.schoolIds, visibility.pupilIds];
  const conditions = ['l.tenant_id = $1', '($2::boolean OR l.school_id = ANY($3::uuid[]) OR l.pupil_id = ANY($4::uuid[]))'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  const states = {
    active: 'l.returned_at IS NULL',
    returned: 'l.returned_at IS NOT NULL',
    overdue: 'l.returned_at IS NULL AND l.overdue_at IS NOT NULL',
    flagged: 'l.returned_at IS NULL AND l.flagged_at IS NOT NULL',
    all: 'true',
  };
  conditions.push(states[filter.state]);
  if (filter.pupilId) add('l.pupil_id = ?', filter.pupilId);
  if (filter.instrumentId) add('l.instrument_id = ?', filter.instrumentId);
  if (filter.schoolId) add('l.school_id = ?', filter.schoolId);
  if (afterId !== undefined) add('l.id < ?::uuid', afterId);
  params.push(limit);
  return rows<LoanRecord>(db, `${LOAN_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY l.id DESC LIMIT $${params.length}`, params);
}

/** Takes the instrument from 'available' to 'on_loan'; undefined when it was not available. */
export async function takeInstrumentOut(db: Queryable, tenantId: string, instrumentId: string): Promise<InstrumentRecord | undefined> {
  const [instrument] = await rows<InstrumentRecord>(
    db,
    `UPDATE instruments SET status = 'on_loan', version = version + 1, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND status = 'available' RETURNING *`,
    [tenantId, instrumentId],
  );
  return instrument;
}

export async function insertLoan(db: Queryable, tenantId: string, loan: NewLoan): Promise<void> {
  await db.query(
    `INSERT INTO loans (id, tenant_id, instrument_id, pupil_id, school_id, due_on, accessories, condition_out, agreed_by_name, agreed_by_user_id,
                        agreed_at, terms_version, condition_ensemble_id, condition_note, checked_out_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      loan.id,
      tenantId,
      loan.instrumentId,
      loan.pupilId,
      loan.schoolId,
      loan.dueOn,
      loan.accessories,
      loan.conditionOut,
      loan.agreedByName,
      loan.agreedByUserId,
      loan.agreedAt,
      loan.termsVersion,
      loan.conditionEnsembleId,
      loan.conditionNote,
      loan.checkedOutBy,
    ],
  );
}

/** Ends an active loan; undefined when it had already ended. */
export async function endLoan(
  db: Queryable,
  tenantId: string,
  loanId: string,
  end: { conditionIn: string | null; notes: string | null; outcome: 'returned' | 'swapped' | 'lost'; actorId: string },
): Promise<{ returned_at: Date } | undefined> {
  const [ended] = await rows<{ returned_at: Date }>(
    db,
    `UPDATE loans SET returned_at = now(), condition_in = $3, return_notes = $4, outcome = $5, returned_by = $6
      WHERE tenant_id = $1 AND id = $2 AND returned_at IS NULL RETURNING returned_at`,
    [tenantId, loanId, end.conditionIn, end.notes, end.outcome, end.actorId],
  );
  return ended;
}

/** The instrument of an ended loan is back in store (or written off), in the condition it came back in, if given. */
export async function bringInstrumentBack(
  db: Queryable,
  tenantId: string,
  instrumentId: string,
  status: 'available' | 'lost',
  conditionIn: string | null,
): Promise<void> {
  await db.query(
    `UPDATE instruments SET status = $3, condition = COALESCE($4, condition), version = version + 1, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND status = 'on_loan'`,
    [tenantId, instrumentId, status, conditionIn],
  );
}

export async function insertProblemReport(
  db: Queryable,
  tenantId: string,
  report: { id: string; loanId: string; kind: string; description: string; reportedBy: string; reporterRole: 'guardian' | 'staff' },
): Promise<{ id: string; reported_at: Date }> {
  const stored = await oneRow<{ id: string; reported_at: Date }>(
    db,
    `INSERT INTO loan_problem_reports (id, tenant_id, loan_id, kind, description, reported_by, reporter_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, reported_at`,
    [report.id, tenantId, report.loanId, report.kind, report.description, report.reportedBy, report.reporterRole],
  );
  return stored as { id: string; reported_at: Date };
}

export async function clearLoanFlag(db: Queryable, tenantId: string, loanId: string): Promise<void> {
  await db.query('UPDATE loans SET flagged_at = NULL, flag_reason = NULL, review_cleared_at = now() WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    loanId,
  ]);
}

/** Marks the loan overdue if it is still out, not yet marked, and was due before `today`; undefined otherwise. */
export async function markOverdue(
  db: Queryable,
  tenantId: string,
  loanId: string,
  today: string,
): Promise<{ id: string; instrument_id: string; pupil_id: string; due_on: Date | string } | undefined> {
  const [loan] = await rows<{ id: string; instrument_id: string; pupil_id: string; due_on: Date | string }>(
    db,
    `UPDATE loans SET overdue_at = now()
      WHERE tenant_id = $1 AND id = $2 AND returned_at IS NULL AND overdue_at IS NULL AND due_on < $3::date
      RETURNING id, instrument_id, pupil_id, due_on`,
    [tenantId, loanId, today],
  );
  return loan;
}

import { oneRow, type Queryable } from '@tutti/platform';
import { LOAN_SUBJECT, type LoanMessageKind } from '../reminders/reminder-kinds';

/** The instrument type a loan's start told us (kept in its notices' payload), if we heard it. */
export async function startedInstrumentType(db: Queryable, tenantId: string, loanId: string): Promise<string | null> {
  const started = await oneRow<{ instrument_type: string | null }>(
    db,
    `SELECT payload->>'instrumentType' AS instrument_type FROM reminders
      WHERE tenant_id = $1 AND subject_type = $2 AND subject_id = $3 AND payload->>'instrumentType' IS NOT NULL LIMIT 1`,
    [tenantId, LOAN_SUBJECT, loanId],
  );
  return started?.instrument_type ?? null;
}

/** Whether a loan already has a live notice of this kind (for this due date, when given). */
export async function loanNoticeRecorded(
  db: Queryable,
  tenantId: string,
  loanId: string,
  kind: LoanMessageKind,
  dueOn?: string,
): Promise<boolean> {
  const found = await oneRow<{ id: string }>(
    db,
    `SELECT id FROM reminders WHERE tenant_id = $1 AND subject_type = $2 AND subject_id = $3 AND kind = $4
        AND status <> 'cancelled' AND ($5::text IS NULL OR payload->>'dueOn' = $5) LIMIT 1`,
    [tenantId, LOAN_SUBJECT, loanId, kind, dueOn ?? null],
  );
  return found !== undefined;
}

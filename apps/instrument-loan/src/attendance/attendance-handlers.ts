import type { EventHandlers } from '@tutti/messaging';
import { rows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import { emit } from '../common/events';
import { areaSettings } from '../settings/settings.queries';
import { evaluateConditionalLoan, type AttendanceStatus } from './conditional-loan-rule';

interface ConditionalLoan {
  id: string;
  pupil_id: string;
  instrument_id: string;
  started_at: Date;
  flagged_at: Date | null;
  review_cleared_at: Date | null;
}

/**
 * Registers from scheduling feed the conditional-loan rule: marks of pupils whose loan depends on
 * this ensemble are kept (a corrected register overwrites), and a loan whose pupil has now missed
 * too many sessions in a row is flagged for review, which tells the family.
 */
export const ATTENDANCE_HANDLERS: EventHandlers = {
  'scheduling.attendance.recorded': async (event, manager) => {
    const { ensembleId, occurrenceId, startsAt, marks } = event.payload;
    const byPupil = new Map<string, AttendanceStatus>();
    for (const mark of marks) if (mark.pupilId) byPupil.set(mark.pupilId, mark.status);
    if (byPupil.size === 0) return;
    const loans = await rows<ConditionalLoan>(
      manager,
      `SELECT id, pupil_id, instrument_id, started_at, flagged_at, review_cleared_at FROM loans
        WHERE tenant_id = $1 AND condition_ensemble_id = $2 AND pupil_id = ANY($3::uuid[]) AND returned_at IS NULL`,
      [event.tenantId, ensembleId, [...byPupil.keys()]],
    );
    if (loans.length === 0) return;
    const rule = await areaSettings(manager, event.tenantId);
    for (const loan of loans) {
      await manager.query(
        `INSERT INTO condition_attendance (tenant_id, ensemble_id, pupil_id, occurrence_id, starts_at, status) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, ensemble_id, pupil_id, occurrence_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, status = EXCLUDED.status`,
        [event.tenantId, ensembleId, loan.pupil_id, occurrenceId, startsAt, byPupil.get(loan.pupil_id)],
      );
      await reviewConditionalLoan(manager, event.tenantId, ensembleId, loan, rule);
    }
  },
};

async function reviewConditionalLoan(
  manager: EntityManager,
  tenantId: string,
  ensembleId: string,
  loan: ConditionalLoan,
  rule: { missedSessionsThreshold: number; gracePeriodDays: number },
): Promise<void> {
  if (loan.flagged_at) return;
  // After a review cleared the flag, only sessions since then count towards the next one.
  const countFrom = loan.review_cleared_at && loan.review_cleared_at > loan.started_at ? loan.review_cleared_at : null;
  const marks = await rows<{ starts_at: Date; status: AttendanceStatus }>(
    manager,
    `SELECT starts_at, status FROM condition_attendance
      WHERE tenant_id = $1 AND ensemble_id = $2 AND pupil_id = $3 AND ($4::timestamptz IS NULL OR starts_at > $4)
      ORDER BY starts_at DESC LIMIT 200`,
    [tenantId, ensembleId, loan.pupil_id, countFrom],
  );
  const verdict = evaluateConditionalLoan(marks.map((mark) => ({ startsAt: mark.starts_at, status: mark.status })), loan.started_at, rule);
  if (!verdict.flag) return;
  const reason = `missed ${verdict.missedInARow} sessions in a row of the ensemble this loan depends on`;
  const [flagged] = await rows<{ id: string }>(
    manager,
    'UPDATE loans SET flagged_at = now(), flag_reason = $3 WHERE tenant_id = $1 AND id = $2 AND flagged_at IS NULL AND returned_at IS NULL RETURNING id',
    [tenantId, loan.id, reason],
  );
  if (!flagged) return;
  await emit(manager, 'loan.loan.flagged', tenantId, {
    version: 1,
    loanId: loan.id,
    instrumentId: loan.instrument_id,
    pupilId: loan.pupil_id,
    ensembleId,
    reason,
    missedInARow: verdict.missedInARow,
  });
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { attendanceMarksSince, conditionalLoansOf, flagLoan, saveAttendanceMark, type ConditionalLoanRecord } from './attendance.queries';
import { emit } from '../common/events';
import { areaSettings } from '../settings/settings.queries';
import { evaluateConditionalLoan, type AttendanceStatus } from './conditional-loan-rule';

/**
 * Registers from scheduling feed the conditional-loan rule: marks of pupils whose loan depends on
 * this ensemble are kept (a corrected register overwrites), and a loan whose pupil has now missed
 * too many sessions in a row is flagged for review, which tells the family.
 */
@Injectable()
export class AttendanceHandlers {
  @HandlesEvent('scheduling.attendance.recorded')
  async applyRegister(event: EventEnvelope<'scheduling.attendance.recorded'>, manager: EntityManager): Promise<void> {
    const { ensembleId, occurrenceId, startsAt, marks, schoolId } = event.payload;
    const byPupil = new Map<string, AttendanceStatus>();
    for (const mark of marks) if (mark.pupilId) byPupil.set(mark.pupilId, mark.status);
    if (byPupil.size === 0) return;
    const loans = await conditionalLoansOf(manager, event.tenantId, ensembleId, [...byPupil.keys()]);
    if (loans.length === 0) return;
    const rule = await areaSettings(manager, event.tenantId);
    for (const loan of loans) {
      await saveAttendanceMark(manager, event.tenantId, {
        ensembleId,
        pupilId: loan.pupil_id,
        occurrenceId,
        startsAt,
        status: byPupil.get(loan.pupil_id) as AttendanceStatus,
        schoolId,
      });
      await reviewConditionalLoan(manager, event.tenantId, ensembleId, loan, rule);
    }
  }
}

async function reviewConditionalLoan(
  manager: EntityManager,
  tenantId: string,
  ensembleId: string,
  loan: ConditionalLoanRecord,
  rule: { missedSessionsThreshold: number; gracePeriodDays: number },
): Promise<void> {
  if (loan.flagged_at) return;
  // After a review cleared the flag, only sessions since then count towards the next one.
  const countFrom = loan.review_cleared_at && loan.review_cleared_at > loan.started_at ? loan.review_cleared_at : null;
  const marks = await attendanceMarksSince(manager, tenantId, ensembleId, loan.pupil_id, countFrom);
  const verdict = evaluateConditionalLoan(
    marks.map((mark) => ({ startsAt: mark.starts_at, status: mark.status })),
    loan.started_at,
    rule,
  );
  if (!verdict.flag) return;
  const reason = `missed ${verdict.missedInARow} sessions in a row of the ensemble this loan depends on`;
  const flagged = await flagLoan(manager, tenantId, loan.id, reason);
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

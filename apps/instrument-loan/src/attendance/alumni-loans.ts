import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { emit } from '../common/events';
import { activeLoansOfPupil, flagLoan, type AlumnusLoanRecord } from './attendance.queries';

/** Why an alumnus's loan is flagged: told to the family (loan.loan.flagged) and shown to staff reviewing it. */
export const ALUMNI_NOTICE =
  'left primary school for secondary school: an instrument stays on loan only on the conditional rule, while they attend an ensemble they still belong to';

/**
 * The conditional-loan rule for alumni (issue 18): a pupil who leaves primary school for secondary
 * school stays in the programme (area-wide ensembles, after-school provision) and may keep a loaned
 * instrument while they attend. A loan conditional on an ensemble that is not their old school's
 * continues, and the attendance rule goes on watching it; any other active loan (unconditional, or
 * conditional on an ensemble of the school they left, which ends at the roll-over) is flagged for
 * review, which tells the family and puts it before staff, who clear the flag (it continues, say on
 * a new condition) or take the instrument back. A redelivery flags nothing twice.
 */
@Injectable()
export class AlumniLoans {
  @HandlesEvent('scheduling.pupil.became-alumni')
  async applyBecameAlumni(event: EventEnvelope<'scheduling.pupil.became-alumni'>, manager: EntityManager): Promise<void> {
    const { pupilId, schoolId } = event.payload;
    for (const loan of await activeLoansOfPupil(manager, event.tenantId, pupilId)) {
      if (continuesForAlumnus(loan, schoolId)) continue;
      if (!(await flagLoan(manager, event.tenantId, loan.id, ALUMNI_NOTICE))) continue;
      await emit(manager, 'loan.loan.flagged', event.tenantId, {
        version: 1,
        loanId: loan.id,
        instrumentId: loan.instrument_id,
        pupilId,
        ensembleId: loan.condition_ensemble_id,
        reason: ALUMNI_NOTICE,
        missedInARow: 0,
      });
    }
  }
}

/**
 * Whether the rule lets the loan continue: it depends on an ensemble whose sessions are not at the
 * school the pupil left (area-wide; or none of its sessions kept yet, when it cannot be the school's).
 */
export function continuesForAlumnus(
  loan: Pick<AlumnusLoanRecord, 'condition_ensemble_id' | 'ensemble_school_id'>,
  schoolLeft: string,
): boolean {
  return loan.condition_ensemble_id !== null && loan.ensemble_school_id !== schoolLeft;
}

import { NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import type { Queryable } from '@tutti/platform';
import { canSeeLoan, loanVisibility } from '../common/access';
import { activeLoanOf, lockInstrument, type ActiveLoanRecord, type InstrumentRecord } from './instruments.queries';

/** An instrument its caller looks after, locked, with its active loan if it is out. */
export interface LookedAfterInstrument {
  instrument: InstrumentRecord;
  activeLoan: ActiveLoanRecord | undefined;
}

/**
 * Who looks after an instrument: the programme admin all stock; staff an instrument on loan to a
 * pupil of their schools, one their school owns, and the programme's (or hub's) own stock in store.
 */
export function looksAfter(
  identity: Identity,
  instrument: Pick<InstrumentRecord, 'owner_kind' | 'owner_school_id'>,
  activeLoan: Pick<ActiveLoanRecord, 'school_id' | 'pupil_id'> | undefined,
): boolean {
  const visibility = loanVisibility(identity);
  if (visibility.allSchools) return true;
  if (activeLoan) return canSeeLoan(visibility, { schoolId: activeLoan.school_id, pupilId: activeLoan.pupil_id });
  return (
    instrument.owner_kind !== 'school' || (instrument.owner_school_id !== null && visibility.schoolIds.includes(instrument.owner_school_id))
  );
}

/**
 * The instrument, locked for the rest of the transaction, if the caller looks after it; else 404,
 * before anything is said of its state, so that another school's staff learn nothing of an
 * instrument at another school (not even that it is out on loan). The loan is read after the lock,
 * so that a check-out committed while this waited for it is seen.
 */
export async function lockLookedAfterInstrument(db: Queryable, identity: Identity, instrumentId: string): Promise<LookedAfterInstrument> {
  const instrument = await lockInstrument(db, identity.tenantId, instrumentId);
  if (!instrument) throw new NotFoundException('No such instrument.');
  const activeLoan = await activeLoanOf(db, identity.tenantId, instrumentId);
  if (!looksAfter(identity, instrument, activeLoan)) throw new NotFoundException('No such instrument.');
  return { instrument, activeLoan };
}

import { oneRow, type Queryable } from '@tutti/platform';
import type { InstrumentRecord } from './instrument-row';

/** The active loan of an instrument, as much as its keepers' checks and a clash need. */
export interface ActiveLoanRecord {
  id: string;
  school_id: string;
  pupil_id: string;
  due_on: Date | string;
}

/** The instrument, locked for the rest of the caller's transaction. */
export function lockInstrument(db: Queryable, tenantId: string, instrumentId: string): Promise<InstrumentRecord | undefined> {
  return oneRow<InstrumentRecord>(db, 'SELECT * FROM instruments WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, instrumentId]);
}

export function activeLoanOf(db: Queryable, tenantId: string, instrumentId: string): Promise<ActiveLoanRecord | undefined> {
  return oneRow<ActiveLoanRecord>(db, 'SELECT id, school_id, pupil_id, due_on FROM loans WHERE tenant_id = $1 AND instrument_id = $2 AND returned_at IS NULL', [tenantId, instrumentId]);
}

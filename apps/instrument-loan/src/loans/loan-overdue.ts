import type { ReminderDeliverer, ReminderRow } from '@tutti/messaging';
import { isoDate, PLANNING_TIME_ZONE, todayIn } from '@tutti/platform';
import type { DataSource } from 'typeorm';
import { emit } from '../common/events';
import { instrumentById, type InstrumentRecord } from '../instruments/instruments.queries';
import { markOverdue } from './loans.queries';

/**
 * The overdue check scheduled for the morning after a loan's due date: if the loan is still out,
 * it is marked overdue and `loan.loan.overdue` tells the family (through parent-engagement).
 * Returned loans cancel their check; a check that fires anyway changes nothing.
 */
export async function markLoanOverdue(dataSource: DataSource, reminder: Pick<ReminderRow, 'tenantId' | 'subjectId'>): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const loan = await markOverdue(manager, reminder.tenantId, reminder.subjectId, todayIn(PLANNING_TIME_ZONE));
    if (!loan) return false;
    const instrument = (await instrumentById(manager, reminder.tenantId, loan.instrument_id)) as InstrumentRecord;
    await emit(manager, 'loan.loan.overdue', reminder.tenantId, {
      version: 1,
      loanId: loan.id,
      instrumentId: loan.instrument_id,
      assetTag: instrument.asset_tag,
      instrumentType: instrument.type,
      pupilId: loan.pupil_id,
      dueOn: isoDate(loan.due_on) as string,
    });
    return true;
  });
}

export function overdueDeliverer(dataSource: DataSource): ReminderDeliverer {
  return {
    async deliver(reminder) {
      await markLoanOverdue(dataSource, reminder);
    },
  };
}

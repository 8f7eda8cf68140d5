import { Inject, Injectable } from '@nestjs/common';
import { DeliversReminder, type ReminderRow } from '@tutti/messaging';
import { isoDate, PLANNING_TIME_ZONE, todayIn } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { emit } from '../common/events';
import { instrumentById, type InstrumentRecord } from '../instruments/instruments.queries';
import { markOverdue } from './loans.queries';
import { OVERDUE_REMINDER_KIND } from './loans.service';

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

@Injectable()
export class LoanOverdueCheck {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @DeliversReminder(OVERDUE_REMINDER_KIND)
  async deliver(reminder: ReminderRow): Promise<void> {
    await markLoanOverdue(this.dataSource, reminder);
  }
}

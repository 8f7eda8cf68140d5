import type { ReminderDeliverer, ReminderRow } from '@tutti/messaging';
import { isoDate, PLANNING_TIME_ZONE, rows, todayIn } from '@tutti/platform';
import type { DataSource } from 'typeorm';
import { emit } from '../common/events';

/**
 * The overdue check scheduled for the morning after a loan's due date: if the loan is still out,
 * it is marked overdue and `loan.loan.overdue` tells the family (through parent-engagement).
 * Returned loans cancel their check; a check that fires anyway changes nothing.
 */
export async function markLoanOverdue(dataSource: DataSource, reminder: Pick<ReminderRow, 'tenantId' | 'subjectId'>): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [loan] = await rows<{ id: string; instrument_id: string; pupil_id: string; due_on: Date | string }>(
      manager,
      `UPDATE loans SET overdue_at = now()
        WHERE tenant_id = $1 AND id = $2 AND returned_at IS NULL AND overdue_at IS NULL AND due_on < $3::date
        RETURNING id, instrument_id, pupil_id, due_on`,
      [reminder.tenantId, reminder.subjectId, todayIn(PLANNING_TIME_ZONE)],
    );
    if (!loan) return false;
    const [instrument] = await manager.query('SELECT asset_tag, type FROM instruments WHERE tenant_id = $1 AND id = $2', [reminder.tenantId, loan.instrument_id]) as { asset_tag: string; type: string }[];
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

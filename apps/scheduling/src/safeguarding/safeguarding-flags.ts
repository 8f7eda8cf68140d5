import { Inject, Injectable } from '@nestjs/common';
import { DeliversReminder, type ReminderRow } from '@tutti/messaging';
import { addDays } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { emit } from '../common/events';
import { staffById } from '../staff/staff.queries';
import { areaToday } from './clearance-check';
import { clearanceOf, FLAG_DAYS_AHEAD, LEVEL_FOR_CHILDREN } from './safeguarding.model';
import { flaggedAssignments, safeguardingRecord } from './safeguarding.queries';
import { announceClearance, runsOutOn, SAFEGUARDING_EXPIRED, SAFEGUARDING_EXPIRING } from './safeguarding.service';

/**
 * What a record's reminder does when it fires (30 days before the check or training runs out, and
 * the day it does): if the record still runs out that day (it was not renewed meanwhile) and the
 * person is rostered with children (a current staff member of an ensemble, or tutor of sessions to
 * come), `scheduling.safeguarding.flagged` tells the programme admins; on the day itself the new
 * status (not cleared) goes out as `scheduling.safeguarding.changed` whether or not they are rostered.
 * Answers whether the assignments were flagged.
 */
export async function flagExpiry(
  dataSource: DataSource,
  reminder: Pick<ReminderRow, 'tenantId' | 'subjectId' | 'kind' | 'payload'>,
): Promise<boolean> {
  const { tenantId, subjectId: staffId } = reminder;
  return dataSource.transaction(async (manager) => {
    const record = await safeguardingRecord(manager, tenantId, staffId);
    const expiresOn = runsOutOn(record);
    if (!record || expiresOn === null || expiresOn !== reminder.payload.expiresOn) return false;
    const staff = await staffById(manager, tenantId, staffId);
    if (!staff) return false;
    // Decided as of the day the reminder is for, not the moment a late worker gets to it.
    const stage = reminder.kind === SAFEGUARDING_EXPIRED ? 'expired' : 'expiring';
    const today = await areaToday(manager, tenantId);
    const asOf = stage === 'expired' ? (today > expiresOn ? today : expiresOn) : addDays(expiresOn, -FLAG_DAYS_AHEAD);
    if (stage === 'expired') await announceClearance(manager, tenantId, staff, record, asOf);
    const [assigned] = await flaggedAssignments(manager, tenantId, expiresOn, LEVEL_FOR_CHILDREN, new Date(), staffId);
    if (!assigned) return false;
    await emit(manager, 'scheduling.safeguarding.flagged', tenantId, {
      version: 1,
      staffId,
      displayName: staff.displayName,
      stage,
      expiresOn,
      reasons: clearanceOf(record, asOf).reasons,
      ensembleIds: assigned.ensembleIds,
      upcomingSessions: assigned.upcomingSessions,
      nextSessionAt: assigned.nextSessionAt?.toISOString() ?? null,
    });
    return true;
  });
}

@Injectable()
export class SafeguardingFlags {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @DeliversReminder(SAFEGUARDING_EXPIRING, SAFEGUARDING_EXPIRED)
  async deliver(reminder: ReminderRow): Promise<void> {
    await flagExpiry(this.dataSource, reminder);
  }
}

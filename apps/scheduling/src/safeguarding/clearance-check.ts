import type { ConflictRule } from '@tutti/contracts';
import { ConflictProblem, PLANNING_TIME_ZONE, todayIn, type Queryable } from '@tutti/platform';
import { tenantTimeZone } from '../tenant-settings/tenant-settings.queries';
import { clearanceOf, describeReasons } from './safeguarding.model';
import { lockSafeguardingRecords, staffNames } from './safeguarding.queries';

/** Today in the area's time zone: the day a clearance is decided for. */
export async function areaToday(db: Queryable, tenantId: string, now = new Date()): Promise<string> {
  return todayIn((await tenantTimeZone(db, tenantId)) ?? PLANNING_TIME_ZONE, now);
}

/**
 * 409 (`safeguarding-not-cleared`, one conflict per person with the reasons) unless every one of
 * these members of staff may work with children today: a DBS check at enhanced with barred list,
 * not expired, and safeguarding training not expired. Their records are locked (FOR SHARE) until
 * the caller's transaction ends, so that an edit cannot slip between the check and the assignment.
 */
export async function refuseUncleared(db: Queryable, tenantId: string, staffIds: readonly string[], as: string): Promise<void> {
  if (staffIds.length === 0) return;
  const today = await areaToday(db, tenantId);
  const records = new Map((await lockSafeguardingRecords(db, tenantId, [...staffIds])).map((record) => [record.staffId, record]));
  const refused = staffIds
    .map((staffId) => ({ staffId, ...clearanceOf(records.get(staffId), today) }))
    .filter((clearance) => clearance.status === 'not_cleared');
  if (refused.length === 0) return;
  const names = new Map(
    (
      await staffNames(
        db,
        tenantId,
        refused.map((person) => person.staffId),
      )
    ).map((staff) => [staff.id, staff.displayName]),
  );
  const detail = refused.map((person) => `${names.get(person.staffId) ?? person.staffId} ${describeReasons(person.reasons)}`).join('; ');
  throw new ConflictProblem(`Not cleared to work with children, so not added as ${as}: ${detail}.`, [
    ...refused.map((person) => ({
      rule: 'safeguarding-not-cleared' satisfies ConflictRule,
      staffId: person.staffId,
      reasons: person.reasons,
    })),
  ]);
}

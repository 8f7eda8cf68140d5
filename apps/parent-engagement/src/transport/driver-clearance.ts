import { Injectable } from '@nestjs/common';
import type { ConflictRule, EventEnvelope, SafeguardingReasonV1 } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import { todayIn, type Queryable } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/conflicts';
import { DEFAULT_TIME_ZONE, tenantSettingsRow } from '../tenant-settings/tenant-settings.queries';
import { driverClearances, staffClearance, upsertStaffClearance, type StaffClearanceRow } from './driver-clearance.queries';

/** Reasons that do not change with time; the expiries are decided again on the day asked. */
const LASTING_REASONS: readonly SafeguardingReasonV1[] = ['dbs-missing', 'dbs-level-too-low', 'training-missing'];

/** Why this member of staff may not drive children on `day` (empty: they may), from the copy of scheduling's decision. */
export function driverReasons(copy: StaffClearanceRow | undefined, day: string): SafeguardingReasonV1[] {
  if (!copy) return ['dbs-missing', 'training-missing'];
  const reasons = copy.reasons.filter((reason): reason is SafeguardingReasonV1 => LASTING_REASONS.includes(reason as SafeguardingReasonV1));
  if (!reasons.includes('dbs-missing') && copy.dbsExpiresOn !== null && copy.dbsExpiresOn <= day) reasons.push('dbs-expired');
  if (!reasons.includes('training-missing') && copy.trainingExpiresOn !== null && copy.trainingExpiresOn <= day)
    reasons.push('training-expired');
  return reasons;
}

/**
 * 409 `safeguarding-not-cleared` unless the driver is cleared to work with children on the day the
 * bus leaves (in the area's time zone) and today: scheduling's clearance as last announced, its expiries
 * checked against that day. Someone scheduling never announced is refused as having no record.
 */
export async function refuseUnclearedDriver(db: Queryable, tenantId: string, staffId: string, departsAt: Date): Promise<void> {
  const day = await clearanceDay(db, tenantId, departsAt);
  const copy = await staffClearance(db, tenantId, staffId);
  const reasons = driverReasons(copy, day);
  if (reasons.length === 0) return;
  const rule: ConflictRule = 'safeguarding-not-cleared';
  throw conflict(
    rule,
    `Not cleared to work with children on ${day}, so not the driver of this bus: ${copy?.displayName ?? staffId} (${reasons.join(', ')}).`,
    { staffId, reasons },
  );
}

/**
 * The area's drivers (scheduling's kind driver) who may drive a bus leaving at `departsAt` (today
 * when not given): cleared, as refuseUnclearedDriver decides, on that day and today. By name, each
 * with the first day one of their DBS check or training runs out (null: not known to run out).
 */
export async function clearedDrivers(
  db: Queryable,
  tenantId: string,
  departsAt: Date | undefined,
): Promise<{ staffId: string; displayName: string; clearedUntil: string | null }[]> {
  const day = await clearanceDay(db, tenantId, departsAt ?? new Date());
  return (await driverClearances(db, tenantId))
    .filter((copy) => driverReasons(copy, day).length === 0)
    .map((copy) => ({
      staffId: copy.staffId,
      displayName: copy.displayName,
      clearedUntil: [copy.dbsExpiresOn, copy.trainingExpiresOn].filter((on): on is string => on !== null).sort()[0] ?? null,
    }));
}

/** The later of today and the day the bus leaves, in the area's time zone: the day a driver must be cleared on. */
async function clearanceDay(db: Queryable, tenantId: string, departsAt: Date): Promise<string> {
  const timeZone = (await tenantSettingsRow(db, tenantId))?.time_zone ?? DEFAULT_TIME_ZONE;
  return [todayIn(timeZone), todayIn(timeZone, departsAt)].sort()[1];
}

/** Keeps the copy of each member of staff's clearance that drivers are checked against. */
@Injectable()
export class DriverClearances {
  @HandlesEvent('scheduling.safeguarding.changed')
  async applyClearance(event: EventEnvelope<'scheduling.safeguarding.changed'>, manager: EntityManager): Promise<void> {
    const { payload } = event;
    await upsertStaffClearance(manager, event.tenantId, {
      staffId: payload.staffId,
      kind: payload.kind,
      displayName: payload.displayName,
      reasons: payload.reasons,
      dbsExpiresOn: payload.dbsExpiresOn,
      trainingExpiresOn: payload.trainingExpiresOn,
      decidedAt: event.occurredAt,
    });
  }
}

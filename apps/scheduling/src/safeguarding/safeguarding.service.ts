import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasRole, type Identity } from '@tutti/auth';
import type { SafeguardingClearanceV1 } from '@tutti/contracts';
import { afterCommit, recordAudit, ReminderScheduler, type AuditOrigin, type ScheduleReminderInput } from '@tutti/messaging';
import { addDays, PLANNING_TIME_ZONE, staleEdit, ValidationProblem, zonedDateTime, type FieldError } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { auditContext, emit } from '../common/events';
import { StaffService } from '../staff/staff.service';
import type { StaffDto } from '../staff/dto/staff.dto';
import { tenantTimeZone } from '../tenant-settings/tenant-settings.queries';
import { areaToday } from './clearance-check';
import type { PutSafeguardingRecordDto, SafeguardingAlertDto, SafeguardingAlertsDto, SafeguardingRecordDto } from './dto/safeguarding.dto';
import { clearanceOf, FLAG_DAYS_AHEAD, LEVEL_FOR_CHILDREN, type ClearanceFacts } from './safeguarding.model';
import {
  flaggedAssignments,
  safeguardingRecord,
  safeguardingVersion,
  writeSafeguardingRecord,
  type SafeguardingRow,
} from './safeguarding.queries';

/** Reminders of a record: 30 days before it runs out, and the day it does. */
export const SAFEGUARDING_EXPIRING = 'safeguarding.expiring';
export const SAFEGUARDING_EXPIRED = 'safeguarding.expired';
export const SAFEGUARDING_SUBJECT = 'safeguarding_record';
/** The local time of day the flags go out. */
const FLAG_TIME = '08:00';

@Injectable()
export class SafeguardingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffService,
    private readonly reminders: ReminderScheduler,
  ) {}

  /** The record of a member of staff the caller may see; the DBS number and the record itself for programme admins only. Audited. */
  async get(identity: Identity, staffId: string, origin: AuditOrigin): Promise<SafeguardingRecordDto> {
    const staff = await this.staff.visible(identity, staffId);
    const record = await safeguardingRecord(this.db.manager, identity.tenantId, staffId);
    const today = await areaToday(this.db.manager, identity.tenantId);
    const full = hasRole(identity, 'programme_admin');
    await this.db.transaction((manager) =>
      recordAudit(manager, auditContext(identity, origin), {
        action: 'read',
        subjectType: SAFEGUARDING_SUBJECT,
        subjectId: staffId,
        detail: { dbsNumberShown: full && Boolean(record?.dbsNumber) },
      }),
    );
    return toDto(staff, record, today, full);
  }

  /**
   * Records the whole record (what is left out is recorded as missing) if it is still at the version
   * the caller read (0: none yet; else 412), tells the other services the new status, and moves the
   * reminders to 30 days before it runs out and to the day it does.
   */
  async put(
    identity: Identity,
    staffId: string,
    expectedVersion: number,
    input: PutSafeguardingRecordDto,
    origin: AuditOrigin,
  ): Promise<SafeguardingRecordDto> {
    requireDatesInOrder(input);
    const staff = await this.staff.visible(identity, staffId);
    const tenantId = identity.tenantId;
    return this.db.transaction(async (manager) => {
      const written = await writeSafeguardingRecord(manager, tenantId, staffId, expectedVersion, {
        dbsNumber: input.dbs?.number ?? null,
        dbsLevel: input.dbs?.level ?? null,
        dbsIssuedOn: input.dbs?.issuedOn ?? null,
        updateServiceCheckedOn: input.dbs?.updateServiceCheckedOn ?? null,
        trainingCompletedOn: input.training?.completedOn ?? null,
        trainingLevel: input.training?.level ?? null,
        trainingExpiresOn: input.training?.expiresOn ?? null,
      });
      if (!written) throw staleEdit('safeguarding record', await safeguardingVersion(manager, tenantId, staffId));
      await recordAudit(manager, auditContext(identity, origin), {
        action: expectedVersion === 0 ? 'create' : 'update',
        subjectType: SAFEGUARDING_SUBJECT,
        subjectId: staffId,
        detail: { parts: Object.keys(input).filter((part) => part === 'dbs' || part === 'training') },
      });
      const today = await areaToday(manager, tenantId);
      await announceClearance(manager, tenantId, staff, written, today);
      await this.replanReminders(manager, tenantId, staffId, written, today);
      return toDto(staff, written, today, true);
    });
  }

  /**
   * The programme admin's dashboard: everyone rostered with children now or to come (a current staff
   * member of an ensemble, or tutor of a scheduled session to come) whose check or training is
   * missing, too low, expired or runs out within 30 days. Each record listed is an audited read.
   */
  async alerts(identity: Identity, origin: AuditOrigin): Promise<SafeguardingAlertsDto> {
    const tenantId = identity.tenantId;
    const today = await areaToday(this.db.manager, tenantId);
    const found = await flaggedAssignments(this.db.manager, tenantId, addDays(today, FLAG_DAYS_AHEAD), LEVEL_FOR_CHILDREN, new Date());
    const items = found.map((row): SafeguardingAlertDto => {
      const clearance = clearanceOf(row, today);
      return {
        staffId: row.staffId,
        displayName: row.displayName,
        kind: row.kind,
        status: clearance.status === 'cleared' ? 'expiring' : clearance.status,
        reasons: clearance.reasons,
        runsOutOn: runsOutOn(row),
        ensembleIds: row.ensembleIds,
        upcomingSessions: row.upcomingSessions,
        nextSessionAt: row.nextSessionAt?.toISOString() ?? null,
      };
    });
    if (items.length > 0)
      await this.db.transaction((manager) =>
        recordAudit(
          manager,
          auditContext(identity, origin),
          items.map((item) => ({ action: 'read', subjectType: SAFEGUARDING_SUBJECT, subjectId: item.staffId })),
        ),
      );
    return { asOf: today, items };
  }

  /** Cancels the record's reminders and plans the two of its current expiry (one due now when that day has come). */
  private async replanReminders(manager: EntityManager, tenantId: string, staffId: string, record: SafeguardingRow, today: string) {
    const cancelled = await this.reminders.cancelForSubjectIn(manager, tenantId, SAFEGUARDING_SUBJECT, staffId);
    const expiresOn = runsOutOn(record);
    const planned: ScheduleReminderInput[] = [];
    if (expiresOn && record.dbsLevel === LEVEL_FOR_CHILDREN) {
      const timeZone = (await tenantTimeZone(manager, tenantId)) ?? PLANNING_TIME_ZONE;
      const now = Date.now();
      const at = (day: string) => new Date(Math.max(now, zonedDateTime(day, FLAG_TIME, timeZone).getTime()));
      const reminder = (kind: string, dueAt: Date): ScheduleReminderInput => ({
        tenantId,
        kind,
        recipientId: staffId,
        subjectType: SAFEGUARDING_SUBJECT,
        subjectId: staffId,
        dueAt,
        payload: { expiresOn },
      });
      if (expiresOn > today) planned.push(reminder(SAFEGUARDING_EXPIRING, at(addDays(expiresOn, -FLAG_DAYS_AHEAD))));
      planned.push(reminder(SAFEGUARDING_EXPIRED, at(expiresOn)));
    }
    const scheduled = await this.reminders.scheduleMany(manager, planned);
    afterCommit(manager, () =>
      this.reminders.syncJobs({ staleJobIds: cancelled.staleJobIds, toEnqueue: [...cancelled.toEnqueue, ...scheduled] }),
    );
  }
}

/** The earlier of the day the check and the training run out, of those recorded. */
export function runsOutOn(record: Pick<SafeguardingRow, 'dbsExpiresOn' | 'trainingExpiresOn'> | undefined): string | null {
  const days = [record?.dbsExpiresOn, record?.trainingExpiresOn].filter((day): day is string => Boolean(day)).sort();
  return days[0] ?? null;
}

/** `scheduling.safeguarding.changed`: the status decided for `today` (never the DBS number). */
export async function announceClearance(
  manager: EntityManager,
  tenantId: string,
  staff: Pick<StaffDto, 'id' | 'kind' | 'displayName'>,
  record: SafeguardingRow | undefined,
  today: string,
): Promise<void> {
  await emit(manager, 'scheduling.safeguarding.changed', tenantId, clearancePayload(staff, record, today));
}

/** What `scheduling.safeguarding.changed` says of a member of staff and their record, decided for `today`. */
export function clearancePayload(
  staff: Pick<StaffDto, 'id' | 'kind' | 'displayName'>,
  record: ClearanceFacts | undefined,
  today: string,
): SafeguardingClearanceV1 {
  const clearance = clearanceOf(record, today);
  return {
    version: 1,
    staffId: staff.id,
    kind: staff.kind,
    displayName: staff.displayName,
    status: clearance.status,
    reasons: clearance.reasons,
    expiresOn: clearance.expiresOn,
    dbsExpiresOn: record?.dbsExpiresOn ?? null,
    trainingExpiresOn: record?.trainingExpiresOn ?? null,
    asOf: today,
  };
}

function toDto(staff: StaffDto, record: SafeguardingRow | undefined, today: string, full: boolean): SafeguardingRecordDto {
  const clearance = clearanceOf(record, today);
  const shown: SafeguardingRecordDto = {
    staffId: staff.id,
    displayName: staff.displayName,
    kind: staff.kind,
    status: clearance.status,
    reasons: clearance.reasons,
    expiresOn: clearance.expiresOn,
    version: record?.version ?? 0,
  };
  if (!full) return shown;
  return {
    ...shown,
    dbs:
      record?.dbsNumber && record.dbsLevel && record.dbsIssuedOn && record.dbsExpiresOn
        ? {
            number: record.dbsNumber,
            level: record.dbsLevel,
            issuedOn: record.dbsIssuedOn,
            updateServiceCheckedOn: record.updateServiceCheckedOn,
            expiresOn: record.dbsExpiresOn,
          }
        : null,
    training:
      record?.trainingCompletedOn && record.trainingLevel && record.trainingExpiresOn
        ? { completedOn: record.trainingCompletedOn, level: record.trainingLevel, expiresOn: record.trainingExpiresOn }
        : null,
  };
}

/** 400s naming the field for dates the table would refuse. */
function requireDatesInOrder(input: PutSafeguardingRecordDto): void {
  const errors: FieldError[] = [];
  if (input.dbs?.updateServiceCheckedOn && input.dbs.updateServiceCheckedOn < input.dbs.issuedOn)
    errors.push({
      field: 'dbs.updateServiceCheckedOn',
      rule: 'afterIssue',
      message: 'the Update Service check cannot be before the issue',
    });
  if (input.training && input.training.expiresOn <= input.training.completedOn)
    errors.push({ field: 'training.expiresOn', rule: 'afterCompletion', message: 'training must expire after it was completed' });
  if (errors.length > 0) throw new ValidationProblem(errors);
}

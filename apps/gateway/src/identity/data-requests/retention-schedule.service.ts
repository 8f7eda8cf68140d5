import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RetentionScheduleV1 } from '@tutti/contracts';
import { etagOf, staleEdit } from '@tutti/platform';
import { AuditLogService } from '../audit/audit-log.service';
import type { AuditActor } from '../audit/audit-record';
import type { RetentionScheduleDto, UpdateRetentionScheduleDto } from './dto/retention-schedule.dto';
import { retentionSchedule, updateRetentionSchedule, type VersionedRetentionSchedule } from './retention-schedule.queries';

export interface ScheduleWithETag {
  schedule: RetentionScheduleDto;
  etag: string;
}

/** The area's retention schedule: the defaults until an admin changes a line. */
@Injectable()
export class RetentionScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLogService,
  ) {}

  async get(tenantId: string): Promise<ScheduleWithETag> {
    return withETag(await retentionSchedule(this.dataSource, tenantId));
  }

  /** Changes the lines sent, if nobody changed the schedule since `expectedVersion` (412 otherwise). */
  async update(actor: AuditActor, changes: UpdateRetentionScheduleDto, expectedVersion: number): Promise<ScheduleWithETag> {
    return this.dataSource.transaction(async (manager) => {
      const current = await retentionSchedule(manager, actor.tenantId);
      if (current.version !== expectedVersion) throw staleEdit('retention schedule', current.version);
      const { version: _version, ...lines } = current;
      const sent = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<RetentionScheduleV1>;
      const changed = (Object.keys(sent) as (keyof RetentionScheduleV1)[]).filter((key) => sent[key] !== lines[key]);
      if (changed.length === 0) return withETag(current);
      const updated = await updateRetentionSchedule(manager, actor.tenantId, { ...lines, ...sent }, expectedVersion, actor.actorId);
      if (!updated) throw staleEdit('retention schedule', (await retentionSchedule(manager, actor.tenantId)).version);
      await this.auditLog.record(manager, {
        ...actor,
        action: 'update',
        subjectType: 'retention_schedule',
        subjectId: actor.tenantId,
        detail: { changed, before: Object.fromEntries(changed.map((key) => [key, lines[key]])) },
      });
      return withETag(updated);
    });
  }
}

function withETag(schedule: VersionedRetentionSchedule): ScheduleWithETag {
  const { version, ...lines } = schedule;
  return { schedule: lines, etag: etagOf(version) };
}

import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { decodeCursor, flattenValidationErrors, newId, toPage, type Page, type Queryable } from '@tutti/platform';
import { insertAuditEntry, listAuditEntries, type AuditEntryRow } from './audit-log.queries';
import type { AuditRecord } from './audit-record';
import type { AuditLogQueryDto } from './dto/audit-log-query.dto';
import type { AuditEntryDto } from './dto/audit-entry.dto';
import { ServiceAuditEntry } from './service-audit-entry';

export class InvalidAuditEntry extends Error {}

/** The append-only audit log: the gateway's own entries, other services' entries, and the admin's view. */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records one of the gateway's own entries inside the caller's transaction, so that the change and its entry commit together. */
  async record(db: Queryable, entry: AuditRecord): Promise<void> {
    await insertAuditEntry(db, {
      id: newId(),
      tenantId: entry.tenantId,
      occurredAt: entry.occurredAt ?? new Date(),
      service: 'gateway',
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      ip: entry.ip ?? null,
      requestId: entry.requestId ?? null,
      detail: entry.detail ?? {},
    });
  }

  /**
   * Records an entry another service sent (for its event consumer). Idempotent by the entry's id;
   * an entry of the wrong shape is refused with InvalidAuditEntry, naming the fields. An event consumer
   * passes its transaction's manager, so that the entry and the event's processed mark commit together.
   */
  async recordFromService(input: unknown, db: Queryable = this.dataSource): Promise<'recorded' | 'already-recorded'> {
    const entry = plainToInstance(ServiceAuditEntry, input);
    const errors = await validate(entry, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new InvalidAuditEntry(
        `audit entry refused: ${flattenValidationErrors(errors)
          .map((e) => `${e.field} (${e.rule})`)
          .join(', ')}`,
      );
    }
    const recorded = await insertAuditEntry(db, {
      id: entry.id,
      tenantId: entry.tenantId,
      occurredAt: new Date(entry.occurredAt),
      service: entry.service,
      actorId: entry.actorId ?? null,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      ip: entry.ip ?? null,
      requestId: entry.requestId ?? null,
      detail: entry.detail ?? {},
    });
    return recorded ? 'recorded' : 'already-recorded';
  }

  /** Newest first, within the caller's own area. */
  async list(tenantId: string, query: AuditLogQueryDto): Promise<Page<AuditEntryDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const entries = await listAuditEntries(
      this.dataSource,
      tenantId,
      {
        subjectType: query.subjectType,
        subjectId: query.subjectId,
        actorId: query.actorId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        after: after ? [new Date(String(after[0])), String(after[1])] : undefined,
      },
      query.limit + 1,
    );
    return toPage(entries, query.limit, toAuditEntryDto, (row) => [row.occurredAt.toISOString(), row.id]);
  }
}

function toAuditEntryDto(row: AuditEntryRow): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    service: row.service,
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    ip: row.ip,
    requestId: row.requestId,
    detail: row.detail,
  };
}

import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, flattenValidationErrors, newId, toPage, type Page } from '@tutti/platform';
import { AuditEntry } from './audit-entry.entity';
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
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await insertEntry(manager, {
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
  async recordFromService(input: unknown, manager: EntityManager = this.dataSource.manager): Promise<'recorded' | 'already-recorded'> {
    const entry = plainToInstance(ServiceAuditEntry, input);
    const errors = await validate(entry, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new InvalidAuditEntry(`audit entry refused: ${flattenValidationErrors(errors).map((e) => `${e.field} (${e.rule})`).join(', ')}`);
    }
    const recorded = await insertEntry(manager, {
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
    const rows = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.tenantId = :tenantId', { tenantId })
      .orderBy('e.occurredAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(query.limit + 1);
    if (query.subjectType) rows.andWhere('e.subjectType = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) rows.andWhere('e.subjectId = :subjectId', { subjectId: query.subjectId });
    if (query.actorId) rows.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.from) rows.andWhere('e.occurredAt >= :from', { from: new Date(query.from) });
    if (query.to) rows.andWhere('e.occurredAt < :to', { to: new Date(query.to) });
    if (after) rows.andWhere('(e.occurredAt, e.id) < (:afterAt, :afterId)', { afterAt: new Date(String(after[0])), afterId: after[1] });
    return toPage(await rows.getMany(), query.limit, toAuditEntryDto, (row) => [row.occurredAt.toISOString(), row.id]);
  }
}

function toAuditEntryDto(row: AuditEntry): AuditEntryDto {
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

/** Inserts one entry unless its id is already there; true when it was inserted. */
async function insertEntry(manager: EntityManager, entry: Omit<AuditEntry, 'recordedAt'>): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO audit_log (id, tenant_id, occurred_at, service, actor_id, actor_role, action, subject_type, subject_id, ip, request_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      entry.id,
      entry.tenantId,
      entry.occurredAt,
      entry.service,
      entry.actorId,
      entry.actorRole,
      entry.action,
      entry.subjectType,
      entry.subjectId,
      entry.ip,
      entry.requestId,
      JSON.stringify(entry.detail),
    ],
  );
  return inserted.length > 0;
}

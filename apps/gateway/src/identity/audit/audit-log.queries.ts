import { rows, type Queryable } from '@tutti/platform';

/** One line of the append-only audit log. */
export interface AuditEntryRow {
  id: string;
  tenantId: string;
  occurredAt: Date;
  /** The service that read or changed the record. */
  service: string;
  actorId: string | null;
  actorRole: string | null;
  /** `read`, `list`, `create`, `update`, `delete`, … */
  action: string;
  /** `account`, `grant`, `guardian_link`, `pupil`, `family`, `staff`, … */
  subjectType: string;
  subjectId: string | null;
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditEntryFilters {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** The cursor's (occurredAt, id). */
  after?: readonly [Date, string];
}

/** Inserts one entry unless its id is already there; true when it was inserted. */
export async function insertAuditEntry(db: Queryable, entry: AuditEntryRow): Promise<boolean> {
  const inserted = await rows(
    db,
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

/** The area's entries, newest first; `limit` rows at most. */
export function listAuditEntries(db: Queryable, tenantId: string, filters: AuditEntryFilters, limit: number): Promise<AuditEntryRow[]> {
  const params: unknown[] = [tenantId, limit];
  const where = ['tenant_id = $1'];
  const param = (value: unknown): string => `$${params.push(value)}`;
  if (filters.subjectType) where.push(`subject_type = ${param(filters.subjectType)}`);
  if (filters.subjectId) where.push(`subject_id = ${param(filters.subjectId)}`);
  if (filters.actorId) where.push(`actor_id = ${param(filters.actorId)}`);
  if (filters.from) where.push(`occurred_at >= ${param(filters.from)}`);
  if (filters.to) where.push(`occurred_at < ${param(filters.to)}`);
  if (filters.after) where.push(`(occurred_at, id) < (${param(filters.after[0])}, ${param(filters.after[1])})`);
  return rows<AuditEntryRow>(
    db,
    `SELECT id, tenant_id AS "tenantId", occurred_at AS "occurredAt", service, actor_id AS "actorId", actor_role AS "actorRole", action,
       subject_type AS "subjectType", subject_id AS "subjectId", ip, request_id AS "requestId", detail
     FROM audit_log WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT $2`,
    params,
  );
}

import type { DataRequestActionV1, RetentionScheduleV1, ServiceName } from '@tutti/contracts';
import { oneRow, rows, type Queryable } from '@tutti/platform';

export type DataRequestKind = 'export' | 'erasure' | 'retention';
export type DataRequestState = 'collecting' | 'done';
export type SubjectType = 'pupil' | 'guardian';

/** One export, erasure or retention run of an area. */
export interface DataRequestRow {
  id: string;
  tenantId: string;
  kind: DataRequestKind;
  subjectType: SubjectType | null;
  subjectId: string | null;
  state: DataRequestState;
  requestedBy: string | null;
  pseudonym: string | null;
  retention: RetentionScheduleV1 | null;
  asOf: string | null;
  dryRun: boolean | null;
  report: DataRequestReport | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** What a finished request did, service by service (an export's counts of records, an erasure's or run's actions). */
export interface DataRequestReport {
  services: { service: ServiceName; records: Record<string, number>; actions: DataRequestActionV1[] }[];
}

/** One service's answer, kept as it came. */
export interface DataRequestPartRow {
  service: ServiceName;
  records: Record<string, unknown[]>;
  actions: DataRequestActionV1[];
  receivedAt: Date;
}

const REQUEST_COLUMNS = `id, tenant_id AS "tenantId", kind, subject_type AS "subjectType", subject_id AS "subjectId", state,
  requested_by AS "requestedBy", pseudonym, retention, to_char(as_of, 'YYYY-MM-DD') AS "asOf", dry_run AS "dryRun", report,
  created_at AS "createdAt", finished_at AS "finishedAt"`;

export async function insertDataRequest(db: Queryable, request: Omit<DataRequestRow, 'state' | 'report' | 'finishedAt'>): Promise<void> {
  await db.query(
    `INSERT INTO data_requests (tenant_id, id, kind, subject_type, subject_id, requested_by, pseudonym, retention, as_of, dry_run, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      request.tenantId,
      request.id,
      request.kind,
      request.subjectType,
      request.subjectId,
      request.requestedBy,
      request.pseudonym,
      request.retention === null ? null : JSON.stringify(request.retention),
      request.asOf,
      request.dryRun,
      request.createdAt,
    ],
  );
}

/** The request; `forUpdate` locks it, so that two answers arriving together decide "all in" one after the other. */
export function dataRequestById(db: Queryable, tenantId: string, id: string, forUpdate = false): Promise<DataRequestRow | undefined> {
  return oneRow<DataRequestRow>(
    db,
    `SELECT ${REQUEST_COLUMNS} FROM data_requests WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, id],
  );
}

export interface DataRequestFilters {
  /** Only those this account asked for (a guardian sees their own). */
  requestedBy?: string;
  kind?: DataRequestKind;
  subjectId?: string;
  /** Keyset: strictly older than this (created_at, id). */
  before?: { createdAt: string; id: string };
}

/** Newest first, `limit` + 1 rows at most (the extra one says there is a next page). */
export function listDataRequests(db: Queryable, tenantId: string, filters: DataRequestFilters, limit: number): Promise<DataRequestRow[]> {
  const params: unknown[] = [tenantId, limit + 1];
  const where = ['tenant_id = $1'];
  const param = (value: unknown): string => `$${params.push(value)}`;
  if (filters.requestedBy) where.push(`requested_by = ${param(filters.requestedBy)}`);
  if (filters.kind) where.push(`kind = ${param(filters.kind)}`);
  if (filters.subjectId) where.push(`subject_id = ${param(filters.subjectId)}`);
  if (filters.before) where.push(`(created_at, id) < (${param(filters.before.createdAt)}::timestamptz, ${param(filters.before.id)}::uuid)`);
  return rows<DataRequestRow>(
    db,
    `SELECT ${REQUEST_COLUMNS} FROM data_requests WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
}

/** The erasure of this subject still collecting answers, if any. */
export function openErasureOf(
  db: Queryable,
  tenantId: string,
  subjectType: SubjectType,
  subjectId: string,
): Promise<DataRequestRow | undefined> {
  return oneRow<DataRequestRow>(
    db,
    `SELECT ${REQUEST_COLUMNS} FROM data_requests
      WHERE tenant_id = $1 AND kind = 'erasure' AND subject_type = $2 AND subject_id = $3 AND state = 'collecting'`,
    [tenantId, subjectType, subjectId],
  );
}

/** Records a service's answer; false when that service's answer was already in (a redelivery). */
export async function insertDataRequestPart(
  db: Queryable,
  tenantId: string,
  requestId: string,
  part: Pick<DataRequestPartRow, 'service' | 'records' | 'actions'>,
): Promise<boolean> {
  const inserted = await rows<{ service: string }>(
    db,
    `INSERT INTO data_request_parts (tenant_id, request_id, service, records, actions) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING service`,
    [tenantId, requestId, part.service, JSON.stringify(part.records), JSON.stringify(part.actions)],
  );
  return inserted.length === 1;
}

/** The answers in so far, by service name. */
export function dataRequestParts(db: Queryable, tenantId: string, requestId: string): Promise<DataRequestPartRow[]> {
  return rows<DataRequestPartRow>(
    db,
    `SELECT service, records, actions, received_at AS "receivedAt" FROM data_request_parts
      WHERE tenant_id = $1 AND request_id = $2 ORDER BY service`,
    [tenantId, requestId],
  );
}

/** Which services have answered each of these requests (for a list's progress), without their records. */
export function servicesAnswered(
  db: Queryable,
  tenantId: string,
  requestIds: readonly string[],
): Promise<{ requestId: string; services: ServiceName[] }[]> {
  return rows(
    db,
    `SELECT request_id AS "requestId", array_agg(service ORDER BY service) AS services FROM data_request_parts
      WHERE tenant_id = $1 AND request_id = ANY($2::uuid[]) GROUP BY request_id`,
    [tenantId, [...requestIds]],
  );
}

/** Marks a collecting request done with its report; false when it was done already. */
export async function finishDataRequest(
  db: Queryable,
  tenantId: string,
  requestId: string,
  report: DataRequestReport,
  at: Date,
): Promise<boolean> {
  const updated = await rows<{ id: string }>(
    db,
    `UPDATE data_requests SET state = 'done', report = $3, finished_at = $4 WHERE tenant_id = $1 AND id = $2 AND state = 'collecting' RETURNING id`,
    [tenantId, requestId, JSON.stringify(report), at],
  );
  return updated.length === 1;
}

/** The subject's pseudonym, fixed the first time: the candidate is written unless one exists; answers the one that holds, or undefined when the candidate is taken by another subject. */
export async function fixPseudonym(
  db: Queryable,
  tenantId: string,
  subjectType: SubjectType,
  subjectId: string,
  candidate: string,
): Promise<string | undefined> {
  const existing = await oneRow<{ pseudonym: string }>(
    db,
    `SELECT pseudonym FROM data_subject_pseudonyms WHERE tenant_id = $1 AND subject_type = $2 AND subject_id = $3`,
    [tenantId, subjectType, subjectId],
  );
  if (existing) return existing.pseudonym;
  const inserted = await rows<{ pseudonym: string }>(
    db,
    `INSERT INTO data_subject_pseudonyms (tenant_id, subject_type, subject_id, pseudonym) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING pseudonym`,
    [tenantId, subjectType, subjectId, candidate],
  );
  if (inserted[0]) return inserted[0].pseudonym;
  // Either the subject got one meanwhile (answered below) or the candidate is another subject's.
  const raced = await oneRow<{ pseudonym: string }>(
    db,
    `SELECT pseudonym FROM data_subject_pseudonyms WHERE tenant_id = $1 AND subject_type = $2 AND subject_id = $3`,
    [tenantId, subjectType, subjectId],
  );
  return raced?.pseudonym;
}

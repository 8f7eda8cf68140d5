import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { GuardianRelationship } from './guardian-link.model';

/** A guardian's link to one pupil (who is a record in scheduling), with what the guardian may do for them. */
export interface GuardianLinkRow {
  id: string;
  tenantId: string;
  accountId: string;
  pupilId: string;
  schoolId: string;
  relationship: GuardianRelationship;
  canBookTransport: boolean;
  canGiveConsent: boolean;
  createdAt: Date;
  createdBy: string | null;
}

export interface GuardianLinkFilters {
  /** Only links at these schools; undefined for every school of the area. */
  schoolIds?: readonly string[];
  accountId?: string;
  pupilId?: string;
  schoolId?: string;
  afterId?: string;
}

const LINK_COLUMNS = `id, tenant_id AS "tenantId", account_id AS "accountId", pupil_id AS "pupilId", school_id AS "schoolId", relationship,
  can_book_transport AS "canBookTransport", can_give_consent AS "canGiveConsent", created_at AS "createdAt", created_by AS "createdBy"`;

export function guardianLinkById(db: Queryable, tenantId: string, linkId: string): Promise<GuardianLinkRow | undefined> {
  return oneRow<GuardianLinkRow>(db, `SELECT ${LINK_COLUMNS} FROM guardian_links WHERE tenant_id = $1 AND id = $2`, [tenantId, linkId]);
}

export function guardianLinkOf(db: Queryable, tenantId: string, accountId: string, pupilId: string): Promise<GuardianLinkRow | undefined> {
  return oneRow<GuardianLinkRow>(
    db,
    `SELECT ${LINK_COLUMNS} FROM guardian_links WHERE tenant_id = $1 AND account_id = $2 AND pupil_id = $3`,
    [tenantId, accountId, pupilId],
  );
}

/** The account's links, oldest first. */
export function guardianLinksOfAccount(db: Queryable, tenantId: string, accountId: string): Promise<GuardianLinkRow[]> {
  return rows<GuardianLinkRow>(
    db,
    `SELECT ${LINK_COLUMNS} FROM guardian_links WHERE tenant_id = $1 AND account_id = $2 ORDER BY created_at, id`,
    [tenantId, accountId],
  );
}

/** The area's links by id, filtered; `limit` rows at most. */
export function listGuardianLinks(
  db: Queryable,
  tenantId: string,
  filters: GuardianLinkFilters,
  limit: number,
): Promise<GuardianLinkRow[]> {
  const params: unknown[] = [tenantId, limit];
  const where = ['tenant_id = $1'];
  const param = (value: unknown): string => `$${params.push(value)}`;
  if (filters.schoolIds) where.push(`school_id = ANY(${param([...filters.schoolIds])}::uuid[])`);
  if (filters.accountId) where.push(`account_id = ${param(filters.accountId)}`);
  if (filters.pupilId) where.push(`pupil_id = ${param(filters.pupilId)}`);
  if (filters.schoolId) where.push(`school_id = ${param(filters.schoolId)}`);
  if (filters.afterId) where.push(`id > ${param(filters.afterId)}`);
  return rows<GuardianLinkRow>(db, `SELECT ${LINK_COLUMNS} FROM guardian_links WHERE ${where.join(' AND ')} ORDER BY id LIMIT $2`, params);
}

export async function insertGuardianLink(db: Queryable, link: GuardianLinkRow): Promise<void> {
  await db.query(
    `INSERT INTO guardian_links (id, tenant_id, account_id, pupil_id, school_id, relationship, can_book_transport, can_give_consent, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      link.id,
      link.tenantId,
      link.accountId,
      link.pupilId,
      link.schoolId,
      link.relationship,
      link.canBookTransport,
      link.canGiveConsent,
      link.createdAt,
      link.createdBy,
    ],
  );
}

export async function deleteGuardianLink(db: Queryable, tenantId: string, linkId: string): Promise<void> {
  await db.query(`DELETE FROM guardian_links WHERE tenant_id = $1 AND id = $2`, [tenantId, linkId]);
}

/** Moves the pupil's links to the new school; answers the accounts whose links moved. */
export async function movePupilLinks(db: Queryable, tenantId: string, pupilId: string, toSchoolId: string): Promise<string[]> {
  const moved = await rows<{ accountId: string }>(
    db,
    `UPDATE guardian_links SET school_id = $3 WHERE tenant_id = $1 AND pupil_id = $2 AND school_id <> $3 RETURNING account_id AS "accountId"`,
    [tenantId, pupilId, toSchoolId],
  );
  return moved.map((row) => row.accountId);
}

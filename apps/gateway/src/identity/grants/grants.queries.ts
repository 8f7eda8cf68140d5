import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { Role } from '@tutti/auth';

/** One role held by one account; school-scoped roles have one row per school. */
export interface GrantRow {
  id: string;
  tenantId: string;
  accountId: string;
  role: Role;
  schoolId: string | null;
  createdAt: Date;
  createdBy: string | null;
}

const GRANT_COLUMNS = `id, tenant_id AS "tenantId", account_id AS "accountId", role, school_id AS "schoolId", created_at AS "createdAt", created_by AS "createdBy"`;

/** The grants of these accounts, by role then school. */
export function grantsOfAccounts(db: Queryable, tenantId: string, accountIds: readonly string[]): Promise<GrantRow[]> {
  return rows<GrantRow>(
    db,
    `SELECT ${GRANT_COLUMNS} FROM grants WHERE tenant_id = $1 AND account_id = ANY($2::uuid[]) ORDER BY role, school_id`,
    [tenantId, [...accountIds]],
  );
}

export function grantById(db: Queryable, tenantId: string, accountId: string, grantId: string): Promise<GrantRow | undefined> {
  return oneRow<GrantRow>(db, `SELECT ${GRANT_COLUMNS} FROM grants WHERE tenant_id = $1 AND account_id = $2 AND id = $3`, [
    tenantId,
    accountId,
    grantId,
  ]);
}

export async function insertGrants(db: Queryable, grants: readonly GrantRow[]): Promise<void> {
  if (grants.length === 0) return;
  await db.query(
    `INSERT INTO grants (id, tenant_id, account_id, role, school_id, created_at, created_by)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::timestamptz[], $7::uuid[])`,
    [
      grants.map((grant) => grant.id),
      grants.map((grant) => grant.tenantId),
      grants.map((grant) => grant.accountId),
      grants.map((grant) => grant.role),
      grants.map((grant) => grant.schoolId),
      grants.map((grant) => grant.createdAt),
      grants.map((grant) => grant.createdBy),
    ],
  );
}

export async function deleteGrant(db: Queryable, tenantId: string, grantId: string): Promise<void> {
  await db.query(`DELETE FROM grants WHERE tenant_id = $1 AND id = $2`, [tenantId, grantId]);
}

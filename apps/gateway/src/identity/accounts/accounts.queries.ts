import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { Role } from '@tutti/auth';
import type { AccountStatus } from './account.model';

/** A person who can sign in to one programme area. Their password lives apart, in `credentials`. */
export interface AccountRow {
  id: string;
  tenantId: string;
  /** As the person typed it; unique per area regardless of case. */
  email: string;
  /** E.164, e.g. +447700900123. */
  mobile: string | null;
  displayName: string;
  /** BCP 47 tag of the language mail and the app use for this person. */
  preferredLanguage: string;
  status: AccountStatus;
  /** Bumped by every change; the ETag that makes a stale edit fail with 412. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type AccountChanges = Partial<Pick<AccountRow, 'displayName' | 'mobile' | 'preferredLanguage' | 'status'>>;

export interface AccountFilters {
  status?: AccountStatus;
  /** Lower-case prefix of the email address. */
  emailPrefix?: string;
  role?: Role;
  /** The cursor's (lower(email), id). */
  after?: readonly [string, string];
}

const ACCOUNT_COLUMNS = `a.id, a.tenant_id AS "tenantId", a.email, a.mobile, a.display_name AS "displayName", a.preferred_language AS "preferredLanguage",
  a.status, a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

const CHANGEABLE_COLUMNS: Record<keyof AccountChanges, string> = {
  displayName: 'display_name',
  mobile: 'mobile',
  preferredLanguage: 'preferred_language',
  status: 'status',
};

/** The account; `forUpdate` locks its row until the transaction ends. */
export function accountById(db: Queryable, tenantId: string, accountId: string, forUpdate = false): Promise<AccountRow | undefined> {
  return oneRow<AccountRow>(
    db,
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.tenant_id = $1 AND a.id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, accountId],
  );
}

/** The area's account with this email address, whatever its case. */
export function accountByEmail(db: Queryable, tenantId: string, email: string): Promise<AccountRow | undefined> {
  return oneRow<AccountRow>(db, `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.tenant_id = $1 AND lower(a.email) = lower($2)`, [
    tenantId,
    email,
  ]);
}

/** For sign-in: the account with this email address in the area with this slug. */
export function accountInAreaBySlug(db: Queryable, areaSlug: string, email: string): Promise<AccountRow | undefined> {
  return oneRow<AccountRow>(
    db,
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = $1 AND lower(a.email) = lower($2)`,
    [areaSlug, email],
  );
}

/** The area's accounts by email address (case-blind) then id; `limit` rows at most. */
export function listAccounts(db: Queryable, tenantId: string, filters: AccountFilters, limit: number): Promise<AccountRow[]> {
  const params: unknown[] = [tenantId, limit];
  const where = ['a.tenant_id = $1'];
  const param = (value: unknown): string => `$${params.push(value)}`;
  if (filters.status) where.push(`a.status = ${param(filters.status)}`);
  if (filters.emailPrefix !== undefined) where.push(`lower(a.email) LIKE ${param(`${escapeLike(filters.emailPrefix)}%`)} ESCAPE '\\'`);
  if (filters.role)
    where.push(
      `EXISTS (SELECT 1 FROM grants g WHERE g.tenant_id = a.tenant_id AND g.account_id = a.id AND g.role = ${param(filters.role)})`,
    );
  if (filters.after) where.push(`(lower(a.email), a.id) > (${param(filters.after[0])}, ${param(filters.after[1])})`);
  return rows<AccountRow>(
    db,
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE ${where.join(' AND ')} ORDER BY lower(a.email), a.id LIMIT $2`,
    params,
  );
}

export async function insertAccount(db: Queryable, account: AccountRow): Promise<void> {
  await db.query(
    `INSERT INTO accounts (id, tenant_id, email, mobile, display_name, preferred_language, status, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      account.id,
      account.tenantId,
      account.email,
      account.mobile,
      account.displayName,
      account.preferredLanguage,
      account.status,
      account.version,
      account.createdAt,
      account.updatedAt,
    ],
  );
}

/** Writes the changes, sets the next version and the time of the change. */
export async function updateAccount(
  db: Queryable,
  tenantId: string,
  accountId: string,
  changes: AccountChanges,
  version: number,
): Promise<void> {
  const keys = (Object.keys(changes) as (keyof AccountChanges)[]).filter((key) => changes[key] !== undefined);
  const assignments = keys.map((key, index) => `${CHANGEABLE_COLUMNS[key]} = $${index + 4}`);
  await db.query(
    `UPDATE accounts SET ${[...assignments, 'version = $3', 'updated_at = now()'].join(', ')} WHERE tenant_id = $1 AND id = $2`,
    [tenantId, accountId, version, ...keys.map((key) => changes[key])],
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

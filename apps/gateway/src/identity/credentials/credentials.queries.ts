import { oneRow, type Queryable } from '@tutti/platform';

/** An account's password, as an argon2id hash; kept apart so that account reads never load it. */
export interface CredentialRow {
  accountId: string;
  tenantId: string;
  passwordHash: string;
  changedAt: Date;
}

export function credentialOf(db: Queryable, tenantId: string, accountId: string): Promise<CredentialRow | undefined> {
  return oneRow<CredentialRow>(
    db,
    `SELECT account_id AS "accountId", tenant_id AS "tenantId", password_hash AS "passwordHash", changed_at AS "changedAt"
     FROM credentials WHERE tenant_id = $1 AND account_id = $2`,
    [tenantId, accountId],
  );
}

/** Sets the account's password (a new one: the time of change moves). */
export async function setPassword(db: Queryable, tenantId: string, accountId: string, passwordHash: string): Promise<void> {
  await db.query(
    `INSERT INTO credentials (account_id, tenant_id, password_hash, changed_at) VALUES ($2, $1, $3, now())
     ON CONFLICT (account_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, password_hash = EXCLUDED.password_hash, changed_at = EXCLUDED.changed_at`,
    [tenantId, accountId, passwordHash],
  );
}

/** The same password hashed with today's settings (the time of change stays). */
export async function rehashPassword(db: Queryable, tenantId: string, accountId: string, passwordHash: string): Promise<void> {
  await db.query(`UPDATE credentials SET password_hash = $3 WHERE tenant_id = $1 AND account_id = $2`, [tenantId, accountId, passwordHash]);
}

import { oneRow, type Queryable } from '@tutti/platform';

export type OneTimeTokenPurpose = 'invitation' | 'password_reset';

/** A single-use, expiring link sent by mail (invitation or password reset); only its SHA-256 is stored. */
export interface OneTimeTokenRow {
  id: string;
  tenantId: string;
  accountId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export async function insertOneTimeToken(
  db: Queryable,
  token: { id: string; tenantId: string; accountId: string; purpose: OneTimeTokenPurpose; tokenHash: Buffer; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO one_time_tokens (id, tenant_id, account_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, now(), $6)`,
    [token.id, token.tenantId, token.accountId, token.purpose, token.tokenHash, token.expiresAt],
  );
}

/** The token with this hash and purpose, locked until the transaction ends: two redemptions at once cannot both use it. */
export function oneTimeTokenForUpdate(
  db: Queryable,
  tenantId: string,
  tokenHash: Buffer,
  purpose: OneTimeTokenPurpose,
): Promise<OneTimeTokenRow | undefined> {
  return oneRow<OneTimeTokenRow>(
    db,
    `SELECT id, tenant_id AS "tenantId", account_id AS "accountId", expires_at AS "expiresAt", used_at AS "usedAt", revoked_at AS "revokedAt"
     FROM one_time_tokens WHERE tenant_id = $1 AND token_hash = $2 AND purpose = $3 FOR UPDATE`,
    [tenantId, tokenHash, purpose],
  );
}

export async function markOneTimeTokenUsed(db: Queryable, tenantId: string, tokenId: string): Promise<void> {
  await db.query(`UPDATE one_time_tokens SET used_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, tokenId]);
}

/** Voids the account's open tokens (of one purpose, when given). */
export async function revokeOpenOneTimeTokens(
  db: Queryable,
  tenantId: string,
  accountId: string,
  purpose?: OneTimeTokenPurpose,
): Promise<void> {
  await db.query(
    `UPDATE one_time_tokens SET revoked_at = now()
     WHERE tenant_id = $1 AND account_id = $2 AND used_at IS NULL AND revoked_at IS NULL AND ($3::text IS NULL OR purpose = $3)`,
    [tenantId, accountId, purpose ?? null],
  );
}

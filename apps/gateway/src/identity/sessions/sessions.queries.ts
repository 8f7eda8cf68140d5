import { oneRow, rows, type Queryable } from '@tutti/platform';

export type SessionRevokedReason = 'signed_out' | 'reuse_detected' | 'account_disabled' | 'password_changed' | 'account_not_active';

/** One sign-in on one device: the family of refresh tokens that rotate from it. */
export interface SessionRow {
  id: string;
  tenantId: string;
  accountId: string;
  revokedAt: Date | null;
}

/** One refresh token of a session; only its SHA-256 is stored. A rotated token must never come back. */
export interface RefreshTokenRow {
  id: string;
  tenantId: string;
  sessionId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
}

export async function insertSession(
  db: Queryable,
  session: { id: string; tenantId: string; accountId: string; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.query(`INSERT INTO sessions (id, tenant_id, account_id, created_at, ip, user_agent) VALUES ($1, $2, $3, now(), $4, $5)`, [
    session.id,
    session.tenantId,
    session.accountId,
    session.ip,
    session.userAgent,
  ]);
}

export function sessionById(db: Queryable, tenantId: string, sessionId: string): Promise<SessionRow | undefined> {
  return oneRow<SessionRow>(
    db,
    `SELECT id, tenant_id AS "tenantId", account_id AS "accountId", revoked_at AS "revokedAt" FROM sessions WHERE tenant_id = $1 AND id = $2`,
    [tenantId, sessionId],
  );
}

export async function markSessionRefreshed(db: Queryable, tenantId: string, sessionId: string): Promise<void> {
  await db.query(`UPDATE sessions SET last_refreshed_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, sessionId]);
}

/** Ends the session if it is still open. */
export async function revokeSession(db: Queryable, tenantId: string, sessionId: string, reason: SessionRevokedReason): Promise<void> {
  await db.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL`, [
    tenantId,
    sessionId,
    reason,
  ]);
}

/** Ends every open session of the account. */
export async function revokeSessionsOfAccount(
  db: Queryable,
  tenantId: string,
  accountId: string,
  reason: SessionRevokedReason,
): Promise<void> {
  await rows(
    db,
    `UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE tenant_id = $1 AND account_id = $2 AND revoked_at IS NULL`,
    [tenantId, accountId, reason],
  );
}

export async function insertRefreshToken(
  db: Queryable,
  token: { id: string; tenantId: string; sessionId: string; parentId: string | null; tokenHash: Buffer; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO refresh_tokens (id, tenant_id, session_id, parent_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, now(), $6)`,
    [token.id, token.tenantId, token.sessionId, token.parentId, token.tokenHash, token.expiresAt],
  );
}

/** The refresh token with this hash; `forUpdate` locks it, so that two refreshes with one token cannot both rotate it. */
export function refreshTokenByHash(
  db: Queryable,
  tenantId: string,
  tokenHash: Buffer,
  forUpdate = false,
): Promise<RefreshTokenRow | undefined> {
  return oneRow<RefreshTokenRow>(
    db,
    `SELECT id, tenant_id AS "tenantId", session_id AS "sessionId", expires_at AS "expiresAt", rotated_at AS "rotatedAt"
     FROM refresh_tokens WHERE tenant_id = $1 AND token_hash = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, tokenHash],
  );
}

export async function markRefreshTokenRotated(db: Queryable, tenantId: string, tokenId: string): Promise<void> {
  await db.query(`UPDATE refresh_tokens SET rotated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, tokenId]);
}

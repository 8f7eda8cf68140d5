import { Injectable } from '@nestjs/common';
import { newId, type Queryable } from '@tutti/platform';
import { newSecretToken, readSecretToken } from './secret-token';
import {
  insertOneTimeToken,
  markOneTimeTokenUsed,
  oneTimeTokenForUpdate,
  revokeOpenOneTimeTokens,
  type OneTimeTokenPurpose,
} from './one-time-tokens.queries';

export type RedeemFailure = 'unknown' | 'used' | 'expired';

/** Single-use, expiring tokens for links in mail. Issuing one voids the account's earlier ones of that purpose. */
@Injectable()
export class OneTimeTokens {
  async issue(
    db: Queryable,
    account: { tenantId: string; id: string },
    purpose: OneTimeTokenPurpose,
    ttlMs: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    await this.revokeOpen(db, account, purpose);
    const secret = newSecretToken(account.tenantId);
    const expiresAt = new Date(Date.now() + ttlMs);
    await insertOneTimeToken(db, {
      id: newId(),
      tenantId: account.tenantId,
      accountId: account.id,
      purpose,
      tokenHash: secret.hash,
      expiresAt,
    });
    return { token: secret.token, expiresAt };
  }

  /**
   * Marks the token used, in the caller's transaction, and says whose it is; a token that is
   * unknown, used, voided or expired is refused. The row lock makes two redemptions at once
   * impossible: the second sees it used.
   */
  async redeem(
    db: Queryable,
    token: string,
    purpose: OneTimeTokenPurpose,
  ): Promise<{ tenantId: string; accountId: string } | RedeemFailure> {
    const parsed = readSecretToken(token);
    if (!parsed) return 'unknown';
    const row = await oneTimeTokenForUpdate(db, parsed.tenantId, parsed.hash, purpose);
    if (!row) return 'unknown';
    if (row.usedAt || row.revokedAt) return 'used';
    if (row.expiresAt.getTime() <= Date.now()) return 'expired';
    await markOneTimeTokenUsed(db, row.tenantId, row.id);
    return { tenantId: row.tenantId, accountId: row.accountId };
  }

  async revokeOpen(db: Queryable, account: { tenantId: string; id: string }, purpose?: OneTimeTokenPurpose): Promise<void> {
    await revokeOpenOneTimeTokens(db, account.tenantId, account.id, purpose);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '@tutti/platform';
import { newSecretToken, readSecretToken } from './secret-token';
import { OneTimeToken, type OneTimeTokenPurpose } from './one-time-token.entity';

export type RedeemFailure = 'unknown' | 'used' | 'expired';

/** Single-use, expiring tokens for links in mail. Issuing one voids the account's earlier ones of that purpose. */
@Injectable()
export class OneTimeTokens {
  async issue(manager: EntityManager, account: { tenantId: string; id: string }, purpose: OneTimeTokenPurpose, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
    await this.revokeOpen(manager, account, purpose);
    const secret = newSecretToken(account.tenantId);
    const expiresAt = new Date(Date.now() + ttlMs);
    await manager.insert(OneTimeToken, {
      id: newId(),
      tenantId: account.tenantId,
      accountId: account.id,
      purpose,
      tokenHash: secret.hash,
      createdAt: new Date(),
      expiresAt,
      usedAt: null,
      revokedAt: null,
    });
    return { token: secret.token, expiresAt };
  }

  /**
   * Marks the token used, in the caller's transaction, and says whose it is; a token that is
   * unknown, used, voided or expired is refused. The row lock makes two redemptions at once
   * impossible: the second sees it used.
   */
  async redeem(manager: EntityManager, token: string, purpose: OneTimeTokenPurpose): Promise<{ tenantId: string; accountId: string } | RedeemFailure> {
    const parsed = readSecretToken(token);
    if (!parsed) return 'unknown';
    const row = await manager
      .createQueryBuilder(OneTimeToken, 't')
      .setLock('pessimistic_write')
      .where('t.tenantId = :tenantId AND t.tokenHash = :hash AND t.purpose = :purpose', { tenantId: parsed.tenantId, hash: parsed.hash, purpose })
      .getOne();
    if (!row) return 'unknown';
    if (row.usedAt || row.revokedAt) return 'used';
    if (row.expiresAt.getTime() <= Date.now()) return 'expired';
    await manager.update(OneTimeToken, { id: row.id }, { usedAt: new Date() });
    return { tenantId: row.tenantId, accountId: row.accountId };
  }

  async revokeOpen(manager: EntityManager, account: { tenantId: string; id: string }, purpose?: OneTimeTokenPurpose): Promise<void> {
    const query = manager
      .createQueryBuilder()
      .update(OneTimeToken)
      .set({ revokedAt: () => 'now()' })
      .where('tenant_id = :tenantId AND account_id = :accountId AND used_at IS NULL AND revoked_at IS NULL', { tenantId: account.tenantId, accountId: account.id });
    if (purpose) query.andWhere('purpose = :purpose', { purpose });
    await query.execute();
  }
}

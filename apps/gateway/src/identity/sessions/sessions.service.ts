import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId, type Queryable } from '@tutti/platform';
import { accountById } from '../accounts/accounts.queries';
import type { IdentityConfig } from '../config/identity-config';
import { IDENTITY_CONFIG } from '../config/identity-config.token';
import type { RequestOrigin } from '../http/request-origin';
import { newSecretToken, readSecretToken } from '../one-time-tokens/secret-token';
import { SignInRequired } from '../resolver/identity-errors';
import { IdentityResolver } from '../resolver/identity-resolver';
import { AccessTokens } from './access-tokens';
import {
  insertRefreshToken,
  insertSession,
  markRefreshTokenRotated,
  markSessionRefreshed,
  refreshTokenByHash,
  revokeSession,
  revokeSessionsOfAccount,
  sessionById,
  type SessionRevokedReason,
} from './sessions.queries';
import type { SessionTokensDto } from './session-tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

type RefreshOutcome =
  | { ok: true; tenantId: string; accountId: string; sessionId: string; refresh: { token: string; expiresAt: Date } }
  | { ok: false; detail: string };

/**
 * Sessions and their refresh tokens. A refresh token works once: refreshing rotates it, and a
 * token that comes back after it was rotated means it was copied, so the whole session (every
 * token of the family) is revoked.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokens,
    private readonly resolver: IdentityResolver,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** Opens a session for an active account, inside the caller's transaction; sign the access token after commit with `tokensFor`. */
  async open(
    db: Queryable,
    account: { tenantId: string; id: string },
    origin: RequestOrigin,
  ): Promise<{ sessionId: string; refresh: { token: string; expiresAt: Date } }> {
    const sessionId = newId();
    await insertSession(db, {
      id: sessionId,
      tenantId: account.tenantId,
      accountId: account.id,
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    const refresh = await this.issueRefreshToken(db, account.tenantId, sessionId, null);
    return { sessionId, refresh };
  }

  async tokensFor(
    account: { tenantId: string; id: string },
    session: { sessionId: string; refresh: { token: string; expiresAt: Date } },
  ): Promise<SessionTokensDto> {
    const access = await this.accessTokens.sign({ accountId: account.id, tenantId: account.tenantId, sessionId: session.sessionId });
    return {
      tokenType: 'Bearer',
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: session.refresh.token,
      refreshTokenExpiresAt: session.refresh.expiresAt.toISOString(),
    };
  }

  async start(account: { tenantId: string; id: string }, origin: RequestOrigin): Promise<SessionTokensDto> {
    const session = await this.dataSource.transaction((manager) => this.open(manager, account, origin));
    return this.tokensFor(account, session);
  }

  /** Exchanges a refresh token for new tokens; 401 for an unknown, expired, rotated or revoked one. */
  async refresh(refreshToken: string): Promise<SessionTokensDto> {
    const parsed = readSecretToken(refreshToken);
    if (!parsed) throw new SignInRequired('This refresh token is not valid; sign in again.');
    const outcome = await this.dataSource.transaction(async (manager): Promise<RefreshOutcome> => {
      const token = await refreshTokenByHash(manager, parsed.tenantId, parsed.hash, true);
      if (!token) return { ok: false, detail: 'This refresh token is not valid; sign in again.' };
      const session = await sessionById(manager, token.tenantId, token.sessionId);
      if (!session || session.revokedAt) return { ok: false, detail: 'This sign-in has ended; sign in again.' };
      if (token.rotatedAt) {
        await this.endSession(manager, session.tenantId, session.id, 'reuse_detected');
        return {
          ok: false,
          detail: 'This refresh token was already used, so this sign-in has been ended on every device that shared it; sign in again.',
        };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { ok: false, detail: 'This sign-in has expired; sign in again.' };
      const account = await accountById(manager, session.tenantId, session.accountId);
      if (account?.status !== 'active') {
        await this.endSession(manager, session.tenantId, session.id, 'account_not_active');
        return { ok: false, detail: 'This account is not active; ask your programme admin.' };
      }
      await markRefreshTokenRotated(manager, token.tenantId, token.id);
      await markSessionRefreshed(manager, session.tenantId, session.id);
      const refresh = await this.issueRefreshToken(manager, session.tenantId, session.id, token.id);
      return { ok: true, tenantId: session.tenantId, accountId: session.accountId, sessionId: session.id, refresh };
    });
    if (!outcome.ok) throw new SignInRequired(outcome.detail);
    return this.tokensFor({ tenantId: outcome.tenantId, id: outcome.accountId }, outcome);
  }

  /** Ends the session a refresh token belongs to (whether or not that token was already rotated). Unknown tokens are ignored. */
  async signOut(refreshToken: string): Promise<void> {
    const parsed = readSecretToken(refreshToken);
    if (!parsed) return;
    await this.dataSource.transaction(async (manager) => {
      const token = await refreshTokenByHash(manager, parsed.tenantId, parsed.hash);
      if (token) await this.endSession(manager, token.tenantId, token.sessionId, 'signed_out');
    });
  }

  /** Ends every open session of an account (disabled, password changed). */
  async revokeAllOf(db: Queryable, tenantId: string, accountId: string, reason: SessionRevokedReason): Promise<void> {
    await revokeSessionsOfAccount(db, tenantId, accountId, reason);
    this.resolver.forgetAccount(tenantId, accountId);
  }

  private async endSession(db: Queryable, tenantId: string, sessionId: string, reason: SessionRevokedReason): Promise<void> {
    const session = await sessionById(db, tenantId, sessionId);
    await revokeSession(db, tenantId, sessionId, reason);
    if (session) this.resolver.forgetAccount(tenantId, session.accountId);
  }

  private async issueRefreshToken(
    db: Queryable,
    tenantId: string,
    sessionId: string,
    parentId: string | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    const secret = newSecretToken(tenantId);
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS);
    await insertRefreshToken(db, { id: newId(), tenantId, sessionId, parentId, tokenHash: secret.hash, expiresAt });
    return { token: secret.token, expiresAt };
  }
}

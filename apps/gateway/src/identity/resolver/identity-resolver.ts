import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { IDENTITY_HEADER, ROLES, TtlCache, type Grant, type Identity, type Role } from '@tutti/auth';
import { IDENTITY_TUNING, type IdentityTuning } from '../config/identity-tuning';
import { AccessTokens, type AccessClaims } from '../sessions/access-tokens';
import { RoleNotHeld, SignInRequired } from './identity-errors';
import { grantsOf } from './grants-of';
import { IdentitySnapshots, type IdentitySnapshot } from './identity-snapshots';

/** The header with which a person holding several roles says which one they act in now. */
export const ROLE_HEADER = 'x-tutti-role';

/** Headers as the proxy sends them upstream. */
export type UpstreamHeaders = Record<string, string | string[]>;

/**
 * Who is calling: verifies the access token, then reads the account's current status, session,
 * grants and guardian links (cached per sign-in for at most the tuned TTL, 30 s by default), so that
 * disabling an account, removing a grant or a guardian link, or signing out takes effect everywhere
 * within a minute (30 s here plus the 30 s life of an identity token).
 */
@Injectable()
export class IdentityResolver {
  private readonly snapshots: TtlCache<IdentitySnapshot | null>;

  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly loader: IdentitySnapshots,
    @Inject(IDENTITY_TUNING) tuning: IdentityTuning,
  ) {
    this.snapshots = new TtlCache(tuning.identityCacheTtlMs, tuning.identityCacheMaxEntries, tuning.clock);
  }

  /**
   * The caller of a request: null when it carries no `authorization` header (anonymous);
   * SignInRequired (401) for a bad, expired or forged access token or an account or sign-in that
   * is no longer active; RoleNotHeld (403) when `x-tutti-role` names a role they do not hold.
   */
  async resolve(headers: IncomingHttpHeaders): Promise<Identity | null> {
    const authorization = headers.authorization;
    if (authorization === undefined || authorization === '') return null;
    const claims = await this.verify(authorization);
    const snapshot = await this.snapshotOf(claims);
    if (!snapshot || snapshot.status !== 'active' || !snapshot.sessionOpen) {
      throw new SignInRequired('This sign-in is no longer valid; sign in again.');
    }
    const grants = grantsOf(snapshot.grantRows, snapshot.pupils);
    return {
      userId: snapshot.accountId,
      tenantId: snapshot.tenantId,
      displayName: snapshot.displayName,
      activeRole: chosenRole(headers[ROLE_HEADER], grants),
      grants,
    };
  }

  /** The identity for one service (its audience), signed with the gateway's private key. */
  mintIdentityToken(identity: Identity, service: string): Promise<string> {
    return this.accessTokens.mintIdentityToken(identity, service);
  }

  /**
   * For the proxy: resolves the caller and puts their identity token for `service` on the upstream
   * headers (anonymous callers go on without one). The access token itself is not forwarded: a
   * service needs only the identity.
   */
  async attachIdentityToken(request: { headers: IncomingHttpHeaders }, service: string, upstreamHeaders: UpstreamHeaders): Promise<void> {
    delete upstreamHeaders[IDENTITY_HEADER];
    delete upstreamHeaders.authorization;
    const identity = await this.resolve(request.headers);
    if (identity) upstreamHeaders[IDENTITY_HEADER] = await this.mintIdentityToken(identity, service);
  }

  /** Drops what this replica remembers of an account, after a change made here (other replicas wait out the TTL). */
  forgetAccount(tenantId: string, accountId: string): void {
    this.snapshots.deleteWhere((_snapshot, key) => key.startsWith(`${tenantId}:`) && key.endsWith(`:${accountId}`));
  }

  private async verify(authorization: string | string[]): Promise<AccessClaims> {
    const match = typeof authorization === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim()) : null;
    if (!match) throw new SignInRequired('Send the access token as "Authorization: Bearer <token>".');
    try {
      return await this.accessTokens.verify(match[1]);
    } catch {
      throw new SignInRequired('Your sign-in has expired or is not valid; refresh it or sign in again.');
    }
  }

  private async snapshotOf(claims: AccessClaims): Promise<IdentitySnapshot | null> {
    const key = `${claims.tenantId}:${claims.sessionId}:${claims.accountId}`;
    const cached = this.snapshots.get(key);
    if (cached !== undefined) return cached;
    const snapshot = await this.loader.load(claims.tenantId, claims.accountId, claims.sessionId);
    this.snapshots.set(key, snapshot);
    return snapshot;
  }
}

/** The role named in `x-tutti-role`, which the caller must hold; null when none is named. */
function chosenRole(header: string | string[] | undefined, grants: Grant[]): Role | null {
  if (header === undefined) return null;
  const requested = (Array.isArray(header) ? header.join(',') : header).trim();
  if (requested === '') return null;
  const role = ROLES.find((candidate) => candidate === requested);
  if (!role || !grants.some((grant) => grant.role === role)) {
    throw new RoleNotHeld(
      `You do not hold the role "${requested.slice(0, 40)}" in this area; ask for it to be granted, or act in one you hold.`,
    );
  }
  return role;
}

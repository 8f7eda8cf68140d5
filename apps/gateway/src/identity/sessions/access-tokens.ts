import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SignJWT, errors as joseErrors, importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';
import {
  IDENTITY_ALGORITHM,
  IDENTITY_ISSUER,
  IDENTITY_TOKEN_TTL_SECONDS,
  importIdentityKey,
  signIdentityToken,
  TtlCache,
  verifyIdentityToken,
  type Identity,
} from '@tutti/auth';
import { newId } from '@tutti/platform';
import type { IdentityConfig } from '../config/identity-config';
import { IDENTITY_CONFIG } from '../config/identity-config.token';

/** What an access token says: who, in which area, in which sign-in. Roles are read fresh on every request. */
export interface AccessClaims {
  accountId: string;
  tenantId: string;
  sessionId: string;
}

export const ACCESS_TOKEN_TYPE = 'tutti-access+jwt';
/** Access tokens are for the gateway's API; a token of another audience (or an identity token) is refused. */
export const ACCESS_TOKEN_AUDIENCE = 'tutti-api';

export class AccessTokenRefused extends Error {
  constructor(readonly reason: string) {
    super(`access token refused: ${reason}`);
  }
}

type SigningKey = KeyLike | Uint8Array;

/**
 * An identity token is forwarded again, to the same service for the same identity, for the first
 * half of its life. Services remember the tokens they have verified, so a caller's requests in
 * that time cost one signature and one check between them. Any change to the identity (a grant,
 * the role acted in, a guardian link) is another key here, so it gets a fresh token at once.
 */
const IDENTITY_TOKEN_REUSE_MS = (IDENTITY_TOKEN_TTL_SECONDS * 1000) / 2;
const MOST_IDENTITY_TOKENS_REUSED = 10_000;

/**
 * Signs and verifies the short-lived access JWT (EdDSA with the gateway's identity key, its own
 * `typ` and audience so that it can never pass for an identity token), and mints the identity
 * tokens the gateway forwards to services.
 */
@Injectable()
export class AccessTokens implements OnModuleInit {
  private privateKey: SigningKey;
  private publicKey: SigningKey;
  private readonly mintedIdentityTokens = new TtlCache<string>(IDENTITY_TOKEN_REUSE_MS, MOST_IDENTITY_TOKENS_REUSED);

  constructor(@Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig) {}

  async onModuleInit(): Promise<void> {
    this.privateKey = await importIdentityKey(this.config.IDENTITY_PRIVATE_KEY);
    const privateJwk = JSON.parse(Buffer.from(this.config.IDENTITY_PRIVATE_KEY, 'base64url').toString('utf8')) as JWK;
    this.publicKey = await importJWK({ kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x }, IDENTITY_ALGORITHM);
    await this.refuseMismatchedKeys();
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  async sign(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ tid: claims.tenantId, sid: claims.sessionId })
      .setProtectedHeader({ alg: IDENTITY_ALGORITHM, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(IDENTITY_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(claims.accountId)
      .setJti(newId())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** Signature (EdDSA only: `alg: none` and HMAC are refused), type, issuer, audience, expiry, claims. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: [IDENTITY_ALGORITHM],
        typ: ACCESS_TOKEN_TYPE,
        issuer: IDENTITY_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        clockTolerance: 5,
        requiredClaims: ['sub', 'tid', 'sid', 'exp', 'iat'],
      });
      const { sub, tid, sid } = payload;
      if (typeof sub !== 'string' || typeof tid !== 'string' || typeof sid !== 'string')
        throw new AccessTokenRefused('claims of the wrong type');
      return { accountId: sub, tenantId: tid, sessionId: sid };
    } catch (error) {
      if (error instanceof AccessTokenRefused) throw error;
      if (error instanceof joseErrors.JOSEError) throw new AccessTokenRefused(error.code);
      throw new AccessTokenRefused('malformed');
    }
  }

  /** The identity for one service, signed with the gateway's private key (30 s); reused for 15 s. */
  async mintIdentityToken(identity: Identity, audience: string): Promise<string> {
    const key = `${audience} ${JSON.stringify(identity)}`;
    const reused = this.mintedIdentityTokens.get(key);
    if (reused) return reused;
    const token = await signIdentityToken(identity, audience, this.privateKey);
    this.mintedIdentityTokens.set(key, token);
    return token;
  }

  /**
   * Services verify identities with IDENTITY_PUBLIC_KEY; if it is not the pair of the private key,
   * every request would fail. Better to refuse to start, saying so.
   */
  private async refuseMismatchedKeys(): Promise<void> {
    const probe: Identity = { userId: newId(), tenantId: newId(), displayName: 'key check', activeRole: null, grants: [] };
    const token = await signIdentityToken(probe, 'gateway', this.privateKey);
    try {
      await verifyIdentityToken(token, 'gateway', await importIdentityKey(this.config.IDENTITY_PUBLIC_KEY));
    } catch {
      throw new Error(
        'IDENTITY_PRIVATE_KEY and IDENTITY_PUBLIC_KEY are not a pair: give the gateway the private key whose public key the services have',
      );
    }
  }
}

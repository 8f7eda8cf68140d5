import { SignJWT, errors as joseErrors, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';
import type { Identity } from './identity';
import { TtlCache } from './ttl-cache';

export const IDENTITY_HEADER = 'x-tutti-identity';
export const IDENTITY_ISSUER = 'tutti-gateway';
export const IDENTITY_ALGORITHM = 'EdDSA';
/** Short enough that a disabled account or a removed grant stops working everywhere within a minute. */
export const IDENTITY_TOKEN_TTL_SECONDS = 30;

type VerifyKey = KeyLike | Uint8Array;

/** Signs the identity for one service (the token's audience); only the gateway holds the private key. */
export async function signIdentityToken(
  identity: Identity,
  audience: string,
  privateKey: VerifyKey,
  ttlSeconds = IDENTITY_TOKEN_TTL_SECONDS,
): Promise<string> {
  return new SignJWT({ tid: identity.tenantId, name: identity.displayName, role: identity.activeRole, grants: identity.grants })
    .setProtectedHeader({ alg: IDENTITY_ALGORITHM, typ: 'tutti-identity+jwt' })
    .setIssuer(IDENTITY_ISSUER)
    .setAudience(audience)
    .setSubject(identity.userId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(privateKey);
}

export class IdentityTokenError extends Error {}

/**
 * Verifies a token minted by the gateway for this service: signature with the gateway's public key
 * (EdDSA only, so `alg: none` and HMAC confusion are refused), issuer, audience and expiry.
 */
export async function verifyIdentityToken(token: string, audience: string, publicKey: VerifyKey): Promise<Identity> {
  return (await verifiedIdentityOf(token, audience, publicKey)).identity;
}

/** Verified identities kept at most: a few minutes of sign-ins at the busiest (each about 1 KB). */
const MOST_IDENTITIES_REMEMBERED = 10_000;

/**
 * verifyIdentityToken for a service's every request, remembering each token it has verified until
 * the token expires. The gateway reuses a caller's token for a while, so a family's page loads and
 * bookings in the same minute pay for one signature check (the slowest part of a small request),
 * not one each. Only the very same token string is answered from memory, and never past its expiry.
 */
export class IdentityTokenVerifier {
  private readonly verified: TtlCache<Identity>;

  constructor(
    private readonly audience: string,
    private readonly publicKey: VerifyKey,
    private readonly now: () => number = Date.now,
  ) {
    this.verified = new TtlCache<Identity>(IDENTITY_TOKEN_TTL_SECONDS * 1000, MOST_IDENTITIES_REMEMBERED, now);
  }

  async verify(token: string): Promise<Identity> {
    const remembered = this.verified.get(token);
    if (remembered) return remembered;
    const { identity, expiresAtMs } = await verifiedIdentityOf(token, this.audience, this.publicKey);
    // Frozen: every request with this token shares the object.
    const shared = deepFreeze(identity);
    this.verified.set(token, shared, expiresAtMs - this.now());
    return shared;
  }
}

async function verifiedIdentityOf(
  token: string,
  audience: string,
  publicKey: VerifyKey,
): Promise<{ identity: Identity; expiresAtMs: number }> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: IDENTITY_ISSUER,
      audience,
      algorithms: [IDENTITY_ALGORITHM],
      typ: 'tutti-identity+jwt',
      clockTolerance: 5,
      requiredClaims: ['sub', 'exp', 'iat', 'tid'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || !Array.isArray(payload.grants)) {
      throw new IdentityTokenError('identity token is missing its subject, tenant or grants');
    }
    const identity: Identity = {
      userId: payload.sub,
      tenantId: payload.tid,
      displayName: typeof payload.name === 'string' ? payload.name : '',
      activeRole: (payload.role as Identity['activeRole']) ?? null,
      grants: payload.grants as Identity['grants'],
    };
    return { identity, expiresAtMs: (payload.exp as number) * 1000 };
  } catch (error) {
    if (error instanceof IdentityTokenError) throw error;
    if (error instanceof joseErrors.JOSEError) throw new IdentityTokenError(`identity token refused: ${error.code}`);
    throw new IdentityTokenError('identity token refused');
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Keys travel in config as base64url JSON Web Keys (one line, easy to put in a secret). */
export async function importIdentityKey(encodedJwk: string): Promise<KeyLike | Uint8Array> {
  const jwk = JSON.parse(Buffer.from(encodedJwk, 'base64url').toString('utf8')) as JWK;
  // A symmetric key here would let anyone holding the "public" key mint identities.
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new IdentityTokenError('identity key must be an Ed25519 JWK');
  return importJWK(jwk, IDENTITY_ALGORITHM);
}

/** A fresh Ed25519 pair, encoded for config (`npm start` makes one per machine; tests one per run). */
export async function generateIdentityKeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = await generateKeyPair(IDENTITY_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const encode = async (key: KeyLike) => Buffer.from(JSON.stringify(await exportJWK(key))).toString('base64url');
  return { privateKey: await encode(pair.privateKey), publicKey: await encode(pair.publicKey) };
}

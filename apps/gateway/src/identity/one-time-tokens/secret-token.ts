import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque tokens handed to a person (refresh tokens, links in mail): `<tenant id>.<256 random bits>`.
 * Only the SHA-256 of the random part is stored, so a copy of the database signs no one in; the
 * tenant id in front lets the lookup use the tenant-leading index.
 */
export interface SecretToken {
  token: string;
  tenantId: string;
  hash: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function newSecretToken(tenantId: string): SecretToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tenantId}.${secret}`, tenantId, hash: hashSecret(secret) };
}

/** The token's tenant and hash, or null when it is not shaped like one of ours. */
export function readSecretToken(token: string): Omit<SecretToken, 'token'> | null {
  const [tenantId, secret, ...rest] = token.split('.');
  if (rest.length > 0 || !tenantId || !secret || !UUID.test(tenantId) || !SECRET.test(secret)) return null;
  return { tenantId, hash: hashSecret(secret) };
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

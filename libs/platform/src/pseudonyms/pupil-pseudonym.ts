import { createHmac } from 'node:crypto';

/**
 * The key used when EVALUATION_PSEUDONYM_KEY is not set outside production (development, tests,
 * `npm start`). It is public, so pseudonyms made with it protect nothing: production refuses to
 * start without a key of its own.
 */
export const DEVELOPMENT_PSEUDONYM_KEY = 'tutti-development-pseudonym-key-not-for-production';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 80 bits of the HMAC: 16 base32 characters. */
const PSEUDONYM_BYTES = 10;

/**
 * A pupil's stable pseudonym for evaluation exports: `P-` and 16 base32 characters of
 * HMAC-SHA256(key, tenant and pupil). Every service computes the same one for the same pupil, so an
 * evaluator can join exports from several services; another area gets another one for the same id,
 * and without the key it cannot be turned back into the pupil's id.
 */
export function pseudonymOf(key: string, tenantId: string, pupilId: string): string {
  const digest = createHmac('sha256', key).update(`${tenantId.toLowerCase()}:${pupilId.toLowerCase()}`).digest();
  return `P-${base32(digest.subarray(0, PSEUDONYM_BYTES))}`;
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

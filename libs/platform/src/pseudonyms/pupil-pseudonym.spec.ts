import { createHmac } from 'node:crypto';
import { DEVELOPMENT_PSEUDONYM_KEY, pseudonymOf } from './pupil-pseudonym';

const TENANT = '0193a1b2-0000-7000-8000-000000000001';
const OTHER_TENANT = '0193a1b2-0000-7000-8000-000000000002';
const PUPIL = '0193a1b2-1111-7000-8000-00000000abcd';

describe('pupil pseudonyms', () => {
  it('is P- and 16 base32 characters, the same every time for the same key, area and pupil', () => {
    const pseudonym = pseudonymOf('a-key', TENANT, PUPIL);
    expect(pseudonym).toMatch(/^P-[A-Z2-7]{16}$/);
    expect(pseudonymOf('a-key', TENANT, PUPIL)).toBe(pseudonym);
    expect(pseudonymOf('a-key', TENANT.toUpperCase(), PUPIL.toUpperCase())).toBe(pseudonym);
  });

  it('differs by area, by pupil and by key', () => {
    const pseudonym = pseudonymOf('a-key', TENANT, PUPIL);
    expect(pseudonymOf('a-key', OTHER_TENANT, PUPIL)).not.toBe(pseudonym);
    expect(pseudonymOf('a-key', TENANT, '0193a1b2-1111-7000-8000-00000000abce')).not.toBe(pseudonym);
    expect(pseudonymOf('another-key', TENANT, PUPIL)).not.toBe(pseudonym);
  });

  it('does not carry the pupil id or the area id', () => {
    const pseudonym = pseudonymOf(DEVELOPMENT_PSEUDONYM_KEY, TENANT, PUPIL);
    for (const part of [...PUPIL.split('-'), ...TENANT.split('-')].filter((p) => p.length >= 4)) {
      expect(pseudonym.toLowerCase()).not.toContain(part.toLowerCase());
    }
    expect(pseudonym).not.toContain(PUPIL);
  });

  it('is the known HMAC-SHA256 value (so that another implementation can reproduce it)', () => {
    // HMAC-SHA256('a-key', '<tenant>:<pupil>'), first 10 bytes, RFC 4648 base32 without padding.
    const digest = createHmac('sha256', 'a-key').update(`${TENANT}:${PUPIL}`).digest().subarray(0, 10);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const bits = [...digest].map((byte) => byte.toString(2).padStart(8, '0')).join('');
    const expected = bits
      .match(/.{5}/g)
      ?.map((chunk) => alphabet[parseInt(chunk, 2)])
      .join('');
    expect(pseudonymOf('a-key', TENANT, PUPIL)).toBe(`P-${expected}`);
  });
});

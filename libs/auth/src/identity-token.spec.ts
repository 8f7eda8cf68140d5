import { SignJWT, UnsecuredJWT, generateKeyPair, type KeyLike } from 'jose';
import type { Identity } from './identity';
import {
  generateIdentityKeyPair,
  importIdentityKey,
  signIdentityToken,
  verifyIdentityToken,
  IdentityTokenError,
  IdentityTokenVerifier,
} from './identity-token';

const headteacher: Identity = {
  userId: '0193a0c0-0000-7000-8000-000000000001',
  tenantId: '0193a0c0-0000-7000-8000-0000000000aa',
  displayName: 'Ms Okafor',
  activeRole: null,
  grants: [{ role: 'headteacher', schoolIds: ['0193a0c0-0000-7000-8000-0000000000s1'] }],
};

describe('identity tokens', () => {
  let privateKey: KeyLike | Uint8Array;
  let publicKey: KeyLike | Uint8Array;

  beforeAll(async () => {
    const pair = await generateIdentityKeyPair();
    privateKey = await importIdentityKey(pair.privateKey);
    publicKey = await importIdentityKey(pair.publicKey);
  });

  it('round-trips an identity for its audience', async () => {
    const token = await signIdentityToken(headteacher, 'scheduling', privateKey);
    await expect(verifyIdentityToken(token, 'scheduling', publicKey)).resolves.toEqual(headteacher);
  });

  it('refuses a token minted for another service', async () => {
    const token = await signIdentityToken(headteacher, 'instrument-loan', privateKey);
    await expect(verifyIdentityToken(token, 'scheduling', publicKey)).rejects.toThrow(IdentityTokenError);
  });

  it('refuses an expired token', async () => {
    const token = await signIdentityToken(headteacher, 'scheduling', privateKey, -60);
    await expect(verifyIdentityToken(token, 'scheduling', publicKey)).rejects.toThrow(/ERR_JWT_EXPIRED/);
  });

  it('refuses a token signed with another key', async () => {
    const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const token = await signIdentityToken(headteacher, 'scheduling', other.privateKey);
    await expect(verifyIdentityToken(token, 'scheduling', publicKey)).rejects.toThrow(IdentityTokenError);
  });

  it('refuses alg none', async () => {
    const token = new UnsecuredJWT({ tid: headteacher.tenantId, grants: headteacher.grants })
      .setIssuer('tutti-gateway')
      .setAudience('scheduling')
      .setSubject(headteacher.userId)
      .setIssuedAt()
      .setExpirationTime('30s')
      .encode();
    await expect(verifyIdentityToken(token, 'scheduling', publicKey)).rejects.toThrow(IdentityTokenError);
  });

  it('refuses an HMAC token keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(publicKey));
    const token = await new SignJWT({ tid: headteacher.tenantId, grants: [] })
      .setProtectedHeader({ alg: 'HS256', typ: 'tutti-identity+jwt' })
      .setIssuer('tutti-gateway')
      .setAudience('scheduling')
      .setSubject(headteacher.userId)
      .setIssuedAt()
      .setExpirationTime('30s')
      .sign(secret);
    await expect(verifyIdentityToken(token, 'scheduling', publicKey)).rejects.toThrow(IdentityTokenError);
  });

  it('refuses a token whose payload was edited (another tenant, more grants)', async () => {
    const token = await signIdentityToken(headteacher, 'scheduling', privateKey);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.tid = '0193a0c0-0000-7000-8000-0000000000bb';
    claims.grants = [{ role: 'programme_admin' }];
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await expect(verifyIdentityToken(forged, 'scheduling', publicKey)).rejects.toThrow(IdentityTokenError);
  });

  it('imports only Ed25519 keys, never a shared secret', async () => {
    const symmetric = Buffer.from(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' })).toString('base64url');
    await expect(importIdentityKey(symmetric)).rejects.toThrow(IdentityTokenError);
  });

  describe('a service verifying every request', () => {
    let now: number;
    const clock = () => now;
    beforeEach(() => {
      now = Date.now();
    });

    it('checks a token once, then answers it from memory (the same frozen identity)', async () => {
      const verifier = new IdentityTokenVerifier('scheduling', publicKey, clock);
      const token = await signIdentityToken(headteacher, 'scheduling', privateKey);
      const first = await verifier.verify(token);
      const again = await verifier.verify(token);
      expect(first).toEqual(headteacher);
      expect(again).toBe(first);
      expect(Object.isFrozen(first.grants[0])).toBe(true);
    });

    it('checks it afresh once the token has expired', async () => {
      const verifier = new IdentityTokenVerifier('scheduling', publicKey, clock);
      const token = await signIdentityToken(headteacher, 'scheduling', privateKey, 10);
      const first = await verifier.verify(token);
      now += 11_000;
      const afterExpiry = await verifier.verify(token);
      expect(afterExpiry).not.toBe(first); // verified again (the real clock still finds it valid)
    });

    it('never lets a remembered token vouch for an edited copy or another audience', async () => {
      const verifier = new IdentityTokenVerifier('scheduling', publicKey, clock);
      const token = await signIdentityToken(headteacher, 'scheduling', privateKey);
      await verifier.verify(token);
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      claims.grants = [{ role: 'programme_admin' }];
      const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
      await expect(verifier.verify(forged)).rejects.toThrow(IdentityTokenError);
      await expect(new IdentityTokenVerifier('instrument-loan', publicKey, clock).verify(token)).rejects.toThrow(IdentityTokenError);
    });
  });
});

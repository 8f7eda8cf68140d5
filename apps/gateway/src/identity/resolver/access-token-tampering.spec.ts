import { SignJWT, UnsecuredJWT, generateKeyPair, exportJWK } from 'jose';
import { IDENTITY_ISSUER, importIdentityKey } from '@tutti/auth';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_TYPE } from '../sessions/access-tokens';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';
import { IdentityResolver } from './identity-resolver';

interface ForgeOptions {
  key?: Parameters<SignJWT['sign']>[0];
  alg?: string;
  typ?: string;
  audience?: string;
  issuer?: string;
  tenantId?: string;
  expiresIn?: number;
}

describe('access token tampering', () => {
  let t: IdentityTestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  let admin: TestAccount;
  let sessionId: string;
  let genuine: string;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    tenantA = await t.fixtures.tenant();
    tenantB = await t.fixtures.tenant();
    admin = await t.fixtures.account(tenantA, { grants: [{ role: 'programme_admin' }] });
    genuine = (await t.fixtures.signIn(admin)).accessToken;
    sessionId = JSON.parse(Buffer.from(genuine.split('.')[1], 'base64url').toString()).sid;
  });
  afterAll(() => t?.close());

  /** A token like the gateway's, signed with the gateway's own key unless told otherwise. */
  async function forge(options: ForgeOptions = {}): Promise<string> {
    const key = options.key ?? (await importIdentityKey(t.config.IDENTITY_PRIVATE_KEY));
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tid: options.tenantId ?? tenantA.id, sid: sessionId })
      .setProtectedHeader({ alg: options.alg ?? 'EdDSA', typ: options.typ ?? ACCESS_TOKEN_TYPE })
      .setIssuer(options.issuer ?? IDENTITY_ISSUER)
      .setAudience(options.audience ?? ACCESS_TOKEN_AUDIENCE)
      .setSubject(admin.id)
      .setIssuedAt(now - 5)
      .setExpirationTime(now + (options.expiresIn ?? 300))
      .sign(key);
  }

  const me = (token: string) => t.app.inject({ method: 'GET', url: '/identity/me', headers: { authorization: `Bearer ${token}` } });
  const resolve = (token: string) => t.app.get(IdentityResolver).resolve({ authorization: `Bearer ${token}` });
  const signedIn = async (token: string) => {
    const identity = await resolve(token);
    if (!identity) throw new Error('a signed-in caller resolved as anonymous');
    return identity;
  };

  it('accepts the genuine token, and a token forged the same way with the gateway key (the baseline of the cases below)', async () => {
    expect((await me(genuine)).statusCode).toBe(200);
    expect((await me(await forge())).statusCode).toBe(200);
  });

  it('refuses alg none', async () => {
    const unsigned = new UnsecuredJWT({ tid: tenantA.id, sid: sessionId })
      .setIssuer(IDENTITY_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(admin.id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    await expect(resolve(unsigned)).rejects.toMatchObject({ statusCode: 401 });
    expect((await me(unsigned)).statusCode).toBe(401);
  });

  it('refuses a token signed with another key', async () => {
    const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const token = await forge({ key: other.privateKey });
    await expect(resolve(token)).rejects.toMatchObject({ statusCode: 401 });
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses an HMAC token keyed with the public key (algorithm confusion)', async () => {
    const publicJwk = JSON.stringify(await exportJWK(await importIdentityKey(t.config.IDENTITY_PUBLIC_KEY)));
    const token = await forge({ alg: 'HS256', key: new TextEncoder().encode(publicJwk) });
    await expect(resolve(token)).rejects.toMatchObject({ statusCode: 401 });
  });

  it('refuses an expired token', async () => {
    const token = await forge({ expiresIn: -60 });
    await expect(resolve(token)).rejects.toMatchObject({ statusCode: 401 });
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses a token whose tenant was edited, and a well-signed token naming another tenant', async () => {
    const [header, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const edited = [header, Buffer.from(JSON.stringify({ ...claims, tid: tenantB.id })).toString('base64url'), signature].join('.');
    await expect(resolve(edited)).rejects.toMatchObject({ statusCode: 401 });
    // Even with a valid signature, the account is not in tenant B, so nothing resolves.
    await expect(resolve(await forge({ tenantId: tenantB.id }))).rejects.toMatchObject({ statusCode: 401 });
  });

  it('refuses a wrong audience, a wrong issuer, and an identity token passed off as an access token', async () => {
    await expect(resolve(await forge({ audience: 'scheduling' }))).rejects.toMatchObject({ statusCode: 401 });
    await expect(resolve(await forge({ issuer: 'someone-else' }))).rejects.toMatchObject({ statusCode: 401 });
    await expect(resolve(await forge({ typ: 'tutti-identity+jwt' }))).rejects.toMatchObject({ statusCode: 401 });
    const identityToken = await t.app.get(IdentityResolver).mintIdentityToken(await signedIn(genuine), 'gateway');
    await expect(resolve(identityToken)).rejects.toMatchObject({ statusCode: 401 });
  });

  it('refuses malformed authorization headers and treats a missing one as anonymous', async () => {
    const resolver = t.app.get(IdentityResolver);
    await expect(resolver.resolve({})).resolves.toBeNull();
    await expect(resolver.resolve({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })).rejects.toMatchObject({
      statusCode: 401,
    });
    await expect(resolver.resolve({ authorization: 'Bearer not.a.jwt' })).rejects.toMatchObject({ statusCode: 401 });
    expect((await t.app.inject({ method: 'GET', url: '/identity/me' })).statusCode).toBe(401);
  });

  it('never trusts an identity header sent by a client to the gateway itself', async () => {
    const smuggled = await t.app.get(IdentityResolver).mintIdentityToken(await signedIn(genuine), 'gateway');
    const response = await t.app.inject({ method: 'GET', url: '/identity/me', headers: { 'x-tutti-identity': smuggled } });
    expect(response.statusCode).toBe(401);
  });
});

import { discoverRoutes } from '@tutti/testing';
import { startIdentityTestApp, type IdentityTestApp } from './testing/identity-test-app';

describe('identity routes', () => {
  let t: IdentityTestApp;

  beforeAll(async () => {
    t = await startIdentityTestApp();
  });
  afterAll(() => t?.close());

  it('every route declares an access policy, and only sign-in flows are public', () => {
    const routes = discoverRoutes(t.app).filter((route) => route.path !== '/health');
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((route) => !route.policy)).toEqual([]);
    const publicRoutes = routes.filter((route) => route.policy?.kind === 'public').map((route) => `${route.method} ${route.path}`);
    expect(publicRoutes.sort()).toEqual(
      [
        'POST /auth/invitations/accept',
        'POST /auth/password-reset',
        'POST /auth/password-reset/complete',
        'POST /auth/refresh',
        'POST /auth/sign-in',
        'POST /auth/sign-out',
      ].sort(),
    );
  });

  it('describes every identity route in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json<{ paths: Record<string, object> }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/auth/sign-in',
        '/auth/refresh',
        '/auth/invitations/accept',
        '/identity/me',
        '/identity/accounts',
        '/identity/accounts/{id}',
        '/identity/accounts/{id}/grants/{grantId}',
        '/identity/guardian-links',
        '/identity/tenant',
        '/audit-log',
      ]),
    );
  });
});

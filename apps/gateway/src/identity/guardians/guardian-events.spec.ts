import { newId } from '@tutti/platform';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';

describe('a guardian’s contact reaches parent engagement', () => {
  let t: IdentityTestApp;

  beforeAll(async () => {
    t = await startIdentityTestApp();
  });
  afterAll(() => t?.close());

  it('links and account changes are in the outbox with the account’s email, name and language, written with the change', async () => {
    const area = await t.fixtures.tenant();
    const school = await t.fixtures.school(area);
    const admin = await t.fixtures.bearer(await t.fixtures.account(area, { grants: [{ role: 'programme_admin' }] }));
    const guardian = await t.fixtures.account(area);
    const events = () =>
      t.dataSource.query<{ type: string; payload: Record<string, unknown> }[]>(
        `SELECT type, payload FROM outbox_events WHERE tenant_id = $1 AND type LIKE 'identity.%' AND type NOT LIKE 'identity.tenant.%' ORDER BY id`,
        [area.id],
      );

    const pupilId = newId();
    const link = await t.app.inject({
      method: 'POST',
      url: '/identity/guardian-links',
      headers: admin,
      payload: { accountId: guardian.id, pupilId, schoolId: school, relationship: 'parent', canBookTransport: true, canGiveConsent: true },
    });
    expect(link.statusCode).toBe(201);
    expect(await events()).toEqual([
      {
        type: 'identity.guardian.linked',
        payload: {
          version: 1,
          guardianLinkId: link.json<{ id: string }>().id,
          accountId: guardian.id,
          pupilId,
          schoolId: school,
          email: guardian.email,
          displayName: expect.any(String),
          preferredLanguage: 'en',
        },
      },
    ]);

    const read = await t.app.inject({ method: 'GET', url: `/identity/accounts/${guardian.id}`, headers: admin });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/identity/accounts/${guardian.id}`,
      headers: { ...admin, 'if-match': String(read.headers.etag) },
      payload: { displayName: 'Amina Shah', preferredLanguage: 'ur' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await events())[1]).toEqual({
      type: 'identity.account.updated',
      payload: {
        version: 1,
        accountId: guardian.id,
        email: guardian.email,
        displayName: 'Amina Shah',
        preferredLanguage: 'ur',
        status: 'active',
      },
    });
    // A change of mobile number only is not a contact the families' copy keeps.
    const again = await t.app.inject({ method: 'GET', url: `/identity/accounts/${guardian.id}`, headers: admin });
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/identity/accounts/${guardian.id}`,
          headers: { ...admin, 'if-match': String(again.headers.etag) },
          payload: { mobile: '+447700900123' },
        })
      ).statusCode,
    ).toBe(200);
    expect(await events()).toHaveLength(2);
  });
});

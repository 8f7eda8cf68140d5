import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestTenant } from '../testing/identity-fixtures';
import type { TenantSettingsDto } from './dto/tenant-settings.dto';

describe('area settings', () => {
  let t: IdentityTestApp;
  let area: TestTenant;
  let adminHeaders: Record<string, string>;
  let tutorHeaders: Record<string, string>;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    area = await t.fixtures.tenant();
    const school = await t.fixtures.school(area);
    adminHeaders = await t.fixtures.bearer(await t.fixtures.account(area, { grants: [{ role: 'programme_admin' }] }));
    tutorHeaders = await t.fixtures.bearer(await t.fixtures.account(area, { grants: [{ role: 'tutor', schoolId: school }] }));
  });
  afterAll(() => t?.close());

  it('shows the caller’s own area to anyone signed in, and lets only the admin change it', async () => {
    const read = await t.app.inject({ method: 'GET', url: '/identity/tenant', headers: tutorHeaders });
    expect(read.statusCode).toBe(200);
    expect(read.json<TenantSettingsDto>()).toMatchObject({
      id: area.id,
      slug: area.slug,
      timeZone: 'Europe/London',
      familyLanguages: ['en', 'pl'],
    });
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/identity/tenant', headers: tutorHeaders, payload: { familyTransportSeatLimit: 9 } }))
        .statusCode,
    ).toBe(403);

    const changed = await t.app.inject({
      method: 'PATCH',
      url: '/identity/tenant',
      headers: { ...adminHeaders, 'if-match': String(read.headers.etag) },
      payload: {
        weeklyProvisionTargetMinutes: 270,
        familyLanguages: ['en', 'pl', 'ar'],
        familyTransportSeatLimit: 3,
        timeZone: 'Europe/London',
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<TenantSettingsDto>()).toMatchObject({
      weeklyProvisionTargetMinutes: 270,
      familyLanguages: ['en', 'pl', 'ar'],
      familyTransportSeatLimit: 3,
    });

    const stale = await t.app.inject({
      method: 'PATCH',
      url: '/identity/tenant',
      headers: { ...adminHeaders, 'if-match': String(read.headers.etag) },
      payload: { familyTransportSeatLimit: 5 },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ currentETag: changed.headers.etag });
  });

  it('takes an edit only with If-Match naming the version read ("3"): 428 without it, 400 for a tag not of this API', async () => {
    const read = await t.app.inject({ method: 'GET', url: '/identity/tenant', headers: adminHeaders });
    expect(String(read.headers.etag)).toMatch(/^"\d+"$/);
    const blind = await t.app.inject({
      method: 'PATCH',
      url: '/identity/tenant',
      headers: adminHeaders,
      payload: { familyTransportSeatLimit: 7 },
    });
    expect(blind.statusCode).toBe(428);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/identity/tenant',
          headers: { ...adminHeaders, 'if-match': '"v1"' },
          payload: { familyTransportSeatLimit: 7 },
        })
      ).statusCode,
    ).toBe(400);
    const again = await t.app.inject({ method: 'GET', url: '/identity/tenant', headers: adminHeaders });
    expect(again.headers.etag).toBe(read.headers.etag);
  });

  it('tells the services: the area’s creation and every change are in the outbox, written with them, and a PATCH that changes nothing sends nothing', async () => {
    const fresh = await t.fixtures.tenant();
    const admin = await t.fixtures.bearer(await t.fixtures.account(fresh, { grants: [{ role: 'programme_admin' }] }));
    const events = () =>
      t.dataSource.query<
        { type: string; source: string; payload: { tenantId: string; timeZone: string; familyTransportSeatLimit: number; slug: string } }[]
      >('SELECT type, source, payload FROM outbox_events WHERE tenant_id = $1 ORDER BY id', [fresh.id]);
    expect(await events()).toEqual([
      {
        type: 'identity.tenant.created',
        source: 'gateway',
        payload: expect.objectContaining({ tenantId: fresh.id, slug: fresh.slug, timeZone: 'Europe/London' }),
      },
    ]);

    const etag = async () => String((await t.app.inject({ method: 'GET', url: '/identity/tenant', headers: admin })).headers.etag);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: '/identity/tenant',
      headers: { ...admin, 'if-match': await etag() },
      payload: { timeZone: 'Europe/Dublin', familyTransportSeatLimit: 6 },
    });
    expect(changed.statusCode).toBe(200);
    expect((await events())[1]).toEqual({
      type: 'identity.tenant.updated',
      source: 'gateway',
      payload: {
        version: 1,
        tenantId: fresh.id,
        name: fresh.name,
        slug: fresh.slug,
        timeZone: 'Europe/Dublin',
        weeklyProvisionTargetMinutes: 240,
        familyLanguages: ['en', 'pl'],
        familyTransportSeatLimit: 6,
      },
    });
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/identity/tenant',
          headers: { ...admin, 'if-match': await etag() },
          payload: { timeZone: 'Europe/Dublin' },
        })
      ).statusCode,
    ).toBe(200);
    expect(await events()).toHaveLength(2);
  });

  it('refuses bad settings with 400 naming the field', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/identity/tenant',
      headers: { ...adminHeaders, 'if-match': '"1"' },
      payload: {
        timeZone: 'Mars/Olympus',
        weeklyProvisionTargetMinutes: -5,
        familyLanguages: ['English'],
        familyTransportSeatLimit: 'four',
      },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['timeZone', 'weeklyProvisionTargetMinutes', 'familyLanguages', 'familyTransportSeatLimit']),
    );
    const id = await t.app.inject({
      method: 'PATCH',
      url: '/identity/tenant',
      headers: { ...adminHeaders, 'if-match': '"1"' },
      payload: { id: area.id, slug: 'taken-over' },
    });
    expect(id.statusCode).toBe(400);
    expect(id.json<{ errors: { field: string; rule: string }[] }>().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'id', rule: 'unknown' }),
        expect.objectContaining({ field: 'slug', rule: 'unknown' }),
      ]),
    );
  });
});

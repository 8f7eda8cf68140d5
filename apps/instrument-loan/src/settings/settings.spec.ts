import { newTenantId, personas } from '@tutti/testing';
import { useLoanTestKit } from '../testing/loan-test-kit';

interface Settings {
  missedSessionsThreshold: number;
  gracePeriodDays: number;
  termsVersion: string;
  inspectionIntervalDays: number;
  version: number;
}

describe('an area’s loan settings: partial edits with If-Match', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const otherArea = newTenantId();
  const otherAdmin = personas.programmeAdmin(otherArea);

  const read = async (who = admin): Promise<{ settings: Settings; etag: string }> => {
    const response = await kit.call(who, 'GET', '/settings');
    expect(response.statusCode).toBe(200);
    return { settings: response.json(), etag: String(response.headers.etag) };
  };
  const stored = async (tenant: string) =>
    (
      await kit.db.query(
        'SELECT missed_sessions_threshold, grace_period_days, terms_version, inspection_interval_days, version FROM area_settings WHERE tenant_id = $1',
        [tenant],
      )
    )[0];

  it('changes only the settings sent, from the defaults and then from the stored row', async () => {
    const defaults = await read();
    expect(defaults).toEqual({
      settings: { missedSessionsThreshold: 3, gracePeriodDays: 14, termsVersion: '2025-1', inspectionIntervalDays: 120, version: 0 },
      etag: '"0"',
    });

    const first = await kit.call(admin, 'PATCH', '/settings', { missedSessionsThreshold: 5 }, { 'if-match': defaults.etag });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      missedSessionsThreshold: 5,
      gracePeriodDays: 14,
      termsVersion: '2025-1',
      inspectionIntervalDays: 120,
      version: 1,
    });
    expect(first.headers.etag).toBe('"1"');

    const second = await kit.call(admin, 'PATCH', '/settings', { termsVersion: '2026-1' }, { 'if-match': '"1"' });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({
      missedSessionsThreshold: 5,
      gracePeriodDays: 14,
      termsVersion: '2026-1',
      inspectionIntervalDays: 120,
      version: 2,
    });
    expect(await stored(tenantId)).toEqual({
      missed_sessions_threshold: 5,
      grace_period_days: 14,
      terms_version: '2026-1',
      inspection_interval_days: 120,
      version: 2,
    });
    expect((await read()).settings).toEqual(second.json());
  });

  it('refuses an edit based on a stale read (412 with the current ETag) and one without If-Match (428), changing nothing', async () => {
    const before = await stored(tenantId);
    const stale = await kit.call(admin, 'PATCH', '/settings', { gracePeriodDays: 30 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ status: 412, currentETag: `"${before.version}"` });

    const missing = await kit.call(admin, 'PATCH', '/settings', { gracePeriodDays: 30 });
    expect(missing.statusCode).toBe(428);
    expect(missing.headers['content-type']).toContain('application/problem+json');

    const garbled = await kit.call(admin, 'PATCH', '/settings', { gracePeriodDays: 30 }, { 'if-match': 'yesterday' });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    expect(await stored(tenantId)).toEqual(before);
  });

  it('a second first edit of the defaults, made meanwhile, is stale too', async () => {
    const area = newTenantId();
    const someone = personas.programmeAdmin(area);
    expect((await kit.call(someone, 'PATCH', '/settings', { gracePeriodDays: 7 }, { 'if-match': '"0"' })).statusCode).toBe(200);
    const late = await kit.call(someone, 'PATCH', '/settings', { gracePeriodDays: 21 }, { 'if-match': '"0"' });
    expect(late.statusCode).toBe(412);
    expect(late.json()).toMatchObject({ currentETag: '"1"' });
    expect(await stored(area)).toMatchObject({ grace_period_days: 7, version: 1 });
  });

  it('refuses out-of-range and wrongly typed values with a 400 naming each field', async () => {
    const { etag } = await read();
    const response = await kit.call(
      admin,
      'PATCH',
      '/settings',
      { missedSessionsThreshold: 0, gracePeriodDays: 'a week', termsVersion: '', inspectionIntervalDays: 40_000 },
      { 'if-match': etag },
    );
    expect(response.statusCode).toBe(400);
    const fields = new Set((response.json().errors as { field: string }[]).map((error) => error.field));
    expect([...fields].sort()).toEqual(['gracePeriodDays', 'inspectionIntervalDays', 'missedSessionsThreshold', 'termsVersion']);
    const unknown = await kit.call(admin, 'PATCH', '/settings', { version: 9 }, { 'if-match': etag });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'version', rule: 'unknown' })]);
  });

  it('there is no whole-replacement PUT: a partial PUT cannot overwrite settings with nothing', async () => {
    const response = await kit.call(admin, 'PUT', '/settings', { missedSessionsThreshold: 3 });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('another area neither sees nor alters this area’s settings; only a programme admin edits', async () => {
    const mine = await read();
    expect((await read(otherAdmin)).settings).toEqual({
      missedSessionsThreshold: 3,
      gracePeriodDays: 14,
      termsVersion: '2025-1',
      inspectionIntervalDays: 120,
      version: 0,
    });
    // Their If-Match names their own (default) settings: the edit lands in their area only.
    const theirs = await kit.call(otherAdmin, 'PATCH', '/settings', { missedSessionsThreshold: 9 }, { 'if-match': '"0"' });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({ missedSessionsThreshold: 9, version: 1 });
    // Naming this area's version does not reach this area's row either.
    expect((await kit.call(otherAdmin, 'PATCH', '/settings', { missedSessionsThreshold: 10 }, { 'if-match': mine.etag })).statusCode).toBe(
      412,
    );
    expect((await read()).settings).toEqual(mine.settings);

    const headteacher = personas.headteacher(tenantId, newTenantId());
    expect((await kit.call(headteacher, 'PATCH', '/settings', { missedSessionsThreshold: 1 }, { 'if-match': mine.etag })).statusCode).toBe(
      403,
    );
    expect((await read()).settings).toEqual(mine.settings);
  });
});

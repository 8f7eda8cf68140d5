import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { newTenantId, personas, testIdentity } from '@tutti/testing';
import { publishPerformance, runBody, useEngagementTestKit } from '../testing/engagement-test-kit';

describe('consents', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const admin = personas.programmeAdmin(tenantId);

  function family(schoolId = schoolA): { guardian: Identity; pupilId: string } {
    const pupilId = newId();
    return { guardian: personas.guardian(tenantId, [{ pupilId, schoolId }]), pupilId };
  }

  const put = (identity: Identity, pupilId: string, kind: string, payload: object) =>
    kit.call(identity, 'PUT', `/pupils/${pupilId}/consents/${kind}`, payload);

  it('keeps every decision as history, the latest being the current state, and publishes each change in its transaction', async () => {
    const { guardian, pupilId } = family();
    const given = await put(guardian, pupilId, 'photo_film', { granted: true, note: 'Yes, except social media' });
    expect(given.statusCode).toBe(200);
    expect(given.json()).toMatchObject({ kind: 'photo_film', state: 'granted', note: 'Yes, except social media', givenByName: 'Parent' });
    const withdrawn = await put(guardian, pupilId, 'photo_film', { granted: false, reason: 'Changed our minds' });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', note: null, reason: 'Changed our minds' });
    expect((await put(guardian, pupilId, 'trips', { granted: false })).json().state).toBe('refused');

    const current = (await kit.call(guardian, 'GET', `/pupils/${pupilId}/consents`)).json();
    expect(Object.fromEntries(current.consents.map((c: { kind: string; state: string }) => [c.kind, c.state]))).toEqual({
      photo_film: 'withdrawn',
      performing_in_public: 'missing',
      transport: 'missing',
      trips: 'refused',
    });
    const history = (await kit.call(guardian, 'GET', `/pupils/${pupilId}/consents/history?kind=photo_film&limit=1`)).json();
    expect(history.items.map((item: { state: string }) => item.state)).toEqual(['withdrawn']);
    const older = (
      await kit.call(guardian, 'GET', `/pupils/${pupilId}/consents/history?kind=photo_film&cursor=${history.nextCursor}`)
    ).json();
    expect(older.items.map((item: { state: string }) => item.state)).toEqual(['granted']);

    const events = await kit.db.query(
      `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'engagement.consent.changed' AND payload->>'pupilId' = $2 ORDER BY occurred_at, id`,
      [tenantId, pupilId],
    );
    expect(events.map((row: { payload: unknown }) => row.payload)).toEqual([
      { version: 1, pupilId, kind: 'photo_film', granted: true, note: 'Yes, except social media' },
      { version: 1, pupilId, kind: 'photo_film', granted: false, note: null },
      { version: 1, pupilId, kind: 'trips', granted: false, note: null },
    ]);
    await expect(
      kit.db.query(`UPDATE consent_records SET decision = 'granted' WHERE tenant_id = $1 AND pupil_id = $2`, [tenantId, pupilId]),
    ).rejects.toThrow(/append-only/);
  });

  it('lets only a guardian who may consent change it (404 not theirs, 403 linked without consent), and staff of the pupil’s school read it', async () => {
    const { guardian, pupilId } = family(schoolA);
    await put(guardian, pupilId, 'transport', { granted: true });
    const mayNotConsent = testIdentity(tenantId, [
      {
        role: 'guardian',
        pupils: [{ pupilId, schoolId: schoolA, relationship: 'grandparent', canBookTransport: true, canConsent: false }],
      },
    ]);
    expect((await put(mayNotConsent, pupilId, 'transport', { granted: false })).statusCode).toBe(403);
    expect((await put(family().guardian, pupilId, 'transport', { granted: false })).statusCode).toBe(404);
    expect((await put(personas.headteacher(tenantId, schoolA), pupilId, 'transport', { granted: false })).statusCode).toBe(403);

    const read = async (identity: Identity) => (await kit.call(identity, 'GET', `/pupils/${pupilId}/consents`)).statusCode;
    expect(await read(guardian)).toBe(200);
    expect(await read(mayNotConsent)).toBe(200);
    expect(await read(personas.headteacher(tenantId, schoolA))).toBe(200);
    expect(await read(personas.tutor(tenantId, [schoolB, schoolA]))).toBe(200);
    expect(await read(admin)).toBe(200);
    expect(await read(personas.headteacher(tenantId, schoolB))).toBe(404);
    expect(await read(family(schoolA).guardian)).toBe(404);
    expect(await read(personas.programmeAdmin(newTenantId()))).toBe(404);
    expect(await read(personas.evaluator(tenantId))).toBe(403);
    expect((await kit.call(family().guardian, 'GET', `/pupils/${pupilId}/consents/history`)).statusCode).toBe(404);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const { guardian, pupilId } = family();
    const fieldsOf = async (kind: string, payload: object) =>
      (await put(guardian, pupilId, kind, payload)).json().errors.map((e: { field: string }) => e.field);
    expect(await fieldsOf('selfies', { granted: true })).toEqual(['kind']);
    expect(await fieldsOf('trips', { granted: 'yes' })).toEqual(['granted']);
    expect(await fieldsOf('trips', { granted: false, note: 'except…' })).toEqual(['note']);
    expect(await fieldsOf('trips', { granted: true, note: 'x'.repeat(1001) })).toEqual(['note']);
  });

  it('refuses a bus booking for a child whose transport consent was withdrawn (409), but not one with no answer yet', async () => {
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId);
    const run = (await kit.call(admin, 'POST', '/transport-runs', runBody(performanceId, startsAt, 10))).json();
    const book = (identity: Identity, pupilId: string) =>
      kit.call(identity, 'POST', '/transport-bookings', { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [pupilId] });
    const withdrawn = family();
    await put(withdrawn.guardian, withdrawn.pupilId, 'transport', { granted: true });
    await put(withdrawn.guardian, withdrawn.pupilId, 'transport', { granted: false, reason: 'We drive ourselves' });
    const refused = await book(withdrawn.guardian, withdrawn.pupilId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().conflicts).toEqual([{ rule: 'transport-consent-refused', pupilIds: [withdrawn.pupilId] }]);
    const unanswered = family();
    expect((await book(unanswered.guardian, unanswered.pupilId)).statusCode).toBe(201);
  });

  it('lists the children of a performance’s families with no photo/film consent, per the caller’s schools', async () => {
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId);
    const run = (await kit.call(admin, 'POST', '/transport-runs', runBody(performanceId, startsAt, 20))).json();
    const [missingA, consentedA, missingB] = [family(schoolA), family(schoolA), family(schoolB)];
    await put(consentedA.guardian, consentedA.pupilId, 'photo_film', { granted: true });
    for (const f of [missingA, consentedA, missingB]) {
      const booked = await kit.call(f.guardian, 'POST', '/transport-bookings', {
        runId: run.id,
        stopId: run.stops[0].id,
        adults: 0,
        pupilIds: [f.pupilId],
      });
      expect(booked.statusCode).toBe(201);
    }
    const url = `/performances/${performanceId}/missing-photo-consents`;
    const pupilsFor = async (identity: Identity) =>
      (await kit.call(identity, 'GET', url))
        .json()
        .pupils.map((p: { pupilId: string }) => p.pupilId)
        .sort();
    expect(await pupilsFor(personas.headteacher(tenantId, schoolA))).toEqual([missingA.pupilId]);
    expect(await pupilsFor(admin)).toEqual([missingA.pupilId, missingB.pupilId].sort());
    expect((await kit.call(missingA.guardian, 'GET', url)).statusCode).toBe(403);
    expect((await kit.call(admin, 'GET', `/performances/${newId()}/missing-photo-consents`)).statusCode).toBe(404);
  });
});

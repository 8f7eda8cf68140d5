import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { publishPerformance, useEngagementTestKit } from '../testing/engagement-test-kit';

describe('RSVPs', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();

  function family(schoolId = schoolA): { guardian: Identity; pupilId: string } {
    const pupilId = newId();
    return { guardian: personas.guardian(tenantId, [{ pupilId, schoolId }]), pupilId };
  }
  const rsvp = (identity: Identity, performanceId: string, payload: object, headers: Record<string, string> = {}) =>
    kit.call(identity, 'PUT', `/performances/${performanceId}/rsvp`, payload, headers);

  it('keeps one answer per family, changed by PUT, refusing a stale If-Match with 412', async () => {
    const { performanceId } = await publishPerformance(kit, tenantId);
    const { guardian, pupilId } = family();
    const first = await rsvp(guardian, performanceId, { attending: true, adults: 2, pupilIds: [pupilId], otherChildren: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    expect(first.json()).toMatchObject({ attending: true, adults: 2, children: 2, pupilIds: [pupilId], version: 1 });
    const again = await rsvp(guardian, performanceId, { attending: true, adults: 1, pupilIds: [pupilId] }, { 'if-match': '"1"' });
    expect(again.json()).toMatchObject({ id: first.json().id, adults: 1, children: 1, version: 2 });
    expect((await rsvp(guardian, performanceId, { attending: false, adults: 0, pupilIds: [] }, { 'if-match': '"1"' })).statusCode).toBe(
      412,
    );
    const mine = await kit.call(guardian, 'GET', `/performances/${performanceId}/rsvp`);
    expect(mine.headers.etag).toBe('"2"');
    expect((await kit.call(guardian, 'GET', '/rsvps')).json().items).toHaveLength(1);
    expect(
      (await kit.db.query('SELECT count(*)::int AS n FROM rsvps WHERE tenant_id = $1 AND guardian_id = $2', [tenantId, guardian.userId]))[0]
        .n,
    ).toBe(1);
  });

  it('refuses bad input (400 naming the field), unknown (404) and cancelled (409) performances', async () => {
    const { performanceId } = await publishPerformance(kit, tenantId);
    const { guardian, pupilId } = family();
    const fields = async (payload: object) =>
      (await rsvp(guardian, performanceId, payload)).json().errors.map((e: { field: string }) => e.field);
    expect(await fields({ attending: true, adults: 21, pupilIds: [pupilId] })).toEqual(['adults']);
    expect(await fields({ attending: true, adults: 1, pupilIds: [newId()] })).toEqual(['pupilIds']);
    expect(await fields({ attending: true, adults: 0, pupilIds: [] })).toEqual(['adults']);
    expect((await rsvp(guardian, newId(), { attending: true, adults: 1, pupilIds: [] })).statusCode).toBe(404);
    await kit.applyEvent(tenantId, 'performance.performance.cancelled', { version: 1, performanceId, reason: 'Venue flooded' });
    const cancelled = await rsvp(guardian, performanceId, { attending: true, adults: 1, pupilIds: [] });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().conflicts[0].rule).toBe('performance-cancelled');
  });

  it('gives staff counts and check-in over their schools’ families only; guardians see only their own', async () => {
    const { performanceId } = await publishPerformance(kit, tenantId);
    const [a1, a2, a3, b1] = [family(schoolA), family(schoolA), family(schoolA), family(schoolB)];
    const r1 = (await rsvp(a1.guardian, performanceId, { attending: true, adults: 2, pupilIds: [a1.pupilId] })).json();
    await rsvp(a2.guardian, performanceId, { attending: true, adults: 1, pupilIds: [a2.pupilId], otherChildren: 2 });
    await rsvp(a3.guardian, performanceId, { attending: false, adults: 0, pupilIds: [] });
    const rb = (await rsvp(b1.guardian, performanceId, { attending: true, adults: 1, pupilIds: [b1.pupilId] })).json();

    const staffA = personas.schoolStaff(tenantId, schoolA);
    const checkIn = (identity: Identity, id: string, payload: object) => kit.call(identity, 'POST', `/rsvps/${id}/check-in`, payload);
    expect((await checkIn(staffA, r1.id, { present: true, arrivedAdults: 1 })).json()).toMatchObject({
      arrivedAdults: 1,
      arrivedChildren: 1,
      checkedInAt: expect.any(String),
    });
    expect((await checkIn(staffA, rb.id, { present: true })).statusCode).toBe(404);
    expect((await checkIn(a1.guardian, r1.id, { present: true })).statusCode).toBe(403);
    expect((await checkIn(staffA, r1.id, { present: 'yes' })).json().errors[0].field).toBe('present');

    const summary = async (identity: Identity) => (await kit.call(identity, 'GET', `/performances/${performanceId}/rsvp-summary`)).json();
    // School A: families 1 and 2 coming (3 adults, 1 + 3 children), family 3 not; family 1 arrived with 1 adult and 1 child.
    expect(await summary(staffA)).toEqual({
      performanceId,
      familiesComing: 2,
      adultsComing: 3,
      childrenComing: 4,
      familiesNotComing: 1,
      familiesArrived: 1,
      adultsArrived: 1,
      childrenArrived: 1,
    });
    expect((await summary(personas.programmeAdmin(tenantId))).familiesComing).toBe(3);
    expect((await summary(personas.programmeAdmin(newTenantId()))).status).toBe(404);
    expect((await kit.call(a1.guardian, 'GET', `/performances/${performanceId}/rsvp-summary`)).statusCode).toBe(403);

    const listed = async (identity: Identity) =>
      (await kit.call(identity, 'GET', `/rsvps?performanceId=${performanceId}`)).json().items.map((i: { id: string }) => i.id);
    expect(await listed(a1.guardian)).toEqual([r1.id]);
    expect(await listed(personas.headteacher(tenantId, schoolB))).toEqual([rb.id]);
    expect(await listed(personas.programmeAdmin(newTenantId()))).toEqual([]);
  });
});

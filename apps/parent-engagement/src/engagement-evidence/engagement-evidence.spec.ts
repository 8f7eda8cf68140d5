import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { HOUR, publishPerformance, useEngagementTestKit } from '../testing/engagement-test-kit';
import { republishEngagementEvidence } from './engagement-evidence';

/** Evidence for funders (issue 18): parent-engagement tells scheduling of RSVPs, check-ins and family-session attendance. */
describe('engagement evidence for the annual data return', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolA = newId();
  const staffA = personas.schoolStaff(tenantId, schoolA);

  function family(): { guardian: Identity; pupilId: string } {
    const pupilId = newId();
    return { guardian: personas.guardian(tenantId, [{ pupilId, schoolId: schoolA }]), pupilId };
  }
  const events = (type: string, key: string, id: string) =>
    kit.db.query(`SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = $2 AND payload->>$3 = $4 ORDER BY id`, [
      tenantId,
      type,
      key,
      id,
    ]) as Promise<{ payload: Record<string, unknown> }[]>;

  it('publishes the whole RSVP after each answer and each check-in, with the performance’s start', async () => {
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId);
    const f = family();
    const answered = await kit.call(f.guardian, 'PUT', `/performances/${performanceId}/rsvp`, {
      attending: true,
      adults: 2,
      pupilIds: [f.pupilId],
      otherChildren: 1,
    });
    expect(answered.statusCode).toBe(200);
    const rsvpId = answered.json().id as string;
    const base = {
      version: 1,
      rsvpId,
      performanceId,
      performanceStartsAt: startsAt.toISOString(),
      guardianId: f.guardian.userId,
      pupilIds: [f.pupilId],
      schoolIds: [schoolA],
      attending: true,
      adults: 2,
      children: 2,
    };
    expect((await events('engagement.rsvp.changed', 'rsvpId', rsvpId)).map((e) => e.payload)).toEqual([
      { ...base, checkedIn: false, arrivedAdults: null, arrivedChildren: null },
    ]);

    expect((await kit.call(staffA, 'POST', `/rsvps/${rsvpId}/check-in`, { present: true, arrivedAdults: 1 })).statusCode).toBe(200);
    // A check-in refused (another school's staff: 404) publishes nothing.
    expect(
      (await kit.call(personas.schoolStaff(tenantId, newId()), 'POST', `/rsvps/${rsvpId}/check-in`, { present: true })).statusCode,
    ).toBe(404);
    const [, checkedIn, ...more] = (await events('engagement.rsvp.changed', 'rsvpId', rsvpId)).map((e) => e.payload);
    expect(more).toEqual([]);
    expect(checkedIn).toEqual({ ...base, checkedIn: true, arrivedAdults: 1, arrivedChildren: 2 });
  });

  it('publishes a sign-up’s attendance when staff mark it, and nothing when the mark is refused', async () => {
    const session = (
      await kit.call(staffA, 'POST', '/family-sessions', {
        kind: 'family_music',
        title: 'Play along',
        schoolId: schoolA,
        startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 49 * HOUR).toISOString(),
        capacity: 5,
      })
    ).json();
    const f = family();
    const signUp = (
      await kit.call(f.guardian, 'POST', `/family-sessions/${session.id}/sign-ups`, { places: 2, pupilIds: [f.pupilId] })
    ).json();
    expect(await events('engagement.family-session.attendance-marked', 'signUpId', signUp.id)).toEqual([]);
    expect((await kit.call(f.guardian, 'POST', `/session-sign-ups/${signUp.id}/attendance`, { attended: true })).statusCode).toBe(403);
    expect((await kit.call(staffA, 'POST', `/session-sign-ups/${signUp.id}/attendance`, { attended: true })).statusCode).toBe(200);
    expect((await events('engagement.family-session.attendance-marked', 'signUpId', signUp.id)).map((e) => e.payload)).toEqual([
      {
        version: 1,
        signUpId: signUp.id,
        sessionId: session.id,
        sessionStartsAt: session.startsAt,
        guardianId: f.guardian.userId,
        schoolIds: [schoolA],
        attended: true,
      },
    ]);
  });

  it('republishes every RSVP and every marked sign-up of the area (the backfill), in batches, again harmlessly', async () => {
    const [rsvps, signUps] = await Promise.all([
      kit.db.query('SELECT id FROM rsvps WHERE tenant_id = $1', [tenantId]) as Promise<{ id: string }[]>,
      kit.db.query('SELECT id FROM session_signups WHERE tenant_id = $1 AND attendance_marked_at IS NOT NULL', [tenantId]) as Promise<
        { id: string }[]
      >,
    ]);
    // Three more RSVPs, so that batches of two end on a full one.
    const { performanceId } = await publishPerformance(kit, tenantId);
    for (let i = 0; i < 3; i++) {
      const f = family();
      await kit.call(f.guardian, 'PUT', `/performances/${performanceId}/rsvp`, { attending: i > 0, adults: 1, pupilIds: [f.pupilId] });
    }
    const done = await republishEngagementEvidence(kit.db, tenantId, 2);
    expect(done).toEqual({ rsvps: rsvps.length + 3, signUps: signUps.length });
    expect(done).toEqual({ rsvps: 4, signUps: 1 });
    for (const { id } of rsvps) expect(await events('engagement.rsvp.changed', 'rsvpId', id)).toHaveLength(3);
    expect(await events('engagement.family-session.attendance-marked', 'signUpId', signUps[0].id)).toHaveLength(2);
    expect(await republishEngagementEvidence(kit.db, newTenantId(), 2)).toEqual({ rsvps: 0, signUps: 0 });
  });

  it('publishes the mark taken back when a family signs up again after cancelling a marked sign-up, once per request', async () => {
    const newSession = async () =>
      (
        await kit.call(staffA, 'POST', '/family-sessions', {
          kind: 'family_music',
          title: 'Sing along',
          schoolId: schoolA,
          startsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
          endsAt: new Date(Date.now() + 73 * HOUR).toISOString(),
          capacity: 5,
        })
      ).json();
    const session = await newSession();
    const f = family();
    const signUpUrl = `/family-sessions/${session.id}/sign-ups`;
    const signUp = (await kit.call(f.guardian, 'POST', signUpUrl, { places: 2, pupilIds: [f.pupilId] })).json();
    expect((await kit.call(staffA, 'POST', `/session-sign-ups/${signUp.id}/attendance`, { attended: true })).statusCode).toBe(200);
    expect((await kit.call(f.guardian, 'POST', `/session-sign-ups/${signUp.id}/cancel`)).statusCode).toBe(200);
    const key = newId();
    const again = await kit.call(f.guardian, 'POST', signUpUrl, { places: 1, pupilIds: [f.pupilId] }, { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: signUp.id, status: 'signed_up', attended: null });
    const marked = {
      version: 1,
      signUpId: signUp.id,
      sessionId: session.id,
      sessionStartsAt: session.startsAt,
      guardianId: f.guardian.userId,
    };
    expect((await events('engagement.family-session.attendance-marked', 'signUpId', signUp.id)).map((e) => e.payload)).toEqual([
      { ...marked, schoolIds: [schoolA], attended: true },
      { ...marked, schoolIds: [schoolA], attended: null },
    ]);
    // The same request replayed (its Idempotency-Key) answers the same and publishes nothing more.
    const replayed = await kit.call(f.guardian, 'POST', signUpUrl, { places: 1, pupilIds: [f.pupilId] }, { 'idempotency-key': key });
    expect(replayed.json()).toEqual(again.json());
    expect(await events('engagement.family-session.attendance-marked', 'signUpId', signUp.id)).toHaveLength(2);

    // A re-signup whose cancelled sign-up was never marked, and a refused re-signup (the session full), publish nothing.
    const other = family();
    const unmarked = (await kit.call(other.guardian, 'POST', signUpUrl, { places: 1, pupilIds: [other.pupilId] })).json();
    await kit.call(other.guardian, 'POST', `/session-sign-ups/${unmarked.id}/cancel`);
    expect((await kit.call(other.guardian, 'POST', signUpUrl, { places: 1, pupilIds: [other.pupilId] })).statusCode).toBe(201);
    expect(await events('engagement.family-session.attendance-marked', 'signUpId', unmarked.id)).toEqual([]);

    const small = await newSession();
    const third = family();
    const first = (
      await kit.call(third.guardian, 'POST', `/family-sessions/${small.id}/sign-ups`, { places: 2, pupilIds: [third.pupilId] })
    ).json();
    expect((await kit.call(staffA, 'POST', `/session-sign-ups/${first.id}/attendance`, { attended: false })).statusCode).toBe(200);
    await kit.call(third.guardian, 'POST', `/session-sign-ups/${first.id}/cancel`);
    const filler = family();
    await kit.call(filler.guardian, 'POST', `/family-sessions/${small.id}/sign-ups`, { places: 4, pupilIds: [filler.pupilId] });
    const refused = await kit.call(third.guardian, 'POST', `/family-sessions/${small.id}/sign-ups`, {
      places: 2,
      pupilIds: [third.pupilId],
    });
    expect(refused.statusCode).toBe(409);
    expect((await events('engagement.family-session.attendance-marked', 'signUpId', first.id)).map((e) => e.payload.attended)).toEqual([
      false,
    ]);
  });
});

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
});

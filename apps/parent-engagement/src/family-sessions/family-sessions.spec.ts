import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { announceSchool, HOUR, useEngagementTestKit } from '../testing/engagement-test-kit';

describe('family sessions and workshops', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const staffA = personas.schoolStaff(tenantId, schoolA);

  function family(schoolId = schoolA): { guardian: Identity; pupilId: string } {
    const pupilId = newId();
    return { guardian: personas.guardian(tenantId, [{ pupilId, schoolId }]), pupilId };
  }
  const sessionBody = (extra: object = {}) => ({
    kind: 'family_music',
    title: 'Play along: strings',
    schoolId: schoolA,
    startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
    endsAt: new Date(Date.now() + 49 * HOUR).toISOString(),
    capacity: 3,
    ...extra,
  });
  const newSession = async (extra: object = {}) => (await kit.call(staffA, 'POST', '/family-sessions', sessionBody(extra))).json();
  const signUp = (f: { guardian: Identity; pupilId: string }, sessionId: string, places = 1) =>
    kit.call(f.guardian, 'POST', `/family-sessions/${sessionId}/sign-ups`, { places, pupilIds: [f.pupilId] });

  it('is created by staff of the school, with a 400 naming the field for bad input and 404 for a school not theirs', async () => {
    const body = sessionBody();
    const created = await kit.call(staffA, 'POST', '/family-sessions', body, { 'idempotency-key': 'session-1' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'family_music', capacity: 3, placesLeft: 3 });
    const retried = await kit.call(staffA, 'POST', '/family-sessions', body, { 'idempotency-key': 'session-1' });
    expect(retried.json().id).toBe(created.json().id);
    expect((await kit.call(staffA, 'POST', '/family-sessions', sessionBody({ schoolId: schoolB }))).statusCode).toBe(404);
    expect((await kit.call(family().guardian, 'POST', '/family-sessions', sessionBody())).statusCode).toBe(403);
    const fields = async (extra: object) =>
      (await kit.call(staffA, 'POST', '/family-sessions', sessionBody(extra))).json().errors.map((e: { field: string }) => e.field);
    expect(await fields({ kind: 'disco' })).toEqual(['kind']);
    expect(await fields({ capacity: 0 })).toEqual(['capacity']);
    expect(await fields({ endsAt: new Date(Date.now() + HOUR).toISOString() })).toEqual(['endsAt']);
  });

  it('refuses another area’s school id from a programme admin with a 404 naming schoolId, and stores nothing', async () => {
    const admin = personas.programmeAdmin(tenantId);
    const otherArea = newTenantId();
    const theirSchool = newId();
    await announceSchool(kit, otherArea, theirSchool);
    expect(
      (await kit.call(personas.guardian(otherArea, [{ pupilId: newId(), schoolId: theirSchool }]), 'GET', '/families/me')).statusCode,
    ).toBe(200);
    const title = `Cross-area ${newId()}`;
    for (const schoolId of [theirSchool, newId()]) {
      const response = await kit.call(admin, 'POST', '/family-sessions', sessionBody({ schoolId, title }));
      expect(response.statusCode).toBe(404);
      expect(response.json().errors).toEqual([expect.objectContaining({ field: 'schoolId', rule: 'exists' })]);
    }
    expect((await kit.db.query('SELECT count(*)::int AS n FROM family_sessions WHERE title = $1', [title]))[0].n).toBe(0);
    // A school of the admin's own area (one scheduling told this service of) is fine.
    await announceSchool(kit, tenantId, schoolA);
    expect((await kit.call(admin, 'POST', '/family-sessions', sessionBody({ title }))).statusCode).toBe(201);
  });

  it('decides places in the database: 10 families at once for 3 places get 3 places and 7 × 409 session-full', async () => {
    const session = await newSession({ capacity: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, () => signUp(family(), session.id)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(7);
    expect(refused.every((r) => r.json().conflicts[0].rule === 'session-full')).toBe(true);
    expect((await kit.call(staffA, 'GET', `/family-sessions/${session.id}`)).json().placesLeft).toBe(0);
    expect((await kit.call(staffA, 'GET', `/family-sessions/${session.id}/sign-ups`)).json().items).toHaveLength(3);
  });

  it('lets a family sign up once, cancel (places back) and sign up again; staff mark who came', async () => {
    const session = await newSession({ capacity: 4 });
    const f = family();
    const first = await signUp(f, session.id, 2);
    expect(first.statusCode).toBe(201);
    const twice = await signUp(f, session.id, 1);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().conflicts[0].rule).toBe('already-signed-up');
    expect((await kit.call(f.guardian, 'POST', `/session-sign-ups/${first.json().id}/cancel`)).json().status).toBe('cancelled');
    expect((await kit.call(staffA, 'GET', `/family-sessions/${session.id}`)).json().placesLeft).toBe(4);
    const again = await signUp(f, session.id, 3);
    expect(again.json()).toMatchObject({ id: first.json().id, status: 'signed_up', places: 3 });

    const other = family();
    await signUp(other, session.id, 1);
    expect(
      (await kit.call(f.guardian, 'GET', `/family-sessions/${session.id}/sign-ups`)).json().items.map((i: { id: string }) => i.id),
    ).toEqual([first.json().id]);
    const mark = (identity: Identity) => kit.call(identity, 'POST', `/session-sign-ups/${first.json().id}/attendance`, { attended: true });
    expect((await mark(staffA)).json().attended).toBe(true);
    expect((await mark(personas.headteacher(tenantId, schoolB))).statusCode).toBe(404);
    expect((await mark(f.guardian)).statusCode).toBe(403);
    expect((await kit.call(other.guardian, 'POST', `/session-sign-ups/${first.json().id}/cancel`)).statusCode).toBe(404);
  });

  it('lists the sessions already over with when=past, most recent first and page by page, with the family’s attendance; coming ones stay apart', async () => {
    const school = newId();
    const staff = personas.schoolStaff(tenantId, school);
    const f = family(school);
    const made: string[] = [];
    for (const title of ['Older', 'Recent', 'Coming'])
      made.push((await kit.call(staff, 'POST', '/family-sessions', sessionBody({ schoolId: school, title, capacity: 5 }))).json().id);
    await kit.call(f.guardian, 'POST', `/family-sessions/${made[1]}/sign-ups`, { places: 2, pupilIds: [f.pupilId] });
    // Two of them took place (the API only creates sessions to come): 10 and 3 days ago.
    for (const [id, daysAgo] of [
      [made[0], 10],
      [made[1], 3],
    ] as const) {
      await kit.db.query(
        `UPDATE family_sessions SET starts_at = now() - make_interval(days => $3), ends_at = now() - make_interval(days => $3) + interval '1 hour'
          WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id, daysAgo],
      );
    }
    const signUps = (await kit.call(staff, 'GET', `/family-sessions/${made[1]}/sign-ups`)).json().items;
    await kit.call(staff, 'POST', `/session-sign-ups/${signUps[0].id}/attendance`, { attended: true });

    const titles = async (url: string) => (await kit.call(f.guardian, 'GET', url)).json().items.map((i: { title: string }) => i.title);
    expect(await titles('/family-sessions?when=past')).toEqual(['Recent', 'Older']);
    expect(await titles('/family-sessions')).toEqual(['Coming']);
    expect(await titles('/family-sessions?when=coming')).toEqual(['Coming']);
    const first = (await kit.call(f.guardian, 'GET', '/family-sessions?when=past&limit=1')).json();
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['Recent']);
    const second = (await kit.call(f.guardian, 'GET', `/family-sessions?when=past&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['Older']);
    expect(second.nextCursor).toBeNull();
    const mine = (await kit.call(f.guardian, 'GET', `/family-sessions/${made[1]}/sign-ups`)).json().items;
    expect(mine).toEqual([expect.objectContaining({ places: 2, attended: true })]);
    expect(await titles(`/family-sessions?when=past`)).not.toContain('Coming');
    // Another school's family sees none of them; a bad value is a 400 naming the field.
    expect((await kit.call(family(schoolB).guardian, 'GET', '/family-sessions?when=past')).json().items).toEqual([]);
    const bad = await kit.call(f.guardian, 'GET', '/family-sessions?when=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['when']);
  });

  it('shows a session only to its school’s staff and families (404 to others and another tenant)', async () => {
    const session = await newSession();
    const status = async (identity: Identity) => (await kit.call(identity, 'GET', `/family-sessions/${session.id}`)).statusCode;
    expect(await status(family(schoolA).guardian)).toBe(200);
    expect(await status(family(schoolB).guardian)).toBe(404);
    expect(await status(personas.tutor(tenantId, [schoolB]))).toBe(404);
    expect(await status(personas.programmeAdmin(newTenantId()))).toBe(404);
    expect((await signUp(family(schoolB), session.id)).statusCode).toBe(404);
    const listed = (await kit.call(family(schoolB).guardian, 'GET', '/family-sessions')).json().items;
    expect(listed).toEqual([]);
  });
});

describe('engagement figures', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const [s1, s2] = [newId(), newId()];
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    const q = (sql: string, params: unknown[]) => kit.db.query(sql, params);
    const performance = newId();
    await q(
      `INSERT INTO performances (tenant_id, id, title, starts_at, ends_at, venue_name, status, last_event_at) VALUES ($1, $2, 'Spring Concert', $3, $4, 'Hall', 'published', now())`,
      [tenantId, performance, at('2026-02-10T18:00:00Z'), at('2026-02-10T20:00:00Z')],
    );
    const run = newId();
    const stop = newId();
    await q(
      `INSERT INTO transport_runs (tenant_id, id, performance_id, vehicle, seats, outbound_departs_at, bookings_close_at) VALUES ($1, $2, $3, 'Coach', 50, $4, $4)`,
      [tenantId, run, performance, at('2026-02-10T17:00:00Z')],
    );
    await q(
      `INSERT INTO pickup_stops (tenant_id, id, run_id, position, name, place, pickup_at) VALUES ($1, $2, $3, 1, 'Gate', 'Street', $4)`,
      [tenantId, stop, run, at('2026-02-10T17:00:00Z')],
    );
    const session = async (schoolId: string, startsAt: string) => {
      const id = newId();
      await q(
        `INSERT INTO family_sessions (tenant_id, id, kind, title, school_id, starts_at, ends_at, capacity, created_by) VALUES ($1, $2, 'workshop', 'W', $3, $4, $5, 50, $6)`,
        [tenantId, id, schoolId, at(startsAt), new Date(at(startsAt).getTime() + HOUR), newId()],
      );
      return id;
    };
    const signUp = (sessionId: string, guardian: string, status = 'signed_up') =>
      q(
        `INSERT INTO session_signups (tenant_id, id, session_id, guardian_id, guardian_name, pupil_ids, school_ids, places, status) VALUES ($1, $2, $3, $4, 'F', '{}', '{}', 1, $5)`,
        [tenantId, newId(), sessionId, guardian, status],
      );
    const rsvp = (guardian: string, schoolId: string, attending: boolean, checkedIn: boolean) =>
      q(
        `INSERT INTO rsvps (tenant_id, id, performance_id, guardian_id, guardian_name, pupil_ids, school_ids, attending, adults, children, checked_in_at) VALUES ($1, $2, $3, $4, 'F', '{}', $5, $6, 1, 1, $7)`,
        [tenantId, newId(), performance, guardian, [schoolId], attending, checkedIn ? at('2026-02-10T17:55:00Z') : null],
      );
    const [g1, g2, g3, g4, g5, g6, g7, g8] = Array.from({ length: 8 }, () => newId());
    await signUp(await session(s1, '2025-11-10T16:00:00Z'), g1); // before the term
    await rsvp(g1, s1, true, true); // returning, at the performance
    await signUp(await session(s1, '2026-01-20T16:00:00Z'), g2); // first time
    await q(
      `INSERT INTO transport_bookings (tenant_id, id, run_id, performance_id, stop_id, guardian_id, guardian_name, pupil_ids, school_ids, adults, children, status, checked_in_at)
             VALUES ($1, $2, $3, (SELECT performance_id FROM transport_runs WHERE tenant_id = $1 AND id = $3), $4, $5, 'F', '{}', $6, 1, 1, 'confirmed', $7)`,
      [tenantId, newId(), run, stop, g3, [s1], at('2026-02-10T17:00:00Z')],
    ); // first time, on the bus, so at the performance
    await rsvp(g4, s1, false, false); // said no: not engaged
    await signUp(await session(s1, '2026-02-01T16:00:00Z'), g5, 'cancelled'); // cancelled: not engaged
    await rsvp(g6, s2, true, false); // school 2, first time, did not come
    await signUp(await session(s1, '2026-04-20T16:00:00Z'), g7); // after the term
    await signUp(await session(s1, '2026-03-27T23:30:00Z'), g8); // 23:30 GMT on the term's last day: inside
  });

  const figures = (identity: Identity, query: string) => kit.call(identity, 'GET', `/engagement-figures?${query}`);

  it('matches hand-computed figures per school for a term', async () => {
    const response = await figures(personas.programmeAdmin(tenantId), 'from=2026-01-05&to=2026-03-27');
    expect(response.statusCode).toBe(200);
    const bySchool = Object.fromEntries(response.json().schools.map((row: { schoolId: string }) => [row.schoolId, row]));
    expect(bySchool[s1]).toEqual({
      schoolId: s1,
      familiesEngaged: 4,
      firstTime: 3,
      returning: 1,
      attendedPerformance: 2,
      usedTransport: 1,
    });
    expect(bySchool[s2]).toEqual({
      schoolId: s2,
      familiesEngaged: 1,
      firstTime: 1,
      returning: 0,
      attendedPerformance: 0,
      usedTransport: 0,
    });
    expect(Object.keys(bySchool)).toHaveLength(2);
  });

  it('limits staff to their schools and names bad fields', async () => {
    const staff = personas.headteacher(tenantId, s2);
    expect((await figures(staff, 'from=2026-01-05&to=2026-03-27')).json().schools.map((row: { schoolId: string }) => row.schoolId)).toEqual(
      [s2],
    );
    expect((await figures(staff, `from=2026-01-05&to=2026-03-27&schoolId=${s1}`)).statusCode).toBe(404);
    expect(
      (await figures(personas.guardian(tenantId, [{ pupilId: newId(), schoolId: s1 }]), 'from=2026-01-05&to=2026-03-27')).statusCode,
    ).toBe(403);
    expect((await figures(staff, 'from=2026-02-30&to=2026-03-27')).json().errors[0].field).toBe('from');
    expect((await figures(staff, 'from=2026-03-27&to=2026-01-05')).json().errors[0].field).toBe('to');
    expect((await figures(personas.programmeAdmin(newTenantId()), 'from=2026-01-05&to=2026-03-27')).json().schools).toEqual([]);
  });
});

import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { feedEnsemble, feedSchool, fieldsOf, member, usePerformanceTestKit } from '../testing/performance-test-kit';

const DAY = 86_400_000;

describe('venues and performances', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const otherTenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const ensembleA = newId();
  const childA = member(schoolA, 'Amara Okafor');
  const admin = personas.programmeAdmin(tenantId);
  const headA = personas.headteacher(tenantId, schoolA);
  const headB = personas.headteacher(tenantId, schoolB);
  let venueId: string;

  const start = new Date(Date.now() + 30 * DAY);
  const at = (offsetMinutes: number) => new Date(start.getTime() + offsetMinutes * 60_000).toISOString();
  const newPerformance = (overrides: object = {}) => ({
    title: 'Spring Sharing',
    venueId,
    schoolId: schoolA,
    startsAt: at(0),
    endsAt: at(60),
    callTime: at(-45),
    dress: 'School uniform',
    audience: 'public',
    ensembleIds: [ensembleA],
    professionalMusicians: [{ name: 'Jo Bloggs', instrument: 'cello', organisation: 'Royal Liverpool Philharmonic' }],
    ...overrides,
  });

  beforeAll(async () => {
    await feedSchool(kit, tenantId, schoolA, 'School A');
    await feedSchool(kit, tenantId, schoolB, 'School B');
    await feedEnsemble(kit, tenantId, ensembleA, schoolA, [childA], 'Year 4 Strings');
    const created = await kit.call(admin, 'POST', '/venues', {
      name: 'Town Hall',
      kind: 'concert_hall',
      address: '1 High St',
      capacity: 400,
      accessNotes: 'Step-free via side door',
    });
    expect(created.statusCode).toBe(201);
    venueId = created.json().id;
  });

  const outboxRows = (performanceId: string) =>
    kit.db.query(`SELECT type, payload FROM outbox_events WHERE tenant_id = $1 AND payload->>'performanceId' = $2 ORDER BY id`, [
      tenantId,
      performanceId,
    ]) as Promise<{ type: string; payload: Record<string, unknown> }[]>;

  describe('venues', () => {
    it('lets a headteacher add and edit their own school’s hall, not another school’s', async () => {
      const hall = await kit.call(headA, 'POST', '/venues', {
        name: 'School A Hall',
        kind: 'school_hall',
        address: 'A Road',
        schoolId: schoolA,
      });
      expect(hall.statusCode).toBe(201);
      expect(hall.headers.etag).toBe('"1"');
      // Another school's hall is not found, as in the list (object before role).
      expect((await kit.call(headB, 'PATCH', `/venues/${hall.json().id}`, { capacity: 90 }, { 'if-match': '"1"' })).statusCode).toBe(404);
      expect((await kit.call(headA, 'POST', '/venues', { name: 'Town', kind: 'concert_hall', address: 'B' })).statusCode).toBe(403);
      const edited = await kit.call(headA, 'PATCH', `/venues/${hall.json().id}`, { capacity: 90 }, { 'if-match': '"1"' });
      expect(edited.json()).toMatchObject({ capacity: 90, version: 2 });
      expect((await kit.call(headA, 'PATCH', `/venues/${hall.json().id}`, { capacity: 95 }, { 'if-match': '"1"' })).statusCode).toBe(412);
      expect((await kit.call(headA, 'DELETE', `/venues/${hall.json().id}`, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
    });

    it('refuses a bad venue with a 400 naming the fields', async () => {
      const response = await kit.call(admin, 'POST', '/venues', { name: '', kind: 'castle', address: 'x', capacity: 0 });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(expect.arrayContaining(['name', 'kind', 'capacity']));
    });

    it('creates a venue once per Idempotency-Key', async () => {
      const post = () =>
        kit.call(
          admin,
          'POST',
          '/venues',
          { name: 'Community Centre', kind: 'community_venue', address: 'C St' },
          { 'idempotency-key': 'venue-once-1' },
        );
      const [first, second] = [await post(), await post()];
      expect(second.json().id).toBe(first.json().id);
    });

    it('does not show venues of another area', async () => {
      const response = await kit.call(personas.programmeAdmin(otherTenantId), 'GET', `/venues/${venueId}`);
      expect(response.statusCode).toBe(404);
    });

    it('shows a school’s hall to the admin and that school’s staff only, in the list and by id; the area’s venues to all staff', async () => {
      const hall = (
        await kit.call(headA, 'POST', '/venues', { name: 'School A Small Hall', kind: 'school_hall', address: 'A Road', schoolId: schoolA })
      ).json().id as string;
      const seers = [
        admin,
        headA,
        personas.tutor(tenantId, [schoolA]),
        personas.schoolStaff(tenantId, schoolA),
        personas.tutor(tenantId, [schoolB, schoolA]),
      ];
      const others = [
        headB,
        personas.tutor(tenantId, [schoolB]),
        personas.schoolStaff(tenantId, schoolB),
        personas.programmeAdmin(otherTenantId),
      ];
      const listed = async (identity: typeof admin) =>
        ((await kit.call(identity, 'GET', '/venues?limit=100')).json().items as { id: string }[]).map((v) => v.id);
      for (const identity of seers) {
        expect((await kit.call(identity, 'GET', `/venues/${hall}`)).statusCode).toBe(200);
        expect(await listed(identity)).toEqual(expect.arrayContaining([hall, venueId]));
      }
      for (const identity of others) {
        const response = await kit.call(identity, 'GET', `/venues/${hall}`);
        expect(response.statusCode).toBe(404);
        expect(response.body).not.toContain('School A Small Hall');
        expect(await listed(identity)).not.toContain(hall);
      }
      expect(await listed(headB)).toContain(venueId);
      expect((await kit.call(headB, 'DELETE', `/venues/${hall}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(404);
    });

    it('refuses a school id that is not of the caller’s area, naming the field (create and edit)', async () => {
      const otherAreaSchool = newId();
      const created = await kit.call(admin, 'POST', '/venues', {
        name: 'Their Hall',
        kind: 'school_hall',
        address: 'Elsewhere',
        schoolId: otherAreaSchool,
      });
      expect(created.statusCode).toBe(404);
      expect(fieldsOf(created)).toEqual(['schoolId']);
      const edited = await kit.call(admin, 'PATCH', `/venues/${venueId}`, { schoolId: otherAreaSchool }, { 'if-match': '"1"' });
      expect(edited.statusCode).toBe(404);
      expect(fieldsOf(edited)).toEqual(['schoolId']);
      expect((await kit.call(admin, 'GET', `/venues/${venueId}`)).json()).toMatchObject({ schoolId: null, version: 1 });
    });
  });

  describe('planning, publishing, moving and cancelling', () => {
    it('plans a draft, publishes it with an event, moves it with If-Match and tells families', async () => {
      const created = await kit.call(admin, 'POST', '/performances', newPerformance());
      expect(created.statusCode).toBe(201);
      const performance = created.json();
      expect(performance).toMatchObject({
        status: 'draft',
        callTime: at(-45),
        ensembles: [{ ensembleId: ensembleA, name: 'Year 4 Strings', schoolId: schoolA }],
        professionalMusicians: [{ name: 'Jo Bloggs', instrument: 'cello' }],
        venue: { id: venueId, name: 'Town Hall' },
      });
      expect(await outboxRows(performance.id)).toEqual([]);

      const published = await kit.call(admin, 'POST', `/performances/${performance.id}/publish`);
      expect(published.statusCode).toBe(200);
      expect(published.json().status).toBe('published');
      expect((await kit.call(admin, 'POST', `/performances/${performance.id}/publish`)).statusCode).toBe(409);

      const etag = published.headers.etag as string;
      const moved = await kit.call(
        admin,
        'POST',
        `/performances/${performance.id}/move`,
        { startsAt: at(DAY / 60_000), endsAt: at(DAY / 60_000 + 90), reason: 'Hall double-booked' },
        { 'if-match': etag },
      );
      expect(moved.statusCode).toBe(200);
      // The call time keeps its distance from the start.
      expect(moved.json()).toMatchObject({ startsAt: at(DAY / 60_000), callTime: at(DAY / 60_000 - 45) });

      const stale = await kit.call(
        admin,
        'POST',
        `/performances/${performance.id}/move`,
        { startsAt: at(0), endsAt: at(60) },
        { 'if-match': etag },
      );
      expect(stale.statusCode).toBe(412);
      expect((await kit.call(admin, 'POST', `/performances/${performance.id}/move`, { startsAt: at(0), endsAt: at(60) })).statusCode).toBe(
        428,
      );

      const events = await outboxRows(performance.id);
      expect(events.map((e) => e.type)).toEqual(['performance.performance.published', 'performance.performance.rescheduled']);
      expect(events[1].payload).toEqual({
        version: 1,
        performanceId: performance.id,
        title: 'Spring Sharing',
        startsAt: at(DAY / 60_000),
        endsAt: at(DAY / 60_000 + 90),
        venueName: 'Town Hall',
        previousStartsAt: at(0),
        callTime: at(DAY / 60_000 - 45),
        audience: 'public',
        venueAddress: '1 High St',
        pupilIds: [],
      });

      const cancelled = await kit.call(admin, 'POST', `/performances/${performance.id}/cancel`, { reason: 'Snow' });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Snow' });
      const last = (await outboxRows(performance.id)).at(-1);
      expect(last).toMatchObject({
        type: 'performance.performance.cancelled',
        payload: { performanceId: performance.id, reason: 'Snow', title: 'Spring Sharing' },
      });
      expect(
        (
          await kit.call(
            admin,
            'POST',
            `/performances/${performance.id}/move`,
            { startsAt: at(0), endsAt: at(60) },
            { 'if-match': cancelled.headers.etag as string },
          )
        ).statusCode,
      ).toBe(409);
    });

    it('cancels a draft without telling anyone', async () => {
      const draft = (await kit.call(admin, 'POST', '/performances', newPerformance({ title: 'Never Was' }))).json();
      expect((await kit.call(admin, 'POST', `/performances/${draft.id}/cancel`)).statusCode).toBe(200);
      expect(await outboxRows(draft.id)).toEqual([]);
    });

    it('edits the details with If-Match', async () => {
      const created = await kit.call(admin, 'POST', '/performances', newPerformance({ title: 'Edit Me' }));
      const edited = await kit.call(
        admin,
        'PATCH',
        `/performances/${created.json().id}`,
        { dress: 'Black and white', ensembleIds: [] },
        { 'if-match': created.headers.etag as string },
      );
      expect(edited.json()).toMatchObject({ dress: 'Black and white', ensembles: [], version: 2 });
      expect(
        (
          await kit.call(
            admin,
            'PATCH',
            `/performances/${created.json().id}`,
            { title: 'Again' },
            { 'if-match': created.headers.etag as string },
          )
        ).statusCode,
      ).toBe(412);
    });
  });

  describe('bad input', () => {
    it.each([
      ['an end before the start', { endsAt: new Date(Date.now() + 29 * DAY).toISOString() }, 400, 'endsAt'],
      ['a call time after the start', { callTime: new Date(Date.now() + 31 * DAY).toISOString() }, 400, 'callTime'],
      ['a time without an offset', { startsAt: '2026-05-01T18:00:00' }, 400, 'startsAt'],
      ['an unknown audience', { audience: 'everyone' }, 400, 'audience'],
      ['an unknown venue', { venueId: '01960000-0000-7000-8000-000000000000' }, 404, 'venueId'],
      [
        'a school of another area (the admin may name any school of their own only)',
        { schoolId: '01960000-0000-7000-8000-000000000001' },
        404,
        'schoolId',
      ],
      ['an unknown ensemble', { ensembleIds: ['01960000-0000-7000-8000-000000000000'] }, 404, 'ensembleIds[0]'],
      ['an unknown field', { colour: 'blue' }, 400, 'colour'],
    ])('refuses %s, naming the field', async (_what, overrides, status, field) => {
      const response = await kit.call(admin, 'POST', '/performances', newPerformance(overrides));
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(response)).toContain(field);
    });

    it('refuses another area’s venue, school and ensemble ids that exist there, naming each field, and stores nothing', async () => {
      const theirSchool = newId();
      const theirEnsemble = newId();
      await feedSchool(kit, otherTenantId, theirSchool, 'Their School');
      await feedEnsemble(kit, otherTenantId, theirEnsemble, theirSchool, [member(theirSchool, 'Their Child')], 'Their Strings');
      const theirVenue = (
        await kit.call(personas.programmeAdmin(otherTenantId), 'POST', '/venues', {
          name: 'Their Hall',
          kind: 'concert_hall',
          address: 'There',
        })
      ).json().id as string;
      const title = `Cross-area ${newId()}`;
      for (const [overrides, field] of [
        [{ venueId: theirVenue }, 'venueId'],
        [{ schoolId: theirSchool }, 'schoolId'],
        [{ ensembleIds: [ensembleA, theirEnsemble] }, 'ensembleIds[1]'],
      ] as const) {
        const response = await kit.call(admin, 'POST', '/performances', newPerformance({ ...overrides, title }));
        expect({ field, status: response.statusCode, fields: fieldsOf(response) }).toEqual({ field, status: 404, fields: [field] });
      }
      const created = await kit.call(admin, 'POST', '/performances', newPerformance({ title }));
      const edited = await kit.call(
        admin,
        'PATCH',
        `/performances/${created.json().id}`,
        { ensembleIds: [theirEnsemble] },
        { 'if-match': created.headers.etag as string },
      );
      expect(edited.statusCode).toBe(404);
      expect(fieldsOf(edited)).toEqual(['ensembleIds[0]']);
      expect(
        (await kit.db.query('SELECT count(*)::int AS n FROM performances WHERE tenant_id = $1 AND title = $2', [tenantId, title]))[0].n,
      ).toBe(1);
    });

    it('refuses a path id that is not a UUID', async () => {
      const response = await kit.call(admin, 'GET', '/performances/concert');
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['performanceId']);
    });
  });

  describe('access', () => {
    let schoolAPerformance: string;
    let areaPerformance: string;

    beforeAll(async () => {
      schoolAPerformance = (
        await kit.call(headA, 'POST', '/performances', newPerformance({ title: 'School A Assembly', audience: 'school_community' }))
      ).json().id;
      areaPerformance = (
        await kit.call(admin, 'POST', '/performances', newPerformance({ title: 'Area Gala', schoolId: null, ensembleIds: [] }))
      ).json().id;
    });

    it('lets a headteacher plan for their own school only', async () => {
      expect((await kit.call(headA, 'POST', '/performances', newPerformance({ schoolId: schoolB }))).statusCode).toBe(403);
      expect((await kit.call(headA, 'POST', '/performances', newPerformance({ schoolId: null }))).statusCode).toBe(403);
      expect((await kit.call(headA, 'POST', `/performances/${areaPerformance}/publish`)).statusCode).toBe(404);
    });

    it('lets a headteacher plan at the area’s venues and their own school’s halls, not another school’s (404 naming venueId)', async () => {
      const hallB = (
        await kit.call(admin, 'POST', '/venues', { name: 'School B Hall', kind: 'school_hall', address: 'B Road', schoolId: schoolB })
      ).json().id as string;
      const planned = await kit.call(headA, 'POST', '/performances', newPerformance({ venueId: hallB }));
      expect(planned.statusCode).toBe(404);
      expect(fieldsOf(planned)).toEqual(['venueId']);
      const current = await kit.call(headA, 'GET', `/performances/${schoolAPerformance}`);
      const moved = await kit.call(
        headA,
        'POST',
        `/performances/${schoolAPerformance}/move`,
        { startsAt: at(60 * 24), endsAt: at(60 * 25), venueId: hallB },
        { 'if-match': current.headers.etag as string },
      );
      expect(moved.statusCode).toBe(404);
      expect(fieldsOf(moved)).toEqual(['venueId']);
      expect(
        (await kit.call(admin, 'POST', '/performances', newPerformance({ venueId: hallB, schoolId: schoolB, ensembleIds: [] }))).statusCode,
      ).toBe(201);
    });

    it('shows each school’s staff their schools’ performances and hides the rest as 404', async () => {
      const tutorAIdentity = personas.tutor(tenantId, [schoolA]);
      expect((await kit.call(tutorAIdentity, 'GET', `/performances/${schoolAPerformance}`)).statusCode).toBe(200);
      expect((await kit.call(tutorAIdentity, 'POST', `/performances/${schoolAPerformance}/publish`)).statusCode).toBe(403);
      expect((await kit.call(headB, 'GET', `/performances/${schoolAPerformance}`)).statusCode).toBe(404);
      const listed = (await kit.call(headB, 'GET', '/performances')).json().items.map((p: { id: string }) => p.id);
      expect(listed).not.toContain(schoolAPerformance);
    });

    it('answers 404 to another area, 403 to an evaluator, 401 to nobody', async () => {
      expect((await kit.call(personas.programmeAdmin(otherTenantId), 'GET', `/performances/${schoolAPerformance}`)).statusCode).toBe(404);
      expect(
        (await kit.call(personas.programmeAdmin(otherTenantId), 'POST', `/performances/${schoolAPerformance}/cancel`)).statusCode,
      ).toBe(404);
      expect((await kit.call(personas.evaluator(tenantId), 'GET', '/performances')).statusCode).toBe(403);
      expect((await kit.app.inject({ method: 'GET', url: `/performances/${schoolAPerformance}` })).statusCode).toBe(401);
    });

    it('shows a guardian nothing their child is not in', async () => {
      const guardianIdentity = personas.guardian(tenantId, [{ pupilId: childA.pupilId, schoolId: schoolA }]);
      expect((await kit.call(guardianIdentity, 'GET', `/performances/${schoolAPerformance}`)).statusCode).toBe(404);
      expect((await kit.call(guardianIdentity, 'GET', '/performances')).json().items).toEqual([]);
      expect((await kit.call(guardianIdentity, 'POST', '/performances', newPerformance())).statusCode).toBe(403);
    });
  });
});

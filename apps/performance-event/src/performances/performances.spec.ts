import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { DataSource } from 'typeorm';
import { caller, feedEnsemble, feedSchool, fieldsOf, member, startPerformanceEvent } from '../testing/performance-test-kit';

const DAY = 86_400_000;

describe('venues and performances', () => {
  let app: NestFastifyApplication;
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
    app = await startPerformanceEvent();
    await feedSchool(app, tenantId, schoolA, 'School A');
    await feedSchool(app, tenantId, schoolB, 'School B');
    await feedEnsemble(app, tenantId, ensembleA, schoolA, [childA], 'Year 4 Strings');
    const created = await caller(app, admin)('POST', '/venues', { body: { name: 'Town Hall', kind: 'concert_hall', address: '1 High St', capacity: 400, accessNotes: 'Step-free via side door' } });
    expect(created.statusCode).toBe(201);
    venueId = created.json().id;
  });

  afterAll(() => app?.close());

  const outboxRows = (performanceId: string) =>
    app.get(DataSource).query(`SELECT type, payload FROM outbox_events WHERE tenant_id = $1 AND payload->>'performanceId' = $2 ORDER BY id`, [tenantId, performanceId]) as Promise<{ type: string; payload: Record<string, unknown> }[]>;

  describe('venues', () => {
    it('lets a headteacher add and edit their own school’s hall, not another school’s', async () => {
      const asHeadA = caller(app, headA);
      const hall = await asHeadA('POST', '/venues', { body: { name: 'School A Hall', kind: 'school_hall', address: 'A Road', schoolId: schoolA } });
      expect(hall.statusCode).toBe(201);
      expect(hall.headers.etag).toBe('"1"');
      // Another school's hall is not found, as in the list (object before role).
      expect((await caller(app, headB)('PATCH', `/venues/${hall.json().id}`, { body: { capacity: 90 }, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
      expect((await asHeadA('POST', '/venues', { body: { name: 'Town', kind: 'concert_hall', address: 'B' } })).statusCode).toBe(403);
      const edited = await asHeadA('PATCH', `/venues/${hall.json().id}`, { body: { capacity: 90 }, headers: { 'if-match': '"1"' } });
      expect(edited.json()).toMatchObject({ capacity: 90, version: 2 });
      expect((await asHeadA('PATCH', `/venues/${hall.json().id}`, { body: { capacity: 95 }, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
      expect((await asHeadA('DELETE', `/venues/${hall.json().id}`, { headers: { 'if-match': '"2"' } })).statusCode).toBe(204);
    });

    it('refuses a bad venue with a 400 naming the fields', async () => {
      const response = await caller(app, admin)('POST', '/venues', { body: { name: '', kind: 'castle', address: 'x', capacity: 0 } });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(expect.arrayContaining(['name', 'kind', 'capacity']));
    });

    it('creates a venue once per Idempotency-Key', async () => {
      const post = () => caller(app, admin)('POST', '/venues', { body: { name: 'Community Centre', kind: 'community_venue', address: 'C St' }, headers: { 'idempotency-key': 'venue-once-1' } });
      const [first, second] = [await post(), await post()];
      expect(second.json().id).toBe(first.json().id);
    });

    it('does not show venues of another area', async () => {
      const response = await caller(app, personas.programmeAdmin(otherTenantId))('GET', `/venues/${venueId}`);
      expect(response.statusCode).toBe(404);
    });

    it('shows a school’s hall to the admin and that school’s staff only, in the list and by id; the area’s venues to all staff', async () => {
      const hall = (await caller(app, headA)('POST', '/venues', { body: { name: 'School A Small Hall', kind: 'school_hall', address: 'A Road', schoolId: schoolA } })).json().id as string;
      const seers = [admin, headA, personas.tutor(tenantId, [schoolA]), personas.schoolStaff(tenantId, schoolA), personas.tutor(tenantId, [schoolB, schoolA])];
      const others = [headB, personas.tutor(tenantId, [schoolB]), personas.schoolStaff(tenantId, schoolB), personas.programmeAdmin(otherTenantId)];
      const listed = async (identity: typeof admin) => ((await caller(app, identity)('GET', '/venues?limit=100')).json().items as { id: string }[]).map((v) => v.id);
      for (const identity of seers) {
        expect((await caller(app, identity)('GET', `/venues/${hall}`)).statusCode).toBe(200);
        expect(await listed(identity)).toEqual(expect.arrayContaining([hall, venueId]));
      }
      for (const identity of others) {
        const response = await caller(app, identity)('GET', `/venues/${hall}`);
        expect(response.statusCode).toBe(404);
        expect(response.body).not.toContain('School A Small Hall');
        expect(await listed(identity)).not.toContain(hall);
      }
      expect(await listed(headB)).toContain(venueId);
      expect((await caller(app, headB)('DELETE', `/venues/${hall}`, { headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    });

    it('refuses a school id that is not of the caller’s area, naming the field (create and edit)', async () => {
      const otherAreaSchool = newId();
      const created = await caller(app, admin)('POST', '/venues', { body: { name: 'Their Hall', kind: 'school_hall', address: 'Elsewhere', schoolId: otherAreaSchool } });
      expect(created.statusCode).toBe(404);
      expect(fieldsOf(created)).toEqual(['schoolId']);
      const edited = await caller(app, admin)('PATCH', `/venues/${venueId}`, { body: { schoolId: otherAreaSchool }, headers: { 'if-match': '"1"' } });
      expect(edited.statusCode).toBe(404);
      expect(fieldsOf(edited)).toEqual(['schoolId']);
      expect((await caller(app, admin)('GET', `/venues/${venueId}`)).json()).toMatchObject({ schoolId: null, version: 1 });
    });
  });

  describe('planning, publishing, moving and cancelling', () => {
    it('plans a draft, publishes it with an event, moves it with If-Match and tells families', async () => {
      const asAdmin = caller(app, admin);
      const created = await asAdmin('POST', '/performances', { body: newPerformance() });
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

      const published = await asAdmin('POST', `/performances/${performance.id}/publish`);
      expect(published.statusCode).toBe(200);
      expect(published.json().status).toBe('published');
      expect((await asAdmin('POST', `/performances/${performance.id}/publish`)).statusCode).toBe(409);

      const etag = published.headers.etag as string;
      const moved = await asAdmin('POST', `/performances/${performance.id}/move`, { body: { startsAt: at(DAY / 60_000), endsAt: at(DAY / 60_000 + 90), reason: 'Hall double-booked' }, headers: { 'if-match': etag } });
      expect(moved.statusCode).toBe(200);
      // The call time keeps its distance from the start.
      expect(moved.json()).toMatchObject({ startsAt: at(DAY / 60_000), callTime: at(DAY / 60_000 - 45) });

      const stale = await asAdmin('POST', `/performances/${performance.id}/move`, { body: { startsAt: at(0), endsAt: at(60) }, headers: { 'if-match': etag } });
      expect(stale.statusCode).toBe(412);
      expect((await asAdmin('POST', `/performances/${performance.id}/move`, { body: { startsAt: at(0), endsAt: at(60) } })).statusCode).toBe(428);

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

      const cancelled = await asAdmin('POST', `/performances/${performance.id}/cancel`, { body: { reason: 'Snow' } });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Snow' });
      const last = (await outboxRows(performance.id)).at(-1);
      expect(last).toMatchObject({ type: 'performance.performance.cancelled', payload: { performanceId: performance.id, reason: 'Snow', title: 'Spring Sharing' } });
      expect((await asAdmin('POST', `/performances/${performance.id}/move`, { body: { startsAt: at(0), endsAt: at(60) }, headers: { 'if-match': cancelled.headers.etag as string } })).statusCode).toBe(409);
    });

    it('cancels a draft without telling anyone', async () => {
      const asAdmin = caller(app, admin);
      const draft = (await asAdmin('POST', '/performances', { body: newPerformance({ title: 'Never Was' }) })).json();
      expect((await asAdmin('POST', `/performances/${draft.id}/cancel`)).statusCode).toBe(200);
      expect(await outboxRows(draft.id)).toEqual([]);
    });

    it('edits the details with If-Match', async () => {
      const asAdmin = caller(app, admin);
      const created = await asAdmin('POST', '/performances', { body: newPerformance({ title: 'Edit Me' }) });
      const edited = await asAdmin('PATCH', `/performances/${created.json().id}`, { body: { dress: 'Black and white', ensembleIds: [] }, headers: { 'if-match': created.headers.etag as string } });
      expect(edited.json()).toMatchObject({ dress: 'Black and white', ensembles: [], version: 2 });
      expect((await asAdmin('PATCH', `/performances/${created.json().id}`, { body: { title: 'Again' }, headers: { 'if-match': created.headers.etag as string } })).statusCode).toBe(412);
    });
  });

  describe('bad input', () => {
    it.each([
      ['an end before the start', { endsAt: new Date(Date.now() + 29 * DAY).toISOString() }, 400, 'endsAt'],
      ['a call time after the start', { callTime: new Date(Date.now() + 31 * DAY).toISOString() }, 400, 'callTime'],
      ['a time without an offset', { startsAt: '2026-05-01T18:00:00' }, 400, 'startsAt'],
      ['an unknown audience', { audience: 'everyone' }, 400, 'audience'],
      ['an unknown venue', { venueId: '01960000-0000-7000-8000-000000000000' }, 404, 'venueId'],
      ['a school of another area (the admin may name any school of their own only)', { schoolId: '01960000-0000-7000-8000-000000000001' }, 404, 'schoolId'],
      ['an unknown ensemble', { ensembleIds: ['01960000-0000-7000-8000-000000000000'] }, 404, 'ensembleIds[0]'],
      ['an unknown field', { colour: 'blue' }, 400, 'colour'],
    ])('refuses %s, naming the field', async (_what, overrides, status, field) => {
      const response = await caller(app, admin)('POST', '/performances', { body: newPerformance(overrides) });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(response)).toContain(field);
    });

    it('refuses another area’s venue, school and ensemble ids that exist there, naming each field, and stores nothing', async () => {
      const theirSchool = newId();
      const theirEnsemble = newId();
      await feedSchool(app, otherTenantId, theirSchool, 'Their School');
      await feedEnsemble(app, otherTenantId, theirEnsemble, theirSchool, [member(theirSchool, 'Their Child')], 'Their Strings');
      const theirVenue = (await caller(app, personas.programmeAdmin(otherTenantId))('POST', '/venues', { body: { name: 'Their Hall', kind: 'concert_hall', address: 'There' } })).json().id as string;
      const title = `Cross-area ${newId()}`;
      for (const [overrides, field] of [
        [{ venueId: theirVenue }, 'venueId'],
        [{ schoolId: theirSchool }, 'schoolId'],
        [{ ensembleIds: [ensembleA, theirEnsemble] }, 'ensembleIds[1]'],
      ] as const) {
        const response = await caller(app, admin)('POST', '/performances', { body: newPerformance({ ...overrides, title }) });
        expect({ field, status: response.statusCode, fields: fieldsOf(response) }).toEqual({ field, status: 404, fields: [field] });
      }
      const created = await caller(app, admin)('POST', '/performances', { body: newPerformance({ title }) });
      const edited = await caller(app, admin)('PATCH', `/performances/${created.json().id}`, { body: { ensembleIds: [theirEnsemble] }, headers: { 'if-match': created.headers.etag as string } });
      expect(edited.statusCode).toBe(404);
      expect(fieldsOf(edited)).toEqual(['ensembleIds[0]']);
      expect((await app.get(DataSource).query('SELECT count(*)::int AS n FROM performances WHERE tenant_id = $1 AND title = $2', [tenantId, title]))[0].n).toBe(1);
    });

    it('refuses a path id that is not a UUID', async () => {
      const response = await caller(app, admin)('GET', '/performances/concert');
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['performanceId']);
    });
  });

  describe('access', () => {
    let schoolAPerformance: string;
    let areaPerformance: string;

    beforeAll(async () => {
      schoolAPerformance = (await caller(app, headA)('POST', '/performances', { body: newPerformance({ title: 'School A Assembly', audience: 'school_community' }) })).json().id;
      areaPerformance = (await caller(app, admin)('POST', '/performances', { body: newPerformance({ title: 'Area Gala', schoolId: null, ensembleIds: [] }) })).json().id;
    });

    it('lets a headteacher plan for their own school only', async () => {
      expect((await caller(app, headA)('POST', '/performances', { body: newPerformance({ schoolId: schoolB }) })).statusCode).toBe(403);
      expect((await caller(app, headA)('POST', '/performances', { body: newPerformance({ schoolId: null }) })).statusCode).toBe(403);
      expect((await caller(app, headA)('POST', `/performances/${areaPerformance}/publish`)).statusCode).toBe(404);
    });

    it('lets a headteacher plan at the area’s venues and their own school’s halls, not another school’s (404 naming venueId)', async () => {
      const hallB = (await caller(app, admin)('POST', '/venues', { body: { name: 'School B Hall', kind: 'school_hall', address: 'B Road', schoolId: schoolB } })).json().id as string;
      const planned = await caller(app, headA)('POST', '/performances', { body: newPerformance({ venueId: hallB }) });
      expect(planned.statusCode).toBe(404);
      expect(fieldsOf(planned)).toEqual(['venueId']);
      const current = await caller(app, headA)('GET', `/performances/${schoolAPerformance}`);
      const moved = await caller(app, headA)('POST', `/performances/${schoolAPerformance}/move`, { body: { startsAt: at(60 * 24), endsAt: at(60 * 25), venueId: hallB }, headers: { 'if-match': current.headers.etag as string } });
      expect(moved.statusCode).toBe(404);
      expect(fieldsOf(moved)).toEqual(['venueId']);
      expect((await caller(app, admin)('POST', '/performances', { body: newPerformance({ venueId: hallB, schoolId: schoolB, ensembleIds: [] }) })).statusCode).toBe(201);
    });

    it('shows each school’s staff their schools’ performances and hides the rest as 404', async () => {
      const tutorA = caller(app, personas.tutor(tenantId, [schoolA]));
      expect((await tutorA('GET', `/performances/${schoolAPerformance}`)).statusCode).toBe(200);
      expect((await tutorA('POST', `/performances/${schoolAPerformance}/publish`)).statusCode).toBe(403);
      expect((await caller(app, headB)('GET', `/performances/${schoolAPerformance}`)).statusCode).toBe(404);
      const listed = (await caller(app, headB)('GET', '/performances')).json().items.map((p: { id: string }) => p.id);
      expect(listed).not.toContain(schoolAPerformance);
    });

    it('answers 404 to another area, 403 to an evaluator, 401 to nobody', async () => {
      expect((await caller(app, personas.programmeAdmin(otherTenantId))('GET', `/performances/${schoolAPerformance}`)).statusCode).toBe(404);
      expect((await caller(app, personas.programmeAdmin(otherTenantId))('POST', `/performances/${schoolAPerformance}/cancel`)).statusCode).toBe(404);
      expect((await caller(app, personas.evaluator(tenantId))('GET', '/performances')).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: `/performances/${schoolAPerformance}` })).statusCode).toBe(401);
    });

    it('shows a guardian nothing their child is not in', async () => {
      const guardian = caller(app, personas.guardian(tenantId, [{ pupilId: childA.pupilId, schoolId: schoolA }]));
      expect((await guardian('GET', `/performances/${schoolAPerformance}`)).statusCode).toBe(404);
      expect((await guardian('GET', '/performances')).json().items).toEqual([]);
      expect((await guardian('POST', '/performances', { body: newPerformance() })).statusCode).toBe(403);
    });
  });
});

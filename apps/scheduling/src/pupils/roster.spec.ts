import { newId } from '@tutti/platform';
import type { Identity } from '@tutti/auth';
import { ifMatch } from '../testing/api';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';
import { adminOf, guardianOf, headteacherOf, newTenantId, schoolStaffOf, tutorOf } from '../testing/identities';
import { clearToWorkWithChildren } from '../testing/safeguarding';

interface Row {
  id: string;
  [key: string]: unknown;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
}

describe('roster: schools, classes, pupils, staff, rooms, ensembles', () => {
  const kit = useSchedulingTestKit();
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let schoolA: string;
  let schoolB: string;
  let classA3: string;
  let pupilA: Row;
  let pupilB: Row;

  const detailsChangesOf = async (pupilId: string): Promise<unknown[]> =>
    (
      await kit.db.query(
        `SELECT payload FROM outbox_events WHERE type = 'scheduling.pupil.details-changed' AND payload->>'pupilId' = $1 ORDER BY id`,
        [pupilId],
      )
    ).map((row: { payload: unknown }) => row.payload);

  const post = async (who: Identity, url: string, body: unknown, status = 201): Promise<Row> => {
    const response = await kit.call<Row>(who, 'POST', url, body);
    expect({ url, status: response.status, body: response.body }).toMatchObject({ status });
    return response.body;
  };

  beforeAll(async () => {
    schoolA = (await post(admin, '/schools', { name: 'Faith Street Primary', urn: '100001', phase: 'primary' })).id;
    schoolB = (await post(admin, '/schools', { name: 'Everton Brow Primary', phase: 'primary' })).id;
    classA3 = (await post(admin, '/classes', { schoolId: schoolA, name: 'Oak', yearGroup: 3 })).id;
    pupilA = await post(admin, '/pupils', {
      schoolId: schoolA,
      classId: classA3,
      firstName: 'Amira',
      lastName: 'Khan',
      yearGroup: 3,
      misRef: 'K100',
      pupilPremium: 'yes',
      send: 'sen_support',
    });
    pupilB = await post(admin, '/pupils', {
      schoolId: schoolB,
      firstName: 'Ben',
      lastName: 'Jones',
      yearGroup: 5,
      misRef: 'J200',
      eal: 'yes',
    });
  });

  const auditEntries = (actorUserId: string, subjectId: string): Promise<{ source: string; payload: Record<string, unknown> }[]> =>
    kit.db.query(
      `SELECT source, payload FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->>'actorUserId' = $2 AND payload->>'subjectId' = $3 ORDER BY id`,
      [tenantId, actorUserId, subjectId],
    );

  it('shows a tutor only the pupils of their own schools, without MIS reference or characteristics', async () => {
    const tutor = tutorOf(tenantId, [schoolA]);
    const list = await kit.call<Page>(tutor, 'GET', '/pupils');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p) => p.id)).toEqual([pupilA.id]);
    expect(list.body.items[0]).not.toHaveProperty('misRef');
    expect(list.body.items[0]).not.toHaveProperty('send');
    expect((await kit.call(tutor, 'GET', `/pupils/${pupilB.id}`)).status).toBe(404);
    const own = await kit.call<Row>(tutor, 'GET', `/pupils/${pupilA.id}`);
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('misRef');
    expect(own.body).not.toHaveProperty('pupilPremium');
  });

  it('shows the MIS reference to the headteacher and programme admin (characteristics are not on the record), and audits every read', async () => {
    const head = headteacherOf(tenantId, [schoolA]);
    const read = await kit.call<Row>(head, 'GET', `/pupils/${pupilA.id}`);
    expect(read.body).toMatchObject({ misRef: 'K100' });
    for (const characteristic of ['pupilPremium', 'send', 'eal', 'gender', 'ethnicityGroup'])
      expect(read.body).not.toHaveProperty(characteristic);
    const audit = await auditEntries(head.userId, pupilA.id);
    expect(audit).toEqual([
      expect.objectContaining({
        source: 'scheduling',
        payload: expect.objectContaining({
          version: 1,
          actorUserId: head.userId,
          actorRole: 'headteacher',
          action: 'read',
          subjectType: 'pupil',
          subjectId: pupilA.id,
          service: 'scheduling',
          detail: { withFlags: true },
        }),
      }),
    ]);
    expect(audit[0].payload).toEqual(
      expect.objectContaining({
        ip: expect.any(String),
        requestId: expect.any(String),
        at: expect.any(String),
        entryId: expect.any(String),
      }),
    );
    const otherHead: Identity = {
      ...headteacherOf(tenantId, [schoolB]),
      grants: [
        { role: 'headteacher', schoolIds: [schoolB] },
        { role: 'tutor', schoolIds: [schoolA] },
      ],
    };
    expect((await kit.call<Row>(otherHead, 'GET', `/pupils/${pupilA.id}`)).body).not.toHaveProperty('misRef');
    expect((await kit.call<Row>(otherHead, 'GET', `/pupils/${pupilB.id}`)).body).toHaveProperty('misRef', 'J200');
    const staffOnly = schoolStaffOf(tenantId, [schoolA]);
    expect((await kit.call(staffOnly, 'PATCH', `/pupils/${pupilA.id}`, { firstName: 'Amy' })).status).toBe(403);
  });

  it('sends every change of a pupil and every read or change of a staff record to the audit log', async () => {
    const pupil = await post(admin, '/pupils', { schoolId: schoolA, firstName: 'Cara', lastName: 'Lewis', yearGroup: 4 });
    expect((await kit.call(admin, 'PATCH', `/pupils/${pupil.id}`, { firstName: 'Carys' }, ifMatch(pupil))).status).toBe(200);
    expect((await auditEntries(admin.userId, pupil.id)).map((entry) => [entry.payload.action, entry.payload.detail])).toEqual([
      ['create', undefined],
      ['update', { fields: ['firstName'] }],
    ]);
    const tutor = await post(admin, '/staff', { kind: 'tutor', displayName: 'Dewi Price', schoolIds: [schoolA] });
    expect((await kit.call(admin, 'GET', `/staff/${tutor.id}`)).status).toBe(200);
    expect((await auditEntries(admin.userId, tutor.id)).map((entry) => [entry.payload.action, entry.payload.subjectType])).toEqual([
      ['create', 'staff'],
      ['read', 'staff'],
    ]);
  });

  it('shows a guardian their own child and nobody else', async () => {
    const parent = guardianOf(tenantId, [{ pupilId: pupilB.id, schoolId: schoolB }]);
    expect((await kit.call(parent, 'GET', `/pupils/${pupilB.id}`)).status).toBe(200);
    expect((await kit.call(parent, 'GET', `/pupils/${pupilA.id}`)).status).toBe(404);
    const list = await kit.call<Page>(parent, 'GET', '/pupils');
    expect(list.body.items.map((p) => p.id)).toEqual([pupilB.id]);
  });

  it('answers 404 to another tenant, even its admin', async () => {
    const stranger = adminOf(newTenantId());
    expect((await kit.call(stranger, 'GET', `/pupils/${pupilA.id}`)).status).toBe(404);
    expect((await kit.call(stranger, 'GET', `/schools/${schoolA}`)).status).toBe(404);
    expect((await kit.call<Page>(stranger, 'GET', '/pupils')).body.items).toEqual([]);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const bad = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/pupils', {
      schoolId: 'nope',
      firstName: '',
      lastName: 'X',
      yearGroup: 'three',
      tenantId,
    });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e) => e.field))].sort()).toEqual(['firstName', 'schoolId', 'tenantId', 'yearGroup']);
    const badPath = await kit.call<{ errors: { field: string }[] }>(admin, 'GET', '/pupils/not-a-uuid');
    expect(badPath.status).toBe(400);
    expect(badPath.body.errors[0].field).toBe('pupilId');
    const badCursor = await kit.call<{ errors: { field: string }[] }>(admin, 'GET', '/pupils?cursor=abc&limit=1000');
    expect(badCursor.body.errors.map((e) => e.field)).toContain('limit');
    expect((await kit.call(admin, 'GET', `/pupils/${newId()}`)).status).toBe(404);
    expect((await kit.call(null, 'GET', '/pupils')).status).toBe(401);
  });

  it('takes year groups from Reception (0) to Year 13 only, wherever a year group is given', async () => {
    const refused = async (method: 'POST' | 'PATCH', url: string, body: Record<string, unknown>, headers?: Record<string, string>) => {
      const response = await kit.call<{ errors: { field: string; rule: string }[] }>(admin, method, url, body, headers);
      expect({ url, body, status: response.status }).toEqual({ url, body, status: 400 });
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'yearGroup', rule: body.yearGroup === null ? 'notNull' : 'isYearGroup' }),
      ]);
    };
    const pupilCount = async () =>
      (await kit.db.query('SELECT count(*)::int AS n FROM pupils WHERE tenant_id = $1', [tenantId]))[0].n as number;
    const before = await pupilCount();
    for (const yearGroup of [-1, 14, 3.5, '3', null, 1e12]) {
      await refused('POST', '/pupils', { schoolId: schoolA, firstName: 'Nia', lastName: 'Brown', yearGroup });
      await refused('POST', '/classes', { schoolId: schoolA, name: 'Nursery', yearGroup });
    }
    expect(await pupilCount()).toBe(before);
    const pupil = (await kit.call<Row & { version: number }>(admin, 'GET', `/pupils/${pupilA.id}`)).body;
    const schoolClass = (await kit.call<Row & { version: number }>(admin, 'GET', `/classes/${classA3}`)).body;
    for (const yearGroup of [-1, 14]) {
      await refused('PATCH', `/pupils/${pupilA.id}`, { yearGroup }, ifMatch(pupil));
      await refused('PATCH', `/classes/${classA3}`, { yearGroup }, ifMatch(schoolClass));
    }
    expect((await kit.call<Row>(admin, 'GET', `/pupils/${pupilA.id}`)).body).toMatchObject({ yearGroup: 3, version: pupil.version });
    // Reception and Year 13 are year groups.
    expect((await kit.call<Row>(admin, 'POST', '/classes', { schoolId: schoolB, name: 'Reception', yearGroup: 0 })).status).toBe(201);
    expect((await kit.call<Row>(admin, 'POST', '/classes', { schoolId: schoolB, name: 'Upper Sixth', yearGroup: 13 })).status).toBe(201);
  });

  it('creates a pupil once per Idempotency-Key', async () => {
    const body = { schoolId: schoolA, firstName: 'Cara', lastName: 'Lee', yearGroup: 4 };
    const first = await kit.call<Row>(admin, 'POST', '/pupils', body, { 'idempotency-key': 'enrol-cara-1' });
    const again = await kit.call<Row>(admin, 'POST', '/pupils', body, { 'idempotency-key': 'enrol-cara-1' });
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await kit.db.query(`SELECT count(*)::int AS n FROM pupils WHERE tenant_id = $1 AND first_name = 'Cara'`, [tenantId]);
    expect(n).toBe(1);
  });

  it('pages through pupils with a cursor', async () => {
    const first = await kit.call<Page>(admin, 'GET', '/pupils?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await kit.call<Page>(admin, 'GET', `/pupils?limit=2&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.body.nextCursor).toBeNull();
  });

  it('moves a pupil between schools, ending the old school’s ensembles, and records events', async () => {
    const pupil = await post(admin, '/pupils', { schoolId: schoolA, classId: classA3, firstName: 'Dev', lastName: 'Patel', yearGroup: 3 });
    const choir = await post(admin, '/ensembles', { schoolId: schoolA, name: 'Faith Choir', kind: 'choir', strand: 'after_school' });
    await post(admin, `/ensembles/${choir.id}/members`, { pupilId: pupil.id, section: 'soprano' });
    const moved = await post(admin, `/pupils/${pupil.id}/move`, { schoolId: schoolB }, 200);
    expect(moved).toMatchObject({ schoolId: schoolB, classId: null });
    const members = await kit.call<Page>(admin, 'GET', `/ensembles/${choir.id}/members`);
    expect(members.body.items).toEqual([]);
    const events = await kit.db.query(`SELECT type FROM outbox_events WHERE tenant_id = $1 AND payload->>'pupilId' = $2 ORDER BY id`, [
      tenantId,
      pupil.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'scheduling.pupil.enrolled',
      'scheduling.ensemble-membership.changed',
      'scheduling.ensemble-membership.changed',
      'scheduling.pupil.moved',
    ]);
  });

  it('marks a pupil as left with an end date, and keeps the record', async () => {
    const pupil = await post(admin, '/pupils', { schoolId: schoolB, firstName: 'Eve', lastName: 'Stone', yearGroup: 2 });
    const left = await post(admin, `/pupils/${pupil.id}/leave`, { leftOn: '2026-02-13' }, 200);
    expect(left).toMatchObject({ status: 'left', leftOn: '2026-02-13' });
    expect((await post(admin, `/pupils/${pupil.id}/leave`, { leftOn: '31-02-2026' }, 400)).errors).toBeDefined();
  });

  it('rolls a school over once per academic year: Y3 to Y4, Y6 kept as alumni (off to secondary school)', async () => {
    const school = (await post(admin, '/schools', { name: 'Roll-over Primary', phase: 'primary' })).id;
    const y6 = await post(admin, '/pupils', { schoolId: school, firstName: 'Fay', lastName: 'Old', yearGroup: 6 });
    const y3 = await post(admin, '/pupils', { schoolId: school, firstName: 'Gus', lastName: 'Young', yearGroup: 3 });
    const first = await post(admin, `/schools/${school}/roll-overs`, { academicYear: '2026-27', leaversLeftOn: '2026-07-22' });
    expect(first).toEqual({ academicYear: '2026-27', movedUp: 1, leavers: 1, applied: true });
    const again = await post(admin, `/schools/${school}/roll-overs`, { academicYear: '2026-27', leaversLeftOn: '2026-07-22' });
    expect(again.applied).toBe(false);
    expect((await kit.call<Row>(admin, 'GET', `/pupils/${y3.id}`)).body.yearGroup).toBe(4);
    expect((await kit.call<Row>(admin, 'GET', `/pupils/${y6.id}`)).body).toMatchObject({
      status: 'alumni',
      yearGroup: 6,
      leftOn: '2026-07-22',
    });
    // Instrument sizes and rosters elsewhere follow the new year group.
    expect(await detailsChangesOf(y3.id as string)).toEqual([
      { pupilId: y3.id, schoolId: school, firstName: 'Gus', lastName: 'Young', yearGroup: 4, version: 1 },
    ]);
    expect(await detailsChangesOf(y6.id as string)).toEqual([]);
  });

  it('tells an alumnus as became-alumni, not as left (they stay in area-wide ensembles); a secondary school’s leaver as left', async () => {
    const eventsOf = async (pupilId: string) =>
      (
        await kit.db.query<{ type: string; payload: Record<string, unknown> }[]>(
          `SELECT type, payload FROM outbox_events WHERE tenant_id = $1 AND payload->>'pupilId' = $2 AND type LIKE 'scheduling.pupil.%' ORDER BY id`,
          [tenantId, pupilId],
        )
      ).map((row) => [row.type, row.payload]);
    const primary = (await post(admin, '/schools', { name: 'Alumni Primary', phase: 'primary' })).id;
    const alumnus = (await post(admin, '/pupils', { schoolId: primary, firstName: 'Ida', lastName: 'Onward', yearGroup: 6 })).id as string;
    const areaBand = (await post(admin, '/ensembles', { name: 'Area Band', kind: 'band', strand: 'after_school' })).id;
    const schoolBand = (await post(admin, '/ensembles', { schoolId: primary, name: 'Alumni Band', kind: 'band', strand: 'after_school' }))
      .id;
    for (const ensemble of [areaBand, schoolBand])
      await post(admin, `/ensembles/${ensemble}/members`, { pupilId: alumnus, joinedOn: '2026-01-05' });
    await post(admin, `/schools/${primary}/roll-overs`, { academicYear: '2026-27', leaversLeftOn: '2026-07-22' });
    expect(await eventsOf(alumnus)).toEqual([
      ['scheduling.pupil.enrolled', expect.anything()],
      ['scheduling.pupil.became-alumni', { version: 1, pupilId: alumnus, schoolId: primary, leftOn: '2026-07-22' }],
    ]);
    // The school's band ends; the area band goes on.
    const inBand = async (ensembleId: string) =>
      (await kit.call<Page>(admin, 'GET', `/ensembles/${ensembleId}/members`)).body.items.some((m) => (m as Row).pupilId === alumnus);
    expect([await inBand(areaBand), await inBand(schoolBand)]).toEqual([true, false]);

    const secondary = (await post(admin, '/schools', { name: 'Leavers High', phase: 'secondary' })).id;
    const leaver = (await post(admin, '/pupils', { schoolId: secondary, firstName: 'Jo', lastName: 'Gone', yearGroup: 13 })).id as string;
    await post(admin, `/schools/${secondary}/roll-overs`, { academicYear: '2026-27', leaversLeftOn: '2026-07-22' });
    expect(await eventsOf(leaver)).toEqual([
      ['scheduling.pupil.enrolled', expect.anything()],
      ['scheduling.pupil.left', { version: 1, pupilId: leaver, schoolId: secondary, leftOn: '2026-07-22', reason: 'leaver' }],
    ]);
    expect((await kit.call<Row>(admin, 'GET', `/pupils/${leaver}`)).body).toMatchObject({ status: 'leaver' });
  });

  it('tells the services keeping pupils’ names when a name or year group changes, not when only characteristics do', async () => {
    const pupil = await post(admin, '/pupils', { schoolId: schoolA, firstName: 'Hana', lastName: 'Sato', yearGroup: 5 });
    const url = `/pupils/${pupil.id}`;
    const edit = async (version: Row, body: object): Promise<Row> => {
      const response = await kit.call<Row>(admin, 'PATCH', url, body, ifMatch(version));
      expect(response.status).toBe(200);
      return response.body;
    };
    const characterised = await kit.call<Row>(admin, 'PATCH', `${url}/characteristics`, { send: 'ehcp' }, ifMatch(pupil));
    expect(characterised.status).toBe(200);
    const flagged = characterised.body;
    const renamed = await edit(flagged, { firstName: 'Hana' });
    expect(await detailsChangesOf(pupil.id as string)).toEqual([]);
    await edit(renamed, { lastName: 'Sato-Jones' });
    expect(await detailsChangesOf(pupil.id as string)).toEqual([
      { version: 1, pupilId: pupil.id, schoolId: schoolA, firstName: 'Hana', lastName: 'Sato-Jones', yearGroup: 5 },
    ]);
  });

  it('keeps staff, rooms and ensembles to their schools', async () => {
    const tutorUser = newId();
    const staff = await post(admin, '/staff', {
      kind: 'tutor',
      displayName: 'Rosa Violin',
      employer: 'Royal Liverpool Philharmonic',
      instruments: ['violin'],
      userId: tutorUser,
      schoolIds: [schoolA],
    });
    const tutor = tutorOf(tenantId, [schoolA], tutorUser);
    expect((await kit.call<Row>(tutor, 'GET', '/staff/me')).body.id).toBe(staff.id);
    await clearToWorkWithChildren(kit, admin, staff.id);
    await post(admin, '/rooms', { schoolId: schoolA, name: 'Hall', capacity: 120 });
    await post(admin, '/rooms', { schoolId: schoolB, name: 'Music Room', capacity: 30 });
    expect((await kit.call<Page>(tutor, 'GET', '/rooms')).body.items.map((r) => r.name)).toEqual(['Hall']);
    const head = headteacherOf(tenantId, [schoolB]);
    expect((await kit.call(head, 'POST', '/rooms', { schoolId: schoolA, name: 'X', capacity: 3 })).status).toBe(404);
    expect((await kit.call(head, 'POST', '/rooms', { schoolId: schoolB, name: 'Y', capacity: 0 })).status).toBe(400);

    const area = await post(admin, '/ensembles', {
      name: 'Area Youth Orchestra',
      kind: 'orchestra',
      strand: 'weekend',
      level: 'intermediate',
    });
    await post(admin, `/ensembles/${area.id}/members`, { pupilId: pupilA.id, instrument: 'violin', section: 'first violins' });
    await post(admin, `/ensembles/${area.id}/members`, { pupilId: pupilB.id, instrument: 'cello', section: 'cellos' });
    await post(admin, `/ensembles/${area.id}/members`, { staffId: staff.id, instrument: 'violin', section: 'first violins' });
    const duplicate = await kit.call<{ conflicts: unknown[] }>(admin, 'POST', `/ensembles/${area.id}/members`, { pupilId: pupilA.id });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.conflicts).toHaveLength(1);
    const seenByTutor = await kit.call<Page>(tutor, 'GET', `/ensembles/${area.id}/members`);
    expect(seenByTutor.body.items.map((m) => m.name)).toEqual(['Amira Khan', 'Rosa Violin']);
    const schoolEnsemble = await post(admin, '/ensembles', { schoolId: schoolB, name: 'Everton Band', kind: 'band', strand: 'curriculum' });
    expect((await kit.call(tutor, 'GET', `/ensembles/${schoolEnsemble.id}`)).status).toBe(404);
    expect((await kit.call(admin, 'POST', `/ensembles/${schoolEnsemble.id}/members`, { pupilId: pupilA.id })).status).toBe(400);
  });
});

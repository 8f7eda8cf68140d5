import type { Identity } from '@tutti/auth';
import type { ReminderWorker } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { reminderWorkerOf, useEngagementTestKit } from '../testing/engagement-test-kit';

describe('announcements to a class or an ensemble', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  let worker: ReminderWorker;
  const tenantId = newTenantId();
  const [schoolA, schoolB, schoolC] = [newId(), newId(), newId()];
  const headA = personas.headteacher(tenantId, schoolA);
  const headB = personas.headteacher(tenantId, schoolB);
  const admin = personas.programmeAdmin(tenantId);
  let clock = Date.now() - 3_600_000;
  /** Events in the order they happened, a second apart. */
  const next = () => new Date((clock += 1000));

  beforeAll(() => {
    worker = reminderWorkerOf(kit);
  });

  async function enrol(classId: string, schoolId = schoolA): Promise<string> {
    const pupilId = newId();
    await kit.applyEvent(
      tenantId,
      'scheduling.pupil.enrolled',
      { version: 1, pupilId, schoolId, classId, yearGroup: 4, firstName: 'Ben', lastName: 'Brown' },
      next(),
    );
    return pupilId;
  }
  /** A family (guardian) of these pupils who has opened Tutti, with an email address. */
  async function familyOf(...pupils: { pupilId: string; schoolId: string }[]): Promise<Identity> {
    const guardian = personas.guardian(tenantId, pupils);
    const response = await kit.call(guardian, 'PUT', '/families/me/contact-preferences', {
      email: `family-${newId()}@example.org`,
      language: 'en',
      emailEnabled: true,
      smsEnabled: false,
    });
    expect(response.statusCode).toBe(200);
    return guardian;
  }
  async function snapshot(ensembleId: string, schoolId: string | null, members: { pupilId: string; schoolId: string }[]): Promise<void> {
    await kit.applyEvent(
      tenantId,
      'scheduling.ensemble.membership-changed',
      {
        version: 1,
        ensembleId,
        schoolId,
        ensembleName: 'Orchestra Club',
        members: members.map((member) => ({ ...member, displayName: 'Ben Brown', instrument: 'violin' })),
      },
      next(),
    );
  }
  const post = (identity: Identity, payload: object, headers: Record<string, string> = {}) =>
    kit.call(identity, 'POST', '/announcements', { subject: 'Bring your instrument', body: 'Friday, please.', ...payload }, headers);
  const recipientsOf = (announcement: { deliveries: { guardianId: string }[] }) =>
    announcement.deliveries.map((delivery) => delivery.guardianId).sort();
  const ids = (...identities: Identity[]) => identities.map((identity) => identity.userId).sort();

  it('reaches the families of the pupils in a class now: enrolments, moves and leaving change who gets the next one', async () => {
    const [oak, ash] = [newId(), newId()];
    const [amira, ben, chloe, dawit] = [await enrol(oak), await enrol(oak), await enrol(oak), await enrol(ash)];
    const amiraAndBen = await familyOf({ pupilId: amira, schoolId: schoolA }, { pupilId: ben, schoolId: schoolA });
    const chloes = await familyOf({ pupilId: chloe, schoolId: schoolA });
    const dawits = await familyOf({ pupilId: dawit, schoolId: schoolA });

    const first = await post(headA, { audience: 'class', classId: oak });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      audience: 'class',
      classId: oak,
      schoolId: schoolA,
      ensembleId: null,
      performanceId: null,
      deliveryCounts: { queued: 2, sent: 0, failed: 0 },
    });
    // One delivery per family, however many of its children are in the class.
    expect(recipientsOf(first.json())).toEqual(ids(amiraAndBen, chloes));

    // Chloe moves to Ash, Ben leaves (Amira stays, so her family is still reached), and Ash's Dawit moves in.
    await kit.applyEvent(
      tenantId,
      'scheduling.pupil.moved',
      { version: 1, pupilId: chloe, fromSchoolId: schoolA, toSchoolId: schoolA, fromClassId: oak, toClassId: ash, yearGroup: 4 },
      next(),
    );
    await kit.applyEvent(
      tenantId,
      'scheduling.pupil.left',
      { version: 1, pupilId: ben, schoolId: schoolA, leftOn: '2026-03-31', reason: 'left' },
      next(),
    );
    await kit.applyEvent(
      tenantId,
      'scheduling.pupil.moved',
      { version: 1, pupilId: dawit, fromSchoolId: schoolA, toSchoolId: schoolA, fromClassId: ash, toClassId: oak, yearGroup: 4 },
      next(),
    );
    const second = (await post(headA, { audience: 'class', classId: oak })).json();
    expect(recipientsOf(second)).toEqual(ids(amiraAndBen, dawits));
    expect(recipientsOf((await post(headA, { audience: 'class', classId: ash })).json())).toEqual(ids(chloes));
    // Amira leaves too: the family of two leavers is no longer reached.
    await kit.applyEvent(
      tenantId,
      'scheduling.pupil.left',
      { version: 1, pupilId: amira, schoolId: schoolA, leftOn: '2026-03-31', reason: 'left' },
      next(),
    );
    expect(recipientsOf((await post(headA, { audience: 'class', classId: oak })).json())).toEqual(ids(dawits));

    // The delivery rows go from queued to sent as the reminder worker delivers them.
    const due = await kit.db.query(`SELECT id, due_at FROM reminders WHERE tenant_id = $1 AND subject_id = $2`, [tenantId, second.id]);
    expect(due).toHaveLength(2);
    for (const reminder of due)
      await worker.deliverDue({ reminderId: reminder.id, tenantId, dueAt: new Date(reminder.due_at).toISOString() });
    const delivered = await kit.db.query(
      `SELECT guardian_id, status FROM announcement_deliveries WHERE tenant_id = $1 AND announcement_id = $2 ORDER BY guardian_id`,
      [tenantId, second.id],
    );
    expect(delivered).toEqual(ids(amiraAndBen, dawits).map((guardianId) => ({ guardian_id: guardianId, status: 'sent' })));

    // Who sees it: the school's staff and the families it reached; not another school, another family or another tenant.
    const get = async (identity: Identity) => kit.call(identity, 'GET', `/announcements/${second.id}`);
    expect((await get(headA)).json().deliveryCounts).toEqual({ queued: 0, sent: 2, failed: 0 });
    expect((await get(personas.tutor(tenantId, [schoolA]))).statusCode).toBe(200);
    const seenByFamily = (await get(dawits)).json();
    expect(seenByFamily).toMatchObject({ classId: oak, readAt: null });
    expect(seenByFamily.deliveries).toBeUndefined();
    for (const outsider of [chloes, headB, personas.programmeAdmin(newTenantId())]) expect((await get(outsider)).statusCode).toBe(404);
    const listed = async (identity: Identity) =>
      (await kit.call(identity, 'GET', '/announcements?limit=100')).json().items.map((item: { id: string }) => item.id);
    expect(await listed(dawits)).toContain(second.id);
    expect(await listed(chloes)).not.toContain(second.id);
    expect(await listed(headA)).toContain(second.id);
    expect(await listed(headB)).not.toContain(second.id);
  });

  it('lets staff of the class’s school send (404 for other schools and tenants, 403 for families), refuses bad input naming the field, and says when nobody would hear it', async () => {
    const elm = newId();
    const pupil = await enrol(elm);
    const family = await familyOf({ pupilId: pupil, schoolId: schoolA });
    for (const sender of [headA, personas.tutor(tenantId, [schoolA]), personas.schoolStaff(tenantId, schoolA), admin]) {
      expect((await post(sender, { audience: 'class', classId: elm })).statusCode).toBe(201);
    }
    expect((await post(headB, { audience: 'class', classId: elm })).statusCode).toBe(404);
    expect((await post(personas.tutor(tenantId, [schoolB]), { audience: 'class', classId: elm })).statusCode).toBe(404);
    expect((await post(personas.programmeAdmin(newTenantId()), { audience: 'class', classId: elm })).statusCode).toBe(404);
    expect((await post(headA, { audience: 'class', classId: newId() })).statusCode).toBe(404);
    expect((await post(family, { audience: 'class', classId: elm })).statusCode).toBe(403);

    const fields = async (payload: object) => {
      const response = await post(headA, payload);
      expect(response.statusCode).toBe(400);
      return response.json().errors.map((error: { field: string }) => error.field);
    };
    expect(await fields({ audience: 'class' })).toEqual(['classId']);
    expect(await fields({ audience: 'class', classId: 'Year 4' })).toEqual(['classId']);
    // An id the chosen audience ignores is refused, not taken in silently.
    expect((await fields({ audience: 'ensemble', classId: elm })).sort()).toEqual(['classId', 'ensembleId']);
    expect((await fields({ audience: 'class', classId: elm, schoolId: schoolA, tenantId })).sort()).toEqual(['schoolId', 'tenantId']);

    // A class whose pupils' families are not in Tutti yet, and one whose pupils have all left: 409, nothing recorded.
    const birch = newId();
    await enrol(birch);
    await enrol(birch);
    const noFamilies = await post(headA, { audience: 'class', classId: birch });
    expect(noFamilies.statusCode).toBe(409);
    expect(noFamilies.json()).toMatchObject({
      detail: expect.stringContaining('2 pupils in this class'),
      conflicts: [{ classId: birch, pupils: 2, familiesUsingTutti: 0 }],
    });
    await kit.applyEvent(
      tenantId,
      'scheduling.pupil.left',
      { version: 1, pupilId: pupil, schoolId: schoolA, leftOn: '2026-03-31', reason: 'left' },
      next(),
    );
    const empty = await post(headA, { audience: 'class', classId: elm });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().conflicts).toEqual([{ classId: elm, pupils: 0, familiesUsingTutti: 0 }]);
    const recorded = await kit.db.query(
      `SELECT count(*)::int AS n FROM announcements WHERE tenant_id = $1 AND class_id = ANY($2::uuid[])`,
      [tenantId, [birch, elm]],
    );
    expect(recorded[0].n).toBe(4);
  });

  it('sends once per Idempotency-Key', async () => {
    const fir = newId();
    await familyOf({ pupilId: await enrol(fir), schoolId: schoolA });
    const key = newId();
    const first = await post(headA, { audience: 'class', classId: fir }, { 'idempotency-key': key });
    const again = await post(headA, { audience: 'class', classId: fir }, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
  });

  it('reaches an ensemble’s members’ families as its latest snapshot lists them', async () => {
    const club = newId();
    const [p1, p2, p3] = [newId(), newId(), newId()];
    const [f1, f2, f3] = [
      await familyOf({ pupilId: p1, schoolId: schoolA }),
      await familyOf({ pupilId: p2, schoolId: schoolA }),
      await familyOf({ pupilId: p3, schoolId: schoolA }),
    ];
    await snapshot(
      club,
      schoolA,
      [p1, p2].map((pupilId) => ({ pupilId, schoolId: schoolA })),
    );
    const first = await post(headA, { audience: 'ensemble', ensembleId: club });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ audience: 'ensemble', ensembleId: club, schoolId: schoolA, classId: null });
    expect(recipientsOf(first.json())).toEqual(ids(f1, f2));

    await snapshot(
      club,
      schoolA,
      [p2, p3].map((pupilId) => ({ pupilId, schoolId: schoolA })),
    );
    const second = (await post(personas.tutor(tenantId, [schoolA]), { audience: 'ensemble', ensembleId: club })).json();
    expect(recipientsOf(second)).toEqual(ids(f2, f3));
    expect((await kit.call(headA, 'GET', `/announcements/${second.id}`)).statusCode).toBe(200);
    expect((await kit.call(f1, 'GET', `/announcements/${second.id}`)).statusCode).toBe(404);
    expect((await kit.call(f3, 'GET', `/announcements/${second.id}`)).statusCode).toBe(200);

    expect((await post(headB, { audience: 'ensemble', ensembleId: club })).statusCode).toBe(404);
    expect((await post(headA, { audience: 'ensemble', ensembleId: newId() })).statusCode).toBe(404);
    expect((await post(f2, { audience: 'ensemble', ensembleId: club })).statusCode).toBe(403);
    await snapshot(club, schoolA, []);
    expect((await post(headA, { audience: 'ensemble', ensembleId: club })).statusCode).toBe(409);
  });

  it('sends to a cross-school ensemble: the programme admin reaches every family, staff those of their own schools only', async () => {
    const orchestra = newId();
    const [fromA, fromB] = [newId(), newId()];
    const familyA = await familyOf({ pupilId: fromA, schoolId: schoolA });
    const familyB = await familyOf({ pupilId: fromB, schoolId: schoolB });
    await snapshot(orchestra, null, [
      { pupilId: fromA, schoolId: schoolA },
      { pupilId: fromB, schoolId: schoolB },
    ]);
    const fromAdmin = await post(admin, { audience: 'ensemble', ensembleId: orchestra });
    expect(fromAdmin.statusCode).toBe(201);
    expect(fromAdmin.json()).toMatchObject({ ensembleId: orchestra, schoolId: null });
    expect(recipientsOf(fromAdmin.json())).toEqual(ids(familyA, familyB));

    const fromHeadA = await post(headA, { audience: 'ensemble', ensembleId: orchestra });
    expect(fromHeadA.statusCode).toBe(201);
    expect(recipientsOf(fromHeadA.json())).toEqual(ids(familyA));
    // A school with no pupil in it does not see the ensemble at all.
    expect((await post(personas.headteacher(tenantId, schoolC), { audience: 'ensemble', ensembleId: orchestra })).statusCode).toBe(404);

    // Its deliveries span schools, so staff other than the sender do not see it; its families do.
    const get = async (identity: Identity, id: string) => (await kit.call(identity, 'GET', `/announcements/${id}`)).statusCode;
    expect(await get(headA, fromAdmin.json().id)).toBe(404);
    expect(await get(headA, fromHeadA.json().id)).toBe(200);
    expect(await get(headB, fromHeadA.json().id)).toBe(404);
    expect(await get(familyB, fromAdmin.json().id)).toBe(200);
    expect(await get(familyB, fromHeadA.json().id)).toBe(404);
  });
});

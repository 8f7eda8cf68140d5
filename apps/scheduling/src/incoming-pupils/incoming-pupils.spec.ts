import type { Identity } from '@tutti/auth';
import { personas } from '@tutti/testing';
import { expecting, ifMatch, type ApiRow } from '../testing/api';
import { adminOf, guardianOf, headteacherOf, newTenantId, schoolStaffOf, tutorOf } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface IncomingPage {
  items: { pupilId: string; firstName: string; lastName: string; yearLeft: number; ensembles: unknown[] }[];
  nextCursor: string | null;
}
interface Problem {
  errors?: { field: string }[];
}

/**
 * Feeder Primary's Year 6 leave on 19 July 2024 at the roll-over. Ava (destination "archbishop blanch", by name)
 * and Ben ("300001", the URN) go to Archbishop Blanch, a partner secondary school; Cal goes to Everton Free School,
 * also secondary, not a partner; Nia's destination names no school of the area. Ava, Cal and Nia play in the area
 * orchestra after the roll-over; Ben played only in his primary school's whole-class strings, which end with it.
 * Dee is in Year 5, still at the primary school, and her destination is set to the partner school by hand.
 */
describe('incoming pupils: a partner secondary school’s staff see their incoming pupils still in the programme', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  const pupils: Record<string, string> = {};
  let partner: ApiRow;
  let other: string;
  let primary: string;
  let orchestra: string;
  let partnerStaff: Identity;

  const incoming = (who: Identity, schoolId = partner.id) =>
    kit.call<IncomingPage & Problem>(who, 'GET', `/schools/${schoolId}/incoming-pupils`);

  beforeAll(async () => {
    call = expecting(kit);
    partner = await call(admin, 'POST', '/schools', { name: 'Archbishop Blanch', urn: '300001', phase: 'secondary', partner: true }, 201);
    other = (await call(admin, 'POST', '/schools', { name: 'Everton Free School', urn: '300002', phase: 'secondary' }, 201)).id;
    primary = (await call(admin, 'POST', '/schools', { name: 'Feeder Primary', phase: 'primary' }, 201)).id;
    partnerStaff = schoolStaffOf(tenantId, [partner.id]);
    const csv = [
      'UPN,Surname,Forename,Year,Pupil Premium,Destination School',
      'F1,Alder,Ava,Y6,Y,archbishop blanch',
      'F2,Birch,Ben,Y6,N,300001',
      'F3,Cedar,Cal,Y6,N,Everton Free School',
      'F4,Ness,Nia,Y6,N,Nowhere Academy',
      'F5,Dale,Dee,Y5,N,',
    ].join('\n');
    await call(admin, 'POST', '/imports/pupils', { schoolId: primary, csv }, 201);
    for (const found of (await call<{ items: ApiRow[] }>(admin, 'GET', `/pupils?schoolId=${primary}`, undefined, 200)).items)
      pupils[found.firstName as string] = found.id;
    const dee = await call(admin, 'GET', `/pupils/${pupils.Dee}`, undefined, 200);
    await call(admin, 'PATCH', `/pupils/${pupils.Dee}`, { destinationSchoolId: partner.id }, 200, ifMatch(dee));

    const strings = (
      await call(admin, 'POST', '/ensembles', { schoolId: primary, name: 'Y6 Strings', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    orchestra = (await call(admin, 'POST', '/ensembles', { name: 'Area Orchestra', kind: 'orchestra', strand: 'after_school' }, 201)).id;
    for (const name of ['Ava', 'Ben', 'Cal', 'Nia', 'Dee'])
      await call(
        admin,
        'POST',
        `/ensembles/${strings}/members`,
        { pupilId: pupils[name], instrument: 'violin', joinedOn: '2023-09-04' },
        201,
      );
    for (const [name, instrument] of [
      ['Ava', 'cello'],
      ['Cal', 'flute'],
      ['Nia', 'oboe'],
      ['Dee', 'viola'],
    ])
      await call(admin, 'POST', `/ensembles/${orchestra}/members`, { pupilId: pupils[name], instrument, joinedOn: '2024-05-01' }, 201);
    const rolled = await call(
      admin,
      'POST',
      `/schools/${primary}/roll-overs`,
      { academicYear: '2024-25', leaversLeftOn: '2024-07-19' },
      201,
    );
    expect(rolled).toMatchObject({ leavers: 4, movedUp: 1 });
  });

  it('points a roster destination at the secondary school it names (by name, case aside, or URN), and no other', async () => {
    const destinations = Object.fromEntries(
      await Promise.all(
        ['Ava', 'Ben', 'Cal', 'Nia', 'Dee'].map(async (name) => [
          name,
          (await call(admin, 'GET', `/pupils/${pupils[name]}`, undefined, 200)).destinationSchoolId,
        ]),
      ),
    );
    expect(destinations).toEqual({ Ava: partner.id, Ben: partner.id, Cal: other, Nia: null, Dee: partner.id });
  });

  it('lists to the partner school’s staff and headteacher and to the programme admin only the alumni still playing, without characteristics', async () => {
    const expected = {
      items: [
        {
          pupilId: pupils.Ava,
          firstName: 'Ava',
          lastName: 'Alder',
          yearLeft: 2024,
          ensembles: [{ ensembleId: orchestra, name: 'Area Orchestra', instrument: 'cello' }],
        },
      ],
      nextCursor: null,
    };
    for (const who of [partnerStaff, headteacherOf(tenantId, [partner.id]), admin]) {
      const page = await incoming(who);
      expect({ status: page.status, body: page.body }).toEqual({ status: 200, body: expected });
    }
  });

  it('audits every pupil shown as a read', async () => {
    const reader = schoolStaffOf(tenantId, [partner.id]);
    expect((await incoming(reader)).status).toBe(200);
    const audit: { payload: Record<string, unknown> }[] = await kit.db.query(
      `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->>'actorUserId' = $2 ORDER BY id`,
      [tenantId, reader.userId],
    );
    expect(audit.map((entry) => [entry.payload.action, entry.payload.subjectType, entry.payload.subjectId, entry.payload.detail])).toEqual([
      ['read', 'pupil', pupils.Ava, { withFlags: false, incomingTo: partner.id }],
    ]);
  });

  it('refuses everyone else: other schools’ staff, tutors, guardians, evaluators, another area', async () => {
    const refused: [string, Identity, string, number][] = [
      ['staff of the other secondary', schoolStaffOf(tenantId, [other]), partner.id, 404],
      ['staff of the primary', schoolStaffOf(tenantId, [primary]), partner.id, 404],
      ['headteacher of the primary', headteacherOf(tenantId, [primary]), partner.id, 404],
      ['tutor at the partner school', tutorOf(tenantId, [partner.id]), partner.id, 403],
      ['guardian of Ava', guardianOf(tenantId, [{ pupilId: pupils.Ava, schoolId: primary }]), partner.id, 403],
      ['evaluator', personas.evaluator(tenantId), partner.id, 403],
      ['admin of another area', adminOf(newTenantId()), partner.id, 404],
      ['admin of a school the area does not have', admin, newTenantId(), 404],
    ];
    const answered = await Promise.all(
      refused.map(async ([who, identity, schoolId]) => [who, (await incoming(identity, schoolId)).status]),
    );
    expect(answered).toEqual(refused.map(([who, , , status]) => [who, status]));
  });

  it('lists none at a school that is not a partner secondary school, although pupils are bound for it and play on', async () => {
    const none = { status: 200, body: { items: [], nextCursor: null } };
    for (const [who, schoolId] of [
      [schoolStaffOf(tenantId, [other]), other],
      [admin, other],
      [admin, primary],
    ] as const) {
      const page = await incoming(who, schoolId);
      expect({ status: page.status, body: page.body }).toEqual(none);
    }
    // Made a partner, Everton Free School sees Cal (in the orchestra, flute).
    const current = await call(admin, 'GET', `/schools/${other}`, undefined, 200);
    await call(admin, 'PATCH', `/schools/${other}`, { partner: true }, 200, ifMatch(current));
    expect((await incoming(schoolStaffOf(tenantId, [other]), other)).body.items).toEqual([
      {
        pupilId: pupils.Cal,
        firstName: 'Cal',
        lastName: 'Cedar',
        yearLeft: 2024,
        ensembles: [{ ensembleId: orchestra, name: 'Area Orchestra', instrument: 'flute' }],
      },
    ]);
  });

  it('no longer lists a pupil who leaves the programme (their last ensemble ended)', async () => {
    const members = await call<{ items: ApiRow[] }>(admin, 'GET', `/ensembles/${orchestra}/members`, undefined, 200);
    const ava = members.items.find((member) => member.pupilId === pupils.Ava);
    if (!ava) throw new Error('Ava is not in the orchestra');
    await call(admin, 'POST', `/ensembles/${orchestra}/members/${ava.id}/leave`, { leftOn: '2024-12-19' }, 200);
    expect((await incoming(partnerStaff)).body).toEqual({ items: [], nextCursor: null });
  });

  it('answers bad destinations and partners with a 400 naming the field, or 404 for a school the area does not have', async () => {
    const dee = () => call(admin, 'GET', `/pupils/${pupils.Dee}`, undefined, 200);
    const patch = async (body: object) => kit.call<Problem>(admin, 'PATCH', `/pupils/${pupils.Dee}`, body, ifMatch(await dee()));
    for (const bad of [{ destinationSchoolId: primary }, { destinationSchoolId: 'not-a-uuid' }]) {
      const answer = await patch(bad);
      expect({ status: answer.status, fields: answer.body.errors?.map((error) => error.field) }).toEqual({
        status: 400,
        fields: ['destinationSchoolId'],
      });
    }
    expect((await patch({ destinationSchoolId: newTenantId() })).status).toBe(404);
    const elsewhere = (await kit.call<ApiRow>(adminOf(newTenantId()), 'POST', '/schools', { name: 'Far Secondary', phase: 'secondary' }))
      .body;
    expect((await patch({ destinationSchoolId: elsewhere.id })).status).toBe(404);
    expect((await dee()).destinationSchoolId).toBe(partner.id);
    // null clears a destination set by hand.
    expect((await patch({ destinationSchoolId: null })).status).toBe(200);
    expect((await dee()).destinationSchoolId).toBeNull();

    const primaryPartner = await kit.call<Problem>(admin, 'POST', '/schools', { name: 'Not Secondary', phase: 'primary', partner: true });
    expect({ status: primaryPartner.status, fields: primaryPartner.body.errors?.map((error) => error.field) }).toEqual({
      status: 400,
      fields: ['partner'],
    });
    const current = await call(admin, 'GET', `/schools/${partner.id}`, undefined, 200);
    const demoted = await kit.call<Problem>(admin, 'PATCH', `/schools/${partner.id}`, { phase: 'primary' }, ifMatch(current));
    expect({ status: demoted.status, fields: demoted.body.errors?.map((error) => error.field) }).toEqual({
      status: 400,
      fields: ['partner'],
    });
    expect(await call(admin, 'GET', `/schools/${partner.id}`, undefined, 200)).toMatchObject({ phase: 'secondary', partner: true });
  });
});

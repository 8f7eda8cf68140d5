import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { useEngagementTestKit } from '../testing/engagement-test-kit';
import { RosterService, type RosterAudience } from './roster.service';

describe('roster replica (from scheduling’s events)', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  let roster: RosterService;
  const tenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  beforeAll(async () => {
    roster = kit.app.get(RosterService);
  });

  const pupilsOf = (audience: RosterAudience | undefined) => audience?.members.map((member) => member.pupilId).sort() ?? null;
  const classPupils = async (classId: string) => pupilsOf(await roster.classAudience(kit.db.manager, tenantId, classId));
  const ensemblePupils = async (ensembleId: string) => pupilsOf(await roster.ensembleAudience(kit.db.manager, tenantId, ensembleId));

  function enrol(pupilId: string, classId: string | null, at: Date, schoolId = schoolA) {
    return kit.applyEvent(
      tenantId,
      'scheduling.pupil.enrolled',
      { version: 1, pupilId, schoolId, classId, yearGroup: 4, firstName: 'Amira', lastName: 'Ahmed' },
      at,
    );
  }
  function move(pupilId: string, fromClassId: string | null, toClassId: string | null, at: Date, toSchoolId = schoolA) {
    return kit.applyEvent(
      tenantId,
      'scheduling.pupil.moved',
      { version: 1, pupilId, fromSchoolId: schoolA, toSchoolId, fromClassId, toClassId, yearGroup: 4 },
      at,
    );
  }
  function leave(pupilId: string, at: Date, schoolId = schoolA) {
    return kit.applyEvent(tenantId, 'scheduling.pupil.left', { version: 1, pupilId, schoolId, leftOn: '2026-03-31', reason: 'left' }, at);
  }
  function snapshot(ensembleId: string, schoolId: string | null, members: { pupilId: string; schoolId: string }[], at: Date) {
    return kit.applyEvent(
      tenantId,
      'scheduling.ensemble.membership-changed',
      {
        version: 1,
        ensembleId,
        schoolId,
        ensembleName: 'Year 4 Brass',
        members: members.map((member) => ({ ...member, displayName: 'Amira Ahmed', instrument: 'trumpet' })),
      },
      at,
    );
  }

  it('follows enrolment, moves and leaving, keeps ids only, and lets a pupil’s latest event win whatever the order of arrival', async () => {
    const [oak, ash] = [newId(), newId()];
    const [stays, moves, leaves, lateEnrolment] = [newId(), newId(), newId(), newId()];
    await enrol(stays, oak, minutesAgo(30));
    await enrol(moves, oak, minutesAgo(30));
    await enrol(leaves, oak, minutesAgo(30));
    expect(await classPupils(oak)).toEqual([stays, moves, leaves].sort());

    await move(moves, oak, ash, minutesAgo(20));
    await leave(leaves, minutesAgo(20));
    expect(await classPupils(oak)).toEqual([stays]);
    expect(await classPupils(ash)).toEqual([moves]);

    // Late arrivals of older events (the enrolments again, as new event ids) change nothing.
    await enrol(moves, oak, minutesAgo(25));
    await enrol(leaves, oak, minutesAgo(25));
    expect(await classPupils(oak)).toEqual([stays]);
    // A move that arrives before the enrolment it follows: the enrolment, older, is ignored.
    await move(lateEnrolment, oak, ash, minutesAgo(10));
    await enrol(lateEnrolment, oak, minutesAgo(15));
    expect(await classPupils(ash)).toEqual([moves, lateEnrolment].sort());

    // The handlers themselves are idempotent (not only the consumer, which remembers event ids): replaying an applied event directly changes nothing.
    const moved = await move(stays, oak, ash, minutesAgo(5));
    await move(stays, ash, oak, minutesAgo(1));
    await kit.db.transaction((manager) => roster.applyPupilMoved(moved, manager));
    await kit.db.transaction((manager) => roster.applyPupilMoved(moved, manager));
    expect(await classPupils(oak)).toEqual([stays]);

    // A class is known by its school from any event naming it; an unknown class is not.
    expect(await roster.classAudience(kit.db.manager, tenantId, ash)).toMatchObject({ schoolId: schoolA });
    expect(await roster.classAudience(kit.db.manager, tenantId, newId())).toBeUndefined();
    expect(await roster.classAudience(kit.db.manager, newTenantId(), oak)).toBeUndefined();

    // Data minimisation: no names kept anywhere in the replica.
    const stored = JSON.stringify(await kit.db.query(`SELECT * FROM roster_pupils WHERE tenant_id = $1`, [tenantId]));
    expect(stored).not.toMatch(/Amira|Ahmed/);
    const columns = await kit.db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'roster_%'`,
    );
    expect(columns.map((column: { column_name: string }) => column.column_name)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/first|last|display/)]),
    );
  });

  it('replaces an ensemble’s membership with each newer snapshot, ignores an older one, and leaves out pupils who have left', async () => {
    const brass = newId();
    const [p1, p2, p3] = [newId(), newId(), newId()];
    await snapshot(
      brass,
      schoolA,
      [
        { pupilId: p1, schoolId: schoolA },
        { pupilId: p2, schoolId: schoolA },
      ],
      minutesAgo(30),
    );
    expect(await ensemblePupils(brass)).toEqual([p1, p2].sort());

    await snapshot(
      brass,
      schoolA,
      [
        { pupilId: p2, schoolId: schoolA },
        { pupilId: p3, schoolId: schoolA },
      ],
      minutesAgo(20),
    );
    expect(await ensemblePupils(brass)).toEqual([p2, p3].sort());
    // An older snapshot arriving late is ignored.
    await snapshot(brass, schoolA, [{ pupilId: p1, schoolId: schoolA }], minutesAgo(25));
    expect(await ensemblePupils(brass)).toEqual([p2, p3].sort());

    // Leaving takes a pupil out even before scheduling's next snapshot arrives.
    await leave(p3, minutesAgo(10));
    expect(await ensemblePupils(brass)).toEqual([p2]);
    await snapshot(brass, schoolA, [], minutesAgo(5));
    expect(await ensemblePupils(brass)).toEqual([]);
    expect(await roster.ensembleAudience(kit.db.manager, tenantId, brass)).toEqual({ schoolId: schoolA, members: [] });
    expect(await roster.ensembleAudience(kit.db.manager, tenantId, newId())).toBeUndefined();
  });

  it('moves a family to their child’s new school at once: its staff see the family, the old school’s no longer', async () => {
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId: schoolA }]);
    expect((await kit.call(guardian, 'GET', '/families/me')).statusCode).toBe(200);
    const familiesSeenBy = async (schoolId: string) =>
      (await kit.call(personas.headteacher(tenantId, schoolId), 'GET', '/families?limit=100'))
        .json()
        .items.map((family: { guardianId: string }) => family.guardianId);
    expect(await familiesSeenBy(schoolA)).toContain(guardian.userId);

    await enrol(pupilId, null, minutesAgo(30));
    await move(pupilId, null, null, minutesAgo(10), schoolB);
    expect(await familiesSeenBy(schoolB)).toContain(guardian.userId);
    expect(await familiesSeenBy(schoolA)).not.toContain(guardian.userId);
    // An older event arriving late does not move the family back.
    await enrol(pupilId, null, minutesAgo(20));
    expect(await familiesSeenBy(schoolB)).toContain(guardian.userId);
  });

  it('gives a cross-school ensemble’s pupils their current school', async () => {
    const orchestra = newId();
    const [fromA, fromB] = [newId(), newId()];
    await snapshot(
      orchestra,
      null,
      [
        { pupilId: fromA, schoolId: schoolA },
        { pupilId: fromB, schoolId: schoolB },
      ],
      minutesAgo(30),
    );
    await move(fromA, null, null, minutesAgo(10), schoolB);
    const audience = await roster.ensembleAudience(kit.db.manager, tenantId, orchestra);
    expect(audience?.schoolId).toBeNull();
    expect(audience?.members.map((member) => member.schoolId)).toEqual([schoolB, schoolB]);
  });

  describe('the area’s schools (scheduling.school.created and .updated)', () => {
    const school = (type: 'scheduling.school.created' | 'scheduling.school.updated', schoolId: string, at: Date, tenant = tenantId) =>
      kit.applyEvent(tenant, type, { version: 1, schoolId, name: 'St Mary’s Primary', urn: '100001', phase: 'primary' }, at);
    const mark = async (schoolId: string, tenant = tenantId) =>
      (
        await kit.db.query(`SELECT event_id AS "eventId" FROM roster_schools WHERE tenant_id = $1 AND school_id = $2`, [tenant, schoolId])
      )[0] as { eventId: string } | undefined;
    const knows = (schoolId: string, tenant = tenantId) => roster.knowsSchool(kit.db.manager, tenant, schoolId);

    it('knows a school from its created event alone, with no family, pupil, class or ensemble, and keeps no name', async () => {
      const created = newId();
      expect(await knows(created)).toBe(false);
      const event = await school('scheduling.school.created', created, minutesAgo(10));
      expect(await knows(created)).toBe(true);
      expect(await mark(created)).toEqual({ eventId: event.id });
      const stored = JSON.stringify(await kit.db.query(`SELECT * FROM roster_schools WHERE tenant_id = $1`, [tenantId]));
      expect(stored).not.toMatch(/St Mary|100001|primary/);
    });

    it('knows a school first told of by an update (the republisher sends every school as updated), and follows each newer update', async () => {
      const republished = newId();
      const first = await school('scheduling.school.updated', republished, minutesAgo(20));
      expect(await knows(republished)).toBe(true);
      expect(await mark(republished)).toEqual({ eventId: first.id });
      const later = await school('scheduling.school.updated', republished, minutesAgo(5));
      expect(await mark(republished)).toEqual({ eventId: later.id });
    });

    it('changes nothing for a redelivered event or an older one arriving late', async () => {
      const schoolId = newId();
      await school('scheduling.school.created', schoolId, minutesAgo(30));
      const newest = await school('scheduling.school.updated', schoolId, minutesAgo(5));
      // The older created event, delivered again as a new event id, does not overwrite the newer update's mark.
      await school('scheduling.school.created', schoolId, minutesAgo(30));
      expect(await mark(schoolId)).toEqual({ eventId: newest.id });
      // The handler itself is idempotent, not only the consumer that remembers event ids.
      await kit.db.transaction((manager) => roster.applySchool(newest, manager));
      await kit.db.transaction((manager) => roster.applySchool(newest, manager));
      expect(await mark(schoolId)).toEqual({ eventId: newest.id });
      expect(
        (
          await kit.db.query(`SELECT count(*)::int AS n FROM roster_schools WHERE tenant_id = $1 AND school_id = $2`, [tenantId, schoolId])
        )[0].n,
      ).toBe(1);
    });

    it('keeps each area’s schools to itself: another area’s school is not known here, nor this one’s there', async () => {
      const otherArea = newTenantId();
      const theirs = newId();
      const ours = newId();
      await school('scheduling.school.created', theirs, minutesAgo(10), otherArea);
      await school('scheduling.school.created', ours, minutesAgo(10));
      expect(await knows(theirs, otherArea)).toBe(true);
      expect(await knows(theirs)).toBe(false);
      expect(await knows(ours)).toBe(true);
      expect(await knows(ours, otherArea)).toBe(false);
      expect(await mark(theirs)).toBeUndefined();
    });
  });
});

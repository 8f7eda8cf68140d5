import { newId } from '@tutti/platform';
import { expecting } from '../testing/api';
import { adminOf, headteacherOf, newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface Member {
  id: string;
  pupilId: string | null;
  joinedOn: string;
  leftOn: string | null;
}

/**
 * A move between levels in one call: joining one ensemble with `leavingEnsembleId` ends the pupil's
 * membership of the other on the same day, in the same change, so that a refusal leaves both as
 * they were (two calls could leave a pupil in both).
 */
describe('a level move in one call', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let otherSchool: string;
  let pupil: string;
  let beginners: string;
  let intermediate: string;
  let advanced: string;
  let club: string;
  let otherSchoolBand: string;

  const ensemble = async (schoolId: string, name: string, level?: string) =>
    (await call(admin, 'POST', '/ensembles', { schoolId, name, kind: 'orchestra', strand: 'curriculum', ...(level ? { level } : {}) }, 201))
      .id;
  const meetsAt = (ensembleId: string, firstOn: string, startTime: string) =>
    call(admin, 'POST', '/sessions', { ensembleId, recurrence: 'once', firstOn, startTime, durationMinutes: 60 }, 201);
  const members = async (ensembleId: string) =>
    (await call<{ items: Member[] }>(admin, 'GET', `/ensembles/${ensembleId}/members?includeFormer=true`, undefined, 200)).items.filter(
      (member) => member.pupilId === pupil,
    );

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Level Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Other Primary', phase: 'primary' }, 201)).id;
    pupil = (await call(admin, 'POST', '/pupils', { schoolId: school, firstName: 'Lev', lastName: 'Mover', yearGroup: 5 }, 201)).id;
    beginners = await ensemble(school, 'Beginner Strings', 'beginner');
    intermediate = await ensemble(school, 'Intermediate Strings', 'intermediate');
    advanced = await ensemble(school, 'Advanced Strings', 'advanced');
    club = await ensemble(school, 'Friday Club');
    otherSchoolBand = await ensemble(otherSchool, 'Other Band');
    // Beginners and intermediates meet at the same hour (a move must not count the one left as a clash);
    // advanced meets when the club does (a move there clashes).
    await meetsAt(beginners, '2027-01-06', '15:30');
    await meetsAt(intermediate, '2027-01-06', '15:30');
    await meetsAt(advanced, '2027-01-08', '15:30');
    await meetsAt(club, '2027-01-08', '15:30');
    await call(admin, 'POST', `/ensembles/${beginners}/members`, { pupilId: pupil, instrument: 'violin', joinedOn: '2026-09-07' }, 201);
    await call(admin, 'POST', `/ensembles/${club}/members`, { pupilId: pupil, joinedOn: '2026-09-07' }, 201);
  });

  it('refuses what it cannot do, naming the field, and changes nothing', async () => {
    const move = (body: object) => kit.call(admin, 'POST', `/ensembles/${intermediate}/members`, { pupilId: pupil, ...body });
    const fieldOf = (response: { body: { errors?: { field: string }[] } }) => response.body.errors?.map((error) => error.field);
    expect(fieldOf(await move({ leavingEnsembleId: 'beginners' }))).toEqual(['leavingEnsembleId']);
    expect(fieldOf(await move({ leavingEnsembleId: intermediate }))).toEqual(['leavingEnsembleId']);
    expect(fieldOf(await move({ leavingEnsembleId: advanced, joinedOn: '2027-01-04' }))).toEqual(['leavingEnsembleId']);
    expect(fieldOf(await move({ leavingEnsembleId: beginners, joinedOn: '2026-09-01' }))).toEqual(['joinedOn']);
    const staffMove = await kit.call(admin, 'POST', `/ensembles/${intermediate}/members`, {
      staffId: newId(),
      leavingEnsembleId: beginners,
    });
    expect(fieldOf(staffMove)).toEqual(['leavingEnsembleId']);
    expect((await move({ leavingEnsembleId: newId(), joinedOn: '2027-01-04' })).status).toBe(404);
    const anotherTenant = adminOf(newTenantId());
    expect(
      (await kit.call(anotherTenant, 'POST', `/ensembles/${intermediate}/members`, { pupilId: pupil, leavingEnsembleId: beginners }))
        .status,
    ).toBe(404);
    const otherHead = headteacherOf(tenantId, [otherSchool]);
    expect(
      (await kit.call(otherHead, 'POST', `/ensembles/${otherSchoolBand}/members`, { pupilId: pupil, leavingEnsembleId: beginners })).status,
    ).toBe(404);
    expect(await members(beginners)).toEqual([expect.objectContaining({ leftOn: null })]);
    expect(await members(intermediate)).toEqual([]);
  });

  it('a clash with another of their ensembles refuses the move, and they stay where they were', async () => {
    const refused = await kit.call<{ conflicts: { kind: string }[] }>(admin, 'POST', `/ensembles/${advanced}/members`, {
      pupilId: pupil,
      joinedOn: '2027-01-04',
      leavingEnsembleId: beginners,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts.map((clash) => clash.kind)).toEqual(['pupil']);
    expect(await members(beginners)).toEqual([expect.objectContaining({ leftOn: null })]);
    expect(await members(advanced)).toEqual([]);
  });

  it('moves a headteacher’s pupil up a level: joined and left on the same day, the level left not counted as a clash', async () => {
    const head = headteacherOf(tenantId, [school]);
    const joined = await call<Member>(
      head,
      'POST',
      `/ensembles/${intermediate}/members`,
      { pupilId: pupil, instrument: 'violin', joinedOn: '2027-01-04', leavingEnsembleId: beginners },
      201,
    );
    expect(joined).toMatchObject({ pupilId: pupil, joinedOn: '2027-01-04', leftOn: null });
    expect(await members(beginners)).toEqual([expect.objectContaining({ joinedOn: '2026-09-07', leftOn: '2027-01-04' })]);
    expect(await members(intermediate)).toEqual([expect.objectContaining({ id: joined.id, leftOn: null })]);
    const events = await kit.db.query(
      `SELECT payload->>'ensembleId' AS "ensembleId", payload->>'change' AS change FROM outbox_events
        WHERE tenant_id = $1 AND type = 'scheduling.ensemble-membership.changed' AND payload->>'pupilId' = $2 AND payload->>'on' = '2027-01-04'
        ORDER BY payload->>'change'`,
      [tenantId, pupil],
    );
    expect(events).toEqual([
      { ensembleId: intermediate, change: 'joined' },
      { ensembleId: beginners, change: 'left' },
    ]);
  });
});

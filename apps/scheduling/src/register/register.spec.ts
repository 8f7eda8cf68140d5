import { newId } from '@tutti/platform';
import { expecting, ifMatch } from '../testing/api';
import { adminOf, newTenantId, tutorOf } from '../testing/identities';
import { clearToWorkWithChildren } from '../testing/safeguarding';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface Register {
  submissionId: string | null;
  entries: { pupilId: string | null; staffId: string | null; name: string; status: string | null }[];
}

describe('the register: one request, retried safely', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  const tutorUser = newId();
  let tutor: ReturnType<typeof tutorOf>;
  let school: string;
  let otherSchool: string;
  let pupils: string[];
  let staffMember: string;
  let occurrenceId: string;
  let ensemble: string;

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Register Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Elsewhere Primary', phase: 'primary' }, 201)).id;
    tutor = tutorOf(tenantId, [school], tutorUser);
    const tutorStaff = (
      await call(admin, 'POST', '/staff', { kind: 'tutor', displayName: 'Tom Brass', userId: tutorUser, schoolIds: [school] }, 201)
    ).id;
    await clearToWorkWithChildren(kit, admin, tutorStaff);
    staffMember = (await call(admin, 'POST', '/staff', { kind: 'school_staff', displayName: 'Ms Class Teacher', schoolIds: [school] }, 201))
      .id;
    await clearToWorkWithChildren(kit, admin, staffMember);
    ensemble = (
      await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Y4 Brass', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    pupils = [];
    for (const name of ['Ada', 'Bo', 'Cy']) {
      const pupil = (await call(admin, 'POST', '/pupils', { schoolId: school, firstName: name, lastName: 'Pupil', yearGroup: 4 }, 201)).id;
      await call(admin, 'POST', `/ensembles/${ensemble}/members`, { pupilId: pupil, instrument: 'trumpet', joinedOn: '2026-01-05' }, 201);
      pupils.push(pupil);
    }
    await call(
      admin,
      'POST',
      `/ensembles/${ensemble}/members`,
      { staffId: staffMember, instrument: 'trombone', joinedOn: '2026-01-05' },
      201,
    );
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: ensemble, recurrence: 'once', firstOn: '2026-03-16', startTime: '09:00', durationMinutes: 60, tutorIds: [tutorStaff] },
      201,
    );
    const mine = await call<{ items: { id: string }[] }>(tutor, 'GET', '/me/occurrences?date=2026-03-16', undefined, 200);
    occurrenceId = mine.items[0].id;
  });

  const marks = (statuses: string[]) => [
    ...pupils.map((pupilId, i) => ({ markId: newId(), pupilId, status: statuses[i] })),
    { markId: newId(), staffId: staffMember, status: statuses[3] },
  ];
  const attendanceRows = async () =>
    kit.db.query('SELECT pupil_id, staff_id, status FROM attendance WHERE tenant_id = $1 AND occurrence_id = $2 ORDER BY status', [
      tenantId,
      occurrenceId,
    ]);

  it('lists every member, pupils and school staff alike, before it is taken', async () => {
    const register = await call<Register>(tutor, 'GET', `/occurrences/${occurrenceId}/register`, undefined, 200);
    expect(register.submissionId).toBeNull();
    expect(register.entries.map((e) => [e.name, e.status])).toEqual([
      ['Ada Pupil', null],
      ['Bo Pupil', null],
      ['Cy Pupil', null],
      ['Ms Class Teacher', null],
    ]);
  });

  it('takes the register in one request; the same submission again changes nothing; a new one replaces it', async () => {
    const first = { submissionId: newId(), marks: marks(['present', 'late', 'absent', 'present']) };
    const taken = await kit.call<Register>(tutor, 'POST', `/occurrences/${occurrenceId}/register`, first);
    expect(taken.status).toBe(201);
    expect(taken.body.entries.map((e) => e.status)).toEqual(['present', 'late', 'absent', 'present']);

    const retried = await kit.call<Register>(tutor, 'POST', `/occurrences/${occurrenceId}/register`, first);
    expect(retried.status).toBe(200);
    expect(await attendanceRows()).toHaveLength(4);

    const second = { submissionId: newId(), marks: marks(['present', 'present', 'excused', 'present']) };
    expect((await kit.call(tutor, 'POST', `/occurrences/${occurrenceId}/register`, second)).status).toBe(201);
    // The first submission, arriving late from a phone that lost signal, does not undo the second.
    expect((await kit.call(tutor, 'POST', `/occurrences/${occurrenceId}/register`, first)).status).toBe(200);
    const rows = await attendanceRows();
    expect(rows.map((r: { status: string }) => r.status).sort()).toEqual(['excused', 'present', 'present', 'present']);
    const current = await call<Register>(tutor, 'GET', `/occurrences/${occurrenceId}/register`, undefined, 200);
    expect(current.submissionId).toBe(second.submissionId);
    const [{ n }] = await kit.db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1 AND type = 'scheduling.attendance.recorded'`,
      [tenantId],
    );
    expect(n).toBe(2);
    const [{ delivered }] = await kit.db.query('SELECT delivered_at IS NOT NULL AS delivered FROM occurrences WHERE id = $1', [
      occurrenceId,
    ]);
    expect(delivered).toBe(true);
  });

  it('refuses marks for someone not in the ensemble, naming the mark', async () => {
    const outsider = (await call(admin, 'POST', '/pupils', { schoolId: school, firstName: 'Out', lastName: 'Sider', yearGroup: 4 }, 201))
      .id;
    const bad = await kit.call<{ errors: { field: string }[] }>(tutor, 'POST', `/occurrences/${occurrenceId}/register`, {
      submissionId: newId(),
      marks: [
        { markId: newId(), pupilId: outsider, status: 'present' },
        { markId: newId(), pupilId: pupils[0], status: 'sleeping' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['marks[1].status']);
    const notMember = await kit.call<{ errors: { field: string }[] }>(tutor, 'POST', `/occurrences/${occurrenceId}/register`, {
      submissionId: newId(),
      marks: [{ markId: newId(), pupilId: outsider, status: 'present' }],
    });
    expect(notMember.status).toBe(400);
    expect(notMember.body.errors.map((e) => e.field)).toEqual(['marks[0].pupilId']);
  });

  it('is 404 for a tutor of another school and for another area', async () => {
    const stranger = tutorOf(tenantId, [otherSchool]);
    expect((await kit.call(stranger, 'GET', `/occurrences/${occurrenceId}/register`)).status).toBe(404);
    expect(
      (await kit.call(adminOf(newTenantId()), 'POST', `/occurrences/${occurrenceId}/register`, { submissionId: newId(), marks: [] }))
        .status,
    ).toBe(404);
  });

  it('keeps one rehearsal note per session, replaced on edit', async () => {
    const first = await call(
      tutor,
      'PUT',
      `/occurrences/${occurrenceId}/rehearsal-note`,
      { repertoire: ['Ode to Joy'], focus: 'breathing' },
      200,
    );
    const note = await call<{ repertoire: string[]; focus: string; notes: string }>(
      tutor,
      'PUT',
      `/occurrences/${occurrenceId}/rehearsal-note`,
      { repertoire: ['Ode to Joy', 'Frère Jacques'], focus: 'dynamics', notes: 'Bo led the round' },
      200,
      ifMatch(first),
    );
    expect(note).toMatchObject({
      repertoire: ['Ode to Joy', 'Frère Jacques'],
      focus: 'dynamics',
      notes: 'Bo led the round',
      authorUserId: tutorUser,
    });
    const bad = await kit.call<{ errors: { field: string }[] }>(tutor, 'PUT', `/occurrences/${occurrenceId}/rehearsal-note`, {
      repertoire: 'Ode to Joy',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('repertoire');
  });

  it('has no register for a cancelled session', async () => {
    const session = await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: ensemble, recurrence: 'once', firstOn: '2026-03-17', startTime: '09:00', durationMinutes: 60 },
      201,
    );
    const [occurrence] = (await call<{ items: { id: string }[] }>(admin, 'GET', `/occurrences?sessionId=${session.id}`, undefined, 200))
      .items;
    await call(admin, 'POST', `/occurrences/${occurrence.id}/cancel`, {}, 200);
    const refused = await kit.call(admin, 'POST', `/occurrences/${occurrence.id}/register`, { submissionId: newId(), marks: [] });
    expect(refused.status).toBe(409);
  });
});

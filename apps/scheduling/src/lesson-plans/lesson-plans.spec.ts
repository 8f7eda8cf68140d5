import { newId } from '@tutti/platform';
import { expecting, ifMatch } from '../testing/api';
import { adminOf, newTenantId, schoolStaffOf, tutorOf } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

describe('joint lesson plans of a class teacher and a tutor', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let otherSchool: string;
  let classId: string;
  let term: string;
  let teacher: string;
  let tutor: string;
  let occurrenceId: string;

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Plan Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Other Primary', phase: 'primary' }, 201)).id;
    classId = (await call(admin, 'POST', '/classes', { schoolId: school, name: 'Y4 Ash', yearGroup: 4 }, 201)).id;
    term = (await call(admin, 'POST', '/terms', { name: 'Spring 2026', startsOn: '2026-01-05', endsOn: '2026-03-27' }, 201)).id;
    teacher = (await call(admin, 'POST', '/staff', { kind: 'school_staff', displayName: 'Ms Teacher', schoolIds: [school] }, 201)).id;
    tutor = (await call(admin, 'POST', '/staff', { kind: 'tutor', displayName: 'Mr Tutor', schoolIds: [school] }, 201)).id;
    const ensemble = (
      await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Y4 Strings', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: ensemble, recurrence: 'once', firstOn: '2026-02-02', startTime: '09:00', durationMinutes: 60 },
      201,
    );
    occurrenceId = (await call<{ items: { id: string }[] }>(admin, 'GET', `/occurrences?ensembleId=${ensemble}`, undefined, 200)).items[0]
      .id;
  });

  it('records a plan with both authors and its session, listed per class and term', async () => {
    const staff = schoolStaffOf(tenantId, [school]);
    const plan = await call(
      staff,
      'POST',
      '/lesson-plans',
      {
        classId,
        termId: term,
        occurrenceId,
        subject: 'Science',
        topic: 'How sound travels',
        musicalActivity: 'Feel the string vibrate; high and low notes',
        classTeacherId: teacher,
        tutorId: tutor,
      },
      201,
    );
    expect(plan).toMatchObject({ classTeacherName: 'Ms Teacher', tutorName: 'Mr Tutor', sessionStartsAt: '2026-02-02T09:00:00.000Z' });
    await call(
      tutorOf(tenantId, [school]),
      'POST',
      '/lesson-plans',
      {
        classId,
        termId: term,
        subject: 'History',
        topic: 'The Victorians',
        musicalActivity: 'Music hall songs',
        classTeacherId: teacher,
        tutorId: tutor,
      },
      201,
    );
    const page1 = await call<{ items: { topic: string }[]; nextCursor: string }>(
      staff,
      'GET',
      `/lesson-plans?classId=${classId}&termId=${term}&limit=1`,
      undefined,
      200,
    );
    const page2 = await call<{ items: { topic: string }[]; nextCursor: string | null }>(
      staff,
      'GET',
      `/lesson-plans?classId=${classId}&termId=${term}&limit=1&cursor=${page1.nextCursor}`,
      undefined,
      200,
    );
    expect([...page1.items, ...page2.items].map((p) => p.topic)).toEqual(['How sound travels', 'The Victorians']);
    const edited = await call(staff, 'PATCH', `/lesson-plans/${plan.id}`, { topic: 'Pitch and vibration' }, 200, ifMatch(plan));
    expect(edited.topic).toBe('Pitch and vibration');
  });

  it('insists the authors work at the class’s school in their roles, and hides the class from other schools', async () => {
    const wrong = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/lesson-plans', {
      classId,
      termId: term,
      subject: 'Maths',
      topic: 'Fractions',
      musicalActivity: 'Note values',
      classTeacherId: tutor,
      tutorId: teacher,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e) => e.field)).toEqual(['classTeacherId', 'tutorId']);
    const missing = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/lesson-plans', {
      classId,
      termId: term,
      subject: 'Maths',
    });
    expect([...new Set(missing.body.errors.map((e) => e.field))]).toEqual(['topic', 'musicalActivity', 'classTeacherId', 'tutorId']);
    expect((await kit.call(schoolStaffOf(tenantId, [otherSchool]), 'GET', `/lesson-plans?classId=${classId}`)).status).toBe(404);
    expect((await kit.call(admin, 'GET', `/lesson-plans/${newId()}`)).status).toBe(404);
  });

  it('writes a plan once per Idempotency-Key: a retry answers the first plan, another body with that key is a 422', async () => {
    const summer = (await call(admin, 'POST', '/terms', { name: 'Summer 2026', startsOn: '2026-04-13', endsOn: '2026-07-17' }, 201)).id;
    const staff = schoolStaffOf(tenantId, [school]);
    const body = {
      classId,
      termId: summer,
      subject: 'Geography',
      topic: 'Rivers',
      musicalActivity: 'The Moldau, flowing lines',
      classTeacherId: teacher,
      tutorId: tutor,
    };
    const key = { 'idempotency-key': `plan-${newId()}` };
    const first = await call(staff, 'POST', '/lesson-plans', body, 201, key);
    const again = await call(staff, 'POST', '/lesson-plans', body, 201, key);
    expect(again).toEqual(first);
    const reused = await kit.call<{ errors: { field: string; rule: string }[] }>(
      staff,
      'POST',
      '/lesson-plans',
      { ...body, topic: 'Mountains' },
      key,
    );
    expect(reused.status).toBe(422);
    expect(reused.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'reused' })]);
    // A refused first request does not keep the key: the corrected request with it is written.
    const badKey = { 'idempotency-key': `plan-${newId()}` };
    expect((await kit.call(staff, 'POST', '/lesson-plans', { ...body, tutorId: teacher }, badKey)).status).toBe(400);
    const corrected = await call(staff, 'POST', '/lesson-plans', { ...body, topic: 'Coasts' }, 201, badKey);
    // Another caller's key is theirs alone: the same key makes their own plan.
    const other = await call(tutorOf(tenantId, [school]), 'POST', '/lesson-plans', body, 201, key);
    expect(other.id).not.toBe(first.id);
    const plans = await call<{ items: { id: string; topic: string }[] }>(
      staff,
      'GET',
      `/lesson-plans?classId=${classId}&termId=${summer}`,
      undefined,
      200,
    );
    expect(plans.items.map((p) => p.id)).toEqual([first.id, corrected.id, other.id]);
    // Another area with the same key and body: the class is not theirs to see.
    const elsewhere = await kit.call(schoolStaffOf(newTenantId(), [school]), 'POST', '/lesson-plans', body, key);
    expect(elsewhere.status).toBe(404);
  });
});

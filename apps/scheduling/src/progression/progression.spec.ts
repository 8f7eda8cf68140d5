import { newId } from '@tutti/platform';
import { expecting, ifMatch } from '../testing/api';
import { adminOf, guardianOf, newTenantId, tutorOf } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface Progression {
  examEntries: { id: string; grade: number; result: string | null }[];
  ensembles: { ensembleName: string; level: string | null; leftOn: string | null }[];
  levelMoves: { on: string; fromLevel: string | null; toLevel: string }[];
  sessionsAttended: Record<string, number>;
}

describe('progression: graded exams, moves between levels, participation', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let pupil: string;

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Progress Primary', phase: 'primary' }, 201)).id;
    pupil = (await call(admin, 'POST', '/pupils', { schoolId: school, firstName: 'Pia', lastName: 'Progress', yearGroup: 5 }, 201)).id;
    const beginners = (
      await call(
        admin,
        'POST',
        '/ensembles',
        { name: 'Area Beginners Strings', kind: 'orchestra', strand: 'weekend', level: 'beginner' },
        201,
      )
    ).id;
    const intermediate = (
      await call(
        admin,
        'POST',
        '/ensembles',
        { name: 'Area Youth Orchestra', kind: 'orchestra', strand: 'weekend', level: 'intermediate' },
        201,
      )
    ).id;
    const club = (
      await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Strings Club', kind: 'band', strand: 'after_school' }, 201)
    ).id;
    const first = await call(
      admin,
      'POST',
      `/ensembles/${beginners}/members`,
      { pupilId: pupil, instrument: 'violin', joinedOn: '2025-09-06' },
      201,
    );
    await call(admin, 'POST', `/ensembles/${beginners}/members/${first.id}/leave`, { leftOn: '2026-01-09' }, 200);
    await call(admin, 'POST', `/ensembles/${intermediate}/members`, { pupilId: pupil, instrument: 'violin', joinedOn: '2026-01-10' }, 201);
    await call(admin, 'POST', `/ensembles/${club}/members`, { pupilId: pupil, instrument: 'violin', joinedOn: '2025-09-01' }, 201);
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: club, recurrence: 'once', firstOn: '2026-03-04', startTime: '15:30', durationMinutes: 45 },
      201,
    );
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: intermediate, recurrence: 'once', firstOn: '2026-03-07', startTime: '10:00', durationMinutes: 120 },
      201,
    );
    const occurrences = (await call<{ items: { id: string }[] }>(admin, 'GET', '/occurrences', undefined, 200)).items;
    for (const occurrence of occurrences) {
      await call(
        admin,
        'POST',
        `/occurrences/${occurrence.id}/register`,
        { submissionId: newId(), marks: [{ markId: newId(), pupilId: pupil, status: 'present' }] },
        201,
      );
    }
  });

  it('records an exam entry and its result, and shows the pupil’s progression', async () => {
    const tutor = tutorOf(tenantId, [school]);
    const entry = await call(
      tutor,
      'POST',
      `/pupils/${pupil}/exam-entries`,
      { board: 'ABRSM', grade: 2, instrument: 'violin', enteredOn: '2026-02-01', examOn: '2026-03-10' },
      201,
    );
    await call(tutor, 'PATCH', `/exam-entries/${entry.id}/result`, { result: 'merit', marks: 125 }, 200, ifMatch(entry));
    const progression = await call<Progression>(
      guardianOf(tenantId, [{ pupilId: pupil, schoolId: school }]),
      'GET',
      `/pupils/${pupil}/progression`,
      undefined,
      200,
    );
    expect(progression.examEntries).toEqual([expect.objectContaining({ grade: 2, result: 'merit', marks: 125, examOn: '2026-03-10' })]);
    expect(progression.levelMoves).toEqual([
      { on: '2025-09-06', fromLevel: null, toLevel: 'beginner', ensembleName: 'Area Beginners Strings' },
      { on: '2026-01-10', fromLevel: 'beginner', toLevel: 'intermediate', ensembleName: 'Area Youth Orchestra' },
    ]);
    expect(progression.sessionsAttended).toEqual({ curriculum: 0, after_school: 1, weekend: 1, holiday: 0 });
  });

  it('validates entries and hides other pupils', async () => {
    const bad = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', `/pupils/${pupil}/exam-entries`, {
      board: 'ABRSM',
      grade: 9,
      instrument: 'violin',
      enteredOn: '2026-02-01',
    });
    expect(bad.body.errors.map((e) => e.field)).toEqual(['grade']);
    const badResult = await kit.call<{ errors: { field: string }[] }>(
      admin,
      'PATCH',
      `/exam-entries/${newId()}/result`,
      { result: 'gold' },
      { 'if-match': '"1"' },
    );
    expect(badResult.body.errors.map((e) => e.field)).toEqual(['result']);
    expect((await kit.call(admin, 'PATCH', `/exam-entries/${newId()}/result`, { result: 'pass' }, { 'if-match': '"1"' })).status).toBe(404);
    expect((await kit.call(guardianOf(tenantId, []), 'GET', `/pupils/${pupil}/progression`)).status).toBe(404);
    expect(
      (
        await kit.call(tutorOf(tenantId, [newId()]), 'POST', `/pupils/${pupil}/exam-entries`, {
          board: 'ABRSM',
          grade: 1,
          instrument: 'violin',
          enteredOn: '2026-02-01',
        })
      ).status,
    ).toBe(404);
  });

  it('lists exam entries newest first (exam date, then entered), paging through without a gap or a repeat', async () => {
    const listSchool = (await call(admin, 'POST', '/schools', { name: 'Exam Order Primary', phase: 'primary' }, 201)).id;
    const otto = (await call(admin, 'POST', '/pupils', { schoolId: listSchool, firstName: 'Otto', lastName: 'Order', yearGroup: 6 }, 201))
      .id;
    const enter = async (grade: number, examOn?: string): Promise<string> =>
      (
        await call(
          admin,
          'POST',
          `/pupils/${otto}/exam-entries`,
          { board: 'Trinity', grade, instrument: 'cello', enteredOn: '2026-01-15', ...(examOn ? { examOn } : {}) },
          201,
        )
      ).id;
    const march = await enter(1, '2026-03-10');
    const june = await enter(2, '2026-06-20');
    const undated = await enter(3);
    const marchLater = await enter(4, '2026-03-10');
    const february = await enter(5, '2026-02-01');
    const seen: { id: string; examOn: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; examOn: string | null }[]; nextCursor: string | null } = await call(
        admin,
        'GET',
        `/exam-entries?schoolId=${listSchool}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        undefined,
        200,
      );
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.id)).toEqual([undated, june, marchLater, march, february]);
    expect(seen.map((e) => e.examOn)).toEqual([null, '2026-06-20', '2026-03-10', '2026-03-10', '2026-02-01']);
    const forged = Buffer.from(JSON.stringify(['soon', newId()])).toString('base64url');
    const bad = await kit.call<{ errors: { field: string }[] }>(admin, 'GET', `/exam-entries?cursor=${forged}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['cursor']);
    // Another area lists none of them.
    const elsewhere = await call<{ items: unknown[] }>(adminOf(newTenantId()), 'GET', '/exam-entries', undefined, 200);
    expect(elsewhere.items).toEqual([]);
  });
});

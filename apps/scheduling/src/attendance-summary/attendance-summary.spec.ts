import { newId } from '@tutti/platform';
import { expecting } from '../testing/api';
import { adminOf, headteacherOf, newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface Summary {
  weeks: {
    weekStarting: string;
    marks: number;
    present: number;
    late: number;
    absent: number;
    excused: number;
    attendedPercent: number | null;
  }[];
  overall: { marks: number; attendedPercent: number | null };
}

describe('attendance summary per week for a school', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let otherSchool: string;

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Weekly Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Other Primary', phase: 'primary' }, 201)).id;
    const pupil = async (schoolId: string, firstName: string) =>
      (await call(admin, 'POST', '/pupils', { schoolId, firstName, lastName: 'Test', yearGroup: 4 }, 201)).id;
    const [p1, p2, p3] = [await pupil(school, 'One'), await pupil(school, 'Two'), await pupil(school, 'Three')];
    const elsewhere = await pupil(otherSchool, 'Elsewhere');
    const strings = (
      await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Strings', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    const other = (
      await call(admin, 'POST', '/ensembles', { schoolId: otherSchool, name: 'Brass', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    for (const pupilId of [p1, p2, p3])
      await call(admin, 'POST', `/ensembles/${strings}/members`, { pupilId, joinedOn: '2026-01-05' }, 201);
    await call(admin, 'POST', `/ensembles/${other}/members`, { pupilId: elsewhere, joinedOn: '2026-01-05' }, 201);
    for (const day of ['2026-03-02', '2026-03-09', '2026-03-16']) {
      await call(
        admin,
        'POST',
        '/sessions',
        { ensembleId: strings, recurrence: 'once', firstOn: day, startTime: '09:00', durationMinutes: 60 },
        201,
      );
    }
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: other, recurrence: 'once', firstOn: '2026-03-02', startTime: '09:00', durationMinutes: 60 },
      201,
    );
    const occurrences = (
      await call<{ items: { id: string; localDate: string; title: string }[] }>(
        admin,
        'GET',
        `/occurrences?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z`,
        undefined,
        200,
      )
    ).items;
    const on = (date: string, ensembleTitle: string) =>
      occurrences.find((o) => o.localDate === date && o.title.includes(ensembleTitle))?.id ?? '';
    const register = (occurrenceId: string, marks: [string, string][]) =>
      call(
        admin,
        'POST',
        `/occurrences/${occurrenceId}/register`,
        { submissionId: newId(), marks: marks.map(([pupilId, status]) => ({ markId: newId(), pupilId, status })) },
        201,
      );
    await register(on('2026-03-02', 'Strings'), [
      [p1, 'present'],
      [p2, 'late'],
      [p3, 'absent'],
    ]);
    await register(on('2026-03-09', 'Strings'), [
      [p1, 'present'],
      [p2, 'excused'],
    ]);
    await register(on('2026-03-02', 'Brass'), [[elsewhere, 'absent']]);
    await call(admin, 'POST', `/occurrences/${on('2026-03-16', 'Strings')}/cancel`, {}, 200);
  });

  it('counts the school’s pupils’ marks per week, present or late as attended', async () => {
    const summary = await call<Summary>(
      headteacherOf(tenantId, [school]),
      'GET',
      `/attendance-summaries/schools/${school}?from=2026-03-01&to=2026-03-31`,
      undefined,
      200,
    );
    expect(summary.weeks).toEqual([
      { weekStarting: '2026-03-02', marks: 3, present: 1, late: 1, absent: 1, excused: 0, attendedPercent: 67 },
      { weekStarting: '2026-03-09', marks: 2, present: 1, late: 0, absent: 0, excused: 1, attendedPercent: 50 },
    ]);
    expect(summary.overall).toMatchObject({ marks: 5, attendedPercent: 60 });
  });

  it('answers an empty period with no weeks and no percentage', async () => {
    const summary = await call<Summary>(
      admin,
      'GET',
      `/attendance-summaries/schools/${school}?from=2026-05-01&to=2026-05-31`,
      undefined,
      200,
    );
    expect(summary.weeks).toEqual([]);
    expect(summary.overall).toMatchObject({ marks: 0, attendedPercent: null });
  });

  it('hides another school from a headteacher, and names a bad period', async () => {
    expect(
      (
        await kit.call(
          headteacherOf(tenantId, [otherSchool]),
          'GET',
          `/attendance-summaries/schools/${school}?from=2026-03-01&to=2026-03-31`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await kit.call(adminOf(newTenantId()), 'GET', `/attendance-summaries/schools/${school}?from=2026-03-01&to=2026-03-31`)).status,
    ).toBe(404);
    const bad = await kit.call<{ errors: { field: string }[] }>(
      admin,
      'GET',
      `/attendance-summaries/schools/${school}?from=2026-03-31&to=2026-03-01`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('to');
    expect((await kit.call(admin, 'GET', `/attendance-summaries/schools/${school}?from=March`)).status).toBe(400);
  });
});

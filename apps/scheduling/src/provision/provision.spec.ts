import { newId } from '@tutti/platform';
import { announceTenant } from '../testing/tenants';
import { expecting } from '../testing/api';
import { adminOf, headteacherOf, newTenantId, tutorOf } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface PupilProvision {
  name: string;
  minutesByStrand: Record<string, number>;
  totalMinutes: number;
  weeklyAverageMinutes: number;
  belowTarget: boolean;
}
interface SchoolProvision {
  period: { from: string; to: string; countedTo: string; teachingWeeks: number };
  targetWeeklyMinutes: number;
  school: {
    pupils: number;
    averageWeeklyMinutes: number;
    pupilsBelowTarget: number;
    sessions: { planned: number; delivered: number; cancelled: number };
  };
  classes: { name: string; pupils: number; averageWeeklyMinutes: number; pupilsBelowTarget: number }[];
  pupils: PupilProvision[];
}

describe('provision intensity, checked against hand-computed figures', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let term: string;

  beforeAll(async () => {
    call = expecting(kit);
    await announceTenant(kit.app, tenantId);

    school = (await call(admin, 'POST', '/schools', { name: 'Intensity Primary', phase: 'primary' }, 201)).id;
    const classX = (await call(admin, 'POST', '/classes', { schoolId: school, name: 'X', yearGroup: 4 }, 201)).id;
    const classY = (await call(admin, 'POST', '/classes', { schoolId: school, name: 'Y', yearGroup: 5 }, 201)).id;
    const p1 = (
      await call(admin, 'POST', '/pupils', { schoolId: school, classId: classX, firstName: 'One', lastName: 'A', yearGroup: 4 }, 201)
    ).id;
    const p2 = (
      await call(admin, 'POST', '/pupils', { schoolId: school, classId: classX, firstName: 'Two', lastName: 'B', yearGroup: 4 }, 201)
    ).id;
    await call(admin, 'POST', '/pupils', { schoolId: school, classId: classY, firstName: 'Three', lastName: 'C', yearGroup: 5 }, 201);
    term = (await call(admin, 'POST', '/terms', { name: 'Three weeks', startsOn: '2026-03-02', endsOn: '2026-03-20' }, 201)).id;
    await call(admin, 'POST', '/holidays', { kind: 'holiday', name: 'A week off', startsOn: '2026-03-09', endsOn: '2026-03-13' }, 201);

    const strings = (
      await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Strings', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    const choir = (await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Choir', kind: 'choir', strand: 'after_school' }, 201))
      .id;
    for (const pupilId of [p1, p2]) await call(admin, 'POST', `/ensembles/${strings}/members`, { pupilId, joinedOn: '2026-01-05' }, 201);
    await call(admin, 'POST', `/ensembles/${choir}/members`, { pupilId: p1, joinedOn: '2026-01-05' }, 201);

    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: strings, recurrence: 'weekly', termId: term, weekday: 1, startTime: '09:00', durationMinutes: 60 },
      201,
    );
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: choir, recurrence: 'once', firstOn: '2026-03-04', startTime: '15:30', durationMinutes: 45 },
      201,
    );
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: strings, recurrence: 'once', firstOn: '2026-03-18', startTime: '09:00', durationMinutes: 60 },
      201,
    );
    const occurrences = (
      await call<{ items: { id: string; localDate: string }[] }>(admin, 'GET', `/occurrences?schoolId=${school}`, undefined, 200)
    ).items;
    const on = (date: string) => occurrences.filter((o) => o.localDate === date).map((o) => o.id)[0];
    const register = (occurrenceId: string, marks: [string, string][]) =>
      call(
        admin,
        'POST',
        `/occurrences/${occurrenceId}/register`,
        { submissionId: newId(), marks: marks.map(([pupilId, status]) => ({ markId: newId(), pupilId, status })) },
        201,
      );
    await register(on('2026-03-02'), [
      [p1, 'present'],
      [p2, 'present'],
    ]);
    await register(on('2026-03-16'), [
      [p1, 'late'],
      [p2, 'absent'],
    ]);
    await register(on('2026-03-04'), [[p1, 'late']]);
    await call(admin, 'POST', `/occurrences/${on('2026-03-18')}/cancel`, {}, 200);
  });

  it('reports a term per pupil, class and school against the area’s weekly target', async () => {
    const report = await call<SchoolProvision>(
      headteacherOf(tenantId, [school]),
      'GET',
      `/provision/schools/${school}?termId=${term}`,
      undefined,
      200,
    );
    expect(report.period).toEqual({ from: '2026-03-02', to: '2026-03-20', countedTo: '2026-03-20', teachingWeeks: 2 });
    expect(report.targetWeeklyMinutes).toBe(60);
    expect(
      report.pupils.map((p) => [
        p.name,
        p.minutesByStrand.curriculum,
        p.minutesByStrand.after_school,
        p.totalMinutes,
        p.weeklyAverageMinutes,
        p.belowTarget,
      ]),
    ).toEqual([
      ['One A', 120, 45, 165, 82.5, false],
      ['Two B', 60, 0, 60, 30, true],
      ['Three C', 0, 0, 0, 0, true],
    ]);
    expect(report.classes).toEqual([
      expect.objectContaining({
        name: 'X',
        pupils: 2,
        averageWeeklyMinutes: 56.3,
        pupilsBelowTarget: 1,
        pupilsAtOrAboveTarget: 1,
        percentAtOrAboveTarget: 50,
      }),
      expect.objectContaining({
        name: 'Y',
        pupils: 1,
        averageWeeklyMinutes: 0,
        pupilsBelowTarget: 1,
        pupilsAtOrAboveTarget: 0,
        percentAtOrAboveTarget: 0,
      }),
    ]);
    expect(report.school).toMatchObject({
      pupils: 3,
      averageWeeklyMinutes: 37.5,
      pupilsBelowTarget: 2,
      pupilsAtOrAboveTarget: 1,
      percentAtOrAboveTarget: 33.3,
      sessions: { planned: 4, delivered: 3, cancelled: 1 },
    });
  });

  it('reports one week', async () => {
    const report = await call<SchoolProvision>(admin, 'GET', `/provision/schools/${school}?weekOf=2026-03-04`, undefined, 200);
    expect(report.period).toEqual({ from: '2026-03-02', to: '2026-03-08', countedTo: '2026-03-08', teachingWeeks: 1 });
    expect(report.pupils.map((p) => [p.totalMinutes, p.belowTarget])).toEqual([
      [105, false],
      [60, false],
      [0, true],
    ]);
    const area = await call<{ schools: { schoolId: string; pupilsBelowTarget: number }[] }>(
      admin,
      'GET',
      '/provision/schools?weekOf=2026-03-04',
      undefined,
      200,
    );
    // Two B's 60 minutes meet the 60-minute target exactly: at or above.
    expect(area.schools).toEqual([
      expect.objectContaining({ schoolId: school, pupilsBelowTarget: 1, pupilsAtOrAboveTarget: 2, percentAtOrAboveTarget: 66.7 }),
    ]);
  });

  it('is for the admin and the school’s headteacher only, and needs a period', async () => {
    expect((await kit.call(tutorOf(tenantId, [school]), 'GET', `/provision/schools/${school}?termId=${term}`)).status).toBe(403);
    expect((await kit.call(headteacherOf(tenantId, [newId()]), 'GET', `/provision/schools/${school}?termId=${term}`)).status).toBe(404);
    const bad = await kit.call<{ errors: { field: string }[] }>(admin, 'GET', `/provision/schools/${school}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('termId');
    expect((await kit.call(admin, 'GET', `/provision/schools/${school}?weekOf=2026-02-30x`)).status).toBe(400);
  });

  // Last: it adds a school, which the area-wide figures above do not expect.
  it('averages a term still under way over its teaching weeks so far, not over weeks to come', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const day = (iso: string, plusDays: number) =>
      new Date(Date.parse(`${iso}T12:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);
    const thisMonday = day(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
    const startsOn = day(thisMonday, -14);
    const underWay = (await call(admin, 'POST', '/terms', { name: 'Under way', startsOn, endsOn: day(startsOn, 74) }, 201)).id;
    const ownSchool = (await call(admin, 'POST', '/schools', { name: 'Term-so-far Primary', phase: 'primary' }, 201)).id;
    const brass = (
      await call(admin, 'POST', '/ensembles', { schoolId: ownSchool, name: 'Brass', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    const classZ = (await call(admin, 'POST', '/classes', { schoolId: ownSchool, name: 'Z', yearGroup: 6 }, 201)).id;
    const pupil = (
      await call(admin, 'POST', '/pupils', { schoolId: ownSchool, classId: classZ, firstName: 'Four', lastName: 'D', yearGroup: 6 }, 201)
    ).id;
    await call(admin, 'POST', `/ensembles/${brass}/members`, { pupilId: pupil, joinedOn: startsOn }, 201);
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: brass, recurrence: 'weekly', termId: underWay, weekday: 1, startTime: '10:00', durationMinutes: 60 },
      201,
    );
    const occurrences = (
      await call<{ items: { id: string; localDate: string; ensembleId: string }[] }>(
        admin,
        'GET',
        `/occurrences?ensembleId=${brass}`,
        undefined,
        200,
      )
    ).items;
    const first = occurrences.find((o) => o.localDate === startsOn && o.ensembleId === brass);
    await call(
      admin,
      'POST',
      `/occurrences/${first?.id}/register`,
      { submissionId: newId(), marks: [{ markId: newId(), pupilId: pupil, status: 'present' }] },
      201,
    );

    const report = await call<SchoolProvision>(admin, 'GET', `/provision/schools/${ownSchool}?termId=${underWay}`, undefined, 200);
    // Two whole weeks and this one so far: 60 minutes over 3 weeks, not over the term's 11.
    expect(report.period).toEqual({ from: startsOn, to: day(startsOn, 74), countedTo: today, teachingWeeks: 3 });
    expect(report.pupils.find((row) => row.name === 'Four D')).toMatchObject({ totalMinutes: 60, weeklyAverageMinutes: 20 });
  });
});

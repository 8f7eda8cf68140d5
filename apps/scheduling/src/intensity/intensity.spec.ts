import type { ReminderRow } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { expecting } from '../testing/api';
import { adminOf, headteacherOf, newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';
import { announceTenant } from '../testing/tenants';
import { checkIntensityWeek, INTENSITY_CHECK_KIND, IntensityCheck, mondayOf, nextIntensityCheckAt } from './intensity-check';

interface Warning {
  classId: string;
  className: string;
  sinceWeek: string;
  lastLowWeek: string;
  lowWeeks: number;
  notifiedAt: string;
}
interface SchoolProvision {
  school: { intensityWarnings: Warning[] };
  classes: { name: string; intensityWarning: Warning | null }[];
}

/**
 * A term of eight weeks (a half-term holiday in the seventh), target 60 minutes a week. Class A's
 * two pupils have strings on Mondays (45 minutes) and, two weeks, an extra 30 minutes on Wednesday;
 * class B's one pupil has 60 minutes on Mondays. By hand, the average attended minutes per pupil:
 *
 *   week of     A                         B
 *   2026-01-05  45    low                 60  at target
 *   2026-01-12  22.5  low (one absent)    60
 *   2026-01-19  45    low                 0   low (absent)
 *   2026-01-26  75    back up             60
 *   2026-02-02  75                        60
 *   2026-02-09  45    low                 60
 *   2026-02-16  holiday: no teaching week
 *   2026-02-23  45    low                 60
 *
 * So A is warned after 2026-01-12 (since 2026-01-05), cleared by 2026-01-26, and warned again after
 * 2026-02-23 (since 2026-02-09: the holiday neither breaks nor extends the run); B, low one week only, never.
 */
describe('intensity warnings: a class below the weekly target two teaching weeks in a row', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let classA: string;
  let classB: string;
  let head: ReturnType<typeof headteacherOf>;

  const flaggedEvents = (classId: string) =>
    kit.db
      .query<{ payload: Record<string, unknown> }[]>(
        `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'scheduling.intensity.flagged' AND payload->>'classId' = $2 ORDER BY occurred_at, id`,
        [tenantId, classId],
      )
      .then((found) => found.map((row) => row.payload));
  const check = (weekOf: string) => kit.db.transaction((manager) => checkIntensityWeek(manager, tenantId, weekOf));
  const dashboard = () => call<SchoolProvision>(head, 'GET', `/provision/schools/${school}?weekOf=2026-02-23`, undefined, 200);
  const badgeOf = async (name: string) => (await dashboard()).classes.find((c) => c.name === name)?.intensityWarning;

  beforeAll(async () => {
    call = expecting(kit);
    await announceTenant(kit.app, tenantId, { weeklyProvisionTargetMinutes: 60 });
    school = (await call(admin, 'POST', '/schools', { name: 'Steady Primary', phase: 'primary' }, 201)).id;
    head = headteacherOf(tenantId, [school]);
    classA = (await call(admin, 'POST', '/classes', { schoolId: school, name: 'A', yearGroup: 4 }, 201)).id;
    classB = (await call(admin, 'POST', '/classes', { schoolId: school, name: 'B', yearGroup: 5 }, 201)).id;
    const pupil = async (classId: string, firstName: string, yearGroup: number) =>
      (await call(admin, 'POST', '/pupils', { schoolId: school, classId, firstName, lastName: 'Pupil', yearGroup }, 201)).id;
    const [a1, a2, b1] = [await pupil(classA, 'Ada', 4), await pupil(classA, 'Ben', 4), await pupil(classB, 'Cai', 5)];
    const term = (await call(admin, 'POST', '/terms', { name: 'Spring', startsOn: '2026-01-05', endsOn: '2026-02-27' }, 201)).id;
    await call(admin, 'POST', '/holidays', { kind: 'holiday', name: 'Half term', startsOn: '2026-02-16', endsOn: '2026-02-20' }, 201);

    const ensemble = async (name: string, members: string[]) => {
      const id = (await call(admin, 'POST', '/ensembles', { schoolId: school, name, kind: 'whole_class', strand: 'curriculum' }, 201)).id;
      for (const pupilId of members) await call(admin, 'POST', `/ensembles/${id}/members`, { pupilId, joinedOn: '2026-01-05' }, 201);
      return id;
    };
    const stringsA = await ensemble('Strings A', [a1, a2]);
    const stringsB = await ensemble('Strings B', [b1]);
    const weekly = (ensembleId: string, durationMinutes: number) =>
      call(
        admin,
        'POST',
        '/sessions',
        { ensembleId, recurrence: 'weekly', termId: term, weekday: 1, startTime: '09:00', durationMinutes },
        201,
      );
    await weekly(stringsA, 45);
    await weekly(stringsB, 60);
    for (const firstOn of ['2026-01-28', '2026-02-04'])
      await call(
        admin,
        'POST',
        '/sessions',
        { ensembleId: stringsA, recurrence: 'once', firstOn, startTime: '14:00', durationMinutes: 30 },
        201,
      );

    const occurrences = async (ensembleId: string) =>
      (await call<{ items: { id: string; localDate: string }[] }>(admin, 'GET', `/occurrences?ensembleId=${ensembleId}`, undefined, 200))
        .items;
    const [ofA, ofB] = [await occurrences(stringsA), await occurrences(stringsB)];
    const register = async (of: { id: string; localDate: string }[], day: string, marks: [string, string][]) => {
      const occurrence = of.find((o) => o.localDate === day);
      if (!occurrence) throw new Error(`no session on ${day}`);
      await call(
        admin,
        'POST',
        `/occurrences/${occurrence.id}/register`,
        { submissionId: newId(), marks: marks.map(([pupilId, status]) => ({ markId: newId(), pupilId, status })) },
        201,
      );
    };
    for (const monday of ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-23']) {
      await register(ofA, monday, [
        [a1, 'present'],
        [a2, monday === '2026-01-12' ? 'absent' : monday === '2026-01-19' ? 'late' : 'present'],
      ]);
      await register(ofB, monday, [[b1, monday === '2026-01-19' ? 'absent' : 'present']]);
    }
    for (const wednesday of ['2026-01-28', '2026-02-04'])
      await register(ofA, wednesday, [
        [a1, 'present'],
        [a2, 'present'],
      ]);
  });

  it('finds Mondays and the next Monday-morning check', () => {
    expect(mondayOf('2026-01-05')).toBe('2026-01-05');
    expect(mondayOf('2026-01-11')).toBe('2026-01-05');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    expect(nextIntensityCheckAt(new Date('2026-12-05T10:00:00Z')).toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(nextIntensityCheckAt(new Date('2026-12-07T04:59:00Z')).toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(nextIntensityCheckAt(new Date('2026-12-07T05:00:00Z')).toISOString()).toBe('2026-12-14T05:00:00.000Z');
  });

  it('warns once after the second low week, keeps the badge while the run lasts, and clears it when a week is back at the target', async () => {
    expect(await check('2026-01-05')).toEqual({ weekOf: '2026-01-05', teachingWeek: true, warned: [], cleared: 0 });
    expect(await badgeOf('A')).toBeNull();

    expect(await check('2026-01-14')).toEqual({ weekOf: '2026-01-12', teachingWeek: true, warned: [classA], cleared: 0 });
    expect(await check('2026-01-12')).toMatchObject({ warned: [] }); // run again: no second warning
    expect(await flaggedEvents(classA)).toEqual([
      {
        version: 1,
        classId: classA,
        className: 'A',
        schoolId: school,
        schoolName: 'Steady Primary',
        sinceWeek: '2026-01-05',
        targetWeeklyMinutes: 60,
        lowWeeks: [
          { weekOf: '2026-01-05', averageMinutes: 45 },
          { weekOf: '2026-01-12', averageMinutes: 22.5 },
        ],
      },
    ]);

    // A third low week: the same run (no mail), one week longer. B is low for the first time: nothing yet.
    expect(await check('2026-01-19')).toMatchObject({ warned: [], cleared: 0 });
    const dashboard19 = await dashboard();
    const badge = { classId: classA, className: 'A', sinceWeek: '2026-01-05', lastLowWeek: '2026-01-19', lowWeeks: 3 };
    expect(dashboard19.classes.find((c) => c.name === 'A')?.intensityWarning).toMatchObject(badge);
    expect(dashboard19.classes.find((c) => c.name === 'B')?.intensityWarning).toBeNull();
    expect(dashboard19.school.intensityWarnings).toEqual([expect.objectContaining(badge)]);
    const area = await call<{ schools: { schoolId: string; intensityWarnings: Warning[] }[] }>(
      admin,
      'GET',
      '/provision/schools?weekOf=2026-01-19',
      undefined,
      200,
    );
    expect(area.schools.find((s) => s.schoolId === school)?.intensityWarnings).toEqual([expect.objectContaining(badge)]);

    // Back at the target: cleared; B back at 60 too (it had no warning to clear).
    expect(await check('2026-01-26')).toMatchObject({ warned: [], cleared: 1 });
    expect(await badgeOf('A')).toBeNull();
    expect((await dashboard()).school.intensityWarnings).toEqual([]);
    expect(await check('2026-02-02')).toMatchObject({ warned: [], cleared: 0 });
    expect(await check('2026-02-09')).toMatchObject({ warned: [], cleared: 0 });
    expect(await badgeOf('A')).toBeNull();
    expect(await check('2026-02-16')).toEqual({ weekOf: '2026-02-16', teachingWeek: false, warned: [], cleared: 0 });
    expect(await flaggedEvents(classA)).toHaveLength(1);
    expect(await flaggedEvents(classB)).toEqual([]);
  });

  it('plans one weekly check per area, and the check it delivers on Monday morning is of the week just ended', async () => {
    const pending = () =>
      kit.db.query<ReminderRow[]>(
        `SELECT id, tenant_id AS "tenantId", kind, recipient_id AS "recipientId", subject_type AS "subjectType", subject_id AS "subjectId",
                due_at AS "dueAt", status, payload, attempts, created_at AS "createdAt", updated_at AS "updatedAt"
           FROM reminders WHERE tenant_id = $1 AND kind = $2 AND status = 'scheduled'`,
        [tenantId, INTENSITY_CHECK_KIND],
      );
    const weekly = kit.app.get(IntensityCheck);
    await weekly.onApplicationBootstrap();
    await weekly.onApplicationBootstrap();
    const [planned, ...more] = await pending();
    expect(more).toEqual([]);
    expect(planned.dueAt.toISOString()).toBe(nextIntensityCheckAt(planned.createdAt).toISOString());

    // Fired on 2 March 2026: the week of 23 February, low after the low week of 9 February (half term between).
    await weekly.deliver({ ...planned, dueAt: new Date('2026-03-02T05:00:00Z'), status: 'sending' } as ReminderRow);
    const events = await flaggedEvents(classA);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      sinceWeek: '2026-02-09',
      lowWeeks: [
        { weekOf: '2026-02-09', averageMinutes: 45 },
        { weekOf: '2026-02-23', averageMinutes: 45 },
      ],
    });
    expect(await badgeOf('A')).toMatchObject({ sinceWeek: '2026-02-09', lastLowWeek: '2026-02-23', lowWeeks: 2 });
    expect(await flaggedEvents(classB)).toEqual([]);
    expect(await pending()).toHaveLength(1);
  });
});

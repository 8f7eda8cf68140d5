import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '@tutti/platform';
import { expecting, ifMatch } from '../testing/api';
import { adminOf, headteacherOf, newTenantId, tutorOf } from '../testing/identities';
import { clearToWorkWithChildren } from '../testing/safeguarding';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface Occurrence {
  id: string;
  localDate: string;
  startsAt: string;
  endsAt: string;
  status: string;
  schoolName: string | null;
  version: number;
}
interface Clash {
  kind: string;
  occurrenceId: string;
  staffId?: string;
  roomId?: string;
  pupilId?: string;
  clashesWith: { occurrenceId: string };
}

const BANK_HOLIDAYS = JSON.parse(readFileSync(join(__dirname, '../../../../seeds/data/uk-bank-holidays.json'), 'utf8'));

describe('timetable: terms, holidays, recurring sessions, clashes and the tutor’s day', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  const tutorUser = newId();
  let schoolA: string;
  let schoolB: string;
  let hallA: string;
  let tutor: string;
  let spring: string;
  let autumn: string;
  let wholeClass: string;
  let choir: string;
  let bandB: string;
  let sharedPupil: string;

  const occurrencesOf = async (sessionId: string): Promise<Occurrence[]> =>
    (await call<{ items: Occurrence[] }>(admin, 'GET', `/occurrences?sessionId=${sessionId}&limit=100`, undefined, 200)).items;

  beforeAll(async () => {
    call = expecting(kit);
    schoolA = (await call(admin, 'POST', '/schools', { name: 'School A', phase: 'primary' }, 201)).id;
    schoolB = (await call(admin, 'POST', '/schools', { name: 'School B', phase: 'primary' }, 201)).id;
    hallA = (await call(admin, 'POST', '/rooms', { schoolId: schoolA, name: 'Hall', capacity: 90 }, 201)).id;
    tutor = (
      await call(
        admin,
        'POST',
        '/staff',
        { kind: 'tutor', displayName: 'Tess Tutor', userId: tutorUser, schoolIds: [schoolA, schoolB] },
        201,
      )
    ).id;
    await clearToWorkWithChildren(kit, admin, tutor);
    spring = (await call(admin, 'POST', '/terms', { name: 'Spring 2026', startsOn: '2026-02-23', endsOn: '2026-04-10' }, 201)).id;
    autumn = (await call(admin, 'POST', '/terms', { name: 'Autumn 2026', startsOn: '2026-09-02', endsOn: '2026-12-18' }, 201)).id;
    wholeClass = (
      await call(admin, 'POST', '/ensembles', { schoolId: schoolA, name: 'Year 3 Strings', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    choir = (
      await call(admin, 'POST', '/ensembles', { schoolId: schoolA, name: 'School A Choir', kind: 'choir', strand: 'after_school' }, 201)
    ).id;
    bandB = (await call(admin, 'POST', '/ensembles', { schoolId: schoolB, name: 'School B Band', kind: 'band', strand: 'curriculum' }, 201))
      .id;
    sharedPupil = (await call(admin, 'POST', '/pupils', { schoolId: schoolA, firstName: 'Sam', lastName: 'Both', yearGroup: 3 }, 201)).id;
    await call(admin, 'POST', `/ensembles/${wholeClass}/members`, { pupilId: sharedPupil, instrument: 'violin' }, 201);
    await call(admin, 'POST', `/ensembles/${choir}/members`, { pupilId: sharedPupil, section: 'alto' }, 201);
  });

  it('imports bank holidays from gov.uk’s JSON once', async () => {
    const first = await call<{ imported: number; alreadyPresent: number }>(
      admin,
      'POST',
      '/holidays/bank-holiday-imports',
      BANK_HOLIDAYS,
      201,
    );
    expect(first.imported).toBe(BANK_HOLIDAYS['england-and-wales'].events.length);
    const again = await call<{ imported: number; alreadyPresent: number }>(
      admin,
      'POST',
      '/holidays/bank-holiday-imports',
      BANK_HOLIDAYS,
      201,
    );
    expect(again).toEqual({ imported: 0, alreadyPresent: first.imported });
    const bad = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/holidays/bank-holiday-imports', {
      'england-and-wales': { division: 'england-and-wales', events: [{ title: 'X', date: '2026-13-01' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('england-and-wales.events[0].date');
  });

  it('keeps a 15:30 session at 15:30 London time across the spring clock change, skipping Easter Monday', async () => {
    const session = await call(
      admin,
      'POST',
      '/sessions',
      {
        ensembleId: wholeClass,
        recurrence: 'weekly',
        termId: spring,
        weekday: 1,
        firstOn: '2026-03-16',
        startTime: '15:30',
        durationMinutes: 45,
        roomId: hallA,
        tutorIds: [tutor],
      },
      201,
    );
    const occurrences = await occurrencesOf(session.id);
    expect(occurrences.map((o) => [o.localDate, o.startsAt, o.endsAt])).toEqual([
      ['2026-03-16', '2026-03-16T15:30:00.000Z', '2026-03-16T16:15:00.000Z'],
      ['2026-03-23', '2026-03-23T15:30:00.000Z', '2026-03-23T16:15:00.000Z'],
      ['2026-03-30', '2026-03-30T14:30:00.000Z', '2026-03-30T15:15:00.000Z'],
    ]);
  });

  it('keeps it at 15:30 across the autumn clock change too', async () => {
    const session = await call(
      admin,
      'POST',
      '/sessions',
      {
        ensembleId: bandB,
        recurrence: 'weekly',
        termId: autumn,
        weekday: 3,
        firstOn: '2026-10-21',
        lastOn: '2026-10-28',
        startTime: '15:30',
        durationMinutes: 60,
      },
      201,
    );
    expect((await occurrencesOf(session.id)).map((o) => o.startsAt)).toEqual(['2026-10-21T14:30:00.000Z', '2026-10-28T15:30:00.000Z']);
  });

  it('skips area holidays, bank holidays and the school’s own INSET days only', async () => {
    await call(admin, 'POST', '/holidays', { kind: 'holiday', name: 'Half term', startsOn: '2026-02-16', endsOn: '2026-02-27' }, 201);
    await call(
      headteacherOf(tenantId, [schoolA]),
      'POST',
      '/holidays',
      { kind: 'inset', name: 'INSET', startsOn: '2026-03-05', endsOn: '2026-03-05', schoolId: schoolA },
      201,
    );
    const a = await call(
      admin,
      'POST',
      '/sessions',
      {
        ensembleId: choir,
        recurrence: 'weekly',
        termId: spring,
        weekday: 4,
        lastOn: '2026-03-12',
        startTime: '08:15',
        durationMinutes: 30,
      },
      201,
    );
    expect((await occurrencesOf(a.id)).map((o) => o.localDate)).toEqual(['2026-03-12']);
    const b = await call(
      admin,
      'POST',
      '/sessions',
      {
        ensembleId: bandB,
        recurrence: 'weekly',
        termId: spring,
        weekday: 4,
        lastOn: '2026-03-12',
        startTime: '08:15',
        durationMinutes: 30,
      },
      201,
    );
    expect((await occurrencesOf(b.id)).map((o) => o.localDate)).toEqual(['2026-03-05', '2026-03-12']);
    const friday = await call(
      admin,
      'POST',
      '/sessions',
      {
        ensembleId: bandB,
        recurrence: 'weekly',
        termId: spring,
        weekday: 5,
        firstOn: '2026-03-27',
        startTime: '13:00',
        durationMinutes: 30,
      },
      201,
    );
    expect((await occurrencesOf(friday.id)).map((o) => o.localDate)).toEqual(['2026-03-27', '2026-04-10']);
  });

  it('refuses a double-booked room with 409 listing each clash, unless overridden', async () => {
    const body = {
      ensembleId: choir,
      recurrence: 'weekly',
      termId: spring,
      weekday: 1,
      firstOn: '2026-03-23',
      lastOn: '2026-03-30',
      startTime: '16:00',
      durationMinutes: 30,
      roomId: hallA,
    };
    const refused = await kit.call<{ conflicts: Clash[] }>(admin, 'POST', '/sessions', body);
    expect(refused.status).toBe(409);
    const roomClashes = refused.body.conflicts.filter((c) => c.kind === 'room');
    expect(roomClashes).toHaveLength(2);
    expect(roomClashes.every((c) => c.roomId === hallA)).toBe(true);
    // The same pupil is in both ensembles, so the pupil clashes too.
    expect(refused.body.conflicts.filter((c) => c.kind === 'pupil').map((c) => c.pupilId)).toEqual([sharedPupil, sharedPupil]);
    const [{ n }] = await kit.db.query(`SELECT count(*)::int AS n FROM sessions WHERE tenant_id = $1 AND start_time = '16:00'`, [tenantId]);
    expect(n).toBe(0);
    await call(admin, 'POST', '/sessions', { ...body, override: true }, 201);
  });

  it('refuses a tutor in two places at once', async () => {
    const refused = await kit.call<{ conflicts: Clash[] }>(admin, 'POST', '/sessions', {
      ensembleId: bandB,
      recurrence: 'once',
      firstOn: '2026-03-23',
      startTime: '16:00',
      durationMinutes: 60,
      tutorIds: [tutor],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts).toEqual([expect.objectContaining({ kind: 'tutor', staffId: tutor })]);
  });

  it('refuses a pupil in two sessions at once, and lets sessions that only touch pass', async () => {
    const refused = await kit.call<{ conflicts: Clash[] }>(admin, 'POST', '/sessions', {
      ensembleId: choir,
      recurrence: 'once',
      firstOn: '2026-03-16',
      startTime: '16:00',
      durationMinutes: 30,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts).toEqual([expect.objectContaining({ kind: 'pupil', pupilId: sharedPupil })]);
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: choir, recurrence: 'once', firstOn: '2026-03-16', startTime: '16:15', durationMinutes: 30 },
      201,
    );
  });

  it('moves and cancels one occurrence; a cancelled one clashes with nothing', async () => {
    const session = await call(
      admin,
      'POST',
      '/sessions',
      {
        ensembleId: bandB,
        recurrence: 'weekly',
        termId: spring,
        weekday: 2,
        firstOn: '2026-03-17',
        lastOn: '2026-03-24',
        startTime: '10:00',
        durationMinutes: 60,
        tutorIds: [tutor],
      },
      201,
    );
    const [first, second] = await occurrencesOf(session.id);
    const clash = await kit.call<{ conflicts: Clash[] }>(admin, 'POST', `/occurrences/${first.id}/move`, {
      startsAt: '2026-03-16T15:45:00Z',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts[0]).toMatchObject({ kind: 'tutor', staffId: tutor });
    const moved = await call<Occurrence & { movedFrom: string }>(
      admin,
      'POST',
      `/occurrences/${first.id}/move`,
      { startsAt: '2026-03-18T11:00:00+00:00' },
      200,
    );
    expect(moved).toMatchObject({
      localDate: '2026-03-18',
      startsAt: '2026-03-18T11:00:00.000Z',
      endsAt: '2026-03-18T12:00:00.000Z',
      movedFrom: '2026-03-17T10:00:00.000Z',
    });
    const cancelled = await call<Occurrence>(admin, 'POST', `/occurrences/${second.id}/cancel`, { reason: 'orchestra on tour' }, 200);
    expect(cancelled.status).toBe('cancelled');
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: bandB, recurrence: 'once', firstOn: '2026-03-24', startTime: '10:00', durationMinutes: 60, tutorIds: [tutor] },
      201,
    );
    const events = await kit.db.query(`SELECT type FROM outbox_events WHERE tenant_id = $1 AND payload->>'sessionId' = $2 ORDER BY id`, [
      tenantId,
      session.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['scheduling.session.moved', 'scheduling.session.cancelled']);
  });

  it('refuses a new member who is in another ensemble at the time, and a substitute tutor booked elsewhere', async () => {
    const band = (
      await call(admin, 'POST', '/ensembles', { schoolId: schoolA, name: 'School A Band', kind: 'band', strand: 'after_school' }, 201)
    ).id;
    const session = await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: band, recurrence: 'once', firstOn: '2026-03-16', startTime: '15:30', durationMinutes: 45 },
      201,
    );
    const [occurrence] = await occurrencesOf(session.id);
    const member = await kit.call<{ conflicts: Clash[] }>(admin, 'POST', `/ensembles/${band}/members`, {
      pupilId: sharedPupil,
      joinedOn: '2026-03-01',
    });
    expect(member.status).toBe(409);
    expect(member.body.conflicts).toEqual([expect.objectContaining({ kind: 'pupil', pupilId: sharedPupil, occurrenceId: occurrence.id })]);
    await call(admin, 'POST', `/ensembles/${band}/members`, { pupilId: sharedPupil, joinedOn: '2026-03-01', override: true }, 201);

    const busy = await kit.call<{ conflicts: Clash[] }>(
      admin,
      'PUT',
      `/occurrences/${occurrence.id}/tutors`,
      { staffIds: [tutor] },
      ifMatch(occurrence),
    );
    expect(busy.status).toBe(409);
    expect(busy.body.conflicts).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'tutor', staffId: tutor })]));
    const substitute = (await call(admin, 'POST', '/staff', { kind: 'tutor', displayName: 'Sub Tutor', schoolIds: [schoolA] }, 201)).id;
    await clearToWorkWithChildren(kit, admin, substitute);
    const assigned = await call<{ tutorIds: string[] }>(
      admin,
      'PUT',
      `/occurrences/${occurrence.id}/tutors`,
      { staffIds: [substitute] },
      200,
      ifMatch(occurrence),
    );
    expect(assigned.tutorIds).toEqual([substitute]);
  });

  it('shows a tutor their own sessions of a day and a week across schools', async () => {
    const me = tutorOf(tenantId, [schoolA, schoolB], tutorUser);
    const day = await call<{ from: string; to: string; items: Occurrence[] }>(
      me,
      'GET',
      '/me/occurrences?period=today&date=2026-03-30',
      undefined,
      200,
    );
    expect(day.items.map((o) => o.startsAt)).toEqual(['2026-03-30T14:30:00.000Z']);
    const week = await call<{ from: string; to: string; items: Occurrence[] }>(
      me,
      'GET',
      '/me/occurrences?period=week&date=2026-03-18',
      undefined,
      200,
    );
    expect(week.from).toBe('2026-03-16');
    expect(week.to).toBe('2026-03-22');
    expect(week.items.map((o) => [o.localDate, o.schoolName])).toEqual([
      ['2026-03-16', 'School A'],
      ['2026-03-18', 'School B'],
    ]);
  });

  it('answers bad input with a 400 naming the field, and other areas with 404', async () => {
    const missing = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/sessions', {
      ensembleId: choir,
      recurrence: 'weekly',
      startTime: '25:00',
      durationMinutes: 45,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e) => e.field)).toEqual(['startTime']);
    const noTerm = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', '/sessions', {
      ensembleId: choir,
      recurrence: 'weekly',
      startTime: '09:00',
      durationMinutes: 45,
    });
    expect(noTerm.body.errors.map((e) => e.field)).toEqual(['termId', 'weekday']);
    // A start that is no instant (no such day, no offset, year 0) is refused naming it, never rolled over or left to the database.
    for (const startsAt of ['tomorrow', '2026-02-30T10:00:00Z', '2026-03-18T24:00:00Z', '2026-03-18T11:00:00', '0000-01-01T10:00:00Z']) {
      const badMove = await kit.call<{ errors: { field: string }[] }>(admin, 'POST', `/occurrences/${newId()}/move`, { startsAt });
      expect({ startsAt, status: badMove.status, fields: badMove.body.errors.map((e) => e.field) }).toEqual({
        startsAt,
        status: 400,
        fields: ['startsAt'],
      });
    }
    for (const query of ['from=0000-01-01T00:00:00Z', 'to=2026-02-30T00:00:00Z', 'from=2026-03-01']) {
      const badList = await kit.call<{ errors: { field: string }[] }>(admin, 'GET', `/occurrences?${query}`);
      expect({ query, status: badList.status, fields: badList.body.errors.map((e) => e.field) }).toEqual({
        query,
        status: 400,
        fields: [query.split('=')[0]],
      });
    }
    const stranger = adminOf(newTenantId());
    expect(
      (
        await kit.call(stranger, 'POST', '/sessions', {
          ensembleId: choir,
          recurrence: 'once',
          firstOn: '2026-03-16',
          startTime: '09:00',
          durationMinutes: 45,
        })
      ).status,
    ).toBe(404);
    expect((await kit.call(tutorOf(tenantId, [schoolB]), 'GET', `/ensembles/${choir}`)).status).toBe(404);
  });
});

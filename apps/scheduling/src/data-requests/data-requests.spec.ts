import type { DataRequestAnsweredV1, DataRequestOpenedV1 } from '@tutti/contracts';
import { isoDate, newId, rows } from '@tutti/platform';
import { answerDataRequest, columnsMentioning } from '@tutti/testing';
import { expecting } from '../testing/api';
import { adminOf, newTenantId } from '../testing/identities';
import { useSchedulingTestKit, type SchedulingTestKit } from '../testing/scheduling-test-kit';
import { performanceRecords } from './data-requests.queries';
import { attendanceKeptFrom, yearsBefore } from './data-requests.service';

/** Letters only, so that a name made with them is one word to every search. */
const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const capital = (word: string): string => word[0].toUpperCase() + word.slice(1);

type Request = Omit<DataRequestOpenedV1, 'version' | 'requestId'>;

const ask = (kit: SchedulingTestKit, tenantId: string, request: Request): Promise<DataRequestAnsweredV1> =>
  answerDataRequest(kit, tenantId, 'scheduling.data-request.answered', request);

/** Every row of the area in every table but the outbox and the inbox, to compare before and after. */
async function areaSnapshot(kit: SchedulingTestKit, tenantId: string): Promise<Record<string, unknown[]>> {
  const tables = await rows<{ table: string }>(
    kit.db,
    `SELECT DISTINCT c.table_name AS "table" FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND c.table_name NOT IN ('processed_events')
      ORDER BY 1`,
  );
  const snapshot: Record<string, unknown[]> = {};
  for (const { table } of tables) {
    const exclude = table === 'outbox_events' ? ` AND type <> 'scheduling.data-request.answered'` : '';
    snapshot[table] = (
      await rows<{ r: string }>(kit.db, `SELECT to_jsonb(x)::text AS r FROM "${table}" x WHERE tenant_id = $1${exclude}`, [tenantId])
    )
      .map((row) => row.r)
      .sort();
  }
  return snapshot;
}

describe('data requests: scheduling’s export, erasure and retention', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;

  describe('a pupil with a class, ensembles, attendance, notes and exams', () => {
    const tenantId = newTenantId();
    const admin = adminOf(tenantId);
    const firstName = capital(letters(9));
    const lastName = capital(letters(11));
    const pseudonym = `Pupil ${letters(4).toUpperCase()}`;
    let pupil: string;
    let classmate: string;
    let school: string;
    let schoolClass: string;
    const guardian = newId();
    const otherGuardian = newId();
    const concert = newId();
    const otherConcert = newId();
    const rsvp = newId();
    const signUp = newId();

    beforeAll(async () => {
      call = expecting(kit);
      school = (await call(admin, 'POST', '/schools', { name: 'Request Primary', phase: 'primary' }, 201)).id;
      schoolClass = (await call(admin, 'POST', '/classes', { schoolId: school, name: '5Q', yearGroup: 5 }, 201)).id;
      pupil = (
        await call(
          admin,
          'POST',
          '/pupils',
          {
            schoolId: school,
            classId: schoolClass,
            firstName,
            lastName,
            yearGroup: 5,
            misRef: `A${letters(6).toUpperCase()}`,
            pupilPremium: 'yes',
            send: 'sen_support',
            eal: 'no',
            gender: 'female',
            ethnicityGroup: 'mixed',
            destinationSchool: 'Hill Secondary',
          },
          201,
          { 'idempotency-key': newId() },
        )
      ).id;
      classmate = (
        await call(
          admin,
          'POST',
          '/pupils',
          { schoolId: school, classId: schoolClass, firstName: 'Tom', lastName: 'Other', yearGroup: 5 },
          201,
        )
      ).id;
      const orchestra = (await call(admin, 'POST', '/ensembles', { name: 'Area Strings', kind: 'orchestra', strand: 'weekend' }, 201)).id;
      const band = (
        await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Brass Club', kind: 'band', strand: 'after_school' }, 201)
      ).id;
      const first = await call(
        admin,
        'POST',
        `/ensembles/${band}/members`,
        { pupilId: pupil, instrument: 'cornet', joinedOn: '2025-09-01' },
        201,
      );
      await call(admin, 'POST', `/ensembles/${band}/members/${first.id}/leave`, { leftOn: '2026-01-09' }, 200);
      await call(
        admin,
        'POST',
        `/ensembles/${orchestra}/members`,
        { pupilId: pupil, instrument: 'violin', section: 'firsts', joinedOn: '2026-01-10' },
        201,
      );
      await call(
        admin,
        'POST',
        `/ensembles/${orchestra}/members`,
        { pupilId: classmate, instrument: 'viola', joinedOn: '2026-01-10' },
        201,
      );
      await call(
        admin,
        'POST',
        '/sessions',
        { ensembleId: band, recurrence: 'once', firstOn: '2025-11-05', startTime: '15:30', durationMinutes: 45 },
        201,
      );
      for (const day of ['2026-03-07', '2026-03-14'])
        await call(
          admin,
          'POST',
          '/sessions',
          { ensembleId: orchestra, recurrence: 'once', firstOn: day, startTime: '10:00', durationMinutes: 120 },
          201,
        );
      const occurrences = (
        await call<{ items: { id: string; ensembleId: string; localDate: string }[] }>(admin, 'GET', '/occurrences', undefined, 200)
      ).items;
      const [club, saturday, nextSaturday] = [...occurrences].sort((a, b) => a.localDate.localeCompare(b.localDate));
      await call(
        admin,
        'POST',
        `/occurrences/${club.id}/register`,
        { submissionId: newId(), marks: [{ markId: newId(), pupilId: pupil, status: 'late' }] },
        201,
      );
      await call(
        admin,
        'POST',
        `/occurrences/${saturday.id}/register`,
        {
          submissionId: newId(),
          marks: [
            { markId: newId(), pupilId: pupil, status: 'present' },
            { markId: newId(), pupilId: classmate, status: 'absent' },
          ],
        },
        201,
      );
      await call(
        admin,
        'PUT',
        `/occurrences/${saturday.id}/rehearsal-note`,
        {
          repertoire: ['Pachelbel Canon'],
          focus: `bowing; ${firstName} led the firsts`,
          notes: `${firstName} ${lastName} and Tom need help with shifting`,
        },
        200,
      );
      await call(
        admin,
        'POST',
        `/occurrences/${nextSaturday.id}/cancel`,
        { reason: `${lastName}, ${firstName}'s concert clash; hall closed` },
        200,
      );
      const exam = await call(
        admin,
        'POST',
        `/pupils/${pupil}/exam-entries`,
        { board: 'ABRSM', grade: 3, instrument: 'violin', enteredOn: '2026-02-01' },
        201,
      );
      await call(admin, 'PATCH', `/exam-entries/${exam.id}/result`, { result: 'merit', marks: 124, examOn: '2026-03-10' }, 200, {
        'if-match': `"${String(exam.version)}"`,
      });
      // The evidence copies: a concert the pupil and the classmate played in, one only the classmate played in,
      // the pupil's guardian's RSVP and family-session sign-up, and another family's RSVP.
      await kit.applyEvent(tenantId, 'performance.performance.completed', {
        version: 1,
        performanceId: concert,
        title: 'Spring Concert',
        startsAt: '2026-03-20T18:00:00.000Z',
        audience: 'public',
        performers: [
          { pupilId: pupil, schoolId: school },
          { pupilId: classmate, schoolId: school },
        ],
      });
      await kit.applyEvent(tenantId, 'performance.performance.completed', {
        version: 1,
        performanceId: otherConcert,
        title: 'Viola Recital',
        startsAt: '2026-03-27T18:00:00.000Z',
        audience: 'school_community',
        performers: [{ pupilId: classmate, schoolId: school }],
      });
      for (const [rsvpId, guardianId, pupilIds] of [
        [rsvp, guardian, [pupil]],
        [newId(), otherGuardian, [classmate]],
      ] as const)
        await kit.applyEvent(tenantId, 'engagement.rsvp.changed', {
          version: 1,
          rsvpId,
          performanceId: concert,
          performanceStartsAt: '2026-03-20T18:00:00.000Z',
          guardianId,
          pupilIds: [...pupilIds],
          schoolIds: [school],
          attending: true,
          adults: 2,
          children: 1,
          checkedIn: true,
          arrivedAdults: 1,
          arrivedChildren: 1,
        });
      await kit.applyEvent(tenantId, 'engagement.family-session.attendance-marked', {
        version: 1,
        signUpId: signUp,
        sessionId: newId(),
        sessionStartsAt: '2026-02-10T16:00:00.000Z',
        guardianId: guardian,
        schoolIds: [school],
        attended: true,
      });
    });

    it('exports everything scheduling holds about the pupil, field by field as stored', async () => {
      const answer = await ask(kit, tenantId, {
        kind: 'export',
        subject: { type: 'pupil', pupilId: pupil },
        retention: null,
        pseudonym: null,
      });
      expect(answer).toMatchObject({ version: 1, kind: 'export', service: 'scheduling', actions: [] });
      const records = answer.records as Record<string, Record<string, unknown>[]>;
      expect(Object.keys(records).sort()).toEqual([
        'attendance',
        'classes',
        'ensembles',
        'exams',
        'imports',
        'notes',
        'performances',
        'pupil',
      ]);

      const [stored] = await rows<Record<string, unknown>>(kit.db, 'SELECT * FROM pupils WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        pupil,
      ]);
      expect(records.pupil).toEqual([
        {
          id: pupil,
          schoolId: school,
          schoolName: 'Request Primary',
          classId: schoolClass,
          className: '5Q',
          firstName,
          lastName,
          yearGroup: 5,
          misRef: stored.mis_ref,
          status: 'active',
          leftOn: null,
          destinationSchool: 'Hill Secondary',
          characteristics: { pupilPremium: 'yes', send: 'sen_support', eal: 'no', gender: 'female', ethnicityGroup: 'mixed' },
          createdAt: (stored.created_at as Date).toISOString(),
          updatedAt: (stored.updated_at as Date).toISOString(),
          anonymisedAt: null,
        },
      ]);
      expect(records.classes).toEqual([{ id: schoolClass, name: '5Q', yearGroup: 5, schoolId: school, archivedAt: null, current: true }]);

      const memberships = await rows<Record<string, unknown>>(
        kit.db,
        `SELECT m.*, e.name AS ensemble_name, e.kind, e.strand, e.level, e.school_id AS ensemble_school
           FROM ensemble_members m JOIN ensembles e ON e.id = m.ensemble_id WHERE m.tenant_id = $1 AND m.pupil_id = $2 ORDER BY m.joined_on`,
        [tenantId, pupil],
      );
      expect(memberships).toHaveLength(2);
      expect(records.ensembles).toEqual(
        memberships.map((m) => ({
          memberId: m.id,
          ensembleId: m.ensemble_id,
          ensembleName: m.ensemble_name,
          kind: m.kind,
          strand: m.strand,
          level: m.level,
          schoolId: m.ensemble_school,
          instrument: m.instrument,
          section: m.section,
          joinedOn: isoDate(m.joined_on as Date),
          leftOn: isoDate(m.left_on as Date | null),
        })),
      );
      expect(records.ensembles.map((m) => [m.ensembleName, m.joinedOn, m.leftOn])).toEqual([
        ['Brass Club', '2025-09-01', '2026-01-09'],
        ['Area Strings', '2026-01-10', null],
      ]);

      const marks = await rows<Record<string, unknown>>(
        kit.db,
        `SELECT a.id, a.status, a.recorded_at, o.id AS occurrence_id, o.local_date::text AS local_date, o.starts_at, o.ends_at, o.status AS occurrence_status,
                s.id AS session_id, s.title, e.id AS ensemble_id, e.name AS ensemble_name
           FROM attendance a JOIN occurrences o ON o.id = a.occurrence_id JOIN sessions s ON s.id = o.session_id JOIN ensembles e ON e.id = o.ensemble_id
          WHERE a.tenant_id = $1 AND a.pupil_id = $2 ORDER BY o.starts_at`,
        [tenantId, pupil],
      );
      expect(marks).toHaveLength(2);
      expect(records.attendance).toEqual(
        marks.map((m) => ({
          id: m.id,
          status: m.status,
          recordedAt: (m.recorded_at as Date).toISOString(),
          occurrenceId: m.occurrence_id,
          date: m.local_date,
          startsAt: (m.starts_at as Date).toISOString(),
          endsAt: (m.ends_at as Date).toISOString(),
          occurrenceStatus: m.occurrence_status,
          sessionId: m.session_id,
          sessionTitle: m.title,
          ensembleId: m.ensemble_id,
          ensembleName: m.ensemble_name,
        })),
      );
      expect(records.attendance.map((m) => [m.date, m.status])).toEqual([
        ['2025-11-05', 'late'],
        ['2026-03-07', 'present'],
      ]);

      expect(records.notes).toEqual([
        expect.objectContaining({
          kind: 'rehearsal note',
          date: '2026-03-07',
          ensembleName: 'Area Strings',
          repertoire: ['Pachelbel Canon'],
          focus: `bowing; ${firstName} led the firsts`,
          notes: `${firstName} ${lastName} and Tom need help with shifting`,
        }),
        expect.objectContaining({
          kind: 'cancellation reason',
          date: '2026-03-14',
          reason: `${lastName}, ${firstName}'s concert clash; hall closed`,
        }),
      ]);

      const [exam] = await rows<Record<string, unknown>>(kit.db, 'SELECT * FROM exam_entries WHERE tenant_id = $1 AND pupil_id = $2', [
        tenantId,
        pupil,
      ]);
      expect(records.exams).toEqual([
        {
          id: exam.id,
          board: 'ABRSM',
          grade: 3,
          instrument: 'violin',
          enteredOn: '2026-02-01',
          examOn: '2026-03-10',
          result: 'merit',
          marks: 124,
        },
      ]);
      expect(records.imports).toEqual([]);

      // The evidence copy of the concert they played in; not the recital only the classmate played in.
      const [copied] = await rows<{ copied_at: Date }>(
        kit.db,
        'SELECT copied_at FROM performances_given WHERE tenant_id = $1 AND performance_id = $2',
        [tenantId, concert],
      );
      expect(records.performances).toEqual([
        {
          performanceId: concert,
          title: 'Spring Concert',
          startsAt: '2026-03-20T18:00:00.000Z',
          audience: 'public',
          schoolId: school,
          copiedAt: copied.copied_at.toISOString(),
        },
      ]);
      // The classmate's copies hold both (read directly: an export of theirs would carry the rehearsal note naming the pupil).
      expect((await performanceRecords(kit.db, tenantId, classmate)).map((p) => p.performanceId).sort()).toEqual(
        [concert, otherConcert].sort(),
      );
    });

    it('exports the family’s RSVPs and sign-ups from the evidence copies to their guardian, never another family’s', async () => {
      const answer = await ask(kit, tenantId, {
        kind: 'export',
        subject: { type: 'guardian', accountId: guardian },
        retention: null,
        pseudonym: null,
      });
      const changed = await rows<{ source_id: string; changed_at: Date }>(
        kit.db,
        'SELECT source_id, changed_at FROM family_engagement WHERE tenant_id = $1 AND guardian_id = $2',
        [tenantId, guardian],
      );
      const changedAt = (sourceId: string): string | undefined =>
        changed.find((row) => row.source_id === sourceId)?.changed_at.toISOString();
      expect(changed).toHaveLength(2);
      expect(answer.records).toEqual({
        staff: [],
        familyEngagement: [
          {
            kind: 'family_session',
            sourceId: signUp,
            occasionId: expect.any(String),
            occursAt: '2026-02-10T16:00:00.000Z',
            schoolIds: [school],
            tookPart: true,
            checkedIn: true,
            expectedPeople: 0,
            arrivedPeople: null,
            changedAt: changedAt(signUp),
          },
          {
            kind: 'rsvp',
            sourceId: rsvp,
            occasionId: concert,
            occursAt: '2026-03-20T18:00:00.000Z',
            schoolIds: [school],
            tookPart: true,
            checkedIn: true,
            expectedPeople: 3,
            arrivedPeople: 2,
            changedAt: changedAt(rsvp),
          },
        ],
      });
      const other = await ask(kit, tenantId, {
        kind: 'export',
        subject: { type: 'guardian', accountId: otherGuardian },
        retention: null,
        pseudonym: null,
      });
      expect((other.records.familyEngagement as { sourceId: string }[]).map((f) => f.sourceId)).not.toContain(rsvp);
      expect(other.records.familyEngagement).toHaveLength(1);

      const erased = await ask(kit, tenantId, {
        kind: 'erasure',
        subject: { type: 'guardian', accountId: guardian },
        retention: null,
        pseudonym: null,
      });
      expect(erased.actions).toEqual([expect.objectContaining({ rows: 2, action: 'kept' })]);
      expect(erased.actions[0].what).toContain('RSVPs and family-session sign-ups');
    });

    it('answers a pupil or a guardian it never heard of with empty records, and an erasure of them with no actions', async () => {
      const unknown = await ask(kit, tenantId, {
        kind: 'export',
        subject: { type: 'pupil', pupilId: newId() },
        retention: null,
        pseudonym: null,
      });
      expect(unknown.records).toEqual({
        pupil: [],
        classes: [],
        ensembles: [],
        attendance: [],
        notes: [],
        exams: [],
        imports: [],
        performances: [],
      });
      const stranger = await ask(kit, tenantId, {
        kind: 'export',
        subject: { type: 'guardian', accountId: newId() },
        retention: null,
        pseudonym: null,
      });
      expect(stranger.records).toEqual({ staff: [], familyEngagement: [] });
      const erased = await ask(kit, tenantId, {
        kind: 'erasure',
        subject: { type: 'guardian', accountId: newId() },
        retention: null,
        pseudonym: null,
      });
      expect(erased).toMatchObject({ kind: 'erasure', records: {}, actions: [] });
    });

    it('erases the pupil: no trace of the name anywhere in the scheduling schema, keys and figures kept; twice changes nothing more', async () => {
      const before = { first: await columnsMentioning(kit, firstName), last: await columnsMentioning(kit, lastName) };
      // The name was in the record, the note, the cancellation, the outbox (enrolment, rosters, the export) and the replayable reply.
      expect(before.last).toEqual(
        expect.arrayContaining([
          'pupils.last_name',
          'rehearsal_notes.notes',
          'occurrences.cancel_reason',
          'outbox_events.payload',
          'idempotency_keys.response',
        ]),
      );
      const marksBefore = await rows(kit.db, 'SELECT id, occurrence_id, status FROM attendance WHERE tenant_id = $1 ORDER BY id', [
        tenantId,
      ]);

      const answer = await ask(kit, tenantId, { kind: 'erasure', subject: { type: 'pupil', pupilId: pupil }, retention: null, pseudonym });
      expect(answer.records).toEqual({});
      const byWhat = Object.fromEntries(answer.actions.map((a) => [a.what.split(' (')[0], a]));
      expect(byWhat['pupil record']).toMatchObject({ rows: 1, action: 'anonymised' });
      // The rehearsal note (focus and notes: one row) and the cancellation reason.
      expect(byWhat['free text naming the pupil']).toMatchObject({ rows: 2, action: 'anonymised' });
      expect(byWhat['attendance marks']).toMatchObject({ rows: 2, action: 'kept' });
      expect(byWhat['ensemble memberships']).toMatchObject({ rows: 2, action: 'kept' });
      expect(byWhat['graded exam entries']).toMatchObject({ rows: 1, action: 'kept' });
      expect(byWhat['performances played in']).toMatchObject({ rows: 1, action: 'kept' });
      expect(answer.actions.filter((a) => a.action === 'kept').every((a) => (a.reason ?? '').length > 10)).toBe(true);

      expect(await columnsMentioning(kit, firstName)).toEqual([]);
      expect(await columnsMentioning(kit, lastName)).toEqual([]);

      const [record] = await rows<Record<string, unknown>>(kit.db, 'SELECT * FROM pupils WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        pupil,
      ]);
      expect(`${String(record.first_name)} ${String(record.last_name)}`).toBe(pseudonym);
      expect(record).toMatchObject({
        school_id: school,
        class_id: schoolClass,
        year_group: 5,
        status: 'active',
        mis_ref: null,
        destination_school: null,
        pupil_premium: 'unknown',
        send: 'unknown',
        eal: 'unknown',
        gender: 'unknown',
        ethnicity_group: 'unknown',
      });
      expect(record.anonymised_at).toBeInstanceOf(Date);
      expect(await rows(kit.db, 'SELECT id, occurrence_id, status FROM attendance WHERE tenant_id = $1 ORDER BY id', [tenantId])).toEqual(
        marksBefore,
      );
      const [note] = await rows<{ focus: string; notes: string }>(kit.db, 'SELECT focus, notes FROM rehearsal_notes WHERE tenant_id = $1', [
        tenantId,
      ]);
      expect(note).toEqual({ focus: `bowing; ${pseudonym} led the firsts`, notes: `${pseudonym} and Tom need help with shifting` });
      // The classmate keeps their name, in the record and in the events about them.
      const [other] = await rows<{ first_name: string }>(kit.db, 'SELECT first_name FROM pupils WHERE id = $1', [classmate]);
      expect(other.first_name).toBe('Tom');
      const enrolled = await rows<{ payload: { pupilId: string; firstName: string; lastName: string } }>(
        kit.db,
        `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'scheduling.pupil.enrolled' ORDER BY payload->>'lastName'`,
        [tenantId],
      );
      expect(enrolled.map((e) => [e.payload.pupilId, `${e.payload.firstName} ${e.payload.lastName}`]).sort()).toEqual(
        [
          [pupil, pseudonym],
          [classmate, 'Tom Other'],
        ].sort(),
      );

      // Twice = once: a second request changes no row of the area and says so.
      const snapshot = await areaSnapshot(kit, tenantId);
      const again = await ask(kit, tenantId, {
        kind: 'erasure',
        subject: { type: 'pupil', pupilId: pupil },
        retention: null,
        pseudonym: 'Pupil FFFF',
      });
      expect(again.actions).toEqual([expect.objectContaining({ what: 'pupil record', rows: 0, action: 'kept' })]);
      expect(await areaSnapshot(kit, tenantId)).toEqual(snapshot);

      // The export now shows the anonymised record.
      const exported = await ask(kit, tenantId, {
        kind: 'export',
        subject: { type: 'pupil', pupilId: pupil },
        retention: null,
        pseudonym: null,
      });
      const records = exported.records as Record<string, Record<string, unknown>[]>;
      expect(records.pupil[0]).toMatchObject({ firstName: pseudonym.split(' ')[0], lastName: pseudonym.split(' ')[1], misRef: null });
      expect(records.attendance).toHaveLength(2);
      expect(records.performances).toEqual([expect.objectContaining({ performanceId: concert, schoolId: school })]);
    });
  });

  describe('retention over years', () => {
    const tenantId = newTenantId();
    const admin = adminOf(tenantId);
    const oldName = capital(letters(10));
    const recentName = capital(letters(10));
    let old: string;
    let recent: string;
    let current: string;
    const retention = {
      attendanceYears: 3,
      familyContactMonthsAfterLeaving: 12,
      pupilRecordYearsAfterLeaving: 6,
      loanYearsAfterReturn: 6,
      messageMonths: 24,
      auditYears: 6,
      asOf: '2026-03-01',
    };

    const marksOn = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (
          await rows<{ day: string; n: number }>(
            kit.db,
            `SELECT o.local_date::text AS day, count(*)::int AS n FROM attendance a JOIN occurrences o ON o.id = a.occurrence_id
              WHERE a.tenant_id = $1 AND a.pupil_id IS NOT NULL GROUP BY 1 ORDER BY 1`,
            [tenantId],
          )
        ).map((row) => [row.day, row.n]),
      );

    beforeAll(async () => {
      call = expecting(kit);
      const school = (await call(admin, 'POST', '/schools', { name: 'Years Primary', phase: 'primary' }, 201)).id;
      const enrol = async (firstName: string): Promise<string> =>
        (await call(admin, 'POST', '/pupils', { schoolId: school, firstName, lastName: 'Retained', yearGroup: 4 }, 201)).id;
      old = await enrol(oldName);
      recent = await enrol(recentName);
      current = await enrol('Carys');
      const band = (await call(admin, 'POST', '/ensembles', { name: 'Area Band', kind: 'band', strand: 'weekend' }, 201)).id;
      for (const pupilId of [old, recent, current])
        await call(admin, 'POST', `/ensembles/${band}/members`, { pupilId, instrument: 'flute', joinedOn: '2019-09-01' }, 201);
      for (const day of ['2019-10-05', '2022-03-05', '2022-09-03', '2025-10-04'])
        await call(
          admin,
          'POST',
          '/sessions',
          { ensembleId: band, recurrence: 'once', firstOn: day, startTime: '10:00', durationMinutes: 60 },
          201,
        );
      const occurrences = (await call<{ items: { id: string; localDate: string }[] }>(admin, 'GET', '/occurrences', undefined, 200)).items;
      for (const occurrence of occurrences) {
        const present = occurrence.localDate === '2019-10-05' ? [old, recent, current] : [recent, current];
        await call(
          admin,
          'POST',
          `/occurrences/${occurrence.id}/register`,
          { submissionId: newId(), marks: present.map((pupilId) => ({ markId: newId(), pupilId, status: 'present' })) },
          201,
        );
      }
      await call(admin, 'POST', `/pupils/${old}/leave`, { leftOn: '2019-12-20' }, 200);
      await call(admin, 'POST', `/pupils/${recent}/leave`, { leftOn: '2024-07-19' }, 200);
    });

    it('keeps attendance for the current academic year plus the schedule’s years, and former pupils for their years after leaving', () => {
      expect(attendanceKeptFrom('2026-03-01', 3)).toBe('2022-09-01');
      expect(attendanceKeptFrom('2026-09-01', 3)).toBe('2023-09-01');
      expect(attendanceKeptFrom('2026-08-31', 0)).toBe('2025-09-01');
      expect(yearsBefore('2026-03-01', 6)).toBe('2020-03-01');
      expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    });

    it('a dry run counts what the run then does, changing nothing; the run again finds nothing more', async () => {
      const marks = await marksOn();
      expect(marks).toEqual({ '2019-10-05': 3, '2022-03-05': 2, '2022-09-03': 2, '2025-10-04': 2 });

      const dry = await ask(kit, tenantId, {
        kind: 'retention',
        subject: null,
        retention: { ...retention, dryRun: true },
        pseudonym: null,
      });
      const counts = (answer: DataRequestAnsweredV1): Record<string, number> =>
        Object.fromEntries(answer.actions.map((a) => [`${a.action} ${a.what.split(' (')[0].split(' on ')[0]}`, a.rows]));
      expect(counts(dry)).toEqual({
        'deleted pupils’ attendance marks': 5,
        'anonymised former pupils’ records': 1,
        'anonymised free text naming those former pupils': 0,
        'anonymised copies of those former pupils’ names in events, replies and import reports': expect.any(Number),
      });
      expect(dry.actions[0].what).toContain('before 2022-09-01');
      expect(await marksOn()).toEqual(marks);
      expect(await columnsMentioning(kit, oldName)).not.toEqual([]);

      const run = await ask(kit, tenantId, {
        kind: 'retention',
        subject: null,
        retention: { ...retention, dryRun: false },
        pseudonym: null,
      });
      expect(run.actions).toEqual(dry.actions);
      expect(await marksOn()).toEqual({ '2022-09-03': 2, '2025-10-04': 2 });
      expect(await columnsMentioning(kit, oldName)).toEqual([]);
      const names = await rows<{ id: string; first_name: string; anonymised: boolean }>(
        kit.db,
        'SELECT id, first_name, anonymised_at IS NOT NULL AS anonymised FROM pupils WHERE tenant_id = $1',
        [tenantId],
      );
      expect(Object.fromEntries(names.map((p) => [p.id, [p.first_name, p.anonymised]]))).toEqual({
        [old]: ['Pupil', true],
        [recent]: [recentName, false],
        [current]: ['Carys', false],
      });

      const again = await ask(kit, tenantId, {
        kind: 'retention',
        subject: null,
        retention: { ...retention, dryRun: false },
        pseudonym: null,
      });
      expect(again.actions.map((a) => a.rows)).toEqual([0, 0, 0, 0]);
    });
  });
});

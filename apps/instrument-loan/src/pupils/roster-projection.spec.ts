import type { EventEnvelope, EventType } from '@tutti/contracts';
import { MessagingHandlers, type EventHandler } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, checkOutBody, useLoanTestKit } from '../testing/loan-test-kit';

describe('the roster kept from scheduling’s events', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();

  const eventOf = <T extends EventType>(type: T, payload: EventEnvelope<T>['payload'], occurredAt = new Date().toISOString()) =>
    ({ id: newId(), type, tenantId, occurredAt, source: 'scheduling', payload }) as EventEnvelope<T>;

  const applyEvent = <T extends EventType>(event: EventEnvelope<T>) => {
    const handler = kit.app.get(MessagingHandlers).handlers[event.type] as EventHandler<T> | undefined;
    if (!handler) throw new Error(`no handler for ${event.type}`);
    return kit.db.transaction((manager) => handler(event, manager));
  };

  const apply = <T extends EventType>(type: T, payload: EventEnvelope<T>['payload'], occurredAt?: string) =>
    applyEvent(eventOf(type, payload, occurredAt));

  it('lets the new school’s staff see a moved pupil’s active loan, and refuses loans to leavers', async () => {
    const [from, to, pupilId] = [newId(), newId(), newId()];
    await apply('scheduling.school.created', { version: 1, schoolId: from, name: 'From Primary', urn: '900001', phase: 'primary' });
    await apply('scheduling.pupil.enrolled', {
      version: 1,
      pupilId,
      schoolId: from,
      classId: null,
      yearGroup: 3,
      firstName: 'Ada',
      lastName: 'L',
    });
    await apply('scheduling.pupil.enrolled', {
      version: 1,
      pupilId,
      schoolId: from,
      classId: null,
      yearGroup: 3,
      firstName: 'Ada',
      lastName: 'L',
    });
    const loan = (
      await kit.call(personas.tutor(tenantId, [from]), 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId)).id, pupilId))
    ).json();
    await apply('scheduling.pupil.moved', {
      version: 1,
      pupilId,
      fromSchoolId: from,
      toSchoolId: to,
      fromClassId: null,
      toClassId: null,
      yearGroup: 3,
    });
    expect((await kit.call(personas.tutor(tenantId, [to]), 'GET', `/loans/${loan.id}`)).statusCode).toBe(200);
    expect((await kit.call(personas.tutor(tenantId, [from]), 'GET', `/loans/${loan.id}`)).statusCode).toBe(404);
    await apply('scheduling.pupil.left', { version: 1, pupilId, schoolId: to, leftOn: '2026-01-31', reason: 'left' });
    const refused = await kit.call(
      personas.tutor(tenantId, [to]),
      'POST',
      '/loans',
      checkOutBody((await addInstrument(kit.db, tenantId)).id, pupilId),
    );
    expect(refused.statusCode).toBe(409);
  });

  it('follows a pupil’s corrected name and new year group (instrument sizes go by it)', async () => {
    const [schoolId, pupilId] = [newId(), newId()];
    await apply('scheduling.pupil.enrolled', {
      version: 1,
      pupilId,
      schoolId,
      classId: null,
      yearGroup: 3,
      firstName: 'Ada',
      lastName: 'L',
    });
    await apply('scheduling.pupil.details-changed', {
      version: 1,
      pupilId,
      schoolId,
      yearGroup: 4,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const [pupil] = await kit.db.query('SELECT first_name, last_name, year_group FROM pupils WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      pupilId,
    ]);
    expect(pupil).toEqual({ first_name: 'Ada', last_name: 'Lovelace', year_group: 4 });
  });

  describe('applied out of order (the consumer runs events concurrently and retries them)', () => {
    /** Minute `n` of one morning: events are given explicit times so they can be applied in any order. */
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();

    const enrolled = (pupilId: string, schoolId: string, firstName: string, lastName: string, yearGroup: number) =>
      ({ version: 1, pupilId, schoolId, classId: null, yearGroup, firstName, lastName }) as const;
    const moved = (pupilId: string, fromSchoolId: string, toSchoolId: string, yearGroup = 3) =>
      ({ version: 1, pupilId, fromSchoolId, toSchoolId, fromClassId: null, toClassId: null, yearGroup }) as const;

    const pupilRow = async (pupilId: string) => {
      const [row] = await kit.db.query(
        'SELECT school_id, left_on::text AS left_on, first_name, last_name, year_group FROM pupils WHERE tenant_id = $1 AND id = $2',
        [tenantId, pupilId],
      );
      return row as { school_id: string; left_on: string | null; first_name: string; last_name: string; year_group: number };
    };

    it('keeps a leave when the enrolment before it is applied after it', async () => {
      const [schoolId, pupilId] = [newId(), newId()];
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, schoolId, 'Ada', 'L', 3), at(0));
      await apply('scheduling.pupil.left', { version: 1, pupilId, schoolId, leftOn: '2026-03-02', reason: 'left' }, at(3));
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, schoolId, 'Ada', 'L', 3), at(1));
      expect(await pupilRow(pupilId)).toMatchObject({ school_id: schoolId, left_on: '2026-03-02' });
    });

    it('keeps the newer of two moves, and the active loan at its school', async () => {
      const [first, second, third, pupilId] = [newId(), newId(), newId(), newId()];
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, first, 'Ada', 'L', 3), at(0));
      const loan = (
        await kit.call(
          personas.tutor(tenantId, [first]),
          'POST',
          '/loans',
          checkOutBody((await addInstrument(kit.db, tenantId)).id, pupilId),
        )
      ).json();
      await apply('scheduling.pupil.moved', moved(pupilId, second, third), at(2));
      await apply('scheduling.pupil.moved', moved(pupilId, first, second), at(1));
      expect((await pupilRow(pupilId)).school_id).toBe(third);
      const [loanRow] = await kit.db.query('SELECT school_id FROM loans WHERE tenant_id = $1 AND id = $2', [tenantId, loan.id]);
      expect(loanRow).toEqual({ school_id: third });
    });

    it('moves the active loan with a leave applied before the move that preceded it', async () => {
      const [from, to, pupilId] = [newId(), newId(), newId()];
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, from, 'Ada', 'L', 3), at(0));
      const loan = (
        await kit.call(
          personas.tutor(tenantId, [from]),
          'POST',
          '/loans',
          checkOutBody((await addInstrument(kit.db, tenantId)).id, pupilId),
        )
      ).json();
      await apply('scheduling.pupil.left', { version: 1, pupilId, schoolId: to, leftOn: '2026-03-02', reason: 'left' }, at(3));
      await apply('scheduling.pupil.moved', moved(pupilId, from, to), at(2));
      expect(await pupilRow(pupilId)).toMatchObject({ school_id: to, left_on: '2026-03-02' });
      const [loanRow] = await kit.db.query('SELECT school_id FROM loans WHERE tenant_id = $1 AND id = $2', [tenantId, loan.id]);
      expect(loanRow).toEqual({ school_id: to });
    });

    it('treats a row no event has marked (kept before the markers) as older than any event', async () => {
      const schoolId = newId();
      const pupilId = await addPupil(kit.db, tenantId, schoolId, 3);
      await apply('scheduling.pupil.left', { version: 1, pupilId, schoolId, leftOn: '2026-03-02', reason: 'left' }, at(3));
      await apply(
        'scheduling.pupil.details-changed',
        { version: 1, pupilId, schoolId, yearGroup: 4, firstName: 'Ada', lastName: 'Lovelace' },
        at(2),
      );
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, schoolId, 'Ada', 'L', 3), at(1));
      expect(await pupilRow(pupilId)).toEqual({
        school_id: schoolId,
        left_on: '2026-03-02',
        first_name: 'Ada',
        last_name: 'Lovelace',
        year_group: 4,
      });
    });

    it('keeps a corrected name when the enrolment before it is applied after it', async () => {
      const [schoolId, pupilId] = [newId(), newId()];
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, schoolId, 'Ada', 'L', 3), at(0));
      await apply(
        'scheduling.pupil.details-changed',
        { version: 1, pupilId, schoolId, yearGroup: 4, firstName: 'Ada', lastName: 'Lovelace' },
        at(3),
      );
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, schoolId, 'Ada', 'L', 3), at(1));
      expect(await pupilRow(pupilId)).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', year_group: 4 });
    });

    it('lets a newer move and a newer name each stand against an older event about the other', async () => {
      const [from, to, later, pupilId] = [newId(), newId(), newId(), newId()];
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, from, 'Ada', 'L', 3), at(0));
      // Details newer than a move applied after them: the move's school, the newer name and year.
      await apply(
        'scheduling.pupil.details-changed',
        { version: 1, pupilId, schoolId: from, yearGroup: 4, firstName: 'Ada', lastName: 'Lovelace' },
        at(4),
      );
      await apply('scheduling.pupil.moved', moved(pupilId, from, to, 3), at(3));
      expect(await pupilRow(pupilId)).toMatchObject({ school_id: to, first_name: 'Ada', last_name: 'Lovelace', year_group: 4 });
      // A move newer than details applied after it: the newer school stays, the details still apply.
      await apply('scheduling.pupil.moved', moved(pupilId, to, later, 4), at(6));
      await apply(
        'scheduling.pupil.details-changed',
        { version: 1, pupilId, schoolId: to, yearGroup: 4, firstName: 'Augusta Ada', lastName: 'Lovelace' },
        at(5),
      );
      expect(await pupilRow(pupilId)).toMatchObject({ school_id: later, first_name: 'Augusta Ada', year_group: 4 });
      // An enrolment older than both changes neither.
      await apply('scheduling.pupil.enrolled', enrolled(pupilId, from, 'Ada', 'L', 3), at(2));
      expect(await pupilRow(pupilId)).toEqual({
        school_id: later,
        left_on: null,
        first_name: 'Augusta Ada',
        last_name: 'Lovelace',
        year_group: 4,
      });
    });

    it('changes nothing when an event is applied again', async () => {
      const [from, to, pupilId] = [newId(), newId(), newId()];
      const events = [
        eventOf('scheduling.pupil.enrolled', enrolled(pupilId, from, 'Ada', 'L', 3), at(0)),
        eventOf('scheduling.pupil.moved', moved(pupilId, from, to), at(1)),
        eventOf(
          'scheduling.pupil.details-changed',
          { version: 1, pupilId, schoolId: to, yearGroup: 4, firstName: 'Ada', lastName: 'Lovelace' },
          at(2),
        ),
        eventOf('scheduling.pupil.left', { version: 1, pupilId, schoolId: to, leftOn: '2026-03-02', reason: 'left' }, at(3)),
      ] as const;
      for (const event of events) await applyEvent(event);
      const settled = await pupilRow(pupilId);
      expect(settled).toEqual({ school_id: to, left_on: '2026-03-02', first_name: 'Ada', last_name: 'Lovelace', year_group: 4 });
      for (const event of events) {
        await applyEvent(event);
        expect(await pupilRow(pupilId)).toEqual(settled);
      }
    });
  });
});

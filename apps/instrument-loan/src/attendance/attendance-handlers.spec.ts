import type { EventEnvelope } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { applyEvent, MessagingHandlers } from '@tutti/messaging';
import { newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestKit } from '../testing/loan-test-kit';

const DAY = 86_400_000;

describe('conditional loans flagged from attendance', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const ensembleId = newId();

  beforeAll(async () => {
    const read = await kit.call(admin, 'GET', '/settings');
    const settings = await kit.call(
      admin,
      'PATCH',
      '/settings',
      { missedSessionsThreshold: 2, gracePeriodDays: 7 },
      { 'if-match': String(read.headers.etag) },
    );
    expect(settings.statusCode).toBe(200);
  });

  /** Applies one register as the event consumer would: in a transaction, through the handler. */
  const register = (
    startsAt: Date,
    marks: { pupilId: string; status: 'present' | 'late' | 'absent' | 'excused' }[],
    occurrenceId = newId(),
  ) => {
    const event: EventEnvelope<'scheduling.attendance.recorded'> = {
      id: newId(),
      type: 'scheduling.attendance.recorded',
      tenantId,
      occurredAt: new Date().toISOString(),
      source: 'scheduling',
      payload: {
        version: 1,
        occurrenceId,
        ensembleId,
        schoolId: null,
        startsAt: startsAt.toISOString(),
        marks: marks.map((mark) => ({ ...mark, staffId: null })),
      },
    };
    return applyEvent(kit.db, 'instrument-loan', kit.app.get(MessagingHandlers).handlers, event);
  };

  it('flags after 2 absences in a row past a 7-day grace period, once, and tells the family', async () => {
    const schoolId = await addSchool(kit.db, tenantId);
    const pupilId = await addPupil(kit.db, tenantId, schoolId);
    const unconditionalPupil = await addPupil(kit.db, tenantId, schoolId);
    const loan = (
      await kit.call(
        admin,
        'POST',
        '/loans',
        checkOutBody((await addInstrument(kit.db, tenantId)).id, pupilId, {
          condition: { ensembleId, note: 'kept while in the after-school orchestra' },
        }),
      )
    ).json();
    await kit.call(admin, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId)).id, unconditionalPupil));
    // Back-date the loan so that sessions can fall inside and after its grace period.
    const started = new Date(Date.now() - 30 * DAY);
    await kit.db.query('UPDATE loans SET started_at = $2 WHERE id = $1', [loan.id, started]);
    const at = (day: number) => new Date(started.getTime() + day * DAY);

    await register(at(2), [
      { pupilId, status: 'absent' },
      { pupilId: unconditionalPupil, status: 'absent' },
    ]); // in grace
    await register(at(5), [{ pupilId, status: 'absent' }]); // in grace
    await register(at(9), [{ pupilId, status: 'absent' }]); // 1 counted
    expect((await kit.call(admin, 'GET', `/loans/${loan.id}`)).json().flaggedAt).toBeNull();
    await register(at(12), [{ pupilId, status: 'excused' }]); // skipped
    await register(at(16), [{ pupilId, status: 'absent' }]); // 2 in a row → flagged
    const flagged = (await kit.call(admin, 'GET', `/loans/${loan.id}`)).json();
    expect(flagged.flaggedAt).not.toBeNull();
    expect(flagged.flagReason).toContain('missed 2 sessions in a row');
    await register(at(19), [{ pupilId, status: 'absent' }]); // already flagged: no second event
    const events = await kit.db.query(`SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'loan.loan.flagged'`, [tenantId]);
    expect(events.map((event: { payload: unknown }) => event.payload)).toEqual([
      expect.objectContaining({ loanId: loan.id, pupilId, ensembleId, missedInARow: 2 }),
    ]);
    expect((await kit.call(admin, 'GET', '/loans?state=flagged')).json().items.map((item: { id: string }) => item.id)).toEqual([loan.id]);

    // A review clears the flag; only sessions after it count towards the next.
    expect((await kit.call(admin, 'POST', `/loans/${loan.id}/review-cleared`)).statusCode).toBe(200);
    await register(new Date(Date.now() + DAY), [{ pupilId, status: 'absent' }]);
    expect((await kit.call(admin, 'GET', `/loans/${loan.id}`)).json().flaggedAt).toBeNull();
  });

  it('lets a corrected register undo an absence', async () => {
    const schoolId = await addSchool(kit.db, tenantId);
    const pupilId = await addPupil(kit.db, tenantId, schoolId);
    const loan = (
      await kit.call(
        admin,
        'POST',
        '/loans',
        checkOutBody((await addInstrument(kit.db, tenantId)).id, pupilId, { condition: { ensembleId } }),
      )
    ).json();
    const started = new Date(Date.now() - 30 * DAY);
    await kit.db.query('UPDATE loans SET started_at = $2 WHERE id = $1', [loan.id, started]);
    const first = newId();
    await register(new Date(started.getTime() + 10 * DAY), [{ pupilId, status: 'absent' }], first);
    await register(new Date(started.getTime() + 10 * DAY), [{ pupilId, status: 'present' }], first); // corrected
    await register(new Date(started.getTime() + 17 * DAY), [{ pupilId, status: 'absent' }]);
    expect((await kit.call(admin, 'GET', `/loans/${loan.id}`)).json().flaggedAt).toBeNull();
  });
});

import type { EventCatalog, EventEnvelope } from '@tutti/contracts';
import { applyEvent, MessagingHandlers } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestKit } from '../testing/loan-test-kit';
import { ALUMNI_NOTICE } from './alumni-loans';

/** Issue 18: a Year 6 pupil who leaves for secondary school keeps a loaned instrument on the conditional rule. */
describe('alumni keep a loaned instrument on the conditional rule', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const areaOrchestra = newId();
  const schoolStrings = newId();
  const neverMet = newId();
  let schoolLeft: string;

  const deliver = <T extends 'scheduling.attendance.recorded' | 'scheduling.pupil.became-alumni'>(
    type: T,
    payload: EventCatalog[T],
    id = newId(),
  ) => {
    const event = { id, type, tenantId, occurredAt: new Date().toISOString(), source: 'scheduling', payload } as EventEnvelope<T>;
    return applyEvent(kit.db, 'instrument-loan', kit.app.get(MessagingHandlers).handlers, event);
  };
  const register = (ensembleId: string, schoolId: string | null, pupilIds: string[]) =>
    deliver('scheduling.attendance.recorded', {
      version: 1,
      occurrenceId: newId(),
      ensembleId,
      schoolId,
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      marks: pupilIds.map((pupilId) => ({ pupilId, staffId: null, status: 'present' as const })),
    });
  const becameAlumni = (pupilId: string, id?: string) =>
    deliver('scheduling.pupil.became-alumni', { version: 1, pupilId, schoolId: schoolLeft, leftOn: '2024-07-19' }, id);
  const lend = async (pupilId: string, condition?: string): Promise<string> => {
    const body = checkOutBody(
      (await addInstrument(kit.db, tenantId)).id,
      pupilId,
      condition ? { condition: { ensembleId: condition } } : {},
    );
    const response = await kit.call(admin, 'POST', '/loans', body);
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const loan = async (loanId: string) => (await kit.call(admin, 'GET', `/loans/${loanId}`)).json();
  const flaggedEvents = async (pupilId: string) =>
    (
      await kit.db.query(
        `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'loan.loan.flagged' AND payload->>'pupilId' = $2`,
        [tenantId, pupilId],
      )
    ).map((row: { payload: unknown }) => row.payload);

  const pupils: Record<string, string> = {};
  const loans: Record<string, string> = {};

  beforeAll(async () => {
    schoolLeft = await addSchool(kit.db, tenantId);
    for (const name of ['orchestra', 'strings', 'unconditional', 'unmet', 'returned'])
      pupils[name] = await addPupil(kit.db, tenantId, schoolLeft);
    loans.orchestra = await lend(pupils.orchestra, areaOrchestra);
    loans.strings = await lend(pupils.strings, schoolStrings);
    loans.unconditional = await lend(pupils.unconditional);
    loans.unmet = await lend(pupils.unmet, neverMet);
    loans.returned = await lend(pupils.returned);
    await kit.db.query("UPDATE loans SET returned_at = now(), outcome = 'returned' WHERE tenant_id = $1 AND id = $2", [
      tenantId,
      loans.returned,
    ]);
    // The area orchestra meets at no school; the strings group at the school they leave.
    await register(areaOrchestra, null, [pupils.orchestra]);
    await register(schoolStrings, schoolLeft, [pupils.strings]);
    for (const name of Object.keys(pupils)) await becameAlumni(pupils[name]);
  });

  it('lets a loan conditional on an ensemble that is not the old school’s continue, unflagged and untold', async () => {
    for (const name of ['orchestra', 'unmet']) {
      expect(await loan(loans[name])).toMatchObject({ flaggedAt: null, returnedAt: null });
      expect(await flaggedEvents(pupils[name])).toEqual([]);
    }
  });

  it('flags any other active loan for review and tells the family why; a returned loan is left alone', async () => {
    for (const [name, ensembleId] of [
      ['strings', schoolStrings],
      ['unconditional', null],
    ] as const) {
      expect(await loan(loans[name])).toMatchObject({ flaggedAt: expect.any(String), flagReason: ALUMNI_NOTICE, returnedAt: null });
      expect(await flaggedEvents(pupils[name])).toEqual([
        {
          version: 1,
          loanId: loans[name],
          instrumentId: expect.any(String),
          pupilId: pupils[name],
          ensembleId,
          reason: ALUMNI_NOTICE,
          missedInARow: 0,
        },
      ]);
    }
    expect(await loan(loans.returned)).toMatchObject({ flaggedAt: null });
    expect(await flaggedEvents(pupils.returned)).toEqual([]);
  });

  it('flags nothing twice: a redelivery, or the same news again, sends no second notice', async () => {
    const id = newId();
    await becameAlumni(pupils.unconditional, id);
    await becameAlumni(pupils.unconditional, id);
    await becameAlumni(pupils.strings);
    expect(await flaggedEvents(pupils.unconditional)).toHaveLength(1);
    expect(await flaggedEvents(pupils.strings)).toHaveLength(1);
  });

  it('keeps watching the continuing loan with the attendance rule', async () => {
    const threshold = (await kit.call(admin, 'GET', '/settings')).json().missedSessionsThreshold as number;
    await kit.db.query("UPDATE loans SET started_at = now() - interval '90 days' WHERE tenant_id = $1 AND id = $2", [
      tenantId,
      loans.orchestra,
    ]);
    for (let i = 0; i < threshold; i++)
      await deliver('scheduling.attendance.recorded', {
        version: 1,
        occurrenceId: newId(),
        ensembleId: areaOrchestra,
        schoolId: null,
        startsAt: new Date(Date.now() - (threshold - i) * 3_600_000).toISOString(),
        marks: [{ pupilId: pupils.orchestra, staffId: null, status: 'absent' }],
      });
    expect((await loan(loans.orchestra)).flagReason).toContain(`missed ${threshold} sessions in a row`);
  });
});

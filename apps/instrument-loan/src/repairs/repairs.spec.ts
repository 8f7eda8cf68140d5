import { addDays, PLANNING_TIME_ZONE, zonedDateTime } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { markLoanOverdue } from '../loans/loan-overdue';
import { addInstrument, addPupil, addSchool, checkOutBody, futureDate, useLoanTestKit } from '../testing/loan-test-kit';

describe('repairs, inspections and overdue loans', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  it('blocks loans while in repair and frees the instrument when the ticket closes', async () => {
    const schoolId = await addSchool(kit.db, tenantId);
    const pupilId = await addPupil(kit.db, tenantId, schoolId);
    const instrument = await addInstrument(kit.db, tenantId);
    const ticket = (
      await kit.call(personas.tutor(tenantId, [schoolId]), 'POST', `/instruments/${instrument.id}/repairs`, {
        fault: 'Open seam',
        openedOn: '2026-01-05',
      })
    ).json();
    expect((await kit.call(admin, 'POST', `/instruments/${instrument.id}/repairs`, { fault: 'again' })).statusCode).toBe(409);
    expect((await kit.call(admin, 'GET', '/repairs')).json().items.map((item: { id: string }) => item.id)).toEqual([ticket.id]);
    const closed = await kit.call(admin, 'POST', `/repairs/${ticket.id}/close`, {
      costPence: 4500,
      conditionAfter: 'good',
      closedOn: '2026-01-12',
    });
    expect(closed.json()).toMatchObject({ costPence: 4500, closedOn: '2026-01-12' });
    expect((await kit.call(admin, 'POST', `/repairs/${ticket.id}/close`, { costPence: 1, conditionAfter: 'good' })).statusCode).toBe(409);
    expect((await kit.call(admin, 'POST', '/loans', checkOutBody(instrument.id, pupilId))).statusCode).toBe(201);
    const onLoan = await kit.call(admin, 'POST', `/instruments/${instrument.id}/repairs`, { fault: 'x' });
    expect(onLoan.statusCode).toBe(409);
    expect(onLoan.json().detail).toContain('record its return first');
    const bad = await kit.call(admin, 'POST', `/repairs/${ticket.id}/close`, { costPence: -1, conditionAfter: 'good' });
    expect(bad.json().errors[0].field).toBe('costPence');
  });

  it('answers 404 to staff who do not look after an instrument before saying anything of its state (on loan, owned by another school)', async () => {
    const [schoolA, schoolB] = [await addSchool(kit.db, tenantId), await addSchool(kit.db, tenantId)];
    const pupilA = await addPupil(kit.db, tenantId, schoolA);
    const onLoan = await addInstrument(kit.db, tenantId);
    expect((await kit.call(admin, 'POST', '/loans', checkOutBody(onLoan.id, pupilA))).statusCode).toBe(201);
    const ownedByA = await addInstrument(kit.db, tenantId, { ownerSchoolId: schoolA });
    const outsiders = [
      personas.headteacher(tenantId, schoolB),
      personas.tutor(tenantId, [schoolB]),
      personas.schoolStaff(tenantId, schoolB),
      personas.programmeAdmin(newTenantId()),
    ];
    for (const outsider of outsiders) {
      for (const instrument of [onLoan, ownedByA]) {
        for (const [url, body] of [
          [`/instruments/${instrument.id}/repairs`, { fault: 'Cracked bridge' }],
          [`/instruments/${instrument.id}/inspections`, { condition: 'good' }],
        ] as const) {
          const response = await kit.call(outsider, 'POST', url, body);
          expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
          expect(response.body).not.toContain(instrument.assetTag);
          expect(response.body).not.toContain('loan');
        }
      }
    }
    // Those who look after it hear of its state.
    for (const insider of [personas.headteacher(tenantId, schoolA), personas.tutor(tenantId, [schoolA]), admin]) {
      const response = await kit.call(insider, 'POST', `/instruments/${onLoan.id}/repairs`, { fault: 'Cracked bridge' });
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toContain(`Instrument ${onLoan.assetTag} is out on loan`);
    }
    expect(
      (await kit.call(personas.tutor(tenantId, [schoolA]), 'POST', `/instruments/${onLoan.id}/inspections`, { condition: 'fair' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await kit.call(personas.headteacher(tenantId, schoolA), 'POST', `/instruments/${ownedByA.id}/repairs`, { fault: 'Open seam' }))
        .statusCode,
    ).toBe(201);
    // The programme's own stock in store is every school's to report.
    expect(
      (
        await kit.call(
          personas.headteacher(tenantId, schoolB),
          'POST',
          `/instruments/${(await addInstrument(kit.db, tenantId)).id}/repairs`,
          { fault: 'Sticky valve' },
        )
      ).statusCode,
    ).toBe(201);
    const states = await kit.db.query('SELECT status FROM instruments WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY status', [
      tenantId,
      [onLoan.id, ownedByA.id],
    ]);
    expect(states.map((row: { status: string }) => row.status)).toEqual(['in_repair', 'on_loan']);
  });

  it('schedules the next termly inspection with a reminder a week before, replacing the previous one', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    // A reminder due in the past would be sent at once: inspect "today", so that it lies ahead.
    const today = futureDate(0);
    const first = (
      await kit.call(admin, 'POST', `/instruments/${instrument.id}/inspections`, { inspectedOn: today, condition: 'fair' })
    ).json();
    expect(first.nextInspectionOn).toBe(addDays(today, 120));
    expect(first.reminderAt).toBe(zonedDateTime(addDays(today, 113), '09:00', PLANNING_TIME_ZONE).toISOString());
    await kit.call(admin, 'POST', `/instruments/${instrument.id}/inspections`, { inspectedOn: today, condition: 'good' });
    const reminders = await kit.db.query(
      `SELECT status, due_at FROM reminders WHERE tenant_id = $1 AND subject_id = $2 ORDER BY created_at, id`,
      [tenantId, instrument.id],
    );
    expect(reminders.map((row: { status: string }) => row.status)).toEqual(['cancelled', 'scheduled']);
    expect(
      (await kit.call(admin, 'GET', `/instruments?inspectionDueBy=${addDays(today, 121)}`))
        .json()
        .items.map((item: { id: string }) => item.id),
    ).toContain(instrument.id);
  });

  it('marks a loan overdue the morning after its due date, once, and tells the family', async () => {
    const schoolId = await addSchool(kit.db, tenantId);
    const pupilId = await addPupil(kit.db, tenantId, schoolId);
    const loan = (await kit.call(admin, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId)).id, pupilId))).json();
    expect(await markLoanOverdue(kit.db, { tenantId, subjectId: loan.id })).toBe(false);
    await kit.db.query(`UPDATE loans SET due_on = current_date - 2 WHERE id = $1`, [loan.id]);
    expect(await markLoanOverdue(kit.db, { tenantId, subjectId: loan.id })).toBe(true);
    expect(await markLoanOverdue(kit.db, { tenantId, subjectId: loan.id })).toBe(false);
    const events = await kit.db.query(`SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'loan.loan.overdue'`, [tenantId]);
    expect(events).toEqual([{ payload: expect.objectContaining({ loanId: loan.id, pupilId }) }]);
    expect((await kit.call(admin, 'GET', '/loans?state=overdue')).json().items.map((item: { id: string }) => item.id)).toEqual([loan.id]);
  });
});

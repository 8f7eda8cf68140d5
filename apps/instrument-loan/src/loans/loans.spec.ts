import { auditEntriesAbout, auditLine, newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestKit } from '../testing/loan-test-kit';

describe('loans: check-out, return, repair blocking, guardian view and access', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const otherTenantId = newTenantId();
  let schoolId: string;
  let otherSchoolId: string;
  let pupilId: string;
  let siblingId: string;
  let otherFamilyPupilId: string;
  const admin = personas.programmeAdmin(tenantId);

  beforeAll(async () => {
    schoolId = await addSchool(kit.db, tenantId);
    otherSchoolId = await addSchool(kit.db, tenantId);
    pupilId = await addPupil(kit.db, tenantId, schoolId);
    siblingId = await addPupil(kit.db, tenantId, schoolId);
    otherFamilyPupilId = await addPupil(kit.db, tenantId, otherSchoolId);
  });

  const activeLoans = async (instrumentId: string) =>
    Number(
      (
        await kit.db.query('SELECT count(*)::int AS n FROM loans WHERE tenant_id = $1 AND instrument_id = $2 AND returned_at IS NULL', [
          tenantId,
          instrumentId,
        ])
      )[0].n,
    );

  it('checks out with the agreement, records an event, and returns', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    const tutor = personas.tutor(tenantId, [schoolId]);
    const out = await kit.call(tutor, 'POST', '/loans', checkOutBody(instrument.id, pupilId));
    expect(out.statusCode).toBe(201);
    const loan = out.json();
    expect(loan).toMatchObject({
      pupilId,
      schoolId,
      active: true,
      accessories: ['case', 'bow'],
      agreement: { agreedByName: 'Sam Parent', termsVersion: '2025-1' },
    });
    expect((await kit.db.query('SELECT status FROM instruments WHERE id = $1', [instrument.id]))[0].status).toBe('on_loan');
    const events = await kit.db.query(`SELECT type, payload FROM outbox_events WHERE tenant_id = $1 AND payload->>'loanId' = $2`, [
      tenantId,
      loan.id,
    ]);
    expect(events.map((event: { type: string }) => event.type)).toEqual(['loan.loan.started']);
    const reminders = await kit.db.query(`SELECT kind, status FROM reminders WHERE tenant_id = $1 AND subject_id = $2`, [
      tenantId,
      loan.id,
    ]);
    expect(reminders).toEqual([{ kind: 'loan.overdue-check', status: 'scheduled' }]);

    const again = await kit.call(tutor, 'POST', '/loans', checkOutBody(instrument.id, siblingId));
    expect(again.statusCode).toBe(409);
    expect(again.json().conflicts[0]).toMatchObject({ instrumentId: instrument.id, status: 'on_loan', loanId: loan.id });

    const back = await kit.call(tutor, 'POST', `/loans/${loan.id}/return`, { conditionIn: 'fair', notes: 'scratched scroll' });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ active: false, conditionIn: 'fair', outcome: 'returned' });
    expect((await kit.db.query('SELECT status, condition FROM instruments WHERE id = $1', [instrument.id]))[0]).toEqual({
      status: 'available',
      condition: 'fair',
    });
    expect((await kit.db.query(`SELECT status FROM reminders WHERE subject_id = $1`, [loan.id]))[0].status).toBe('cancelled');
    expect((await kit.call(tutor, 'POST', `/loans/${loan.id}/return`, { conditionIn: 'fair' })).statusCode).toBe(409);
  });

  it('honours Idempotency-Key on check-out', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    const headers = { 'idempotency-key': `co-${instrument.id}` };
    const body = checkOutBody(instrument.id, pupilId);
    const first = await kit.call(admin, 'POST', '/loans', body, headers);
    const retry = await kit.call(admin, 'POST', '/loans', body, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(await activeLoans(instrument.id)).toBe(1);
    // The same key with a different body is a client mistake, not a retry.
    expect(
      (await kit.call(admin, 'POST', '/loans', checkOutBody(instrument.id, pupilId, { conditionOut: 'fair' }), headers)).statusCode,
    ).toBe(422);
  });

  it('refuses an instrument in repair with a 409 saying why', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    const repair = await kit.call(admin, 'POST', `/instruments/${instrument.id}/repairs`, {
      fault: 'Cracked bridge',
      repairer: 'Strings & Co',
    });
    expect(repair.statusCode).toBe(201);
    const out = await kit.call(admin, 'POST', '/loans', checkOutBody(instrument.id, pupilId));
    expect(out.statusCode).toBe(409);
    expect(out.json().detail).toContain('in repair (Cracked bridge');
    expect(out.json().conflicts[0]).toMatchObject({ status: 'in_repair', repairTicketId: repair.json().id, fault: 'Cracked bridge' });
    expect(await activeLoans(instrument.id)).toBe(0);
  });

  it('gives exactly one of 20 concurrent check-outs of one instrument', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    const pupils = await Promise.all(Array.from({ length: 20 }, () => addPupil(kit.db, tenantId, schoolId)));
    const started = Date.now();
    const responses = await Promise.all(pupils.map((pupil) => kit.call(admin, 'POST', '/loans', checkOutBody(instrument.id, pupil))));
    const elapsed = Date.now() - started;
    const codes = responses.map((response) => response.statusCode).sort();
    expect(codes.filter((code) => code === 201)).toHaveLength(1);
    expect(codes.filter((code) => code === 409)).toHaveLength(19);
    expect(await activeLoans(instrument.id)).toBe(1);
    expect(
      (
        await kit.db.query(
          `SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1 AND type = 'loan.loan.started' AND payload->>'instrumentId' = $2`,
          [tenantId, instrument.id],
        )
      )[0].n,
    ).toBe(1);
    process.stdout.write(`20 concurrent check-outs of one instrument: ${elapsed} ms\n`);
  });

  it('lets the database refuse a second active loan even without the status guard', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    const loan = (await kit.call(admin, 'POST', '/loans', checkOutBody(instrument.id, pupilId))).json();
    await expect(
      kit.db.query(
        `INSERT INTO loans (id, tenant_id, instrument_id, pupil_id, school_id, due_on, condition_out, agreed_by_name, agreed_at, terms_version, checked_out_by)
         SELECT gen_random_uuid(), tenant_id, instrument_id, pupil_id, school_id, due_on, condition_out, agreed_by_name, agreed_at, terms_version, checked_out_by FROM loans WHERE id = $1`,
        [loan.id],
      ),
    ).rejects.toThrow(/loans_one_active_per_instrument/);
  });

  describe('who sees which loan', () => {
    let ownLoanId: string;
    let otherFamilyLoanId: string;

    beforeAll(async () => {
      ownLoanId = (await kit.call(admin, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId)).id, siblingId))).json().id;
      otherFamilyLoanId = (
        await kit.call(admin, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId)).id, otherFamilyPupilId))
      ).json().id;
    });

    it('shows a guardian their own children’s loans only, with the agreement and where to report', async () => {
      const guardian = personas.guardian(tenantId, [{ pupilId: siblingId, schoolId }]);
      const list = await kit.call(guardian, 'GET', '/loans');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((loan: { id: string }) => loan.id)).toEqual([ownLoanId]);
      const own = await kit.call(guardian, 'GET', `/loans/${ownLoanId}`);
      expect(own.json()).toMatchObject({
        agreement: { agreedByName: 'Sam Parent' },
        reportProblemPath: `/loans/${ownLoanId}/problem-reports`,
      });
      expect((await kit.call(guardian, 'GET', `/loans/${otherFamilyLoanId}`)).statusCode).toBe(404);
      expect(
        (await kit.call(guardian, 'POST', `/loans/${otherFamilyLoanId}/problem-reports`, { kind: 'damaged', description: 'x' })).statusCode,
      ).toBe(404);
    });

    it('lets a guardian report damage on their own child’s loan but not return it', async () => {
      const guardian = personas.guardian(tenantId, [{ pupilId: siblingId, schoolId }]);
      const report = await kit.call(guardian, 'POST', `/loans/${ownLoanId}/problem-reports`, {
        kind: 'damaged',
        description: 'A string snapped',
      });
      expect(report.statusCode).toBe(201);
      expect(report.json().loan.active).toBe(true);
      expect((await kit.db.query('SELECT reporter_role FROM loan_problem_reports WHERE loan_id = $1', [ownLoanId]))[0].reporter_role).toBe(
        'guardian',
      );
      expect((await kit.call(guardian, 'POST', `/loans/${ownLoanId}/return`, { conditionIn: 'good' })).statusCode).toBe(403);
    });

    it('limits staff to their own schools’ pupils', async () => {
      const tutor = personas.tutor(tenantId, [schoolId]);
      expect((await kit.call(tutor, 'GET', `/loans/${otherFamilyLoanId}`)).statusCode).toBe(404);
      expect((await kit.call(tutor, 'POST', `/loans/${otherFamilyLoanId}/return`, { conditionIn: 'good' })).statusCode).toBe(404);
      const other = await kit.call(tutor, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId)).id, otherFamilyPupilId));
      expect(other.statusCode).toBe(404);
      const ids = (await kit.call(tutor, 'GET', '/loans?limit=100')).json().items.map((loan: { schoolId: string }) => loan.schoolId);
      expect(new Set(ids)).toEqual(new Set([schoolId]));
    });

    it('answers 404 to another area', async () => {
      const stranger = personas.programmeAdmin(otherTenantId);
      expect((await kit.call(stranger, 'GET', `/loans/${ownLoanId}`)).statusCode).toBe(404);
      expect((await kit.call(stranger, 'GET', '/loans')).json().items).toEqual([]);
      expect((await kit.call(stranger, 'POST', `/loans/${ownLoanId}/return`, { conditionIn: 'good' })).statusCode).toBe(404);
      const strangerGuardian = personas.guardian(otherTenantId, [{ pupilId: siblingId, schoolId }]);
      expect((await kit.call(strangerGuardian, 'GET', `/loans/${ownLoanId}`)).statusCode).toBe(404);
    });

    it('refuses evaluators', async () => {
      expect((await kit.call(personas.evaluator(tenantId), 'GET', '/loans')).statusCode).toBe(403);
    });
  });

  it('ends a loan reported lost and writes the instrument off', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    const loan = (await kit.call(admin, 'POST', '/loans', checkOutBody(instrument.id, pupilId))).json();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    const report = await kit.call(guardian, 'POST', `/loans/${loan.id}/problem-reports`, { kind: 'lost', description: 'Left on the bus' });
    expect(report.statusCode).toBe(201);
    expect(report.json().loan).toMatchObject({ active: false, outcome: 'lost' });
    expect((await kit.db.query('SELECT status FROM instruments WHERE id = $1', [instrument.id]))[0].status).toBe('lost');
  });

  it.each([
    [{ instrumentId: 'nope' }, 'instrumentId'],
    [{ dueOn: '2020-01-01' }, 'dueOn'],
    [{ dueOn: '31/12/2030' }, 'dueOn'],
    [{ conditionOut: 'shiny' }, 'conditionOut'],
    [{ agreement: { agreedByName: '', agreedAt: 'yesterday', termsVersion: '1' } }, 'agreement.agreedByName'],
    [{ agreement: { agreedByName: 'A', agreedAt: 'yesterday', termsVersion: '1' } }, 'agreement.agreedAt'],
    [{ agreement: { agreedByName: 'A', agreedAt: '2026-02-30T10:00:00Z', termsVersion: '1' } }, 'agreement.agreedAt'],
    [{ agreement: { agreedByName: 'A', agreedAt: '0000-01-10T10:00:00Z', termsVersion: '1' } }, 'agreement.agreedAt'],
    [{ agreement: { agreedByName: 'A', agreedAt: '2026-01-10', termsVersion: '1' } }, 'agreement.agreedAt'],
    // Without its agreement (or with an array for it) a check-out was a 500: the nested DTO was never checked.
    [{ agreement: undefined }, 'agreement'],
    [{ agreement: [] }, 'agreement'],
    [{ agreement: 'signed' }, 'agreement'],
    [{ condition: [] }, 'condition'],
    [{ accessories: 'case' }, 'accessories'],
    [{ colour: 'red' }, 'colour'],
  ])('refuses bad check-out input %j with a 400 naming %s', async (change, field) => {
    const instrument = await addInstrument(kit.db, tenantId);
    const response = await kit.call(admin, 'POST', '/loans', checkOutBody(instrument.id, pupilId, change));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('answers 404 to another school and another area for an instrument they do not look after, before its state (check-out and swap)', async () => {
    const onLoan = await addInstrument(kit.db, tenantId);
    const loan = (await kit.call(admin, 'POST', '/loans', checkOutBody(onLoan.id, pupilId))).json();
    const ownedBySchool = await addInstrument(kit.db, tenantId, { ownerSchoolId: schoolId });
    const strangerPupilId = await addPupil(kit.db, otherTenantId, await addSchool(kit.db, otherTenantId));
    const outsiders = [
      { who: personas.headteacher(tenantId, otherSchoolId), pupil: otherFamilyPupilId },
      { who: personas.tutor(tenantId, [otherSchoolId]), pupil: otherFamilyPupilId },
      { who: personas.schoolStaff(tenantId, otherSchoolId), pupil: otherFamilyPupilId },
      { who: personas.programmeAdmin(otherTenantId), pupil: strangerPupilId },
    ];
    for (const { who, pupil } of outsiders) {
      const own = (await kit.call(who, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, who.tenantId)).id, pupil))).json();
      for (const instrument of [onLoan, ownedBySchool]) {
        const checkOut = await kit.call(who, 'POST', '/loans', checkOutBody(instrument.id, pupil));
        const swap = await kit.call(who, 'POST', `/loans/${own.id}/swaps`, {
          newInstrumentId: instrument.id,
          conditionIn: 'good',
          conditionOut: 'good',
        });
        for (const [what, response] of [
          ['check-out', checkOut],
          ['swap', swap],
        ] as const) {
          expect({ what, role: who.grants[0].role, status: response.statusCode }).toEqual({ what, role: who.grants[0].role, status: 404 });
          for (const secret of [instrument.assetTag, loan.id, loan.dueOn]) expect(response.body).not.toContain(secret);
        }
      }
      expect((await kit.call(who, 'GET', `/loans/${own.id}`)).json().active).toBe(true);
    }
    const states = await kit.db.query('SELECT id, status FROM instruments WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [
      tenantId,
      [onLoan.id, ownedBySchool.id],
    ]);
    expect(Object.fromEntries(states.map((row: { id: string; status: string }) => [row.id, row.status]))).toEqual({
      [onLoan.id]: 'on_loan',
      [ownedBySchool.id]: 'available',
    });
    // Those who look after it hear of the clash: the loan and when it is due back.
    for (const insider of [personas.headteacher(tenantId, schoolId), admin]) {
      const response = await kit.call(insider, 'POST', '/loans', checkOutBody(onLoan.id, siblingId));
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toContain(`until ${loan.dueOn}`);
      expect(response.json().conflicts[0]).toMatchObject({ instrumentId: onLoan.id, loanId: loan.id });
    }
    expect(
      (await kit.call(personas.tutor(tenantId, [schoolId]), 'POST', '/loans', checkOutBody(ownedBySchool.id, siblingId))).statusCode,
    ).toBe(201);
  });

  it('answers 404 for unknown instruments and pupils, 400 for a bad path id', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    expect((await kit.call(admin, 'POST', '/loans', checkOutBody('0190a0a0-0000-7000-8000-000000000000', pupilId))).statusCode).toBe(404);
    expect((await kit.call(admin, 'POST', '/loans', checkOutBody(instrument.id, '0190a0a0-0000-7000-8000-000000000000'))).statusCode).toBe(
      404,
    );
    const bad = await kit.call(admin, 'GET', '/loans/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('loanId');
  });

  it('sends a guardian’s read of a loan and a check-out to the audit log, the change in its own transaction', async () => {
    const instrument = await addInstrument(kit.db, tenantId);
    const tutor = personas.tutor(tenantId, [schoolId]);
    const loan = (await kit.call(tutor, 'POST', '/loans', checkOutBody(instrument.id, pupilId))).json();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    expect((await kit.call(guardian, 'GET', `/loans/${loan.id}`)).statusCode).toBe(200);
    const audit = await auditEntriesAbout(kit, tenantId, loan.id);
    expect(audit.map(auditLine)).toEqual([
      ['instrument-loan', tutor.userId, 'tutor', 'create', 'loan'],
      ['instrument-loan', guardian.userId, 'guardian', 'read', 'loan'],
    ]);
    expect(audit[1].payload).toEqual(
      expect.objectContaining({
        service: 'instrument-loan',
        subjectId: loan.id,
        requestId: expect.any(String),
        entryId: expect.any(String),
      }),
    );
  });
});

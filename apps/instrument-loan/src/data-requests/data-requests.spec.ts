import type { DataRequestOpenedV1, RetentionScheduleV1 } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { answerDataRequest, columnsMentioning, newTenantId, uniqueWord, untilOutboxDelivered } from '@tutti/testing';
import { addInstrument, addSchool, useLoanTestKit, type LoanTestKit } from '../testing/loan-test-kit';

const DAY = 86_400_000;
const SCHEDULE: RetentionScheduleV1 = {
  attendanceYears: 1,
  familyContactMonthsAfterLeaving: 12,
  pupilRecordYearsAfterLeaving: 3,
  loanYearsAfterReturn: 2,
  messageMonths: 24,
  auditYears: 6,
};

const open = (kit: LoanTestKit, tenantId: string, request: Omit<DataRequestOpenedV1, 'version' | 'requestId'>) =>
  answerDataRequest(kit, tenantId, 'loan.data-request.answered', request);

describe('instrument-loan: data requests (export, erasure, retention)', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const [first, last, guardianFirst, guardianLast] = [uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord()];
  const pupilId = newId();
  const otherPupilId = newId();
  const guardianId = newId();
  const staffId = newId();
  const ensembleId = newId();
  let schoolId: string;
  let returnedLoanId: string;
  let activeLoanId: string;
  let otherLoanId: string;
  let returnedTag: string;
  let activeTag: string;
  let reportId: string;
  let repairId: string;
  const threeYearsAgo = new Date(Date.now() - 3 * 365 * DAY);
  const returnedAt = new Date(threeYearsAgo.getTime() + 200 * DAY);
  const startedRecently = new Date(Date.now() - 20 * DAY);

  beforeAll(async () => {
    schoolId = await addSchool(kit.db, tenantId);
    await kit.applyEvent(tenantId, 'scheduling.pupil.enrolled', {
      version: 1,
      pupilId,
      schoolId,
      classId: null,
      yearGroup: 5,
      firstName: first,
      lastName: last,
    });
    await kit.applyEvent(tenantId, 'scheduling.pupil.enrolled', {
      version: 1,
      pupilId: otherPupilId,
      schoolId,
      classId: null,
      yearGroup: 5,
      firstName: 'Other',
      lastName: 'Child',
    });
    await kit.db.query(`UPDATE pupils SET arm_length_mm = 520, arm_measured_on = '2026-09-10' WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      pupilId,
    ]);
    const returned = await addInstrument(kit.db, tenantId, { type: 'violin' });
    const active = await addInstrument(kit.db, tenantId, { type: 'cello', status: 'on_loan' });
    const other = await addInstrument(kit.db, tenantId, { type: 'viola' });
    [returnedTag, activeTag] = [returned.assetTag, active.assetTag];
    [returnedLoanId, activeLoanId, otherLoanId] = [newId(), newId(), newId()];
    const insertLoan = `INSERT INTO loans (id, tenant_id, instrument_id, pupil_id, school_id, started_at, due_on, accessories, condition_out,
        agreed_by_name, agreed_by_user_id, agreed_at, terms_version, condition_ensemble_id, condition_note, checked_out_by,
        returned_at, condition_in, return_notes, outcome, returned_by, overdue_at, flagged_at, flag_reason)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'good', $9, $10, $6, '2025-1', $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`;
    await kit.db.query(insertLoan, [
      returnedLoanId,
      tenantId,
      returned.id,
      pupilId,
      schoolId,
      threeYearsAgo,
      '2024-07-20',
      ['case', 'bow'],
      `${guardianFirst} ${guardianLast}`,
      guardianId,
      null,
      `${first} practises at home daily`,
      staffId,
      returnedAt,
      'fair',
      `Returned by ${first} ${last} with a broken string`,
      'returned',
      staffId,
      null,
      null,
      null,
    ]);
    await kit.db.query(insertLoan, [
      activeLoanId,
      tenantId,
      active.id,
      pupilId,
      schoolId,
      startedRecently,
      '2026-12-01',
      ['case'],
      `${guardianFirst} ${guardianLast}`,
      guardianId,
      ensembleId,
      'Lent while in the county strings',
      staffId,
      null,
      null,
      null,
      null,
      null,
      new Date(startedRecently.getTime() + 5 * DAY),
      new Date(startedRecently.getTime() + 6 * DAY),
      'Missed 3 sessions of the ensemble in a row',
    ]);
    await kit.db.query(insertLoan, [
      otherLoanId,
      tenantId,
      other.id,
      otherPupilId,
      schoolId,
      startedRecently,
      '2026-12-01',
      [],
      'Pat Child',
      null,
      null,
      null,
      staffId,
      new Date(Date.now() - 2 * DAY),
      'good',
      `Swapped desks with ${first} ${last}`,
      'returned',
      staffId,
      null,
      null,
      null,
    ]);
    reportId = newId();
    await kit.db.query(
      `INSERT INTO loan_problem_reports (id, tenant_id, loan_id, kind, description, reported_by, reporter_role, reported_at)
       VALUES ($1, $2, $3, 'damaged', $4, $5, 'guardian', $6)`,
      [reportId, tenantId, returnedLoanId, `${first} dropped it on the bus`, guardianId, new Date(returnedAt.getTime() - DAY)],
    );
    repairId = newId();
    await kit.db.query(
      `INSERT INTO repair_tickets (id, tenant_id, instrument_id, fault, repairer, cost_pence, opened_on, opened_by)
       VALUES ($1, $2, $3, $4, 'Strings & Co', 4500, $5::date, $6)`,
      [repairId, tenantId, returned.id, `Neck cracked when ${first} ${last} dropped it`, returnedAt.toISOString().slice(0, 10), staffId],
    );
    await kit.db.query(
      `INSERT INTO condition_attendance (tenant_id, ensemble_id, pupil_id, occurrence_id, starts_at, status)
       VALUES ($1, $2, $3, $4, $5, 'absent'), ($1, $2, $3, $6, $7, 'present')`,
      [tenantId, ensembleId, pupilId, newId(), new Date('2023-10-02T16:00:00Z'), newId(), new Date(startedRecently.getTime() + DAY)],
    );
  });

  it('exports the pupil’s loans, agreements, returns, reports, repairs and flags, field by field', async () => {
    const answer = await open(kit, tenantId, { kind: 'export', subject: { type: 'pupil', pupilId }, retention: null, pseudonym: null });
    expect(answer).toMatchObject({ version: 1, kind: 'export', service: 'instrument-loan', actions: [] });
    const r = answer.records;
    expect(Object.keys(r).sort()).toEqual([
      'agreements',
      'conditionAttendance',
      'flags',
      'loans',
      'problemReports',
      'pupil',
      'repairs',
      'returns',
    ]);
    expect(r.pupil).toEqual([
      {
        id: pupilId,
        schoolId,
        schoolName: expect.stringMatching(/^School /),
        yearGroup: 5,
        firstName: first,
        lastName: last,
        leftOn: null,
        armLengthMm: 520,
        armMeasuredOn: '2026-09-10',
      },
    ]);
    expect(r.loans).toEqual([
      expect.objectContaining({
        id: returnedLoanId,
        pupilId,
        assetTag: returnedTag,
        instrumentType: 'violin',
        startedAt: threeYearsAgo.toISOString(),
        dueOn: '2024-07-20',
        accessories: ['case', 'bow'],
        conditionOut: 'good',
        conditionNote: `${first} practises at home daily`,
        checkedOutBy: staffId,
        state: 'returned',
      }),
      expect.objectContaining({ id: activeLoanId, assetTag: activeTag, conditionEnsembleId: ensembleId, state: 'on_loan' }),
    ]);
    expect(r.agreements).toEqual([
      {
        loanId: returnedLoanId,
        pupilId,
        agreedByName: `${guardianFirst} ${guardianLast}`,
        agreedByUserId: guardianId,
        agreedAt: threeYearsAgo.toISOString(),
        termsVersion: '2025-1',
      },
      {
        loanId: activeLoanId,
        pupilId,
        agreedByName: `${guardianFirst} ${guardianLast}`,
        agreedByUserId: guardianId,
        agreedAt: startedRecently.toISOString(),
        termsVersion: '2025-1',
      },
    ]);
    expect(r.returns).toEqual([
      {
        loanId: returnedLoanId,
        returnedAt: returnedAt.toISOString(),
        outcome: 'returned',
        conditionIn: 'fair',
        returnNotes: `Returned by ${first} ${last} with a broken string`,
        returnedBy: staffId,
      },
    ]);
    expect(r.problemReports).toEqual([
      {
        id: reportId,
        loanId: returnedLoanId,
        kind: 'damaged',
        description: `${first} dropped it on the bus`,
        reportedBy: guardianId,
        reporterRole: 'guardian',
        reportedAt: new Date(returnedAt.getTime() - DAY).toISOString(),
      },
    ]);
    expect(r.repairs).toEqual([
      {
        id: repairId,
        loanId: returnedLoanId,
        assetTag: returnedTag,
        fault: `Neck cracked when ${first} ${last} dropped it`,
        repairer: 'Strings & Co',
        costPence: 4500,
        openedOn: returnedAt.toISOString().slice(0, 10),
        closedOn: null,
        conditionAfter: null,
      },
    ]);
    expect(r.flags).toEqual([
      {
        loanId: activeLoanId,
        overdueAt: new Date(startedRecently.getTime() + 5 * DAY).toISOString(),
        flaggedAt: new Date(startedRecently.getTime() + 6 * DAY).toISOString(),
        flagReason: 'Missed 3 sessions of the ensemble in a row',
        reviewClearedAt: null,
      },
    ]);
    expect(r.conditionAttendance).toHaveLength(2);
    expect(r.conditionAttendance[0]).toEqual(
      expect.objectContaining({ ensembleId, startsAt: '2023-10-02T16:00:00.000Z', status: 'absent' }),
    );
    // Nothing of the other child's loan.
    expect(JSON.stringify(r)).not.toContain(otherLoanId);
  });

  it('exports what a guardian signed and reported', async () => {
    const answer = await open(kit, tenantId, {
      kind: 'export',
      subject: { type: 'guardian', accountId: guardianId },
      retention: null,
      pseudonym: null,
    });
    expect(answer.records.agreementsSigned.map((a) => (a as { loanId: string }).loanId)).toEqual([returnedLoanId, activeLoanId]);
    expect(answer.records.problemReportsMade.map((a) => (a as { id: string }).id)).toEqual([reportId]);
  });

  it('answers a pupil it never heard of with nothing, not silence', async () => {
    const unknown = { type: 'pupil' as const, pupilId: newId() };
    expect((await open(kit, tenantId, { kind: 'export', subject: unknown, retention: null, pseudonym: null })).records).toEqual({});
    expect((await open(kit, tenantId, { kind: 'erasure', subject: unknown, retention: null, pseudonym: 'Pupil 0000' })).actions).toEqual(
      [],
    );
  });

  it('erases the name everywhere but the agreement of the instrument still out, says why, and a second run changes nothing', async () => {
    expect(await columnsMentioning(kit, first)).not.toEqual([]);
    await untilOutboxDelivered(kit, tenantId);
    const answer = await open(kit, tenantId, {
      kind: 'erasure',
      subject: { type: 'pupil', pupilId },
      retention: null,
      pseudonym: 'Pupil 7F3A',
    });
    // Nowhere in the schema (the delivered export answers in the outbox included).
    expect(await columnsMentioning(kit, first)).toEqual([]);
    expect(await columnsMentioning(kit, last)).toEqual([]);
    // The guardian's name stays only on the agreement of the cello still out.
    expect(await columnsMentioning(kit, guardianLast)).toEqual(['loans.agreed_by_name']);
    const agreements = await kit.db.query(
      'SELECT id, agreed_by_name, agreed_by_user_id FROM loans WHERE tenant_id = $1 AND pupil_id = $2 ORDER BY started_at',
      [tenantId, pupilId],
    );
    expect(agreements).toEqual([
      { id: returnedLoanId, agreed_by_name: 'Guardian of Pupil 7F3A', agreed_by_user_id: null },
      { id: activeLoanId, agreed_by_name: `${guardianFirst} ${guardianLast}`, agreed_by_user_id: guardianId },
    ]);
    expect(answer.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: expect.stringContaining('pupil’s name'), rows: 1, action: 'anonymised' }),
        expect.objectContaining({ what: 'guardian names on loan agreements (returned loans)', rows: 1, action: 'anonymised' }),
        expect.objectContaining({
          what: `guardian names on loan agreements (instruments still out: ${activeTag})`,
          rows: 1,
          action: 'kept',
          reason: expect.stringContaining('still out on loan'),
        }),
        // Own loan notes (2), the problem report, the other child's return note and the repair.
        expect.objectContaining({ what: expect.stringContaining('notes'), rows: 5, action: 'anonymised' }),
        // Its own export and the guardian's (which lists the child's loans), both delivered.
        expect.objectContaining({ what: 'copies of earlier exports already delivered to the gateway', rows: 2, action: 'deleted' }),
      ]),
    );
    const texts = await kit.db.query(
      `SELECT (SELECT return_notes FROM loans WHERE id = $1) AS other, (SELECT fault FROM repair_tickets WHERE id = $2) AS fault,
              (SELECT condition_note FROM loans WHERE id = $3) AS own, (SELECT first_name || '|' || last_name FROM pupils WHERE tenant_id = $4 AND id = $5) AS name`,
      [otherLoanId, repairId, returnedLoanId, tenantId, pupilId],
    );
    expect(texts[0]).toEqual({
      other: 'Swapped desks with Pupil 7F3A',
      fault: 'Neck cracked when Pupil 7F3A dropped it',
      own: 'Pupil 7F3A practises at home daily',
      name: 'Pupil 7F3A|',
    });
    // Figures stay true: the loans, marks and the pupil's row are all still there, by id.
    expect(
      (await kit.db.query('SELECT count(*)::int AS n FROM loans WHERE tenant_id = $1 AND pupil_id = $2', [tenantId, pupilId]))[0].n,
    ).toBe(2);

    const snapshot = async () =>
      kit.db.query(`SELECT to_jsonb(l) - 'anonymised_at' AS loan FROM loans l WHERE tenant_id = $1 ORDER BY id`, [tenantId]);
    const before = [await snapshot(), await kit.db.query('SELECT * FROM pupils WHERE tenant_id = $1 ORDER BY id', [tenantId])];
    const again = await open(kit, tenantId, {
      kind: 'erasure',
      subject: { type: 'pupil', pupilId },
      retention: null,
      pseudonym: 'Pupil 7F3A',
    });
    expect([await snapshot(), await kit.db.query('SELECT * FROM pupils WHERE tenant_id = $1 ORDER BY id', [tenantId])]).toEqual(before);
    expect(again.actions.filter((action) => action.action !== 'kept').map((action) => action.rows)).toEqual([0, 0, 0]);
    expect(again.actions.find((action) => action.action === 'kept')).toMatchObject({ rows: 1 });
  });

  it('does not let a late enrolment event bring the erased name back', async () => {
    await kit.applyEvent(
      tenantId,
      'scheduling.pupil.details-changed',
      { version: 1, pupilId, schoolId, firstName: first, lastName: last, yearGroup: 5 },
      new Date(Date.now() - 30 * DAY),
    );
    expect((await kit.db.query('SELECT first_name FROM pupils WHERE tenant_id = $1 AND id = $2', [tenantId, pupilId]))[0].first_name).toBe(
      'Pupil 7F3A',
    );
  });

  it('removes the kept agreement’s signer at the first retention run after the instrument comes back', async () => {
    await kit.db.query(`UPDATE loans SET returned_at = now(), outcome = 'returned', condition_in = 'good' WHERE id = $1`, [activeLoanId]);
    const today = new Date().toISOString().slice(0, 10);
    const answer = await open(kit, tenantId, {
      kind: 'retention',
      subject: null,
      retention: { ...SCHEDULE, asOf: today, dryRun: false },
      pseudonym: null,
    });
    expect(answer.actions[0]).toMatchObject({
      rows: 1,
      action: 'anonymised',
      reason: expect.stringContaining('erasure waited for it (1)'),
    });
    expect(await columnsMentioning(kit, guardianLast)).toEqual([]);
    expect(await columnsMentioning(kit, guardianFirst)).toEqual([]);
  });

  describe('retention', () => {
    const retentionTenant = newTenantId();
    let oldLoan: string;
    let recentLoan: string;
    let leaverId: string;

    beforeAll(async () => {
      const school = await addSchool(kit.db, retentionTenant);
      leaverId = newId();
      const stayerId = newId();
      await kit.db.query(
        `INSERT INTO pupils (tenant_id, id, school_id, year_group, first_name, last_name, left_on, arm_length_mm)
         VALUES ($1, $2, $3, 6, 'Long', 'Gone', '2021-07-20', 500), ($1, $4, $3, 6, 'Still', 'Here', NULL, NULL)`,
        [retentionTenant, leaverId, school, stayerId],
      );
      [oldLoan, recentLoan] = [newId(), newId()];
      for (const [id, pupil, returned] of [
        [oldLoan, leaverId, '2022-06-30T12:00:00Z'],
        [recentLoan, stayerId, '2026-06-30T12:00:00Z'],
      ]) {
        const instrument = await addInstrument(kit.db, retentionTenant);
        await kit.db.query(
          `INSERT INTO loans (id, tenant_id, instrument_id, pupil_id, school_id, started_at, due_on, condition_out, agreed_by_name, agreed_by_user_id,
             agreed_at, terms_version, checked_out_by, returned_at, outcome, return_notes, condition_note)
           VALUES ($1, $2, $3, $4, $5, $6::timestamptz - interval '300 days', '2030-01-01', 'good', 'A Parent', $7, $6::timestamptz - interval '300 days', '2025-1', $7, $6, 'returned', 'Fine', 'Note')`,
          [id, retentionTenant, instrument.id, pupil, school, returned, newId()],
        );
      }
      await kit.db.query(
        `INSERT INTO loan_problem_reports (id, tenant_id, loan_id, kind, description, reported_by, reporter_role) VALUES ($1, $2, $3, 'other', 'Sticky peg', $4, 'tutor')`,
        [newId(), retentionTenant, oldLoan, newId()],
      );
      await kit.db.query(
        `INSERT INTO condition_attendance (tenant_id, ensemble_id, pupil_id, occurrence_id, starts_at, status)
         VALUES ($1, $2, $3, $4, '2024-03-01T16:00:00Z', 'present'), ($1, $2, $3, $5, '2025-10-01T16:00:00Z', 'present')`,
        [retentionTenant, newId(), stayerId, newId(), newId()],
      );
    });

    const run = (dryRun: boolean) =>
      open(kit, retentionTenant, {
        kind: 'retention',
        subject: null,
        retention: { ...SCHEDULE, asOf: '2026-12-05', dryRun },
        pseudonym: null,
      });

    it('counts in a dry run and changes nothing; the run anonymises exactly that; a second run finds nothing', async () => {
      const state = () =>
        kit.db.query(
          `SELECT (SELECT json_agg(to_jsonb(l) ORDER BY id) FROM loans l WHERE tenant_id = $1) AS loans,
                  (SELECT json_agg(to_jsonb(p) ORDER BY id) FROM pupils p WHERE tenant_id = $1) AS pupils,
                  (SELECT count(*)::int FROM condition_attendance WHERE tenant_id = $1) AS marks`,
          [retentionTenant],
        );
      const before = await state();
      const dry = await run(true);
      expect(await state()).toEqual(before);
      expect(dry.actions.map((action) => [action.action, action.rows])).toEqual([
        ['anonymised', 1],
        ['anonymised', 1],
        ['deleted', 1],
      ]);
      expect(dry.actions[0].reason).toContain('returned before 2024-12-05');
      expect(dry.actions[2].reason).toContain('before 2025-09-01');

      const done = await run(false);
      expect(done.actions.map((action) => [action.action, action.rows])).toEqual(dry.actions.map((action) => [action.action, action.rows]));
      const loans = await kit.db.query(
        'SELECT id, agreed_by_name, agreed_by_user_id, return_notes, condition_note FROM loans WHERE tenant_id = $1 ORDER BY returned_at',
        [retentionTenant],
      );
      expect(loans[0]).toEqual({
        id: oldLoan,
        agreed_by_name: 'Removed after the retention period',
        agreed_by_user_id: null,
        return_notes: null,
        condition_note: null,
      });
      expect(loans[1]).toMatchObject({ id: recentLoan, agreed_by_name: 'A Parent', return_notes: 'Fine' });
      expect(
        (await kit.db.query('SELECT description FROM loan_problem_reports WHERE tenant_id = $1', [retentionTenant]))[0].description,
      ).toBe('Removed after the retention period');
      expect(
        (
          await kit.db.query('SELECT first_name, last_name, arm_length_mm FROM pupils WHERE tenant_id = $1 AND id = $2', [
            retentionTenant,
            leaverId,
          ])
        )[0],
      ).toEqual({
        first_name: 'Former pupil',
        last_name: '',
        arm_length_mm: null,
      });
      expect((await state())[0].marks).toBe(1);

      expect((await run(true)).actions.map((action) => action.rows)).toEqual([0, 0, 0]);
      expect((await run(false)).actions.map((action) => action.rows)).toEqual([0, 0, 0]);
    });
  });
});

import type { DataRequestOpenedV1, RetentionScheduleV1 } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { answerDataRequest, columnsMentioning, newTenantId, personas, uniqueWord, untilOutboxDelivered } from '@tutti/testing';
import {
  feedConsent,
  feedEnsemble,
  feedSchool,
  insertPerformance,
  insertVenue,
  member,
  usePerformanceTestKit,
  type PerformanceTestKit,
} from '../testing/performance-test-kit';

const DAY = 86_400_000;
const SCHEDULE: RetentionScheduleV1 = {
  attendanceYears: 1,
  familyContactMonthsAfterLeaving: 12,
  pupilRecordYearsAfterLeaving: 3,
  loanYearsAfterReturn: 2,
  messageMonths: 24,
  auditYears: 6,
};

const open = (kit: PerformanceTestKit, tenantId: string, request: Omit<DataRequestOpenedV1, 'version' | 'requestId'>) =>
  answerDataRequest(kit, tenantId, 'performance.data-request.answered', request);

describe('performance-event: data requests (export, erasure, retention)', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const [first, last] = [uniqueWord(), uniqueWord()];
  const schoolId = newId();
  const ensembleId = newId();
  const child = { ...member(schoolId, `${first} ${last}`, 'cello') };
  const other = member(schoolId, 'Other Child', 'violin');
  let performanceId: string;
  let pastId: string;

  beforeAll(async () => {
    await feedSchool(kit, tenantId, schoolId, 'Faith Primary');
    await feedEnsemble(kit, tenantId, ensembleId, schoolId, [child, other], 'Year 5 Strings');
    await kit.applyEvent(tenantId, 'engagement.consent.changed', {
      version: 1,
      pupilId: child.pupilId,
      kind: 'performing_in_public',
      granted: true,
      note: `Signed by ${first}'s grandmother`,
    });
    await feedConsent(kit, tenantId, child.pupilId, 'photo_film', false);
    const venueId = await insertVenue(kit, tenantId, 'Town Hall');
    const startsAt = Date.now() + 20 * DAY;
    const created = await kit.call(admin, 'POST', '/performances', {
      title: `Spring Concert with ${first} ${last}`,
      venueId,
      schoolId,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3_600_000).toISOString(),
      audience: 'public',
      ensembleIds: [ensembleId],
    });
    expect(created.statusCode).toBe(201);
    performanceId = created.json().id;
    expect((await kit.call(admin, 'POST', `/performances/${performanceId}/publish`)).statusCode).toBeLessThan(300);
    expect((await kit.call(admin, 'POST', `/performances/${performanceId}/roster/build`)).statusCode).toBe(200);
    const order = await kit.call(admin, 'GET', `/performances/${performanceId}/running-order`);
    const put = await kit.call(
      admin,
      'PUT',
      `/performances/${performanceId}/running-order`,
      {
        items: [
          {
            piece: 'Swan',
            composer: 'Saint-Saëns',
            durationSeconds: 180,
            ensembleId,
            soloistPupilIds: [child.pupilId],
            guestSoloists: [`${first} ${last}'s teacher`],
          },
        ],
      },
      { 'if-match': String(order.headers.etag) },
    );
    expect(put.statusCode).toBe(200);
    expect((await kit.call(admin, 'GET', `/performances/${performanceId}/programme.html`)).statusCode).toBe(200);
    pastId = await insertPerformance(kit, tenantId, venueId, {
      title: 'Last Term',
      startsAt: new Date(Date.now() - 60 * DAY),
      status: 'completed',
      schoolId,
    });
    await kit.db.query(
      `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, instrument, source, ensemble_id) VALUES ($1, $2, $3, $4, 'cello', 'ensemble', $5)`,
      [tenantId, pastId, child.pupilId, schoolId, ensembleId],
    );
  });

  it('exports rosters, programme slots, printed sheets, consents and ensembles, field by field', async () => {
    const answer = await open(kit, tenantId, {
      kind: 'export',
      subject: { type: 'pupil', pupilId: child.pupilId },
      retention: null,
      pseudonym: null,
    });
    expect(answer).toMatchObject({ version: 1, kind: 'export', service: 'performance-event', actions: [] });
    const r = answer.records;
    expect(r.pupil).toEqual([{ id: child.pupilId, displayName: `${first} ${last}`, schoolId, schoolName: 'Faith Primary', leftOn: null }]);
    expect(r.rosters).toEqual([
      expect.objectContaining({ performanceId: pastId, title: 'Last Term', status: 'completed', instrument: 'cello', removed: false }),
      expect.objectContaining({
        performanceId,
        title: `Spring Concert with ${first} ${last}`,
        status: 'published',
        audience: 'public',
        venueName: 'Town Hall',
        schoolId,
        instrument: 'cello',
        source: 'ensemble',
        ensembleId,
        ensembleName: 'Year 5 Strings',
        removed: false,
      }),
    ]);
    expect(r.programmeSlots).toEqual([
      expect.objectContaining({
        performanceId,
        number: 1,
        piece: 'Swan',
        composer: 'Saint-Saëns',
        ensembleName: 'Year 5 Strings',
        durationSeconds: 180,
        asSoloist: true,
        namedInProgramme: true,
      }),
    ]);
    expect(r.printedSheets).toEqual([
      expect.objectContaining({
        performanceId,
        kind: 'programme',
        named: true,
        photoFilmAsPrinted: 'refused',
        performingInPublicAsPrinted: 'granted',
      }),
    ]);
    expect(r.consents).toEqual([
      expect.objectContaining({ kind: 'performing_in_public', granted: true, note: `Signed by ${first}'s grandmother` }),
      expect.objectContaining({ kind: 'photo_film', granted: false, note: null }),
    ]);
    expect(r.ensembles).toEqual([{ ensembleId, name: 'Year 5 Strings', instrument: 'cello' }]);
    expect(JSON.stringify(r)).not.toContain(other.pupilId);
    expect(
      (await open(kit, tenantId, { kind: 'export', subject: { type: 'pupil', pupilId: newId() }, retention: null, pseudonym: null }))
        .records,
    ).toEqual({});
  });

  it('erases the name from every column of the schema, keeps roster places by id, and a second run changes nothing', async () => {
    await untilOutboxDelivered(kit, tenantId);
    expect(await columnsMentioning(kit, first)).not.toEqual([]);
    const answer = await open(kit, tenantId, {
      kind: 'erasure',
      subject: { type: 'pupil', pupilId: child.pupilId },
      retention: null,
      pseudonym: 'Pupil 7F3A',
    });
    expect(await columnsMentioning(kit, first)).toEqual([]);
    expect(await columnsMentioning(kit, last)).toEqual([]);
    expect(answer.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'pupil’s name on rosters, programmes and run sheets', rows: 1, action: 'anonymised' }),
        expect.objectContaining({ what: 'the family’s notes on consents', rows: 1, action: 'deleted' }),
        expect.objectContaining({ action: 'kept', rows: 2, reason: expect.stringContaining('fairness') }),
        expect.objectContaining({ what: 'copies of earlier exports already delivered to the gateway', rows: 1, action: 'deleted' }),
      ]),
    );
    const [performance] = await kit.db.query('SELECT title FROM performances WHERE id = $1', [performanceId]);
    expect(performance.title).toBe('Spring Concert with Pupil 7F3A');
    const [item] = await kit.db.query('SELECT guest_soloists, soloist_pupil_ids FROM running_order_items WHERE performance_id = $1', [
      performanceId,
    ]);
    expect(item).toEqual({ guest_soloists: ["Pupil 7F3A's teacher"], soloist_pupil_ids: [child.pupilId] });
    // The printed run sheet and programme now print the pseudonym.
    const sheet = await kit.call(admin, 'GET', `/performances/${performanceId}/run-sheet.html`);
    expect(sheet.body).toContain('Pupil 7F3A');
    // The consent answers stay: the refusal of photos is still enforced.
    expect(
      (await kit.db.query(`SELECT granted FROM replica_consents WHERE pupil_id = $1 AND kind = 'photo_film'`, [child.pupilId]))[0].granted,
    ).toBe(false);

    const state = () =>
      kit.db.query(
        `SELECT (SELECT json_agg(to_jsonb(p) ORDER BY pupil_id) FROM replica_pupils p WHERE tenant_id = $1) AS pupils,
                (SELECT json_agg(title ORDER BY id) FROM performances WHERE tenant_id = $1) AS titles,
                (SELECT json_agg(to_jsonb(c) ORDER BY pupil_id, kind) FROM replica_consents c WHERE tenant_id = $1) AS consents,
                (SELECT json_agg(to_jsonb(i) ORDER BY id) FROM running_order_items i WHERE tenant_id = $1) AS items`,
        [tenantId],
      );
    const before = await state();
    const again = await open(kit, tenantId, {
      kind: 'erasure',
      subject: { type: 'pupil', pupilId: child.pupilId },
      retention: null,
      pseudonym: 'Pupil 7F3A',
    });
    expect(await state()).toEqual(before);
    expect(again.actions.filter((action) => action.action !== 'kept').map((action) => action.rows)).toEqual([0, 0, 0]);
  });

  it('does not let a late ensemble snapshot bring the erased name back', async () => {
    await kit.applyEvent(
      tenantId,
      'scheduling.ensemble.membership-changed',
      { version: 1, ensembleId, schoolId, ensembleName: 'Year 5 Strings', members: [child, other] },
      new Date(Date.now() - DAY),
    );
    expect((await kit.db.query('SELECT display_name FROM replica_pupils WHERE pupil_id = $1', [child.pupilId]))[0].display_name).toBe(
      'Pupil 7F3A',
    );
  });

  it('retention: former pupils past the schedule lose their name and consent notes; a dry run only counts', async () => {
    const retentionTenant = newTenantId();
    const school = newId();
    const [gone, recent] = [member(school, 'Long Gone'), member(school, 'Just Left')];
    await feedEnsemble(kit, retentionTenant, newId(), school, [gone, recent]);
    await kit.applyEvent(retentionTenant, 'engagement.consent.changed', {
      version: 1,
      pupilId: gone.pupilId,
      kind: 'photo_film',
      granted: true,
      note: 'By phone',
    });
    await kit.db.query(
      `UPDATE replica_pupils SET left_on = CASE WHEN pupil_id = $2 THEN '2022-07-20'::date ELSE '2026-07-20'::date END WHERE tenant_id = $1`,
      [retentionTenant, gone.pupilId],
    );
    const run = (dryRun: boolean) =>
      open(kit, retentionTenant, {
        kind: 'retention',
        subject: null,
        retention: { ...SCHEDULE, asOf: '2026-12-05', dryRun },
        pseudonym: null,
      });
    const names = () =>
      kit.db.query('SELECT display_name FROM replica_pupils WHERE tenant_id = $1 ORDER BY display_name', [retentionTenant]);
    const dry = await run(true);
    expect(dry.actions.map((action) => [action.action, action.rows])).toEqual([
      ['anonymised', 1],
      ['deleted', 1],
    ]);
    expect(dry.actions[0].reason).toContain('left before 2023-12-05');
    expect(await names()).toEqual([{ display_name: 'Just Left' }, { display_name: 'Long Gone' }]);
    const done = await run(false);
    expect(done.actions.map((action) => [action.action, action.rows])).toEqual([
      ['anonymised', 1],
      ['deleted', 1],
    ]);
    expect(await names()).toEqual([{ display_name: 'Former pupil' }, { display_name: 'Just Left' }]);
    expect((await kit.db.query('SELECT note FROM replica_consents WHERE tenant_id = $1', [retentionTenant]))[0].note).toBeNull();
    expect((await run(false)).actions.map((action) => action.rows)).toEqual([0, 0]);
  });
});

import { addDays, todayIn } from '@tutti/platform';
import type { QueryRunner } from 'typeorm';
import { expecting, type ApiRow } from '../testing/api';
import { adminOf, newTenantId } from '../testing/identities';
import { clearToWorkWithChildren } from '../testing/safeguarding';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';
import { announceTenant } from '../testing/tenants';
import { republishRoster, RosterRepublishError, type RepublishProgress } from './roster-republisher';

interface OutboxRow {
  id: string;
  tenantId: string;
  type: string;
  payload: Record<string, unknown>;
  /** The writing transaction: one per batch. */
  xmin: string;
}

describe('roster republish: the current roster as events, for replicas that missed it', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const otherTenantId = newTenantId();
  const admin = adminOf(tenantId);
  const roster = { faithStreet: '', evertonBrow: '', oak: '', amira: '', ben: '', cara: '', dan: '', strings: '', areaChoir: '' };
  /** A driver and a tutor with safeguarding records, and a member of staff with none. */
  const staff = { driver: '', tutor: '', unrecorded: '' };
  const today = todayIn('Europe/London');

  /** The outbox rows of both areas that `run` wrote, in the order it wrote them. */
  const writtenBy = async (run: () => Promise<unknown>): Promise<OutboxRow[]> => {
    const tenants = [tenantId, otherTenantId];
    const before = (await kit.db.query<{ id: string }[]>('SELECT id FROM outbox_events WHERE tenant_id = ANY($1::uuid[])', [tenants])).map(
      (row) => row.id,
    );
    await run();
    return kit.db.query<OutboxRow[]>(
      `SELECT id, tenant_id AS "tenantId", type, payload, xmin::text AS xmin FROM outbox_events
       WHERE tenant_id = ANY($1::uuid[]) AND NOT (id = ANY($2::uuid[])) ORDER BY id`,
      [tenants, before],
    );
  };

  beforeAll(async () => {
    call = expecting(kit);
    await announceTenant(kit.app, tenantId, { name: 'Liverpool', slug: 'liverpool', weeklyProvisionTargetMinutes: 240 });

    const post = (url: string, body: unknown, status = 201): Promise<ApiRow> => call(admin, 'POST', url, body, status);
    roster.faithStreet = (await post('/schools', { name: 'Faith Street Primary', urn: '100001', phase: 'primary' })).id;
    roster.evertonBrow = (await post('/schools', { name: 'Everton Brow Primary', phase: 'primary' })).id;
    roster.oak = (await post('/classes', { schoolId: roster.faithStreet, name: 'Oak', yearGroup: 3 })).id;
    roster.amira = (
      await post('/pupils', { schoolId: roster.faithStreet, classId: roster.oak, firstName: 'Amira', lastName: 'Khan', yearGroup: 3 })
    ).id;
    roster.ben = (await post('/pupils', { schoolId: roster.faithStreet, firstName: 'Ben', lastName: 'Jones', yearGroup: 4 })).id;
    roster.cara = (await post('/pupils', { schoolId: roster.faithStreet, firstName: 'Cara', lastName: 'Lewis', yearGroup: 5 })).id;
    roster.dan = (await post('/pupils', { schoolId: roster.evertonBrow, firstName: 'Dan', lastName: 'Okafor', yearGroup: 6 })).id;
    roster.strings = (
      await post('/ensembles', { schoolId: roster.faithStreet, name: 'Faith Street Strings', kind: 'orchestra', strand: 'after_school' })
    ).id;
    roster.areaChoir = (await post('/ensembles', { name: 'Liverpool Area Choir', kind: 'choir', strand: 'weekend' })).id;
    for (const [pupilId, instrument] of [
      [roster.amira, 'violin'],
      [roster.ben, 'viola'],
      [roster.cara, 'cello'],
    ]) {
      await post(`/ensembles/${roster.strings}/members`, { pupilId, instrument });
    }
    await post(`/ensembles/${roster.areaChoir}/members`, { pupilId: roster.dan });
    await post(`/pupils/${roster.ben}/move`, { schoolId: roster.evertonBrow }, 200);
    await post(`/pupils/${roster.cara}/leave`, { leftOn: '2026-01-15' }, 200);
    const newStaff = async (kind: string, displayName: string) => (await post('/staff', { kind, displayName, schoolIds: [] })).id;
    staff.driver = await newStaff('driver', 'Dee Driver');
    staff.tutor = await newStaff('tutor', 'Tom Tutor');
    staff.unrecorded = await newStaff('volunteer', 'Val Volunteer');
    await clearToWorkWithChildren(kit, admin, staff.driver);
    await call(admin, 'PUT', `/safeguarding/staff/${staff.tutor}`, {}, 200, { 'if-match': '"0"' });

    const otherAdmin = adminOf(otherTenantId);
    const otherSchool = await call(otherAdmin, 'POST', '/schools', { name: 'Hillside Primary', phase: 'primary' }, 201);
    await call(otherAdmin, 'POST', '/pupils', { schoolId: otherSchool.id, firstName: 'Erin', lastName: 'Price', yearGroup: 2 }, 201);
    const otherDriver = await call(otherAdmin, 'POST', '/staff', { kind: 'driver', displayName: 'Olly Other', schoolIds: [] }, 201);
    await clearToWorkWithChildren(kit, otherAdmin, otherDriver.id);
  });

  let firstRun: OutboxRow[];
  const progress: RepublishProgress[] = [];

  it('republishes one area as it is now, in batches, and nothing of another area', async () => {
    let summary: Awaited<ReturnType<typeof republishRoster>> | undefined;
    const written = await writtenBy(async () => {
      summary = await republishRoster(kit.db, { tenantId, batchSize: 2, onProgress: (line) => progress.push(line) });
    });
    expect(written.filter((row) => row.tenantId !== tenantId)).toEqual([]);
    const ofTenant = written;
    firstRun = written;
    expect(summary).toMatchObject({
      tenants: 1,
      events: {
        'scheduling.school.updated': 2,
        'scheduling.pupil.enrolled': 3,
        'scheduling.pupil.left': 1,
        'scheduling.ensemble.membership-changed': 2,
        'scheduling.safeguarding.changed': 2,
      },
    });

    const payloadsOf = (type: string) => ofTenant.filter((row) => row.type === type).map((row) => row.payload);
    expect(ofTenant.map((row) => row.type).sort()).toEqual([
      'scheduling.ensemble.membership-changed',
      'scheduling.ensemble.membership-changed',
      'scheduling.pupil.enrolled',
      'scheduling.pupil.enrolled',
      'scheduling.pupil.enrolled',
      'scheduling.pupil.left',
      'scheduling.safeguarding.changed',
      'scheduling.safeguarding.changed',
      'scheduling.school.updated',
      'scheduling.school.updated',
    ]);
    expect(payloadsOf('scheduling.school.updated')).toEqual(
      expect.arrayContaining([
        { version: 1, schoolId: roster.faithStreet, name: 'Faith Street Primary', urn: '100001', phase: 'primary' },
        { version: 1, schoolId: roster.evertonBrow, name: 'Everton Brow Primary', urn: null, phase: 'primary' },
      ]),
    );
    expect(payloadsOf('scheduling.pupil.enrolled')).toEqual(
      expect.arrayContaining([
        {
          version: 1,
          pupilId: roster.amira,
          schoolId: roster.faithStreet,
          classId: roster.oak,
          yearGroup: 3,
          firstName: 'Amira',
          lastName: 'Khan',
        },
        { version: 1, pupilId: roster.ben, schoolId: roster.evertonBrow, classId: null, yearGroup: 4, firstName: 'Ben', lastName: 'Jones' },
        {
          version: 1,
          pupilId: roster.dan,
          schoolId: roster.evertonBrow,
          classId: null,
          yearGroup: 6,
          firstName: 'Dan',
          lastName: 'Okafor',
        },
      ]),
    );
    expect(payloadsOf('scheduling.pupil.left')).toEqual([
      { version: 1, pupilId: roster.cara, schoolId: roster.faithStreet, leftOn: '2026-01-15', reason: 'left' },
    ]);
    expect(payloadsOf('scheduling.ensemble.membership-changed')).toEqual(
      expect.arrayContaining([
        {
          version: 1,
          ensembleId: roster.strings,
          schoolId: roster.faithStreet,
          ensembleName: 'Faith Street Strings',
          members: [{ pupilId: roster.amira, schoolId: roster.faithStreet, displayName: 'Amira Khan', instrument: 'violin' }],
        },
        {
          version: 1,
          ensembleId: roster.areaChoir,
          schoolId: null,
          ensembleName: 'Liverpool Area Choir',
          members: [{ pupilId: roster.dan, schoolId: roster.evertonBrow, displayName: 'Dan Okafor', instrument: null }],
        },
      ]),
    );
    // Each member of staff with a record, with their kind and the status decided today; none for one without a record.
    expect(payloadsOf('scheduling.safeguarding.changed')).toEqual(
      expect.arrayContaining([
        {
          version: 1,
          staffId: staff.driver,
          kind: 'driver',
          displayName: 'Dee Driver',
          status: 'cleared',
          reasons: [],
          expiresOn: addDays(today, 730),
          dbsExpiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          trainingExpiresOn: addDays(today, 730),
          asOf: today,
        },
        {
          version: 1,
          staffId: staff.tutor,
          kind: 'tutor',
          displayName: 'Tom Tutor',
          status: 'not_cleared',
          reasons: ['dbs-missing', 'training-missing'],
          expiresOn: null,
          dbsExpiresOn: null,
          trainingExpiresOn: null,
          asOf: today,
        },
      ]),
    );
  });

  it('commits each batch with its events, and reports each', () => {
    const pupilBatches = new Set(firstRun.filter((row) => row.type.startsWith('scheduling.pupil.')).map((row) => row.xmin));
    expect(pupilBatches.size).toBe(2);
    const tenant = { tenantId, name: 'Liverpool', schools: 2, pupils: 4, ensembles: 2, staffClearances: 2 };
    expect(progress).toEqual([
      { kind: 'tenant', tenant, position: 1, of: 1 },
      { kind: 'batch', tenant, part: 'schools', done: 2, total: 2 },
      { kind: 'batch', tenant, part: 'pupils', done: 2, total: 4 },
      { kind: 'batch', tenant, part: 'pupils', done: 4, total: 4 },
      { kind: 'batch', tenant, part: 'ensembles', done: 2, total: 2 },
      { kind: 'batch', tenant, part: 'staff clearances', done: 2, total: 2 },
    ]);
  });

  it('says the same again when run twice, under new event ids', async () => {
    const secondRun = await writtenBy(() => republishRoster(kit.db, { tenantId }));
    const described = (rows: OutboxRow[]) => rows.map((row) => JSON.stringify([row.type, row.payload])).sort();
    expect(described(secondRun)).toEqual(described(firstRun));
    const firstIds = new Set(firstRun.map((row) => row.id));
    expect(secondRun.filter((row) => firstIds.has(row.id))).toEqual([]);
  });

  /**
   * Republishes the area while another transaction has made `change` and not committed it; that
   * transaction commits when the republisher first finds the rows busy. Answers what was written
   * and the first busy report.
   */
  async function republishWhileChanging(change: (blocker: QueryRunner) => Promise<unknown>) {
    const blocker = kit.db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    let committing: Promise<void> | undefined;
    const seen: RepublishProgress[] = [];
    try {
      await change(blocker);
      const written = await writtenBy(() =>
        republishRoster(kit.db, {
          tenantId,
          onProgress: (progress) => {
            seen.push(progress);
            if (progress.kind === 'busy') committing ??= blocker.commitTransaction();
          },
        }),
      );
      return { written, busy: seen.filter((progress) => progress.kind === 'busy')[0] };
    } finally {
      await committing;
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  }

  it('lets a change in progress finish, then states it (never an older picture that would overtake it)', async () => {
    const { written, busy } = await republishWhileChanging((blocker) =>
      blocker.query(`UPDATE pupils SET last_name = 'Khan-Smith' WHERE tenant_id = $1 AND id = $2`, [tenantId, roster.amira]),
    );
    expect(busy).toMatchObject({ part: 'pupils', attempt: 1 });
    expect(written.find((row) => row.type === 'scheduling.pupil.enrolled' && row.payload.pupilId === roster.amira)?.payload).toMatchObject({
      lastName: 'Khan-Smith',
    });
  });

  it('lets a safeguarding record being changed finish, then states the clearance it decides', async () => {
    // The tutor's training recorded meanwhile (as a PUT would, in its own transaction).
    const { written, busy } = await republishWhileChanging((blocker) =>
      blocker.query(
        `UPDATE safeguarding_records SET training_completed_on = $3, training_level = 'Level 2', training_expires_on = $4, version = version + 1
          WHERE tenant_id = $1 AND staff_id = $2`,
        [tenantId, staff.tutor, addDays(today, -1), addDays(today, 700)],
      ),
    );
    expect(busy).toMatchObject({ part: 'staff clearances', attempt: 1 });
    expect(
      written.find((row) => row.type === 'scheduling.safeguarding.changed' && row.payload.staffId === staff.tutor)?.payload,
    ).toMatchObject({ kind: 'tutor', reasons: ['dbs-missing'], trainingExpiresOn: addDays(today, 700) });
  });

  it('republishes an alumnus as on roll at the school they left (they stay in the programme), a leaver as left', async () => {
    const area = newTenantId();
    const areaAdmin = adminOf(area);
    await announceTenant(kit.app, area);
    const primary = (await call(areaAdmin, 'POST', '/schools', { name: 'Onward Primary', phase: 'primary' }, 201)).id;
    const alumnus = (
      await call(areaAdmin, 'POST', '/pupils', { schoolId: primary, firstName: 'Ida', lastName: 'Onward', yearGroup: 6 }, 201)
    ).id;
    const left = (await call(areaAdmin, 'POST', '/pupils', { schoolId: primary, firstName: 'Lee', lastName: 'Away', yearGroup: 4 }, 201))
      .id;
    await call(areaAdmin, 'POST', `/pupils/${left}/leave`, { leftOn: '2026-03-02' }, 200);
    await call(areaAdmin, 'POST', `/schools/${primary}/roll-overs`, { academicYear: '2026-27', leaversLeftOn: '2026-07-22' }, 201);
    const before = await kit.db.query<{ n: string }[]>(`SELECT coalesce(max(id::text), '') AS n FROM outbox_events WHERE tenant_id = $1`, [
      area,
    ]);
    await republishRoster(kit.db, { tenantId: area });
    const pupilEvents = (
      await kit.db.query<{ type: string; pupilId: string }[]>(
        `SELECT type, payload->>'pupilId' AS "pupilId" FROM outbox_events
          WHERE tenant_id = $1 AND id::text > $2 AND type LIKE 'scheduling.pupil.%' ORDER BY id`,
        [area, before[0].n],
      )
    ).map((row) => [row.type, row.pupilId]);
    expect(pupilEvents).toEqual(
      expect.arrayContaining([
        ['scheduling.pupil.enrolled', alumnus],
        ['scheduling.pupil.left', left],
      ]),
    );
    expect(pupilEvents).toHaveLength(2);
  });

  it('refuses an area it does not know, saying what to check', async () => {
    await expect(republishRoster(kit.db, { tenantId: newTenantId() })).rejects.toThrow(RosterRepublishError);
    await expect(republishRoster(kit.db, { tenantId: newTenantId() })).rejects.toThrow(/knows no tenant .*check the id/);
  });
});

import type { SafeguardingClearanceV1 } from '@tutti/contracts';
import { applyEvent, MessagingHandlers } from '@tutti/messaging';
import { addDays, newId, todayIn } from '@tutti/platform';
import type { Identity } from '@tutti/auth';
import { newTenantId, personas } from '@tutti/testing';
import { publishPerformance, runBody, useEngagementTestKit } from '../testing/engagement-test-kit';

/** A bus's driver is refused like a tutor when scheduling has not cleared them to work with children. */
describe('transport runs: the driver must be cleared to work with children', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const today = todayIn('Europe/London');

  const clearance = (staffId: string, changes: Partial<SafeguardingClearanceV1> = {}): SafeguardingClearanceV1 => ({
    version: 1,
    staffId,
    kind: 'driver',
    displayName: `Driver ${staffId.slice(-4)}`,
    status: 'cleared',
    reasons: [],
    expiresOn: addDays(today, 400),
    dbsExpiresOn: addDays(today, 400),
    trainingExpiresOn: addDays(today, 500),
    asOf: today,
    ...changes,
  });
  /** A run three days from now (newTestRun's performance), driven by `driverStaffId`. */
  async function runWith(driverStaffId: string) {
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId, 72);
    const response = await kit.call(admin, 'POST', '/transport-runs', runBody(performanceId, startsAt, 20, { driverStaffId }));
    return { status: response.statusCode, body: response.json() as Record<string, unknown> & { conflicts?: unknown[]; detail?: string } };
  }

  it('takes a cleared driver and refuses one whose DBS check expired, naming why (409)', async () => {
    const cleared = newId();
    await kit.applyEvent(tenantId, 'scheduling.safeguarding.changed', clearance(cleared));
    const accepted = await runWith(cleared);
    expect(accepted.status).toBe(201);
    expect(accepted.body.driverStaffId).toBe(cleared);

    const expired = newId();
    await kit.applyEvent(
      tenantId,
      'scheduling.safeguarding.changed',
      clearance(expired, { status: 'not_cleared', reasons: ['dbs-expired'], expiresOn: null, dbsExpiresOn: addDays(today, -10) }),
    );
    const refused = await runWith(expired);
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts).toEqual([{ rule: 'safeguarding-not-cleared', staffId: expired, reasons: ['dbs-expired'] }]);
    expect(refused.body.detail).toContain(`Driver ${expired.slice(-4)} (dbs-expired)`);
  });

  it('refuses a driver scheduling never cleared, one below the level, and one whose check runs out before the bus leaves', async () => {
    const unknown = newId();
    expect((await runWith(unknown)).body.conflicts).toEqual([
      { rule: 'safeguarding-not-cleared', staffId: unknown, reasons: ['dbs-missing', 'training-missing'] },
    ]);

    const basic = newId();
    await kit.applyEvent(
      tenantId,
      'scheduling.safeguarding.changed',
      clearance(basic, { status: 'not_cleared', reasons: ['dbs-level-too-low'] }),
    );
    expect((await runWith(basic)).body.conflicts).toEqual([
      { rule: 'safeguarding-not-cleared', staffId: basic, reasons: ['dbs-level-too-low'] },
    ]);

    // Cleared today, but the training runs out tomorrow and the bus leaves in three days.
    const lapsing = newId();
    await kit.applyEvent(
      tenantId,
      'scheduling.safeguarding.changed',
      clearance(lapsing, { status: 'expiring', expiresOn: addDays(today, 1), trainingExpiresOn: addDays(today, 1) }),
    );
    const refused = await runWith(lapsing);
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts).toEqual([{ rule: 'safeguarding-not-cleared', staffId: lapsing, reasons: ['training-expired'] }]);
  });

  it('keeps the latest decision when scheduling’s events arrive out of order', async () => {
    const staffId = newId();
    const now = Date.now();
    await kit.applyEvent(tenantId, 'scheduling.safeguarding.changed', clearance(staffId), new Date(now));
    await kit.applyEvent(
      tenantId,
      'scheduling.safeguarding.changed',
      clearance(staffId, { status: 'not_cleared', reasons: ['dbs-missing', 'training-missing'], expiresOn: null }),
      new Date(now - 60_000),
    );
    expect((await runWith(staffId)).status).toBe(201);
    const [copy] = await kit.db.query(`SELECT reasons FROM staff_clearances WHERE tenant_id = $1 AND staff_id = $2`, [tenantId, staffId]);
    expect(copy.reasons).toEqual([]);
  });
  it('offers a driver copied before the kind was kept once scheduling republishes them; an older or redelivered event changes nothing', async () => {
    const area = newTenantId();
    const areaAdmin = personas.programmeAdmin(area);
    const driver = newId();
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const offered = async () => {
      const answer = await kit.call(areaAdmin, 'GET', '/transport-drivers');
      expect(answer.statusCode).toBe(200);
      return (answer.json() as { items: { staffId: string; displayName: string }[] }).items;
    };
    const copy = async () =>
      (
        await kit.db.query<{ kind: string | null; reasons: string[] }[]>(
          'SELECT kind, reasons FROM staff_clearances WHERE tenant_id = $1 AND staff_id = $2',
          [area, driver],
        )
      )[0];
    // A copy made before StaffClearanceKind1796506916348: the migration left its kind null.
    await kit.applyEvent(area, 'scheduling.safeguarding.changed', clearance(driver, { displayName: 'Nell Early' }), minutesAgo(120));
    await kit.db.query('UPDATE staff_clearances SET kind = NULL WHERE tenant_id = $1 AND staff_id = $2', [area, driver]);
    expect(await offered()).toEqual([]);
    // An event older than the copy, arriving late, changes nothing.
    await kit.applyEvent(area, 'scheduling.safeguarding.changed', clearance(driver, { displayName: 'Nell Early' }), minutesAgo(180));
    expect(await copy()).toEqual({ kind: null, reasons: [] });

    // Scheduling's roster republisher announces everyone with a safeguarding record, with their kind, as decided today.
    const republished = await kit.applyEvent(
      area,
      'scheduling.safeguarding.changed',
      clearance(driver, { displayName: 'Nell Early' }),
      minutesAgo(10),
    );
    expect(await offered()).toEqual([expect.objectContaining({ staffId: driver, displayName: 'Nell Early' })]);

    // A later decision (training lapsed), then the republished event redelivered: the later decision stands.
    await kit.applyEvent(
      area,
      'scheduling.safeguarding.changed',
      clearance(driver, { status: 'not_cleared', reasons: ['training-missing'], expiresOn: null, trainingExpiresOn: null }),
      minutesAgo(5),
    );
    await applyEvent(kit.db, 'parent-engagement', kit.app.get(MessagingHandlers).handlers, republished);
    expect(await copy()).toEqual({ kind: 'driver', reasons: ['training-missing'] });
    expect(await offered()).toEqual([]);
  });

  it('lists the drivers a bus may have: kind driver, cleared on the day it leaves; another area sees none of them', async () => {
    const [cleared, expired, tutor, lapsing] = [newId(), newId(), newId(), newId()];
    const area = newTenantId();
    const areaAdmin = personas.programmeAdmin(area);
    await kit.applyEvent(area, 'scheduling.safeguarding.changed', clearance(cleared, { displayName: 'Ann Cleared' }));
    await kit.applyEvent(
      area,
      'scheduling.safeguarding.changed',
      clearance(expired, { status: 'not_cleared', reasons: ['dbs-expired'], expiresOn: null, dbsExpiresOn: addDays(today, -10) }),
    );
    await kit.applyEvent(area, 'scheduling.safeguarding.changed', clearance(tutor, { kind: 'tutor' }));
    await kit.applyEvent(
      area,
      'scheduling.safeguarding.changed',
      clearance(lapsing, {
        displayName: 'Ben Lapsing',
        status: 'expiring',
        expiresOn: addDays(today, 2),
        trainingExpiresOn: addDays(today, 2),
      }),
    );
    const drivers = async (who: Identity, query = '') => {
      const answer = await kit.call(who, 'GET', `/transport-drivers${query}`);
      expect(answer.statusCode).toBe(200);
      return (answer.json() as { items: { staffId: string; displayName: string; clearedUntil: string | null }[] }).items;
    };
    expect(await drivers(areaAdmin)).toEqual([
      { staffId: cleared, displayName: 'Ann Cleared', clearedUntil: addDays(today, 400) },
      { staffId: lapsing, displayName: 'Ben Lapsing', clearedUntil: addDays(today, 2) },
    ]);
    // A bus leaving in five days: Ben's training has run out by then.
    const inFiveDays = new Date(Date.now() + 5 * 24 * 3_600_000).toISOString();
    expect((await drivers(personas.headteacher(area, newId()), `?departsAt=${inFiveDays}`)).map((d) => d.staffId)).toEqual([cleared]);
    expect(await drivers(admin)).toEqual(expect.not.arrayContaining([expect.objectContaining({ staffId: cleared })]));
    expect((await kit.call(areaAdmin, 'GET', '/transport-drivers?departsAt=soon')).statusCode).toBe(400);
    expect((await kit.call(personas.tutor(area, [newId()]), 'GET', '/transport-drivers')).statusCode).toBe(403);
  });
});

import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { insertPerformance, insertVenue, usePerformanceTestKit } from '../testing/performance-test-kit';
import { republishCompletedPerformances } from './completed-republish';

const DAY = 86_400_000;

/** Evidence for funders (issue 18): a completed performance tells scheduling who performed in it. */
describe('a performance marked completed publishes its performers', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const otherTenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const admin = personas.programmeAdmin(tenantId);
  const [amara, ben, cleo] = [newId(), newId(), newId()];
  let venueId: string;

  const completedEvents = (tenant: string, performanceId: string) =>
    kit.db.query(
      `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'performance.performance.completed' AND payload->>'performanceId' = $2 ORDER BY id`,
      [tenant, performanceId],
    ) as Promise<{ payload: Record<string, unknown> }[]>;
  const onRoster = (performanceId: string, pupilId: string, schoolId: string, removed = false) =>
    kit.db.query(
      `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, source, removed) VALUES ($1, $2, $3, $4, 'added', $5)`,
      [tenantId, performanceId, pupilId, schoolId, removed],
    );

  beforeAll(async () => {
    venueId = await insertVenue(kit, tenantId, 'Town Hall');
  });

  it('sends the roster as it stands (removed performers left out) with the start and audience, once, in the completing transaction', async () => {
    const startsAt = new Date(Date.now() - 2 * DAY);
    const performanceId = await insertPerformance(kit, tenantId, venueId, {
      title: 'Winter Sharing',
      startsAt,
      audience: 'school_community',
    });
    await onRoster(performanceId, amara, schoolA);
    await onRoster(performanceId, ben, schoolB);
    await onRoster(performanceId, cleo, schoolA, true);
    expect(await completedEvents(tenantId, performanceId)).toEqual([]);

    expect((await kit.call(admin, 'POST', `/performances/${performanceId}/complete`)).statusCode).toBe(200);
    const [event, ...more] = await completedEvents(tenantId, performanceId);
    expect(more).toEqual([]);
    expect(event.payload).toEqual({
      version: 1,
      performanceId,
      title: 'Winter Sharing',
      startsAt: startsAt.toISOString(),
      audience: 'school_community',
      performers: [
        { pupilId: amara, schoolId: schoolA },
        { pupilId: ben, schoolId: schoolB },
      ].sort((a, b) => a.pupilId.localeCompare(b.pupilId)),
    });
    // Completing again is a 409, and sends nothing more.
    expect((await kit.call(admin, 'POST', `/performances/${performanceId}/complete`)).statusCode).toBe(409);
    expect(await completedEvents(tenantId, performanceId)).toHaveLength(1);
  });

  it('sends nothing for a performance not yet started (409)', async () => {
    const performanceId = await insertPerformance(kit, tenantId, venueId, { startsAt: new Date(Date.now() + DAY) });
    expect((await kit.call(admin, 'POST', `/performances/${performanceId}/complete`)).statusCode).toBe(409);
    expect(await completedEvents(tenantId, performanceId)).toEqual([]);
  });

  it('republishes every completed performance of an area (the backfill), and only completed ones, in batches', async () => {
    const completed = [
      await insertPerformance(kit, tenantId, venueId, { startsAt: new Date(Date.now() - 40 * DAY), status: 'completed' }),
      await insertPerformance(kit, tenantId, venueId, { startsAt: new Date(Date.now() - 30 * DAY), status: 'completed' }),
      await insertPerformance(kit, tenantId, venueId, { startsAt: new Date(Date.now() - 20 * DAY), status: 'completed' }),
    ];
    await onRoster(completed[0], amara, schoolA);
    const published = await insertPerformance(kit, tenantId, venueId, { startsAt: new Date(Date.now() - 10 * DAY) });
    const elsewhereVenue = await insertVenue(kit, otherTenantId, 'Elsewhere Hall');
    const elsewhere = await insertPerformance(kit, otherTenantId, elsewhereVenue, {
      startsAt: new Date(Date.now() - 10 * DAY),
      status: 'completed',
    });

    const before = await Promise.all(completed.map((id) => completedEvents(tenantId, id)));
    const done = await republishCompletedPerformances(kit.db, { tenantId, batchSize: 2 });
    // The three above and the one completed through the API in the first test.
    expect(done).toBe(4);
    for (const [index, id] of completed.entries()) expect(await completedEvents(tenantId, id)).toHaveLength(before[index].length + 1);
    expect((await completedEvents(tenantId, completed[0]))[0].payload.performers).toEqual([{ pupilId: amara, schoolId: schoolA }]);
    expect(await completedEvents(tenantId, published)).toEqual([]);
    expect(await completedEvents(otherTenantId, elsewhere)).toEqual([]);
  });
});

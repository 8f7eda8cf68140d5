import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { newTestRun, useEngagementTestKit, type TestRun } from '../testing/engagement-test-kit';

interface RunBody {
  vehicle: string;
  driverStaffId: string | null;
  seats: number;
  seatsTaken: number;
  outboundDepartsAt: string;
  returnDepartsAt: string | null;
  stops: { id: string; name: string; place: string; pickupAt: string }[];
  version: number;
}

/** A bus put on for a performance can be corrected (PATCH /transport-runs/:runId with If-Match). */
describe('correcting a bus', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolId = newId();
  const admin = personas.programmeAdmin(tenantId);
  const headteacher = personas.headteacher(tenantId, schoolId);

  const edit = (who: Identity, runId: string, body: object, ifMatch?: string) =>
    kit.call(who, 'PATCH', `/transport-runs/${runId}`, body, ifMatch === undefined ? {} : { 'if-match': ifMatch });

  async function book(run: TestRun, stop = 0): Promise<{ id: string; status: string }> {
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    const answer = await kit.call(guardian, 'POST', '/transport-bookings', {
      runId: run.id,
      stopId: run.stops[stop].id,
      adults: 0,
      pupilIds: [pupilId],
    });
    expect(answer.statusCode).toBe(201);
    return answer.json();
  }

  it('the headteacher corrects vehicle, seats, return time and a stop; the read shows it at the next version', async () => {
    const run = await newTestRun(kit, tenantId, 20);
    const read = await kit.call(headteacher, 'GET', `/transport-runs/${run.id}`);
    expect(read.headers.etag).toBe('"1"');
    const before: RunBody = read.json();

    const answer = await edit(
      headteacher,
      run.id,
      {
        vehicle: '33-seat coach (Mersey Coaches)',
        seats: 33,
        returnDepartsAt: null,
        stops: [{ id: run.stops[1].id, name: 'Everton Library, side door', place: 'Heyworth Street' }],
      },
      '"1"',
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.headers.etag).toBe('"2"');
    const after: RunBody = (await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json();
    expect(after).toMatchObject({ vehicle: '33-seat coach (Mersey Coaches)', seats: 33, returnDepartsAt: null, version: 2 });
    expect(after.outboundDepartsAt).toBe(before.outboundDepartsAt);
    expect(after.stops).toEqual([
      before.stops[0],
      { id: run.stops[1].id, name: 'Everton Library, side door', place: 'Heyworth Street', pickupAt: before.stops[1].pickupAt },
    ]);
  });

  it('audits an edit: who, and each changed field’s before and after (a stop’s by its id); a refused edit is not audited', async () => {
    const run = await newTestRun(kit, tenantId, 20);
    const before: RunBody = (await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json();
    const newPickup = new Date(Date.parse(before.stops[1].pickupAt) + 5 * 60_000).toISOString();
    expect((await edit(headteacher, run.id, { seats: 0 }, '"1"')).statusCode).toBe(400);
    const answer = await edit(
      headteacher,
      run.id,
      { seats: 25, vehicle: before.vehicle, stops: [{ id: run.stops[1].id, pickupAt: newPickup, name: before.stops[1].name }] },
      '"1"',
    );
    expect(answer.statusCode).toBe(200);
    const entries: { payload: Record<string, unknown> }[] = await kit.db.query(
      `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded'
         AND payload->>'subjectType' = 'transport_run' AND payload->>'subjectId' = $2`,
      [tenantId, run.id],
    );
    expect(entries.map((entry) => entry.payload)).toEqual([
      expect.objectContaining({
        action: 'update',
        actorUserId: headteacher.userId,
        service: 'parent-engagement',
        detail: {
          version: 2,
          changes: {
            seats: { before: 20, after: 25 },
            [`stops.${run.stops[1].id}.pickupAt`]: { before: before.stops[1].pickupAt, after: newPickup },
          },
        },
      }),
    ]);
  });

  it('428 without If-Match, 412 with a stale one (naming the current ETag); the bus is as it was', async () => {
    const run = await newTestRun(kit, tenantId, 20);
    expect((await edit(admin, run.id, { seats: 30 })).statusCode).toBe(428);
    expect((await edit(admin, run.id, { seats: 30 }, '"1"')).statusCode).toBe(200);
    const stale = await edit(headteacher, run.id, { seats: 40 }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ currentETag: '"2"' });
    expect(((await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json() as RunBody).seats).toBe(30);
  });

  it('400 naming the field: no seats, a stop of another bus, a return before the outbound, a cut-off after the first pick-up', async () => {
    const run = await newTestRun(kit, tenantId, 20);
    const other = await newTestRun(kit, tenantId, 20);
    const before: RunBody = (await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json();
    const refusals: [object, string][] = [
      [{ seats: 0 }, 'seats'],
      [{ vehicle: '' }, 'vehicle'],
      [{ stops: [{ id: other.stops[0].id, name: 'Elsewhere' }] }, 'stops[0].id'],
      // A stop's fields are validated as when the bus is put on (UpdatePickupStopDto is CreatePickupStopDto's PartialType).
      [{ stops: [{ id: run.stops[0].id, name: '' }] }, 'stops[0].name'],
      [{ stops: [{ id: run.stops[0].id, place: 'x'.repeat(501) }] }, 'stops[0].place'],
      [{ stops: [{ id: run.stops[0].id, pickupAt: 'tomorrow' }] }, 'stops[0].pickupAt'],
      [{ returnDepartsAt: new Date(Date.parse(before.outboundDepartsAt) - 60_000).toISOString() }, 'returnDepartsAt'],
      [{ bookingsCloseAt: new Date(Date.parse(before.stops[0].pickupAt) + 60_000).toISOString() }, 'bookingsCloseAt'],
    ];
    for (const [body, field] of refusals) {
      const answer = await edit(admin, run.id, body, '"1"');
      expect({ field, status: answer.statusCode }).toEqual({ field, status: 400 });
      expect(JSON.stringify(answer.json())).toContain(field);
    }
    expect((await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json()).toEqual(before);
  });

  it('409 seats-below-booked when seats are cut below those taken; cutting to exactly those taken is fine', async () => {
    const run = await newTestRun(kit, tenantId, 5);
    await book(run);
    await book(run);
    const refused = await edit(headteacher, run.id, { seats: 1 }, '"1"');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().conflicts).toEqual([{ rule: 'seats-below-booked', seats: 1, seatsTaken: 2 }]);
    const cut = await edit(headteacher, run.id, { seats: 2 }, '"1"');
    expect(cut.statusCode).toBe(200);
    expect(cut.json()).toMatchObject({ seats: 2, seatsTaken: 2, seatsLeft: 0 });
  });

  it('more seats go to the family waiting first', async () => {
    const run = await newTestRun(kit, tenantId, 1);
    await book(run);
    const waiting = await book(run);
    expect(waiting.status).toBe('waitlisted');
    expect((await edit(admin, run.id, { seats: 2 }, '"1"')).statusCode).toBe(200);
    const [row]: { status: string }[] = await kit.db.query('SELECT status FROM transport_bookings WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      waiting.id,
    ]);
    expect(row.status).toBe('offered');
  });

  it('a stop’s new pick-up time moves the pick-up reminders of the families booked there, and only theirs', async () => {
    const run = await newTestRun(kit, tenantId, 10);
    const atFirst = await book(run, 0);
    const atSecond = await book(run, 1);
    const before: RunBody = (await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json();
    const newPickup = new Date(Date.parse(before.stops[0].pickupAt) - 20 * 60_000);
    const answer = await edit(
      headteacher,
      run.id,
      {
        outboundDepartsAt: new Date(newPickup.getTime() - 10 * 60_000).toISOString(),
        stops: [{ id: run.stops[0].id, pickupAt: newPickup.toISOString() }],
      },
      '"1"',
    );
    expect(answer.statusCode).toBe(200);
    const reminders = async (bookingId: string) =>
      Object.fromEntries(
        (
          (await kit.db.query(
            `SELECT kind, due_at FROM reminders WHERE tenant_id = $1 AND subject_id = $2 AND kind LIKE 'transport.pickup-%' AND status = 'scheduled'`,
            [tenantId, bookingId],
          )) as { kind: string; due_at: Date }[]
        ).map((row) => [row.kind, row.due_at.toISOString()]),
      );
    expect(await reminders(atFirst.id)).toEqual({
      'transport.pickup-24h': new Date(newPickup.getTime() - 24 * 3_600_000).toISOString(),
      'transport.pickup-2h': new Date(newPickup.getTime() - 2 * 3_600_000).toISOString(),
    });
    const secondPickup = Date.parse(before.stops[1].pickupAt);
    expect(await reminders(atSecond.id)).toEqual({
      'transport.pickup-24h': new Date(secondPickup - 24 * 3_600_000).toISOString(),
      'transport.pickup-2h': new Date(secondPickup - 2 * 3_600_000).toISOString(),
    });
  });

  it('a tutor and a family are refused (403); another area’s admin finds no such bus (404)', async () => {
    const run = await newTestRun(kit, tenantId, 10);
    const guardian = personas.guardian(tenantId, [{ pupilId: newId(), schoolId }]);
    expect((await edit(personas.tutor(tenantId, [schoolId]), run.id, { seats: 11 }, '"1"')).statusCode).toBe(403);
    expect((await edit(guardian, run.id, { seats: 11 }, '"1"')).statusCode).toBe(403);
    expect((await edit(personas.programmeAdmin(newTenantId()), run.id, { seats: 11 }, '"1"')).statusCode).toBe(404);
    expect((await edit(admin, newId(), { seats: 11 }, '"1"')).statusCode).toBe(404);
    expect(((await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json() as RunBody).version).toBe(1);
  });
});

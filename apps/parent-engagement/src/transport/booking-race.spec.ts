import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { newTestRun, useEngagementTestKit } from '../testing/engagement-test-kit';

interface RunState {
  seats: number;
  seats_taken: number;
  /** The bus's own count of its queue. */
  waiting: number;
  held: number;
  confirmed: number;
  offered: number;
  waitlisted: number;
  max_offered_position: string | null;
  min_waitlisted_position: string | null;
}

/**
 * Many families booking the same bus at once: the database decides, so a bus never holds more than
 * its seats, the queue keeps its order and freed seats go to the head of the queue.
 */
describe('the booking race', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolId = newId();

  async function newRun(seats: number): Promise<{ id: string; stopId: string }> {
    const run = await newTestRun(kit, tenantId, seats);
    return { id: run.id, stopId: run.stops[0].id };
  }

  function bookOne(run: { id: string; stopId: string }) {
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    return kit
      .call(
        guardian,
        'POST',
        '/transport-bookings',
        { runId: run.id, stopId: run.stopId, adults: 0, pupilIds: [pupilId] },
        { 'idempotency-key': newId() },
      )
      .then((response) => ({
        guardian,
        status: response.statusCode,
        body: response.json() as { id: string; status: string; waitlistPlace: number | null },
      }));
  }

  async function stateOf(runId: string): Promise<RunState> {
    const [state] = await kit.db.query(
      `SELECT r.seats, r.seats_taken, r.waiting,
              COALESCE(sum(b.seats) FILTER (WHERE b.status IN ('confirmed', 'offered')), 0)::int AS held,
              count(*) FILTER (WHERE b.status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE b.status = 'offered')::int AS offered,
              count(*) FILTER (WHERE b.status = 'waitlisted')::int AS waitlisted,
              max(b.waitlist_position) FILTER (WHERE b.status = 'offered') AS max_offered_position,
              min(b.waitlist_position) FILTER (WHERE b.status = 'waitlisted') AS min_waitlisted_position
         FROM transport_runs r LEFT JOIN transport_bookings b ON b.tenant_id = r.tenant_id AND b.run_id = r.id
        WHERE r.tenant_id = $1 AND r.id = $2 GROUP BY r.seats, r.seats_taken, r.waiting`,
      [tenantId, runId],
    );
    return state;
  }

  it('gives 500 concurrent families exactly 50 seats and a waitlist of 450, with no 5xx', async () => {
    const run = await newRun(50);
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 500 }, () => bookOne(run)));
    const elapsed = Date.now() - started;
    expect(results.filter((result) => result.status !== 201)).toEqual([]);
    expect(results.filter((result) => result.body.status === 'confirmed')).toHaveLength(50);
    const waitlisted = results.filter((result) => result.body.status === 'waitlisted');
    expect(waitlisted).toHaveLength(450);
    expect(waitlisted.map((result) => result.body.waitlistPlace).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 450 }, (_, i) => i + 1),
    );
    expect(await stateOf(run.id)).toMatchObject({ seats: 50, seats_taken: 50, held: 50, confirmed: 50, waitlisted: 450, waiting: 450 });
    process.stdout.write(`500 concurrent bookings for 50 seats: ${elapsed} ms\n`);
  });

  it('keeps the invariants over 20 rounds of random capacity with cancellations interleaved', async () => {
    for (let round = 0; round < 20; round++) {
      const seats = 5 + Math.floor(Math.random() * 60);
      const run = await newRun(seats);
      const early = await Promise.all(Array.from({ length: 60 + Math.floor(Math.random() * 40) }, () => bookOne(run)));
      const holders = early.filter((result) => result.body.status === 'confirmed');
      const toCancel = holders.filter(() => Math.random() < 0.3);
      const [late, cancels] = await Promise.all([
        Promise.all(Array.from({ length: 150 }, () => bookOne(run))),
        Promise.all(toCancel.map((holder) => kit.call(holder.guardian, 'POST', `/transport-bookings/${holder.body.id}/cancel`))),
      ]);
      expect([...early, ...late].filter((result) => result.status >= 500)).toEqual([]);
      expect(cancels.filter((response) => response.statusCode !== 200)).toEqual([]);
      const state = await stateOf(run.id);
      const context = { round, seats, cancelled: toCancel.length, state };
      // Confirmed and offered seats never exceed the bus, and the counter agrees with the bookings.
      expect({ ...context, ok: state.seats_taken <= state.seats && state.held === state.seats_taken }).toMatchObject({ ok: true });
      // The bus's count of its queue agrees with the bookings, after cancellations and offers.
      expect({ ...context, ok: state.waiting === state.waitlisted }).toMatchObject({ ok: true });
      // Nobody waits while a seat is free (every group here is one seat).
      expect({ ...context, ok: state.waitlisted === 0 || state.seats_taken === state.seats }).toMatchObject({ ok: true });
      // Offers went to the head of the queue: every offered booking was ahead of every one still waiting.
      const ordered =
        state.max_offered_position === null ||
        state.min_waitlisted_position === null ||
        BigInt(state.max_offered_position) < BigInt(state.min_waitlisted_position);
      expect({ ...context, ok: ordered }).toMatchObject({ ok: true });
      expect(state.confirmed + state.offered + state.waitlisted).toBe(early.length + late.length - toCancel.length);
    }
  });
});

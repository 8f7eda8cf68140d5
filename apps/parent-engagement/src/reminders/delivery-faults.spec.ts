/**
 * Faults around Redis, for the whole service (its API, scheduler and a worker) with real email:
 * booking confirmations written while Redis is unreachable for 10 s, and a Redis restart while
 * messages are in flight, each arrive exactly once at the SMTP server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity } from '@tutti/auth';
import { startRedis, type RedisServerHandle } from '@tutti/local-infra';
import { ReminderScheduler, ReminderSweeper, type ReminderWorker } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { mailsTo, newTenantId, waitFor } from '@tutti/testing';
import { familyWithEmail, newTestRun, reminderWorkerOf, useEngagementTestKit } from '../testing/engagement-test-kit';

const REDIS_DOWN_MS = 10_000;

async function mailCountsTo(addresses: string[]): Promise<number[]> {
  return Promise.all(addresses.map(async (address) => (await mailsTo(address, /^Transport booked:/)).length));
}

describe('booking messages through Redis faults (service, worker and SMTP)', () => {
  const tenantId = newTenantId();
  const schoolId = newId();
  let redisDir: string;
  let redis: RedisServerHandle;
  let worker: ReminderWorker;
  let sweeper: ReminderSweeper;

  // Hooks run in the order written, the after-alls too: Redis starts before the service and stops
  // after it, and the worker is closed before the service.
  beforeAll(async () => {
    redisDir = mkdtempSync(join(tmpdir(), 'tutti-engagement-faults-'));
    redis = await startRedis({ dir: redisDir });
  }, 60_000);
  afterAll(() => worker?.close());

  const kit = useEngagementTestKit(() => ({ REDIS_URL: redis.url }));

  beforeAll(() => {
    worker = reminderWorkerOf(kit, redis.url);
    sweeper = new ReminderSweeper({ dataSource: kit.db, scheduler: kit.app.get(ReminderScheduler) });
    worker.start();
  });
  afterAll(async () => {
    await redis?.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  const families = (count: number) => Promise.all(Array.from({ length: count }, () => familyWithEmail(kit, tenantId, schoolId)));

  const busWithSeats = (seats: number) => newTestRun(kit, tenantId, seats, { title: 'Fault-tolerant Concert' });

  const book = (family: { guardian: Identity; pupilId: string }, run: { id: string; stops: { id: string }[] }) =>
    kit.call(family.guardian, 'POST', '/transport-bookings', {
      runId: run.id,
      stopId: run.stops[0].id,
      adults: 1,
      pupilIds: [family.pupilId],
    });

  it('takes bookings while Redis is unreachable for 10 s; once it is back every confirmation is emailed exactly once', async () => {
    const run = await busWithSeats(40);
    const booked = await families(12);
    await redis.stop();
    const stoppedAt = Date.now();
    const answers = await Promise.all(booked.map((family) => book(family, run)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(booked.map(() => 201));
    // Nothing can go out while Redis is away: the rows wait in PostgreSQL.
    expect(await mailCountsTo(booked.map((family) => family.email))).toEqual(booked.map(() => 0));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, REDIS_DOWN_MS - (Date.now() - stoppedAt))));

    await redis.start();
    // A sweep re-queues the due confirmations whose jobs could not be written (this one, or the
    // service's own sweeper if it gets there first: the count of one sweep proves nothing).
    await waitFor(
      async () => {
        await sweeper.sweepOnce();
        return (await mailCountsTo(booked.map((family) => family.email))).every((count) => count >= 1);
      },
      { timeoutMs: 45_000, intervalMs: 500, description: 'every confirmation email after the sweeps' },
    );
    await sweeper.sweepOnce();
    expect(await mailCountsTo(booked.map((family) => family.email))).toEqual(booked.map(() => 1));
  }, 90_000);

  it('loses and doubles nothing when Redis restarts while confirmations are being sent', async () => {
    const run = await busWithSeats(40);
    const booked = await families(12);
    const firstHalf = booked.slice(0, 6);
    const secondHalf = booked.slice(6);
    expect((await Promise.all(firstHalf.map((family) => book(family, run)))).map((answer) => answer.statusCode)).toEqual(
      firstHalf.map(() => 201),
    );
    await redis.stop();
    await redis.start();
    expect((await Promise.all(secondHalf.map((family) => book(family, run)))).map((answer) => answer.statusCode)).toEqual(
      secondHalf.map(() => 201),
    );

    await waitFor(
      async () => {
        await sweeper.sweepOnce();
        return (await mailCountsTo(booked.map((family) => family.email))).every((count) => count >= 1);
      },
      { timeoutMs: 30_000, description: 'every confirmation email after the restart' },
    );
    await sweeper.sweepOnce();
    expect(await mailCountsTo(booked.map((family) => family.email))).toEqual(booked.map(() => 1));
    const statuses: { status: string; count: number }[] = await kit.db.query(
      `SELECT status, count(*)::int AS count FROM reminders WHERE tenant_id = $1 AND kind = 'transport.booking-confirmed' GROUP BY status`,
      [tenantId],
    );
    expect(statuses).toEqual([{ status: 'sent', count: 24 }]);
  }, 90_000);
});

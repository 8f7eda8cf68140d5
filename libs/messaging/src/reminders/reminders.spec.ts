import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@tutti/contracts';
// Tooling in a spec only: a private Redis that the test can stop and restart.
import { startRedis } from '@tutti/local-infra';
import { waitFor } from '@tutti/testing';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { schemaOfDataSource } from '../sql';
import { MessagingTestBed } from '../testing/messaging-test-bed';
import type { ReminderDeliverer } from './reminder-deliverer';
import { reminderJobId, type DeliverReminderJobData, type ReminderJobOptions } from './reminder-job';
import type { ReminderRow } from './reminder-row';
import { ReminderScheduler, type ScheduleReminderInput } from './reminder-scheduler';
import { ReminderSweeper } from './reminder-sweeper';
import { ReminderWorker } from './reminder-worker';

jest.setTimeout(30_000);

/** Short backoff so that retries happen within the test; otherwise the production shape. */
const TEST_JOB_OPTIONS: ReminderJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 20 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 3_600 },
};

/** Remembers every delivery, in order, with the time it happened. */
class RecordingDeliverer implements ReminderDeliverer {
  readonly deliveries: { reminderId: string; at: number }[] = [];
  constructor(private readonly failuresBeforeSuccess = 0) {}

  async deliver(reminder: ReminderRow): Promise<void> {
    const earlierAttempts = this.deliveries.filter((delivery) => delivery.reminderId === reminder.id).length;
    this.deliveries.push({ reminderId: reminder.id, at: Date.now() });
    if (earlierAttempts < this.failuresBeforeSuccess) throw new Error('SMTP said no');
  }

  count(reminderId: string): number {
    return this.deliveries.filter((delivery) => delivery.reminderId === reminderId).length;
  }
}

interface ReminderState {
  status: string;
  attempts: number;
  last_error: string | null;
  due_at: Date;
  sent_at: Date | null;
}

const jobDataOf = (reminder: ReminderRow): DeliverReminderJobData => ({
  reminderId: reminder.id,
  tenantId: reminder.tenantId,
  dueAt: reminder.dueAt.toISOString(),
});

describe('reminders', () => {
  const bed = new MessagingTestBed();
  const tenantId = uuidv7();
  const otherTenantId = uuidv7();
  const sent = new RecordingDeliverer();
  const alwaysFailing = new RecordingDeliverer(Number.POSITIVE_INFINITY);
  const flaky = new RecordingDeliverer(1);
  const deliverers = { 'test.sent': sent, 'test.always-fails': alwaysFailing, 'test.flaky': flaky };

  /** A service's reminder machinery on this bed: scheduler, sweeper and (not yet started) worker. */
  const machineryFor = async (service: ServiceName, jobHorizonMs?: number) => {
    const dataSource = await bed.database(service);
    const connection = { dataSource, service, redis: bed.redisUrl, queuePrefix: bed.queuePrefix, logger: bed.logger };
    const scheduler = new ReminderScheduler({ ...connection, jobOptions: TEST_JOB_OPTIONS, jobHorizonMs });
    const newWorker = (concurrency = 8): ReminderWorker => {
      const worker = new ReminderWorker({ ...connection, deliverers, jobOptions: TEST_JOB_OPTIONS, concurrency });
      bed.onDispose(() => worker.close());
      return worker;
    };
    const sweeper = new ReminderSweeper({ dataSource, scheduler, logger: bed.logger });
    bed.onDispose(() => scheduler.close());
    return { dataSource, scheduler, sweeper, newWorker, queue: bed.queue(scheduler.queueName) };
  };

  const reminderInput = (overrides: Partial<ScheduleReminderInput> = {}): ScheduleReminderInput => ({
    tenantId,
    kind: 'test.sent',
    recipientId: uuidv7(),
    subjectType: 'performance',
    subjectId: uuidv7(),
    dueAt: new Date(),
    ...overrides,
  });

  const reload = async (dataSource: DataSource, reminderId: string): Promise<ReminderState> => {
    const [row]: ReminderState[] = await dataSource.query(
      `SELECT status, attempts, last_error, due_at, sent_at FROM "${schemaOfDataSource(dataSource)}".reminders WHERE id = $1`,
      [reminderId],
    );
    return row;
  };

  afterAll(() => bed.dispose());

  describe('with a worker running', () => {
    let machinery: Awaited<ReturnType<typeof machineryFor>>;
    beforeAll(async () => {
      machinery = await machineryFor('parent-engagement');
      machinery.newWorker().start();
    });

    const statusOf = async (reminderId: string): Promise<string> => (await reload(machinery.dataSource, reminderId)).status;

    it('fires once, at its due time', async () => {
      const dueAt = new Date(Date.now() + 700);
      const reminder = await machinery.scheduler.scheduleAndEnqueue(reminderInput({ dueAt }));
      const job = await machinery.queue.getJob(reminderJobId(reminder.id, dueAt));
      expect(await job?.getState()).toBe('delayed');

      await waitFor(async () => (await statusOf(reminder.id)) === 'sent', { description: 'the reminder to be sent' });

      expect(sent.count(reminder.id)).toBe(1);
      expect(sent.deliveries.find((delivery) => delivery.reminderId === reminder.id)?.at).toBeGreaterThanOrEqual(dueAt.getTime());
      const row = await reload(machinery.dataSource, reminder.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      // The job firing again finds the row sent and does nothing.
      const worker = machinery.newWorker();
      expect(await worker.deliverDue(jobDataOf(reminder))).toEqual({ kind: 'skipped', reason: 'not-scheduled' });
      expect(sent.count(reminder.id)).toBe(1);
    });

    it('moves with a reschedule: the old job does nothing, the new one sends', async () => {
      const reminder = await machinery.scheduler.scheduleAndEnqueue(reminderInput({ dueAt: new Date(Date.now() + 60_000) }));
      const newDueAt = new Date(Date.now() + 300);

      expect(await machinery.scheduler.reschedule(otherTenantId, reminder.id, newDueAt)).toBeUndefined();
      const moved = await machinery.scheduler.reschedule(tenantId, reminder.id, newDueAt);

      expect(moved?.dueAt).toEqual(newDueAt);
      expect(await machinery.queue.getJob(reminderJobId(reminder.id, reminder.dueAt))).toBeUndefined();
      expect(await machinery.queue.getJob(reminderJobId(reminder.id, newDueAt))).toBeDefined();
      // Had the old job fired anyway (say it was already running), it would find itself stale.
      expect(await machinery.newWorker().deliverDue(jobDataOf(reminder))).toEqual({ kind: 'skipped', reason: 'stale-job' });

      await waitFor(async () => (await statusOf(reminder.id)) === 'sent', { description: 'the moved reminder to be sent' });
      expect(sent.count(reminder.id)).toBe(1);
      expect(sent.deliveries.find((delivery) => delivery.reminderId === reminder.id)?.at).toBeGreaterThanOrEqual(newDueAt.getTime());
    });

    it('is never sent once cancelled', async () => {
      const dueAt = new Date(Date.now() + 200);
      const cancelled = await machinery.scheduler.scheduleAndEnqueue(reminderInput({ dueAt }));
      const control = await machinery.scheduler.scheduleAndEnqueue(reminderInput({ dueAt: new Date(dueAt.getTime() + 50) }));

      expect(await machinery.scheduler.cancel(otherTenantId, cancelled.id)).toBeUndefined();
      expect((await machinery.scheduler.cancel(tenantId, cancelled.id))?.status).toBe('cancelled');
      expect(await machinery.queue.getJob(reminderJobId(cancelled.id, dueAt))).toBeUndefined();

      await waitFor(async () => (await statusOf(control.id)) === 'sent', { description: 'the control reminder' });
      expect(await machinery.newWorker().deliverDue(jobDataOf(cancelled))).toEqual({ kind: 'skipped', reason: 'not-scheduled' });
      expect(sent.count(cancelled.id)).toBe(0);
      expect(await statusOf(cancelled.id)).toBe('cancelled');
    });

    it('moves and cancels all the reminders of a subject, and only those', async () => {
      const performanceId = uuidv7();
      const hour = 3_600_000;
      const start = Date.now() + 24 * hour;
      const ofPerformance = await Promise.all(
        [1, 2, 3].map((hoursBefore) =>
          machinery.scheduler.scheduleAndEnqueue(reminderInput({ subjectId: performanceId, dueAt: new Date(start - hoursBefore * hour) })),
        ),
      );
      const unrelated = await machinery.scheduler.scheduleAndEnqueue(reminderInput({ dueAt: new Date(start - hour) }));

      expect(await machinery.scheduler.rescheduleForSubject(otherTenantId, 'performance', performanceId, { shiftByMs: hour })).toEqual([]);
      const moved = await machinery.scheduler.rescheduleForSubject(tenantId, 'performance', performanceId, { shiftByMs: hour });

      expect(moved.map((reminder) => reminder.dueAt.getTime()).sort()).toEqual(
        ofPerformance.map((reminder) => reminder.dueAt.getTime() + hour).sort(),
      );
      for (const before of ofPerformance) {
        expect(await machinery.queue.getJob(reminderJobId(before.id, before.dueAt))).toBeUndefined();
        // A day ahead is beyond the job horizon: the sweeper gives them jobs when they come near.
        expect(await machinery.queue.getJob(reminderJobId(before.id, new Date(before.dueAt.getTime() + hour)))).toBeUndefined();
      }
      expect((await reload(machinery.dataSource, unrelated.id)).due_at).toEqual(unrelated.dueAt);

      const newStart = start + 2 * hour;
      const remapped = await machinery.scheduler.rescheduleForSubject(tenantId, 'performance', performanceId, {
        dueAtFor: (reminder) => new Date(Math.min(reminder.dueAt.getTime() + 2 * hour, newStart - hour)),
      });
      expect(remapped).toHaveLength(3);

      const cancelled = await machinery.scheduler.cancelForSubject(tenantId, 'performance', performanceId);
      expect(cancelled.map((reminder) => reminder.id).sort()).toEqual(ofPerformance.map((reminder) => reminder.id).sort());
      for (const reminder of cancelled) {
        expect(await machinery.queue.getJob(reminderJobId(reminder.id, reminder.dueAt))).toBeUndefined();
      }
      expect(await statusOf(unrelated.id)).toBe('scheduled');
    });

    it('retries a deliverer that throws, and marks the reminder failed after the last attempt', async () => {
      const failing = await machinery.scheduler.scheduleAndEnqueue(reminderInput({ kind: 'test.always-fails' }));
      const recovering = await machinery.scheduler.scheduleAndEnqueue(reminderInput({ kind: 'test.flaky' }));

      await waitFor(async () => (await statusOf(failing.id)) === 'failed', { description: 'the failing reminder to fail' });
      await waitFor(async () => (await statusOf(recovering.id)) === 'sent', { description: 'the flaky reminder to be sent' });

      expect(await reload(machinery.dataSource, failing.id)).toMatchObject({ attempts: 3, last_error: 'SMTP said no' });
      expect(alwaysFailing.count(failing.id)).toBe(TEST_JOB_OPTIONS.attempts);
      expect(await reload(machinery.dataSource, recovering.id)).toMatchObject({ attempts: 2, last_error: null });
      expect(flaky.count(recovering.id)).toBe(2);
    });

    it('marks a reminder of a kind nobody delivers as failed, saying so', async () => {
      const orphan = await machinery.scheduler.scheduleAndEnqueue(reminderInput({ kind: 'test.nobody-delivers-this' }));
      await waitFor(async () => (await statusOf(orphan.id)) === 'failed', { description: 'the orphan reminder to fail' });
      expect((await reload(machinery.dataSource, orphan.id)).last_error).toMatch(/No deliverer .*test\.nobody-delivers-this/);
    });
  });

  describe('sweeper', () => {
    it('queues a reminder scheduled while Redis was down once Redis is back', async () => {
      const redisDir = mkdtempSync(join(tmpdir(), 'tutti-reminders-redis-'));
      const privateRedis = await startRedis({ dir: redisDir });
      const dataSource = await bed.database('gateway');
      const connection = {
        dataSource,
        service: 'gateway' as const,
        redis: privateRedis.url,
        queuePrefix: bed.queuePrefix,
        logger: bed.logger,
      };
      const scheduler = new ReminderScheduler({ ...connection, jobOptions: TEST_JOB_OPTIONS });
      const worker = new ReminderWorker({ ...connection, deliverers, jobOptions: TEST_JOB_OPTIONS });
      const sweeper = new ReminderSweeper({ dataSource, scheduler, logger: bed.logger });
      try {
        await privateRedis.stop();
        const reminder = await scheduler.scheduleAndEnqueue(reminderInput());
        expect((await reload(dataSource, reminder.id)).status).toBe('scheduled');

        await privateRedis.start();
        worker.start();
        // Sweeps fail fast until the scheduler's connection is back, then queue the reminder.
        await waitFor(async () => (await sweeper.sweepOnce()).requeued === 1, { description: 'a sweep to re-queue it' });
        await waitFor(async () => (await reload(dataSource, reminder.id)).status === 'sent', { description: 'the reminder to be sent' });
        expect(sent.count(reminder.id)).toBe(1);
      } finally {
        await worker.close();
        await scheduler.close();
        await privateRedis.stop();
        rmSync(redisDir, { recursive: true, force: true });
      }
    });

    it('queues no job for a reminder beyond the job horizon until a sweep finds it coming near, then sends it once', async () => {
      const { scheduler, sweeper, newWorker, queue, dataSource } = await machineryFor('performance-event', 1_000);
      newWorker().start();
      const soon = await scheduler.scheduleAndEnqueue(reminderInput({ dueAt: new Date(Date.now() + 500) }));
      const later = await scheduler.scheduleAndEnqueue(reminderInput({ dueAt: new Date(Date.now() + 2_500) }));
      expect(await queue.getJob(reminderJobId(soon.id, soon.dueAt))).toBeDefined();
      expect(await queue.getJob(reminderJobId(later.id, later.dueAt))).toBeUndefined();

      await waitFor(
        async () => (await sweeper.sweepOnce()).promoted >= 1 && (await queue.getJob(reminderJobId(later.id, later.dueAt))) !== undefined,
        {
          description: 'a sweep to give the later reminder its job',
        },
      );
      expect(await reload(dataSource, later.id)).toMatchObject({ status: 'scheduled' });
      await waitFor(async () => (await reload(dataSource, later.id)).status === 'sent', { description: 'the promoted reminder' });
      expect(sent.deliveries.find((delivery) => delivery.reminderId === later.id)?.at).toBeGreaterThanOrEqual(later.dueAt.getTime());
      expect([sent.count(soon.id), sent.count(later.id)]).toEqual([1, 1]);
      // Sweeping again adds nothing for reminders already given their job.
      expect((await sweeper.sweepOnce()).promoted).toBe(0);
    });

    it('re-queues a due reminder whose job was deleted from Redis', async () => {
      const { scheduler, sweeper, newWorker, queue, dataSource } = await machineryFor('scheduling');
      const reminder = await scheduler.scheduleAndEnqueue(reminderInput());
      expect(await queue.remove(reminderJobId(reminder.id, reminder.dueAt))).toBe(1);

      expect(await sweeper.sweepOnce()).toMatchObject({ released: 0, requeued: 1 });
      expect(await sweeper.sweepOnce()).toMatchObject({ released: 0, requeued: 0 });
      newWorker().start();

      await waitFor(async () => (await reload(dataSource, reminder.id)).status === 'sent', { description: 'the swept reminder' });
      expect(sent.count(reminder.id)).toBe(1);
    });

    it('releases a reminder left sending by a dead worker once its lease has run out', async () => {
      const { scheduler, sweeper, newWorker, dataSource } = await machineryFor('scheduling');
      newWorker().start();
      const schema = `"${schemaOfDataSource(dataSource)}"`;
      const [abandoned, exhausted] = await dataSource.transaction(async (manager) => [
        await scheduler.schedule(manager, reminderInput()),
        await scheduler.schedule(manager, reminderInput()),
      ]);
      // As a worker killed mid-send leaves them: claimed, lease expired, never marked sent.
      await dataSource.query(
        `UPDATE ${schema}.reminders SET status = 'sending', claimed_until = now() - interval '1 second',
                attempts = CASE WHEN id = $2 THEN $3 ELSE 1 END
          WHERE id = ANY($1::uuid[])`,
        [[abandoned.id, exhausted.id], exhausted.id, TEST_JOB_OPTIONS.attempts],
      );

      expect(await sweeper.sweepOnce()).toMatchObject({ released: 2 });

      await waitFor(async () => (await reload(dataSource, abandoned.id)).status === 'sent', { description: 'the released reminder' });
      expect(await reload(dataSource, abandoned.id)).toMatchObject({ attempts: 2 });
      expect(await reload(dataSource, exhausted.id)).toMatchObject({ status: 'failed' });
      expect(sent.count(exhausted.id)).toBe(0);
    });
  });

  describe('claims', () => {
    /** A deliverer whose sends wait until the test lets them finish. */
    class GatedDeliverer implements ReminderDeliverer {
      readonly started: string[] = [];
      private open!: () => void;
      private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
      async deliver(reminder: ReminderRow): Promise<void> {
        this.started.push(reminder.id);
        await this.gate;
      }
      finish(): void {
        this.open();
      }
    }

    const claimOf = async (dataSource: DataSource, reminderId: string) => {
      const [row]: { status: string; claimed_until: Date | null }[] = await dataSource.query(
        `SELECT status, claimed_until FROM "${schemaOfDataSource(dataSource)}".reminders WHERE id = $1`,
        [reminderId],
      );
      return row;
    };

    it('are renewed while a send is in progress, so a slow send outlives its lease and is sent once', async () => {
      const { scheduler, sweeper, dataSource } = await machineryFor('gateway');
      const slow = new GatedDeliverer();
      const leaseMs = 450;
      const worker = new ReminderWorker({
        dataSource,
        service: 'gateway',
        redis: bed.redisUrl,
        queuePrefix: bed.queuePrefix,
        logger: bed.logger,
        deliverers: { 'test.sent': slow },
        jobOptions: TEST_JOB_OPTIONS,
        leaseMs,
      });
      bed.onDispose(() => worker.close());
      worker.start();
      const reminder = await scheduler.scheduleAndEnqueue(reminderInput());

      await waitFor(() => slow.started.includes(reminder.id), { description: 'the send to start' });
      const firstLease = (await claimOf(dataSource, reminder.id)).claimed_until;
      if (!firstLease) throw new Error('a reminder being sent has a claim that ends');
      const firstLeaseEnds = firstLease.getTime();
      const leases = new Set<number>([firstLeaseEnds]);
      // Past the end of the lease first seen, and renewed at least three times since: the send has
      // outlived that lease and the claim still holds. (Measured against the lease itself, not a
      // clock started after the claim, which a busy machine can start late.)
      await waitFor(
        async () => {
          const claim = await claimOf(dataSource, reminder.id);
          if (claim.claimed_until) leases.add(claim.claimed_until.getTime());
          return leases.size >= 4 && Date.now() > firstLeaseEnds;
        },
        { description: 'three renewals and the first lease run out', intervalMs: 20 },
      );
      expect(await sweeper.releaseExpiredClaims()).toBe(0);
      expect((await claimOf(dataSource, reminder.id)).status).toBe('sending');

      slow.finish();
      await waitFor(async () => (await reload(dataSource, reminder.id)).status === 'sent', { description: 'the slow send to finish' });
      expect(slow.started.filter((id) => id === reminder.id)).toHaveLength(1);
      expect(await reload(dataSource, reminder.id)).toMatchObject({ attempts: 1, last_error: null });
    });

    it('of a dead worker are released and their reminders re-queued by the claim check, without waiting for a full sweep', async () => {
      const { scheduler, sweeper, newWorker, queue, dataSource } = await machineryFor('scheduling');
      const reminder = await dataSource.transaction((manager) => scheduler.schedule(manager, reminderInput()));
      // As a dead worker leaves it: claimed, lease run out, and its job already finished (it ran
      // again after the death and found the row still 'sending').
      await dataSource.query(
        `UPDATE "${schemaOfDataSource(dataSource)}".reminders SET status = 'sending', attempts = 1, claimed_until = now() - interval '1 second' WHERE id = $1`,
        [reminder.id],
      );
      await scheduler.enqueue(reminder);
      const worker = newWorker();
      worker.start();
      const jobId = reminderJobId(reminder.id, reminder.dueAt);
      await waitFor(async () => (await (await queue.getJob(jobId))?.getState()) === 'completed', {
        description: 'the job to find the row sending and finish',
      });

      expect(await sweeper.releaseExpiredClaims()).toBe(1);

      await waitFor(async () => (await reload(dataSource, reminder.id)).status === 'sent', {
        description: 'the released reminder to be sent',
      });
      expect(sent.count(reminder.id)).toBe(1);
      expect(await reload(dataSource, reminder.id)).toMatchObject({ attempts: 2 });
    });
  });

  it('delivers each reminder exactly once when workers race for it', async () => {
    const { scheduler, sweeper, newWorker, dataSource } = await machineryFor('instrument-loan');
    const reminders = await dataSource.transaction(async (manager) => {
      const scheduled: ReminderRow[] = [];
      for (let index = 0; index < 200; index++) scheduled.push(await scheduler.schedule(manager, reminderInput()));
      return scheduled;
    });
    const [first, second] = [newWorker(16), newWorker(16)];
    first.start();
    second.start();

    // Every path to a send at once: the queued jobs on two workers, both workers called directly
    // for every reminder, and a sweep.
    await Promise.all([
      ...reminders.map((reminder) => scheduler.enqueue(reminder)),
      ...reminders.flatMap((reminder) => [first.deliverDue(jobDataOf(reminder)), second.deliverDue(jobDataOf(reminder))]),
      sweeper.sweepOnce(),
    ]);
    await waitFor(
      async () => {
        const [{ count }]: { count: string }[] = await dataSource.query(
          `SELECT count(*) FROM "${schemaOfDataSource(dataSource)}".reminders WHERE status = 'sent'`,
        );
        return Number(count) === reminders.length;
      },
      { description: 'all 200 reminders sent' },
    );
    const deliveriesPerReminder = reminders.map((reminder) => sent.count(reminder.id));
    expect(deliveriesPerReminder.every((count) => count === 1)).toBe(true);
  });
});

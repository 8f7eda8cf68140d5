import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventQueueOf, type SchoolChangedV1 } from '@tutti/contracts';
// Tooling in a spec only: a private Redis that the test can stop and restart.
import { startRedis, type RedisServerHandle } from '@tutti/local-infra';
import { requiredTestEnv, waitFor } from '@tutti/testing';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EventConsumer } from '../consumer/event-consumer';
import type { EventHandlers } from '../consumer/event-handlers';
import { publishEvent } from '../outbox/publish-event';
import { MessagingTestBed } from '../testing/messaging-test-bed';
import { OutboxRelay } from './outbox-relay';

jest.setTimeout(45_000);

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

interface OutboxState {
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
}

describe('OutboxRelay', () => {
  const bed = new MessagingTestBed();
  let scheduling: DataSource;
  let performanceEvent: DataSource;
  const tenantId = uuidv7();
  const applications = (): string => `"${bed.schemaFor('performance-event')}"."applications"`;

  /** Records every application of an event; a second row for one event id would be a double. */
  const handlers: EventHandlers = {
    'scheduling.school.created': async (event, manager) => {
      await manager.query(`INSERT INTO ${applications()} (event_id) VALUES ($1)`, [event.id]);
    },
  };

  const timesApplied = async (eventId: string): Promise<number> => {
    const [{ count }]: { count: string }[] = await performanceEvent.query(`SELECT count(*) FROM ${applications()} WHERE event_id = $1`, [
      eventId,
    ]);
    return Number(count);
  };

  const outboxState = async (eventId: string): Promise<OutboxState> => {
    const [row]: OutboxState[] = await scheduling.query(
      `SELECT sent_at, attempts, last_error FROM "${bed.schemaFor('scheduling')}".outbox_events WHERE id = $1`,
      [eventId],
    );
    return row;
  };

  const publishSchool = (name: string): Promise<string> =>
    scheduling.transaction(async (manager) => {
      const payload: SchoolChangedV1 = { version: 1, schoolId: uuidv7(), name, urn: null, phase: 'primary' };
      const envelope = await publishEvent(manager, { source: 'scheduling', type: 'scheduling.school.created', tenantId, payload });
      return envelope.id;
    });

  beforeAll(async () => {
    scheduling = await bed.database('scheduling');
    performanceEvent = await bed.database('performance-event');
    await performanceEvent.query(`CREATE TABLE ${applications()} (event_id uuid NOT NULL)`);
  });
  afterAll(() => bed.dispose());

  it('wakes on the publishing commit instead of waiting for its next poll', async () => {
    const relay = new OutboxRelay({
      dataSource: scheduling,
      service: 'scheduling',
      redis: bed.redisUrl,
      queuePrefix: bed.queuePrefix,
      logger: bed.logger,
      pollIntervalMs: 60_000,
    });
    relay.start();
    bed.onDispose(() => relay.stop());
    // The first tick has run once LISTEN is in place and the outbox found empty.
    await waitFor(
      async () => {
        const listeners: unknown[] = await scheduling.query(
          `SELECT 1 FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND query LIKE $1`,
          [`%${bed.schemaFor('scheduling')}%`],
        );
        return listeners.length > 0;
      },
      { description: 'the relay to LISTEN' },
    );

    const eventId = await publishSchool('Notified Primary');

    await waitFor(async () => (await outboxState(eventId)).sent_at, { timeoutMs: 5_000, description: 'the row to be sent' });
    await relay.stop();
  });

  it('lets two relays share the outbox without relaying any row twice', async () => {
    const claimedBy = new Map<string, string[]>();
    const relayNamed = (name: string): OutboxRelay =>
      new OutboxRelay({
        dataSource: scheduling,
        service: 'scheduling',
        redis: bed.redisUrl,
        queuePrefix: bed.queuePrefix,
        logger: bed.logger,
        batchSize: 7,
        afterEnqueueBeforeCommit: (eventIds) => {
          for (const eventId of eventIds) claimedBy.set(eventId, [...(claimedBy.get(eventId) ?? []), name]);
        },
      });
    const eventIds = await Promise.all(Array.from({ length: 120 }, (_, index) => publishSchool(`School ${index}`)));
    const [first, second] = [relayNamed('first'), relayNamed('second')];
    bed.onDispose(() => Promise.all([first.stop(), second.stop()]));

    const drain = async (relay: OutboxRelay): Promise<void> => {
      while ((await relay.relayOnce()) > 0) {
        // Keep going until this relay finds nothing left to claim.
      }
    };
    await Promise.all([drain(first), drain(second)]);

    expect(eventIds.every((eventId) => claimedBy.get(eventId)?.length === 1)).toBe(true);
    expect(new Set([...claimedBy.values()].flat())).toEqual(new Set(['first', 'second']));
  });

  it('keeps an event written while Redis is down, and delivers it once Redis is back', async () => {
    const redisDir = mkdtempSync(join(tmpdir(), 'tutti-relay-redis-'));
    let privateRedis: RedisServerHandle | undefined;
    let stopPipeline = async (): Promise<void> => undefined;
    try {
      privateRedis = await startRedis({ dir: redisDir });
      const connection = { redis: privateRedis.url, queuePrefix: bed.queuePrefix, logger: bed.logger };
      const relay = new OutboxRelay({
        ...connection,
        dataSource: scheduling,
        service: 'scheduling',
        pollIntervalMs: 50,
        maxBackoffMs: 300,
      });
      const consumer = new EventConsumer({ ...connection, dataSource: performanceEvent, service: 'performance-event', handlers });
      relay.start();
      consumer.start();
      stopPipeline = async () => {
        await relay.stop();
        await consumer.close();
      };

      const beforeOutage = await publishSchool('Before The Outage Primary');
      await waitFor(() => timesApplied(beforeOutage), { description: 'delivery before the outage' });

      await privateRedis.stop();
      const duringOutage = await publishSchool('During The Outage Primary');
      // The relay keeps ticking (each failed tick is recorded) instead of crashing or hanging.
      const failing = await waitFor(
        async () => {
          const state = await outboxState(duringOutage);
          return state.attempts >= 4 ? state : undefined;
        },
        { timeoutMs: 15_000, description: 'four failed relay attempts' },
      );
      expect(failing.sent_at).toBeNull();
      expect(failing.last_error).toBeTruthy();

      await privateRedis.start();
      // The consumer may apply the event a moment before the relay commits its sent_at.
      await waitFor(async () => (await timesApplied(duringOutage)) > 0 && (await outboxState(duringOutage)).sent_at, {
        timeoutMs: 20_000,
        description: 'delivery after the outage',
      });
      expect(await timesApplied(duringOutage)).toBe(1);

      // Shutting down during an outage must not hang either.
      await privateRedis.stop();
      const stopping = Date.now();
      await stopPipeline();
      expect(Date.now() - stopping).toBeLessThan(5_000);
    } finally {
      await stopPipeline();
      await privateRedis?.stop();
      rmSync(redisDir, { recursive: true, force: true });
    }
  });

  it('loses nothing and doubles nothing when killed between enqueueing and marking the row sent', async () => {
    const eventId = await publishSchool('Crash Test Primary');
    const { databaseUrl } = requiredTestEnv();

    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', 'testing', 'relay-process.fixture.ts')], {
        cwd: WORKSPACE_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          REDIS_URL: bed.redisUrl,
          RELAY_SCHEMA: bed.schemaFor('scheduling'),
          RELAY_QUEUE_PREFIX: bed.queuePrefix,
          KILL_RELAY_BEFORE_COMMIT: '1',
        },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve({ code, signal, output }));
    });
    expect(exit).toMatchObject({ signal: 'SIGKILL' });
    expect(exit.output).toContain(eventId);

    // The job is in the subscriber's queue, yet the row was rolled back to unsent.
    const queue = bed.queue(eventQueueOf('performance-event'));
    expect(await queue.getJob(eventId)).toBeDefined();
    expect((await outboxState(eventId)).sent_at).toBeNull();

    const relay = new OutboxRelay({
      dataSource: scheduling,
      service: 'scheduling',
      redis: bed.redisUrl,
      queuePrefix: bed.queuePrefix,
      logger: bed.logger,
    });
    bed.onDispose(() => relay.stop());
    // Until Postgres notices the killed connection, the row stays locked and is skipped.
    relay.start();
    await waitFor(async () => (await outboxState(eventId)).sent_at, { description: 'the next relay to send the row' });

    const consumer = new EventConsumer({
      dataSource: performanceEvent,
      service: 'performance-event',
      redis: bed.redisUrl,
      queuePrefix: bed.queuePrefix,
      logger: bed.logger,
      handlers,
    });
    consumer.start();
    bed.onDispose(() => consumer.close());
    await waitFor(
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).every((count) => count === 0);
      },
      { description: 'the queue to drain' },
    );
    expect(await timesApplied(eventId)).toBe(1);
    expect((await queue.getJobs(['completed'])).filter((job) => job.data.id === eventId)).toHaveLength(1);
  });
});

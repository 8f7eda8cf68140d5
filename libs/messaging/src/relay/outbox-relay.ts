import { EVENT_SUBSCRIBERS, eventQueueOf, SERVICE_NAMES, type EventEnvelope, type ServiceName } from '@tutti/contracts';
import { currentTraceparent, SpanKind, withSpan } from '@tutti/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { defaultLogger, describeError, type MessagingLogger } from '../logger';
import { isEventType, isServiceName, KNOWN_EVENT_TYPES } from '../outbox/event-types';
import { outboxChannelOf } from '../outbox/outbox-channel';
import { OutboxEventEntity } from '../outbox/outbox-event.entity';
import { QueueProducer } from '../queue-producer';
import { DEFAULT_QUEUE_PREFIX, type ProducerClientSettings, type RedisConnectionInput } from '../redis-connection';
import { queryRows, schemaOfDataSource, tableOf } from '../sql';
import { EVENT_JOB_OPTIONS } from './event-job-options';
import { OutboxWakeListener } from './outbox-wake-listener';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** The service whose outbox (the DataSource's schema) this relay drains. */
  service: ServiceName;
  redis: RedisConnectionInput;
  /** BullMQ key prefix; tests use a unique one each. */
  queuePrefix?: string;
  pollIntervalMs?: number;
  batchSize?: number;
  /** Upper bound of the backoff between ticks while Redis or Postgres is failing. */
  maxBackoffMs?: number;
  producerClient?: ProducerClientSettings;
  logger?: MessagingLogger;
  /**
   * Test seam: runs after the jobs are added and before the rows are marked sent and committed,
   * e.g. to kill the process there and prove that nothing is lost or doubled.
   */
  afterEnqueueBeforeCommit?: (eventIds: readonly string[]) => Promise<void> | void;
}

interface OutboxRecord {
  id: string;
  tenant_id: string;
  type: string;
  payload: EventEnvelope['payload'];
  source: string;
  occurred_at: Date;
  traceparent: string | null;
}

/**
 * An event as its job carries it: the envelope, and the trace context of the relay's publishing
 * span when traced (the consumer's span is its child).
 */
export type EventJobData = EventEnvelope & { traceparent?: string };

/**
 * Copies committed outbox rows into the queue of every subscriber of their event type, then marks
 * them sent, all inside the transaction that claimed them. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so replicas share the work without relaying a row at the same time.
 * A crash after adding jobs but before commit leaves the rows unsent; the next tick re-adds them
 * under the same job ids (the event ids), which BullMQ ignores while the first jobs are retained.
 */
export class OutboxRelay {
  private readonly dataSource: DataSource;
  private readonly producer: QueueProducer;
  private readonly wakeListener: OutboxWakeListener;
  private readonly logger: MessagingLogger;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeRequested = false;
  private wakeUp: (() => void) | undefined;
  private consecutiveFailures = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.dataSource = options.dataSource;
    this.logger = options.logger ?? defaultLogger(`OutboxRelay:${options.service}`);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.batchSize = options.batchSize ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.producer = new QueueProducer({
      redis: options.redis,
      prefix: options.queuePrefix ?? DEFAULT_QUEUE_PREFIX,
      logger: this.logger,
      clientSettings: options.producerClient,
    });
    this.wakeListener = new OutboxWakeListener(
      this.dataSource,
      outboxChannelOf(schemaOfDataSource(this.dataSource)),
      () => this.wake(),
      this.logger,
    );
  }

  /** Relays up to one batch; returns how many events were relayed. Throws if Redis or Postgres fails. */
  async relayOnce(): Promise<number> {
    const queryRunner = this.dataSource.createQueryRunner();
    let claimedIds: string[] = [];
    try {
      await queryRunner.connect();
      await queryRunner.startTransaction();
      const manager = queryRunner.manager;
      const claimed = await this.claimUnsent(manager);
      claimedIds = claimed.map((record) => record.id);
      if (claimed.length > 0) {
        await settleAll(claimed.map((record) => this.enqueue(toEnvelope(record), record.traceparent)));
        await this.options.afterEnqueueBeforeCommit?.(claimedIds);
        await manager.query(
          `UPDATE ${tableOf(manager, OutboxEventEntity)} SET sent_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])`,
          [claimedIds],
        );
      }
      await queryRunner.commitTransaction();
      return claimed.length;
    } catch (error: unknown) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      if (claimedIds.length > 0) await this.recordFailure(claimedIds, error);
      await this.producer.discardQueues();
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the current tick finish, then closes the queues and the LISTEN connection. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = undefined;
    await this.wakeListener.stop();
    await this.producer.close();
  }

  private async run(): Promise<void> {
    while (this.running) {
      await this.wakeListener.ensureListening();
      let delayMs: number;
      try {
        const relayed = await this.relayOnce();
        if (this.consecutiveFailures > 0) this.logger.log('Relaying again');
        this.consecutiveFailures = 0;
        delayMs = relayed === this.batchSize ? 0 : this.pollIntervalMs;
      } catch (error: unknown) {
        this.consecutiveFailures += 1;
        delayMs = Math.min(this.pollIntervalMs * 2 ** this.consecutiveFailures, this.maxBackoffMs);
        const message = `Relay tick failed (${this.consecutiveFailures} in a row), retrying in ${delayMs} ms: ${describeError(error)}`;
        if (this.consecutiveFailures === 1) this.logger.warn(message);
        else this.logger.debug(message);
      }
      await this.idle(delayMs);
    }
  }

  private async claimUnsent(manager: EntityManager): Promise<OutboxRecord[]> {
    // Types this build does not know (published by a newer replica mid-deploy) wait for a relay that
    // does, without blocking the rows behind them.
    return queryRows<OutboxRecord>(
      manager,
      `SELECT id, tenant_id, type, payload, source, occurred_at, traceparent
         FROM ${tableOf(manager, OutboxEventEntity)}
        WHERE sent_at IS NULL AND type = ANY($1::text[]) AND source = ANY($2::text[])
        ORDER BY id
        LIMIT $3
          FOR UPDATE SKIP LOCKED`,
      [KNOWN_EVENT_TYPES, SERVICE_NAMES, this.batchSize],
    );
  }

  /** One job per subscriber; traced as a child of the span that published the event, when it was traced. */
  private async enqueue(envelope: EventEnvelope, publishedIn: string | null): Promise<void> {
    const subscribers = EVENT_SUBSCRIBERS[envelope.type];
    const addJobs = async (traceparent: string | undefined) => {
      const data: EventJobData = traceparent ? { ...envelope, traceparent } : envelope;
      for (const subscriber of subscribers) {
        const queue = await this.producer.queue(eventQueueOf(subscriber));
        await queue.add(envelope.type, data, { ...EVENT_JOB_OPTIONS, jobId: envelope.id });
      }
    };
    if (!publishedIn) return addJobs(undefined);
    await withSpan(
      `relay ${envelope.type}`,
      {
        kind: SpanKind.PRODUCER,
        parent: publishedIn,
        attributes: { 'messaging.system': 'bullmq', 'messaging.operation.type': 'send', 'messaging.message.id': envelope.id },
      },
      () => addJobs(currentTraceparent()),
    );
  }

  private async recordFailure(eventIds: readonly string[], error: unknown): Promise<void> {
    try {
      const manager = this.dataSource.manager;
      await manager.query(
        `UPDATE ${tableOf(manager, OutboxEventEntity)}
            SET attempts = attempts + 1, last_error = $2
          WHERE id = ANY($1::uuid[]) AND sent_at IS NULL`,
        [eventIds, describeError(error)],
      );
    } catch (recordError: unknown) {
      this.logger.debug(`Could not record the relay failure: ${describeError(recordError)}`);
    }
  }

  private wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  private async idle(delayMs: number): Promise<void> {
    if (this.wakeRequested || !this.running) {
      this.wakeRequested = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, delayMs);
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = finish;
    });
    this.wakeUp = undefined;
    this.wakeRequested = false;
  }
}

/** Waits for every add to finish (none left in flight when the queues are discarded), then fails with the first error. */
async function settleAll(operations: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(operations);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

function toEnvelope(record: OutboxRecord): EventEnvelope {
  // The claim query already filters on both; this narrows the strings to their types.
  if (!isEventType(record.type) || !isServiceName(record.source)) {
    throw new Error(`Outbox row ${record.id} has an unknown type '${record.type}' or source '${record.source}'`);
  }
  return {
    id: record.id,
    type: record.type,
    tenantId: record.tenant_id,
    occurredAt: record.occurred_at.toISOString(),
    source: record.source,
    payload: record.payload,
  };
}

import { eventQueueOf, type EventEnvelope, type ServiceName } from '@tutti/contracts';
import { SpanKind, withSpan } from '@tutti/platform';
import { Worker, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { defaultLogger, describeError, type MessagingLogger } from '../logger';
import { DEFAULT_QUEUE_PREFIX, workerConnectionOptions, type RedisConnectionInput } from '../redis-connection';
import { queryRows, tableOf } from '../sql';
import type { EventJobData } from '../relay/outbox-relay';
import { closeWorker, DEFAULT_WORKER_CLOSE_GRACE_MS } from '../worker-shutdown';
import { handlerFor, type EventHandlers } from './event-handlers';
import { ProcessedEventEntity } from './processed-event.entity';

export interface EventConsumerOptions {
  dataSource: DataSource;
  /** The service receiving events, on the queue `eventQueueOf(service)`. */
  service: ServiceName;
  redis: RedisConnectionInput;
  queuePrefix?: string;
  concurrency?: number;
  handlers: EventHandlers;
  /** Name under which applied events are remembered; defaults to the service. */
  consumerName?: string;
  /** How long close() lets running jobs finish before cutting the connections. */
  closeGraceMs?: number;
  logger?: MessagingLogger;
}

export type EventApplication = 'applied' | 'already-applied' | 'no-handler';

/**
 * Receives a service's events and applies each one once: the event id is recorded in
 * `processed_events` in the same transaction as the handler's writes, so a redelivery
 * (at-least-once) finds it there and does nothing. A handler that throws rolls both back and
 * BullMQ retries the job (EVENT_JOB_OPTIONS).
 */
export class EventConsumer {
  private worker: Worker<EventJobData, EventApplication> | undefined;
  private readonly logger: MessagingLogger;
  private readonly consumerName: string;

  constructor(private readonly options: EventConsumerOptions) {
    this.logger = options.logger ?? defaultLogger(`EventConsumer:${options.service}`);
    this.consumerName = options.consumerName ?? options.service;
  }

  get queueName(): string {
    return eventQueueOf(this.options.service);
  }

  /**
   * The whole of processing one delivery; also callable directly (tests, replays). Work a handler
   * registered with afterCommit(manager, …) runs once this transaction has committed.
   */
  async apply(event: EventEnvelope): Promise<EventApplication> {
    return this.options.dataSource.transaction(async (manager): Promise<EventApplication> => {
      const recorded = await queryRows<{ event_id: string }>(
        manager,
        `INSERT INTO ${tableOf(manager, ProcessedEventEntity)} (tenant_id, consumer, event_id)
         VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING
         RETURNING event_id`,
        [event.tenantId, this.consumerName, event.id],
      );
      if (recorded.length === 0) return 'already-applied';
      const handler = handlerFor(this.options.handlers, event);
      if (!handler) {
        this.logger.debug(`No handler for ${event.type}; acknowledged ${event.id}`);
        return 'no-handler';
      }
      await handler(event, manager);
      return 'applied';
    });
  }

  /** A delivery, applied in a span that continues the relay's trace when the job carries one. */
  private async receive(job: EventJobData): Promise<EventApplication> {
    const { traceparent, ...event } = job;
    if (!traceparent) return this.apply(event);
    return withSpan(
      `consume ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent: traceparent,
        attributes: { 'messaging.system': 'bullmq', 'messaging.operation.type': 'process', 'messaging.message.id': event.id },
      },
      async (span) => {
        const applied = await this.apply(event);
        span.setAttribute('tutti.event.application', applied);
        return applied;
      },
    );
  }

  start(): void {
    if (this.worker) return;
    const worker = new Worker<EventJobData, EventApplication>(this.queueName, (job: Job<EventJobData>) => this.receive(job.data), {
      connection: workerConnectionOptions(this.options.redis),
      prefix: this.options.queuePrefix ?? DEFAULT_QUEUE_PREFIX,
      concurrency: this.options.concurrency ?? 10,
    });
    worker.on('error', (error: unknown) => this.logger.debug(`Worker ${this.queueName}: ${describeError(error)}`));
    worker.on('failed', (job: Job<EventJobData> | undefined, error: Error) =>
      this.logger.warn(`Event ${job?.data.type ?? '?'} ${job?.id ?? '?'} failed: ${error.message}`),
    );
    this.worker = worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const graceMs = this.options.closeGraceMs ?? DEFAULT_WORKER_CLOSE_GRACE_MS;
    const outcome = await closeWorker(worker, graceMs);
    if (outcome !== 'closed') this.logger.warn(`Worker ${this.queueName} closed: ${outcome} (Redis unreachable?)`);
  }
}

import type { ServiceName } from '@tutti/contracts';
import type { DataSource } from 'typeorm';
import { EventConsumer } from '../consumer/event-consumer';
import type { EventHandlers } from '../consumer/event-handlers';
import type { RedisConnectionInput } from '../redis-connection';
import { OutboxRelay } from '../relay/outbox-relay';
import type { ReminderDeliverers } from '../reminders/reminder-deliverer';
import type { ReminderJobOptions } from '../reminders/reminder-job';
import type { ReminderScheduler } from '../reminders/reminder-scheduler';
import { ReminderSweeper } from '../reminders/reminder-sweeper';
import { ReminderWorker } from '../reminders/reminder-worker';

export interface MessagingRuntimeOptions {
  service: ServiceName;
  redis: RedisConnectionInput;
  queuePrefix?: string;
  reminderJobOptions?: ReminderJobOptions;
  sweepIntervalMs?: number;
  eventConcurrency?: number;
  reminderConcurrency?: number;
}

export const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

/** The background parts of one service's messaging: relay, event consumer, reminder worker, sweeper. */
export class MessagingRuntime {
  private parts: { relay: OutboxRelay; consumer: EventConsumer; worker: ReminderWorker; sweeper: ReminderSweeper } | undefined;

  constructor(
    private readonly options: MessagingRuntimeOptions,
    private readonly dataSource: DataSource,
    private readonly scheduler: ReminderScheduler,
  ) {}

  start(handlers: EventHandlers, deliverers: ReminderDeliverers): void {
    if (this.parts) return;
    const { options, dataSource } = this;
    const common = { dataSource, service: options.service, redis: options.redis, queuePrefix: options.queuePrefix };
    this.parts = {
      relay: new OutboxRelay(common),
      consumer: new EventConsumer({ ...common, handlers, concurrency: options.eventConcurrency }),
      worker: new ReminderWorker({
        ...common,
        deliverers,
        jobOptions: options.reminderJobOptions,
        concurrency: options.reminderConcurrency,
      }),
      sweeper: new ReminderSweeper({ dataSource, scheduler: this.scheduler }),
    };
    this.parts.relay.start();
    this.parts.consumer.start();
    this.parts.worker.start();
    this.parts.sweeper.start(options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    const parts = this.parts;
    this.parts = undefined;
    if (parts) {
      await Promise.all([parts.sweeper.stop(), parts.relay.stop(), parts.consumer.close(), parts.worker.close()]);
    }
    await this.scheduler.close();
  }
}

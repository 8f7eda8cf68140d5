import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import { MessagingHandlers } from './messaging-handlers';
import { MessagingRuntime, type MessagingRuntimeOptions } from './messaging-runtime';

export interface MessagingModuleOptions extends MessagingRuntimeOptions {
  /**
   * Run the outbox relay, the event consumer, the reminder worker and the sweeper in this process.
   * An API-only replica passes false; at least one replica of each service must pass true, or its
   * events and reminders wait.
   */
  runWorkers: boolean;
}

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MessagingRuntime) private readonly runtime: MessagingRuntime,
    @Inject(MessagingHandlers) private readonly declared: MessagingHandlers,
  ) {}

  /** Refuses to start on a missing, doubled or unsubscribed handler (MessagingHandlers.discover). */
  async onApplicationBootstrap(): Promise<void> {
    try {
      this.declared.discover(this.options.service);
      if (this.options.runWorkers) this.runtime.start(this.declared.handlers, this.declared.deliverers);
    } catch (error: unknown) {
      // Nest does not run destroy hooks after a failed bootstrap: release what was opened.
      await this.runtime.stop();
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.runtime.stop();
  }
}

/**
 * Messaging for one service, for an app that already provides its TypeORM `DataSource` (with
 * MESSAGING_ENTITIES and MESSAGING_MIGRATIONS). Global, so that any module can inject
 * ReminderScheduler; events are published with `publishEvent(manager, …)` in the app's own
 * transactions. Handlers and deliverers are the providers' methods marked @HandlesEvent /
 * @DeliversReminder, found when the app starts.
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: ReminderScheduler,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new ReminderScheduler({
              dataSource,
              service: options.service,
              redis: options.redis,
              queuePrefix: options.queuePrefix,
              jobOptions: options.reminderJobOptions,
            }),
        },
        {
          provide: MessagingRuntime,
          inject: [DataSource, ReminderScheduler],
          useFactory: (dataSource: DataSource, scheduler: ReminderScheduler) => new MessagingRuntime(options, dataSource, scheduler),
        },
        MessagingHandlers,
        MessagingLifecycle,
      ],
      exports: [ReminderScheduler, MessagingHandlers],
    };
  }
}

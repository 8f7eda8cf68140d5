import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OptionalFactoryDependency,
  type Type,
  type ModuleMetadata,
} from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { EventHandlers } from '../consumer/event-handlers';
import type { ReminderDeliverers } from '../reminders/reminder-deliverer';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import { mergeContributions, type MessagingParticipant } from './messaging-participant';
import { MessagingHandlers } from './messaging-handlers';
import { MessagingRuntime, type MessagingRuntimeOptions } from './messaging-runtime';

export interface MessagingModuleOptions extends MessagingRuntimeOptions {
  /**
   * Run the outbox relay, the event consumer, the reminder worker and the sweeper in this process.
   * An API-only replica passes false; at least one replica of each service must pass true, or its
   * events and reminders wait.
   */
  runWorkers: boolean;
  handlers?: EventHandlers;
  reminderDeliverers?: ReminderDeliverers;
  /** Providers of the app's modules contributing handlers and deliverers (resolved at bootstrap). */
  participants?: Type<MessagingParticipant>[];
}

export interface MessagingModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  useFactory: (...dependencies: never[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MessagingRuntime) private readonly runtime: MessagingRuntime,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(MessagingHandlers) private readonly declared: MessagingHandlers,
  ) {}

  /** Refuses to start when two contributors claim one event type or reminder kind. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      this.startRuntime();
    } catch (error: unknown) {
      // Nest does not run destroy hooks after a failed bootstrap: release what was opened.
      await this.runtime.stop();
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.runtime.stop();
  }

  private startRuntime(): void {
    if (!this.options.handlers && !this.options.reminderDeliverers && !this.options.participants) {
      this.declared.discover(this.options.service);
      if (this.options.runWorkers) this.runtime.start(this.declared.handlers, this.declared.deliverers);
      return;
    }
    const participants = (this.options.participants ?? []).map((type) => ({
      from: type.name,
      participant: this.moduleRef.get(type, { strict: false }),
    }));
    const { handlers, deliverers } = mergeContributions([
      { from: 'MessagingModule options', handlers: this.options.handlers, deliverers: this.options.reminderDeliverers },
      ...participants.map(({ from, participant }) => ({
        from,
        handlers: participant.eventHandlers?.(),
        deliverers: participant.reminderDeliverers?.(),
      })),
    ]);
    if (this.options.runWorkers) this.runtime.start(handlers, deliverers);
  }
}

/**
 * Messaging for one service, for an app that already provides its TypeORM `DataSource` (with
 * MESSAGING_ENTITIES and MESSAGING_MIGRATIONS). Global, so that any module can inject
 * ReminderScheduler; events are published with `publishEvent(manager, …)` in the app's own
 * transactions.
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return MessagingModule.forServiceAsync({ useFactory: () => options });
  }

  static forServiceAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: ReminderScheduler,
          inject: [MESSAGING_OPTIONS, DataSource],
          useFactory: (moduleOptions: MessagingModuleOptions, dataSource: DataSource) =>
            new ReminderScheduler({
              dataSource,
              service: moduleOptions.service,
              redis: moduleOptions.redis,
              queuePrefix: moduleOptions.queuePrefix,
              jobOptions: moduleOptions.reminderJobOptions,
            }),
        },
        {
          provide: MessagingRuntime,
          inject: [MESSAGING_OPTIONS, DataSource, ReminderScheduler],
          useFactory: (moduleOptions: MessagingModuleOptions, dataSource: DataSource, scheduler: ReminderScheduler) =>
            new MessagingRuntime(moduleOptions, dataSource, scheduler),
        },
        MessagingHandlers,
        MessagingLifecycle,
      ],
      exports: [ReminderScheduler, MessagingHandlers],
    };
  }
}

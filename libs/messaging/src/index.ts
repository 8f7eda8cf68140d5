export { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from './messaging-schema';
export { CreateMessagingTables1764060000000 } from './migrations/1764060000000-create-messaging-tables';
export { OutboxEventEntity } from './outbox/outbox-event.entity';
export { ProcessedEventEntity } from './consumer/processed-event.entity';
export { ReminderEntity } from './reminders/reminder.entity';

export { DEFAULT_QUEUE_PREFIX, type RedisConnectionInput, type ProducerClientSettings } from './redis-connection';
export { RedisUnavailableError } from './queue-producer';
export type { MessagingLogger } from './logger';

export { publishEvent, publishEvents, publishEventsWrites, type PublishEventInput } from './outbox/publish-event';
export { outboxChannelOf } from './outbox/outbox-channel';
export { OutboxRelay, type OutboxRelayOptions } from './relay/outbox-relay';
export { EVENT_JOB_OPTIONS } from './relay/event-job-options';
export { EventConsumer, type EventApplication, type EventConsumerOptions } from './consumer/event-consumer';
export type { EventHandler, EventHandlers } from './consumer/event-handlers';
export { afterCommit } from './after-commit';
export { applyEvent } from './consumer/apply-event';
export { eventIsNewerSql } from './consumer/event-order';

export { REMINDER_STATUSES, type ReminderPayload, type ReminderRow, type ReminderStatus } from './reminders/reminder-row';
export { reminderDeliveryKey, type ReminderDeliverer, type ReminderDeliverers } from './reminders/reminder-deliverer';
export {
  DELIVER_REMINDER_JOB,
  REMINDER_JOB_OPTIONS,
  reminderJobId,
  reminderQueueOf,
  type DeliverReminderJobData,
  type ReminderJobOptions,
} from './reminders/reminder-job';
export {
  ReminderScheduler,
  type DueTimeChange,
  type ReminderJobChanges,
  type ReminderSchedulerOptions,
  type ScheduleReminderInput,
  type ScheduledReminder,
} from './reminders/reminder-scheduler';
export {
  DEFAULT_REMINDER_CONCURRENCY,
  DEFAULT_REMINDER_LEASE_MS,
  ReminderWorker,
  type ReminderDeliveryOutcome,
  type ReminderWorkerOptions,
} from './reminders/reminder-worker';
export {
  DEFAULT_EXPIRED_CLAIM_CHECK_MS,
  ReminderSweeper,
  type ReminderSweeperOptions,
  type SweepResult,
} from './reminders/reminder-sweeper';

export { MessagingModule, type MessagingModuleOptions } from './nest/messaging.module';
export { DeliversReminder, HandlesEvent } from './nest/handles-event';
export { MessagingHandlers } from './nest/messaging-handlers';

export {
  RequestOrigin,
  recordAudit,
  recordAudits,
  recordAuditsWrites,
  type AuditEntryInput,
  type AuditActor,
  type AuditContext,
  type AuditOrigin,
  type AuditSubject,
} from './audit/audit-trail';

import type { ServiceName } from '@tutti/contracts';
import type { JobsOptions } from 'bullmq';

const DAY_IN_SECONDS = 24 * 60 * 60;

/** The BullMQ queue of a service's reminder jobs. */
export function reminderQueueOf(service: ServiceName): string {
  return `reminders.${service}`;
}

export const DELIVER_REMINDER_JOB = 'deliver-reminder';

/** Ids and the due time only: the row is the truth, reloaded when the job fires. */
export interface DeliverReminderJobData {
  reminderId: string;
  tenantId: string;
  /** ISO 8601: the due time this job was queued for; a job for an older due time is stale. */
  dueAt: string;
  /** The W3C traceparent of the work that scheduled it, when traced: the delivery is its child. */
  traceparent?: string;
}

/** What a reminder's job is made from: the row's ids and due time, and its trace context if any. */
export interface ReminderJobSource {
  id: string;
  tenantId: string;
  dueAt: Date;
  traceparent?: string | null;
}

/**
 * Derived from the row and its due time, so re-queuing the same reminder for the same time (the
 * sweeper, a retried request) is a no-op, and rescheduling yields a new id. BullMQ forbids ':' in
 * custom ids, hence '@'.
 */
export function reminderJobId(reminderId: string, dueAt: Date): string {
  return `${reminderId}@${dueAt.getTime()}`;
}

export interface ReminderJobOptions {
  /** Delivery attempts before the row is marked 'failed'; also BullMQ's attempts. */
  attempts: number;
  backoff: { type: 'exponential' | 'fixed'; delay: number };
  removeOnComplete: { age: number; count: number };
  removeOnFail: { age: number };
}

/**
 * A failed delivery is retried after 30 s, 1 min, 2 min, 4 min; after the fifth attempt the row is
 * 'failed' with its last error, for an admin to see. Finished jobs are kept a week, failed ones a
 * month, for inspection (the row, not the job, is the record).
 */
export const REMINDER_JOB_OPTIONS: ReminderJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 7 * DAY_IN_SECONDS, count: 10_000 },
  removeOnFail: { age: 30 * DAY_IN_SECONDS },
};

export function bullJobOptions(options: ReminderJobOptions, jobId: string, delayMs: number): JobsOptions {
  return { ...options, jobId, delay: Math.max(0, delayMs) };
}

import type { ServiceName } from '@tutti/contracts';
import type { JobsOptions, Queue } from 'bullmq';
import { currentTraceparent, type SqlWrite } from '@tutti/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { defaultLogger, describeError, type MessagingLogger } from '../logger';
import { QueueProducer } from '../queue-producer';
import { DEFAULT_QUEUE_PREFIX, type ProducerClientSettings, type RedisConnectionInput } from '../redis-connection';
import { queryRows, tableOf } from '../sql';
import {
  bullJobOptions,
  DELIVER_REMINDER_JOB,
  REMINDER_JOB_OPTIONS,
  reminderJobId,
  reminderQueueOf,
  type DeliverReminderJobData,
  type ReminderJobOptions,
  type ReminderJobSource,
} from './reminder-job';
import { toReminderRow, type ReminderPayload, type ReminderRecord, type ReminderRow } from './reminder-row';
import { ReminderEntity } from './reminder.entity';

export interface ReminderSchedulerOptions {
  dataSource: DataSource;
  service: ServiceName;
  redis: RedisConnectionInput;
  queuePrefix?: string;
  jobOptions?: ReminderJobOptions;
  producerClient?: ProducerClientSettings;
  logger?: MessagingLogger;
  /**
   * Reminders due further ahead than this get no job when written: the sweeper queues them once
   * they come within it. Keeps months of reminders out of Redis and off the request path.
   * Must exceed the sweep interval by a good margin (default 15 min).
   */
  jobHorizonMs?: number;
}

export const DEFAULT_JOB_HORIZON_MS = 15 * 60_000;

export interface ScheduleReminderInput {
  tenantId: string;
  kind: string;
  recipientId: string;
  subjectType: string;
  subjectId: string;
  dueAt: Date;
  payload?: ReminderPayload;
}

/** How the reminders of a moved subject move: all by the same amount, or each to a computed time. */
export type DueTimeChange = { shiftByMs: number } | { dueAtFor: (reminder: ReminderRow) => Date };

/** Job work left for after the commit of a change made with a caller's manager. */
export interface ReminderJobChanges {
  /** Jobs of due times that no longer hold. */
  staleJobIds: string[];
  /** Reminders that need a job for their (new) due time. */
  toEnqueue: ReminderRow[];
  /** Reminders written by this transaction: no job can exist under their ids yet. */
  newlyScheduled?: ScheduledReminder[];
}

type JobPresence = 'added' | 'already-queued';

/** What a reminder's job is made from. */
export type ScheduledReminder = Pick<ReminderRow, 'id' | 'tenantId' | 'dueAt'>;

/**
 * Writes reminders and keeps their delayed jobs in step. The row is the truth and is always
 * written first; the job (id derived from row id and due time) only says "look at this row then".
 * Every Redis step after a commit is best effort: a stale job finds the row changed and does
 * nothing, and a missing job is re-queued by the ReminderSweeper once the reminder is due.
 */
export class ReminderScheduler {
  readonly queueName: string;
  readonly jobOptions: ReminderJobOptions;
  readonly jobHorizonMs: number;
  private readonly producer: QueueProducer;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.queueName = reminderQueueOf(options.service);
    this.jobOptions = options.jobOptions ?? REMINDER_JOB_OPTIONS;
    this.jobHorizonMs = options.jobHorizonMs ?? DEFAULT_JOB_HORIZON_MS;
    this.logger = options.logger ?? defaultLogger(`ReminderScheduler:${options.service}`);
    this.producer = new QueueProducer({
      redis: options.redis,
      prefix: options.queuePrefix ?? DEFAULT_QUEUE_PREFIX,
      logger: this.logger,
      clientSettings: options.producerClient,
    });
  }

  /** Inserts the reminder in the caller's transaction; call `enqueue()` after it commits. */
  async schedule(manager: EntityManager, input: ScheduleReminderInput): Promise<ReminderRow> {
    const [reminder] = await this.scheduleMany(manager, [input]);
    return reminder;
  }

  /**
   * Inserts several reminders with one statement, in the caller's transaction; answers the rows in
   * input order. With `skipDuplicates`, a reminder that a unique index of the service refuses (say,
   * one pending reminder of a kind per recipient) is left out instead of failing the statement.
   */
  async scheduleMany(
    manager: EntityManager,
    inputs: readonly ScheduleReminderInput[],
    options: { skipDuplicates?: boolean } = {},
  ): Promise<ReminderRow[]> {
    if (inputs.length === 0) return [];
    const { write, ids } = this.insertOf(manager, inputs, options, '*');
    const records = await queryRows<ReminderRecord>(manager, write.sql, write.params);
    const byId = new Map(records.map((record) => [record.id, toReminderRow(record)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * scheduleMany as a write, to run with others of the same transaction (writeTogether in
   * @tutti/platform); `scheduledOf` reads its answer: the reminders written, in input order, for
   * `syncJobs` once the transaction has committed.
   */
  scheduleManyWrite(
    manager: EntityManager,
    inputs: readonly ScheduleReminderInput[],
    options: { skipDuplicates?: boolean } = {},
  ): { write: SqlWrite; scheduledOf: (answer: readonly Record<string, unknown>[]) => ScheduledReminder[] } {
    const { write, ids } = this.insertOf(manager, inputs, options, 'id');
    const scheduledOf = (answer: readonly Record<string, unknown>[]) => {
      const written = new Set(answer.map((row) => row.id));
      return ids.flatMap((id, i) => (written.has(id) ? [{ id, tenantId: inputs[i].tenantId, dueAt: inputs[i].dueAt }] : []));
    };
    return { write, scheduledOf };
  }

  private insertOf(
    manager: EntityManager,
    inputs: readonly ScheduleReminderInput[],
    options: { skipDuplicates?: boolean },
    returning: string,
  ): { write: SqlWrite; ids: string[] } {
    for (const input of inputs) assertValidDate(input.dueAt);
    const ids = inputs.map(() => uuidv7());
    const sql = `INSERT INTO ${tableOf(manager, ReminderEntity)}
         (id, tenant_id, kind, recipient_id, subject_type, subject_id, due_at, payload, traceparent)
       SELECT *, $9::text FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::timestamptz[], $8::jsonb[])
       ${options.skipDuplicates ? 'ON CONFLICT DO NOTHING' : ''}
       RETURNING ${returning}`;
    const params = [
      ids,
      inputs.map((input) => input.tenantId),
      inputs.map((input) => input.kind),
      inputs.map((input) => input.recipientId),
      inputs.map((input) => input.subjectType),
      inputs.map((input) => input.subjectId),
      inputs.map((input) => input.dueAt),
      inputs.map((input) => JSON.stringify(input.payload ?? {})),
      currentTraceparent() ?? null,
    ];
    return { write: { sql, params }, ids };
  }

  /** Queues the delayed job for a committed reminder. Throws if Redis is unreachable. */
  async enqueue(reminder: Pick<ReminderRow, 'id' | 'tenantId' | 'dueAt'>): Promise<void> {
    await this.ensureJob(reminder);
  }

  /** Schedules in its own transaction, then queues; if Redis is down the sweeper queues it when due. */
  async scheduleAndEnqueue(input: ScheduleReminderInput): Promise<ReminderRow> {
    const reminder = await this.options.dataSource.transaction((manager) => this.schedule(manager, input));
    await this.syncJobs({ staleJobIds: [], toEnqueue: [], newlyScheduled: [reminder] });
    return reminder;
  }

  /** Moves one scheduled reminder; undefined when there is none (unknown, other tenant, or no longer scheduled). */
  async reschedule(tenantId: string, reminderId: string, newDueAt: Date): Promise<ReminderRow | undefined> {
    assertValidDate(newDueAt);
    const changes = await this.options.dataSource.transaction(async (manager) => {
      const [current] = await this.lockScheduled(manager, tenantId, 'id = $2', [reminderId]);
      return current ? this.moveLocked(manager, tenantId, [current], () => newDueAt) : emptyChanges();
    });
    await this.syncJobs(changes);
    return changes.toEnqueue[0];
  }

  /** Moves every scheduled reminder about a subject, e.g. when a performance is moved. */
  async rescheduleForSubject(tenantId: string, subjectType: string, subjectId: string, change: DueTimeChange): Promise<ReminderRow[]> {
    const changes = await this.options.dataSource.transaction((manager) =>
      this.rescheduleForSubjectIn(manager, tenantId, subjectType, subjectId, change),
    );
    await this.syncJobs(changes);
    return changes.toEnqueue;
  }

  /**
   * As `rescheduleForSubject`, in the caller's transaction (e.g. an event handler's); pass the
   * result to `syncJobs()` once it has committed.
   */
  async rescheduleForSubjectIn(
    manager: EntityManager,
    tenantId: string,
    subjectType: string,
    subjectId: string,
    change: DueTimeChange,
  ): Promise<ReminderJobChanges> {
    const current = await this.lockScheduled(manager, tenantId, 'subject_type = $2 AND subject_id = $3', [subjectType, subjectId]);
    const dueAtFor =
      'shiftByMs' in change ? (reminder: ReminderRow) => new Date(reminder.dueAt.getTime() + change.shiftByMs) : change.dueAtFor;
    return this.moveLocked(manager, tenantId, current, dueAtFor);
  }

  /** Cancels one scheduled reminder; undefined when there is none to cancel. */
  async cancel(tenantId: string, reminderId: string): Promise<ReminderRow | undefined> {
    const changes = await this.options.dataSource.transaction((manager) => this.cancelWhere(manager, tenantId, 'id = $2', [reminderId]));
    await this.syncJobs(changes);
    return changes.cancelled[0];
  }

  async cancelForSubject(tenantId: string, subjectType: string, subjectId: string): Promise<ReminderRow[]> {
    const changes = await this.options.dataSource.transaction((manager) =>
      this.cancelForSubjectIn(manager, tenantId, subjectType, subjectId),
    );
    await this.syncJobs(changes);
    return changes.cancelled;
  }

  /** As `cancelForSubject`, in the caller's transaction; pass the result to `syncJobs()` after commit. */
  async cancelForSubjectIn(
    manager: EntityManager,
    tenantId: string,
    subjectType: string,
    subjectId: string,
  ): Promise<ReminderJobChanges & { cancelled: ReminderRow[] }> {
    return this.cancelWhere(manager, tenantId, 'subject_type = $2 AND subject_id = $3', [subjectType, subjectId]);
  }

  /**
   * Applies job changes after their transaction committed; Redis failures are logged, not thrown.
   * Only reminders due within the job horizon get a job now; the sweeper queues the others later.
   */
  async syncJobs(changes: ReminderJobChanges): Promise<void> {
    const horizon = Date.now() + this.jobHorizonMs;
    const soon = (reminder: ScheduledReminder) => reminder.dueAt.getTime() <= horizon;
    const toEnqueue = changes.toEnqueue.filter(soon);
    const fresh = (changes.newlyScheduled ?? []).filter(soon);
    if (changes.staleJobIds.length === 0 && toEnqueue.length === 0 && fresh.length === 0) return;
    try {
      await this.withQueue(async (queue) => {
        for (const jobId of changes.staleJobIds) await queue.remove(jobId);
        if (fresh.length > 0) await queue.addBulk(fresh.map((reminder) => this.jobOf(reminder)));
        for (const reminder of toEnqueue) await this.ensureJobIn(queue, reminder);
      });
    } catch (error: unknown) {
      this.logger.warn(
        `Reminder jobs not updated (${describeError(error)}); stale jobs will do nothing and the sweeper queues due reminders`,
      );
    }
  }

  /**
   * Makes sure a job exists for the reminder's current due time. A job already waiting, delayed or
   * running is left alone; one that already finished (e.g. it ran while the row was locked) is
   * replaced, since BullMQ would otherwise ignore a new job under the same id.
   */
  async ensureJob(reminder: ReminderJobSource): Promise<JobPresence> {
    return this.withQueue((queue) => this.ensureJobIn(queue, reminder));
  }

  async close(): Promise<void> {
    await this.producer.close();
  }

  private async ensureJobIn(queue: Queue, reminder: ReminderJobSource): Promise<JobPresence> {
    const jobId = reminderJobId(reminder.id, reminder.dueAt);
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return 'already-queued';
      await queue.remove(jobId);
    }
    const job = this.jobOf(reminder);
    await queue.add(job.name, job.data, job.opts);
    return 'added';
  }

  /** The job carries the trace of the work queuing it (a request, an event) or else the row's. */
  private jobOf(reminder: ReminderJobSource): {
    name: string;
    data: DeliverReminderJobData;
    opts: JobsOptions;
  } {
    const data: DeliverReminderJobData = { reminderId: reminder.id, tenantId: reminder.tenantId, dueAt: reminder.dueAt.toISOString() };
    const traceparent = currentTraceparent() ?? reminder.traceparent;
    if (traceparent) data.traceparent = traceparent;
    const jobId = reminderJobId(reminder.id, reminder.dueAt);
    return { name: DELIVER_REMINDER_JOB, data, opts: bullJobOptions(this.jobOptions, jobId, reminder.dueAt.getTime() - Date.now()) };
  }

  private async withQueue<T>(work: (queue: Queue) => Promise<T>): Promise<T> {
    try {
      return await work(await this.producer.queue(this.queueName));
    } catch (error: unknown) {
      await this.producer.discardQueues();
      throw error;
    }
  }

  private async lockScheduled(
    manager: EntityManager,
    tenantId: string,
    condition: string,
    parameters: readonly unknown[],
  ): Promise<ReminderRow[]> {
    const records = await queryRows<ReminderRecord>(
      manager,
      `SELECT * FROM ${tableOf(manager, ReminderEntity)}
        WHERE tenant_id = $1 AND status = 'scheduled' AND ${condition}
        ORDER BY id
          FOR UPDATE`,
      [tenantId, ...parameters],
    );
    return records.map(toReminderRow);
  }

  private async moveLocked(
    manager: EntityManager,
    tenantId: string,
    current: readonly ReminderRow[],
    dueAtFor: (reminder: ReminderRow) => Date,
  ): Promise<ReminderJobChanges> {
    if (current.length === 0) return emptyChanges();
    const newDueTimes = current.map((reminder) => {
      const dueAt = dueAtFor(reminder);
      assertValidDate(dueAt);
      return dueAt;
    });
    // A fresh due time is a fresh start: earlier failed attempts no longer count.
    const records = await queryRows<ReminderRecord>(
      manager,
      `UPDATE ${tableOf(manager, ReminderEntity)} AS reminder
          SET due_at = moved.due_at, attempts = 0, last_error = NULL, updated_at = now(),
              traceparent = coalesce($4::text, reminder.traceparent)
         FROM unnest($2::uuid[], $3::timestamptz[]) AS moved(id, due_at)
        WHERE reminder.tenant_id = $1 AND reminder.id = moved.id AND reminder.status = 'scheduled'
        RETURNING reminder.*`,
      [tenantId, current.map((reminder) => reminder.id), newDueTimes, currentTraceparent() ?? null],
    );
    return {
      staleJobIds: current
        .filter((reminder, index) => reminder.dueAt.getTime() !== newDueTimes[index].getTime())
        .map((reminder) => reminderJobId(reminder.id, reminder.dueAt)),
      toEnqueue: records.map(toReminderRow),
    };
  }

  private async cancelWhere(
    manager: EntityManager,
    tenantId: string,
    condition: string,
    parameters: readonly unknown[],
  ): Promise<ReminderJobChanges & { cancelled: ReminderRow[] }> {
    const records = await queryRows<ReminderRecord>(
      manager,
      `UPDATE ${tableOf(manager, ReminderEntity)}
          SET status = 'cancelled', updated_at = now()
        WHERE tenant_id = $1 AND status = 'scheduled' AND ${condition}
        RETURNING *`,
      [tenantId, ...parameters],
    );
    const cancelled = records.map(toReminderRow);
    return {
      staleJobIds: cancelled.map((reminder) => reminderJobId(reminder.id, reminder.dueAt)),
      toEnqueue: [],
      cancelled,
    };
  }
}

function emptyChanges(): ReminderJobChanges {
  return { staleJobIds: [], toEnqueue: [] };
}

function assertValidDate(value: Date): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`A reminder's due time must be a valid Date, got ${String(value)}`);
  }
}

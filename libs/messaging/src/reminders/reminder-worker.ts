import type { ServiceName } from '@tutti/contracts';
import { BatchQueue, settledValue, SpanKind, statementNameOf, withSpan } from '@tutti/platform';
import { DelayedError, Worker, type Job } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { defaultLogger, describeError, type MessagingLogger } from '../logger';
import { DEFAULT_QUEUE_PREFIX, workerConnectionOptions, type RedisConnectionInput } from '../redis-connection';
import { queryRows, tableOf } from '../sql';
import { closeWorker, DEFAULT_WORKER_CLOSE_GRACE_MS } from '../worker-shutdown';
import type { ReminderDeliverers } from './reminder-deliverer';
import { REMINDER_JOB_OPTIONS, reminderQueueOf, type DeliverReminderJobData, type ReminderJobOptions } from './reminder-job';
import { toReminderRow, type ReminderRecord, type ReminderRow } from './reminder-row';
import { ReminderEntity } from './reminder.entity';

export interface ReminderWorkerOptions {
  dataSource: DataSource;
  service: ServiceName;
  redis: RedisConnectionInput;
  queuePrefix?: string;
  concurrency?: number;
  deliverers: ReminderDeliverers;
  /** Must match the scheduler's: `attempts` is the number of deliveries tried before 'failed'. */
  jobOptions?: ReminderJobOptions;
  /**
   * How long a claim lasts without renewal: while a send is in progress the worker renews it every
   * third of this, so only a dead (or cut-off) worker's claims run out and the sweeper releases them.
   */
  leaseMs?: number;
  /** How long close() lets running jobs finish before cutting the connections. */
  closeGraceMs?: number;
  logger?: MessagingLogger;
}

/**
 * Short, because a claim is renewed while its send is in progress: a dead worker's reminders are
 * free again at most this long after its last renewal, and the sweeper checks for expired claims
 * every third of it (DEFAULT_EXPIRED_CLAIM_CHECK_MS), so they are re-sent within a minute of the death.
 */
export const DEFAULT_REMINDER_LEASE_MS = 30_000;

/**
 * Sends in progress at once. A send mostly waits (on SMTP), and the more jobs are in flight, the more
 * are claimed and marked by one statement each: on the burst bench (10,000 due at one instant, load
 * ~10-15) 50 drained in 12.5 s where 10 took 41 s.
 */
export const DEFAULT_REMINDER_CONCURRENCY = 50;

export type ReminderDeliveryOutcome =
  | { kind: 'sent'; reminder: ReminderRow }
  | { kind: 'skipped'; reason: 'not-found' | 'not-scheduled' | 'stale-job' | 'claimed-elsewhere' }
  | { kind: 'not-due'; msUntilDue: number }
  | { kind: 'will-retry'; error: Error }
  | { kind: 'failed'; error: string };

/** A job's row as the batched claim found it: claimed by this statement, or as it stood. */
type ClaimedOrFound = ReminderRecord & { claimed_now: boolean; ms_until_due: number; asked: string };

type ClaimOutcome =
  | { kind: 'claimed'; reminder: ReminderRow }
  | { kind: 'no-deliverer'; reminderKind: string }
  | Extract<ReminderDeliveryOutcome, { kind: 'skipped' } | { kind: 'not-due' }>;

/**
 * Jobs claimed, and sends marked, together: when thousands of reminders fall due at once, the jobs
 * arriving while a claim is in flight are claimed by the next one statement (group commit through the
 * platform's BatchQueue), instead of a read, a claim and a mark each. One statement at a time: the
 * batch size is bounded by the jobs in flight (the worker's concurrency, 50), and two statements at
 * once halved it (about 7 claims a statement instead of 12 on the burst bench) for no gain in drain
 * time, at more PostgreSQL CPU per reminder (see the commit that set 1).
 */
const MOST_REMINDERS_PER_STATEMENT = 200;

/**
 * The columns of a ReminderRecord, named one by one: the claim and the sent-mark are prepared
 * statements, and a prepared `r.*` would fail ("cached plan must not change result type") on every
 * pooled connection of a running worker once a migration added a column to the table.
 */
const RECORD_COLUMNS = [
  'id',
  'tenant_id',
  'kind',
  'recipient_id',
  'subject_type',
  'subject_id',
  'due_at',
  'status',
  'payload',
  'attempts',
  'last_error',
  'claimed_until',
  'sent_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ReminderRecord)[];

const recordColumnsOf = (alias: string): string => RECORD_COLUMNS.map((column) => `${alias}.${column}`).join(', ');
const STATEMENTS_AT_ONCE = 1;

/**
 * Sends due reminders. The job only names the row and the due time it was queued for; the row is
 * reloaded and claimed with a conditional UPDATE (scheduled → sending, for that due time only), so
 * a stale, cancelled or already-sent reminder is left alone and two workers never both send one.
 *
 * Each statement finds its row by primary key alone: the tenant, status and due-time conditions
 * are written `(…) IS TRUE`, so that the planner checks them on the row and never picks another
 * index for them. After a quiet spell the statistics say a tenant has few waiting reminders; with
 * thousands then due at once, the planner chose the tenant's subject index (or the due index) and
 * every statement walked all of them: 10,000 due at one instant took 32 s to drain, not 5.
 */
export class ReminderWorker {
  readonly queueName: string;
  private readonly jobOptions: ReminderJobOptions;
  private readonly leaseMs: number;
  private readonly logger: MessagingLogger;
  private worker: Worker<DeliverReminderJobData, ReminderDeliveryOutcome['kind']> | undefined;
  private readonly claims = new BatchQueue<DeliverReminderJobData, ClaimOutcome>({
    maxBatchSize: MOST_REMINDERS_PER_STATEMENT,
    concurrency: STATEMENTS_AT_ONCE,
    run: async (jobs) => (await this.claimAll(jobs)).map(settledValue),
  });
  private readonly sentMarks = new BatchQueue<ReminderRow, ReminderRow | undefined>({
    maxBatchSize: MOST_REMINDERS_PER_STATEMENT,
    concurrency: STATEMENTS_AT_ONCE,
    run: async (reminders) => (await this.markAllSent(reminders)).map(settledValue),
  });

  constructor(private readonly options: ReminderWorkerOptions) {
    this.queueName = reminderQueueOf(options.service);
    this.jobOptions = options.jobOptions ?? REMINDER_JOB_OPTIONS;
    this.leaseMs = options.leaseMs ?? DEFAULT_REMINDER_LEASE_MS;
    this.logger = options.logger ?? defaultLogger(`ReminderWorker:${options.service}`);
  }

  /** Everything one job does, minus BullMQ's bookkeeping; callable directly. */
  async deliverDue(job: DeliverReminderJobData): Promise<ReminderDeliveryOutcome> {
    const manager = this.options.dataSource.manager;
    const outcome = await this.claims.submit(job);
    if (outcome.kind === 'no-deliverer') {
      const error = `No deliverer registered for reminder kind '${outcome.reminderKind}'`;
      await this.failUnclaimed(manager, job, error);
      return { kind: 'failed', error };
    }
    if (outcome.kind !== 'claimed') return outcome;
    const claimed = outcome.reminder;
    const deliverer = this.options.deliverers[claimed.kind];
    const renewal = this.renewWhileSending(manager, claimed);
    try {
      await deliverer.deliver(claimed);
    } catch (caught: unknown) {
      await renewal.stop();
      const error = caught instanceof Error ? caught : new Error(String(caught));
      if (claimed.attempts >= this.jobOptions.attempts) {
        await this.release(manager, job, 'failed', error.message);
        this.logger.warn(`Reminder ${claimed.id} failed after ${claimed.attempts} attempts: ${error.message}`);
        return { kind: 'failed', error: error.message };
      }
      await this.release(manager, job, 'scheduled', error.message);
      return { kind: 'will-retry', error };
    }
    await renewal.stop();
    const sent = await this.sentMarks.submit(claimed);
    return { kind: 'sent', reminder: sent ?? claimed };
  }

  start(): void {
    if (this.worker) return;
    const worker = new Worker<DeliverReminderJobData, ReminderDeliveryOutcome['kind']>(
      this.queueName,
      (job, token) => this.process(job, token),
      {
        connection: workerConnectionOptions(this.options.redis),
        prefix: this.options.queuePrefix ?? DEFAULT_QUEUE_PREFIX,
        concurrency: this.options.concurrency ?? DEFAULT_REMINDER_CONCURRENCY,
      },
    );
    worker.on('error', (error: unknown) => this.logger.debug(`Worker ${this.queueName}: ${describeError(error)}`));
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

  private async process(job: Job<DeliverReminderJobData>, token: string | undefined): Promise<ReminderDeliveryOutcome['kind']> {
    const outcome = job.data.traceparent
      ? await withSpan(
          'deliver reminder',
          {
            kind: SpanKind.CONSUMER,
            parent: job.data.traceparent,
            attributes: { 'messaging.system': 'bullmq', 'messaging.operation.type': 'process', 'tutti.reminder.id': job.data.reminderId },
          },
          async (span) => {
            const delivered = await this.deliverDue(job.data);
            span.setAttribute('tutti.reminder.outcome', delivered.kind);
            if (delivered.kind === 'sent') span.setAttribute('tutti.reminder.kind', delivered.reminder.kind);
            return delivered;
          },
        )
      : await this.deliverDue(job.data);
    if (outcome.kind === 'not-due') {
      // Fired early (clock skew between Redis and Postgres): wait again instead of completing, so
      // that the job id stays usable.
      await job.moveToDelayed(Date.now() + outcome.msUntilDue, token);
      throw new DelayedError();
    }
    // BullMQ retries with the backoff of the job options; the row is 'scheduled' again meanwhile.
    if (outcome.kind === 'will-retry') throw outcome.error;
    return outcome.kind;
  }

  /**
   * Claims every job's reminder that is due, still scheduled, queued for that due time and has a
   * deliverer, in one statement (scheduled → sending); answers, for the others, why not from the row as
   * it stood. Rows are found by primary key alone (see the class comment).
   */
  private async claimAll(jobs: DeliverReminderJobData[]): Promise<ClaimOutcome[]> {
    const manager = this.options.dataSource.manager;
    const table = tableOf(manager, ReminderEntity);
    const found = await this.batchRows<ClaimedOrFound>(
      `WITH asked AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS a(id, tenant_id, due_at)
       ), claimed AS (
         UPDATE ${table} r
            SET status = 'sending', claimed_until = now() + make_interval(secs => $4::float8),
                attempts = r.attempts + 1, updated_at = now()
           FROM asked a
          WHERE r.id = a.id AND (r.tenant_id = a.tenant_id) IS TRUE AND (r.status = 'scheduled') IS TRUE
            AND r.due_at IS NOT DISTINCT FROM a.due_at AND (r.due_at <= now()) IS TRUE AND (r.kind = ANY($5::text[])) IS TRUE
         RETURNING ${recordColumnsOf('r')}
       )
       SELECT ${recordColumnsOf('c')}, true AS claimed_now, 0::float8 AS ms_until_due, c.id::text AS asked FROM claimed c
       UNION ALL
       SELECT ${recordColumnsOf('r')}, false, greatest(0, extract(epoch FROM r.due_at - now()) * 1000)::float8, r.id::text
         FROM ${table} r JOIN asked a ON r.id = a.id AND (r.tenant_id = a.tenant_id) IS TRUE
        WHERE r.id NOT IN (SELECT id FROM claimed)`,
      [
        jobs.map((job) => job.reminderId),
        jobs.map((job) => job.tenantId),
        jobs.map((job) => job.dueAt),
        this.leaseMs / 1000,
        Object.keys(this.options.deliverers),
      ],
    );
    const byId = new Map(found.map((row) => [row.asked, row]));
    const handedOut = new Set<string>();
    return jobs.map((job): ClaimOutcome => {
      const row = byId.get(job.reminderId);
      if (!row) return { kind: 'skipped', reason: 'not-found' };
      if (row.claimed_now) {
        // Two jobs for one reminder in one batch: the claim goes to the first only.
        if (handedOut.has(row.id)) return { kind: 'skipped', reason: 'claimed-elsewhere' };
        handedOut.add(row.id);
        return { kind: 'claimed', reminder: toReminderRow(row) };
      }
      if (row.status !== 'scheduled') return { kind: 'skipped', reason: 'not-scheduled' };
      if (row.due_at.getTime() !== new Date(job.dueAt).getTime()) return { kind: 'skipped', reason: 'stale-job' };
      if (row.ms_until_due > 0) return { kind: 'not-due', msUntilDue: row.ms_until_due };
      if (!this.options.deliverers[row.kind]) return { kind: 'no-deliverer', reminderKind: row.kind };
      // Scheduled and due as the statement began, yet not claimed: another worker's claim came first.
      return { kind: 'skipped', reason: 'claimed-elsewhere' };
    });
  }

  /**
   * Marks sent reminders sent, in one statement. Also from 'scheduled': if a lease ran out mid-send and
   * the sweeper released the row, this stops a second send that has not started yet.
   */
  private async markAllSent(reminders: ReminderRow[]): Promise<(ReminderRow | undefined)[]> {
    const manager = this.options.dataSource.manager;
    const sent = await this.batchRows<ReminderRecord>(
      `UPDATE ${tableOf(manager, ReminderEntity)} r
          SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS a(id, tenant_id)
        WHERE r.id = a.id AND (r.tenant_id = a.tenant_id) IS TRUE AND (r.status IN ('sending', 'scheduled')) IS TRUE
        RETURNING ${recordColumnsOf('r')}`,
      [reminders.map((reminder) => reminder.id), reminders.map((reminder) => reminder.tenantId)],
    );
    const byId = new Map(sent.map((row) => [row.id, toReminderRow(row)]));
    return reminders.map((reminder) => byId.get(reminder.id));
  }

  /**
   * A batched claim or sent-mark as a named prepared statement (when the DataSource names statements:
   * not behind PgBouncer before 1.21, see databaseConnectionsOf): its text is fixed and runs thousands
   * of times in a burst, and re-planning it each time cost PostgreSQL about half as much again as
   * running it (burst bench: claim 39-78 µs of planning beside 90-170 µs of running per reminder;
   * prepared, 12-18 µs).
   */
  private async batchRows<T>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.options.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as {
        query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
      };
      return (await client.query({ name: statementNameOf(sql), text: sql, values: params })).rows;
    } finally {
      await runner.release();
    }
  }

  /**
   * Renews the claim's lease every third of it until stopped. The renewal names this claim (its
   * attempt and due time), so a claim the sweeper released meanwhile and another worker took is
   * not renewed on its behalf; a renewal that fails (PostgreSQL away) is tried again at the next tick.
   */
  private renewWhileSending(manager: EntityManager, claimed: ReminderRow): { stop(): Promise<void> } {
    let timer: NodeJS.Timeout | undefined;
    let inFlight: Promise<void> = Promise.resolve();
    let stopped = false;
    const renew = async (): Promise<void> => {
      try {
        const renewed = await queryRows<{ id: string }>(
          manager,
          `UPDATE ${tableOf(manager, ReminderEntity)}
              SET claimed_until = now() + make_interval(secs => $5::float8), updated_at = now()
            WHERE id = $1 AND (tenant_id = $2) IS TRUE AND (status = 'sending') IS TRUE
              AND (attempts = $3) IS TRUE AND due_at IS NOT DISTINCT FROM $4
            RETURNING id`,
          [claimed.id, claimed.tenantId, claimed.attempts, claimed.dueAt, this.leaseMs / 1000],
        );
        if (renewed.length === 0 && !stopped) {
          this.logger.warn(`Reminder ${claimed.id}: its claim ran out while still sending (it may be sent twice)`);
          stopped = true;
        }
      } catch (error: unknown) {
        this.logger.warn(`Reminder ${claimed.id}: lease not renewed (${describeError(error)}); trying again`);
      }
    };
    const schedule = (): void => {
      timer = setTimeout(() => {
        inFlight = renew().finally(() => {
          if (!stopped) schedule();
        });
      }, this.leaseMs / 3);
    };
    schedule();
    return {
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await inFlight;
      },
    };
  }

  /** Ends a claim that did not send: back to 'scheduled' for a retry, or 'failed' after the last attempt. */
  private async release(manager: EntityManager, job: DeliverReminderJobData, status: 'scheduled' | 'failed', error: string): Promise<void> {
    await manager.query(
      `UPDATE ${tableOf(manager, ReminderEntity)}
          SET status = $3, last_error = $4, claimed_until = NULL, updated_at = now()
        WHERE id = $1 AND (tenant_id = $2) IS TRUE AND (status = 'sending') IS TRUE`,
      [job.reminderId, job.tenantId, status, error],
    );
  }

  private async failUnclaimed(manager: EntityManager, job: DeliverReminderJobData, error: string): Promise<void> {
    await manager.query(
      `UPDATE ${tableOf(manager, ReminderEntity)}
          SET status = 'failed', last_error = $4, updated_at = now()
        WHERE id = $1 AND (tenant_id = $2) IS TRUE AND (status = 'scheduled') IS TRUE AND due_at IS NOT DISTINCT FROM $3`,
      [job.reminderId, job.tenantId, job.dueAt, error],
    );
  }
}

import type { DataSource } from 'typeorm';
import { defaultLogger, describeError, type MessagingLogger } from '../logger';
import { queryRows, tableOf } from '../sql';
import type { ReminderScheduler } from './reminder-scheduler';
import { ReminderEntity } from './reminder.entity';

export interface ReminderSweeperOptions {
  dataSource: DataSource;
  /** Queues the jobs, on the same queue and with the same job options as the app's scheduler. */
  scheduler: ReminderScheduler;
  /** Due reminders looked at per query. */
  batchSize?: number;
  logger?: MessagingLogger;
}

export interface SweepResult {
  /** 'sending' rows whose lease ran out, put back to 'scheduled' (or 'failed' after the last attempt). */
  released: number;
  /** Due 'scheduled' rows that had no live job and were given one. */
  requeued: number;
  /** Rows that came within the scheduler's job horizon and were given their delayed job. */
  promoted: number;
}

/** How late a transaction may commit a reminder into a window the promotion has already passed. */
const LATE_COMMIT_ALLOWANCE_MS = 2 * 60_000;

interface DueRecord {
  id: string;
  tenant_id: string;
  due_at: Date;
}

/**
 * The safety net that makes a lost job never a lost reminder: it finds reminders that are due but
 * not sent, and re-queues any without a live job (Redis lost it, it was deleted, the process died
 * between commit and enqueue, BullMQ gave up while Postgres was down). It also releases reminders
 * left 'sending' by a worker that died mid-send, once their lease has run out: such a reminder can
 * be sent twice if the provider had accepted it (see ReminderDeliverer). Safe to run on every
 * replica: job ids are deterministic, so two sweepers re-queue a reminder once.
 */
export class ReminderSweeper {
  private readonly batchSize: number;
  private readonly logger: MessagingLogger;
  private timer: NodeJS.Timeout | undefined;
  /** Due times up to which reminders were given jobs by an earlier sweep of this process. */
  private promotedUntil: Date | undefined;
  private sweeping: Promise<unknown> | undefined;

  constructor(private readonly options: ReminderSweeperOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.logger = options.logger ?? defaultLogger('ReminderSweeper');
  }

  async sweepOnce(): Promise<SweepResult> {
    const released = await this.releaseExpiredClaims();
    let requeued = 0;
    let after: DueRecord | undefined;
    for (;;) {
      const page = await this.dueScheduled(after);
      for (const reminder of page) {
        const presence = await this.options.scheduler.ensureJob({
          id: reminder.id,
          tenantId: reminder.tenant_id,
          dueAt: reminder.due_at,
        });
        if (presence === 'added') requeued += 1;
      }
      if (page.length < this.batchSize) break;
      after = page[page.length - 1];
    }
    const promoted = await this.promoteComingDue();
    if (released > 0 || requeued > 0) {
      this.logger.log(`Released ${released} expired reminder claims, re-queued ${requeued} due reminders`);
    }
    return { released, requeued, promoted };
  }

  /**
   * Gives a delayed job to each reminder that came within the scheduler's job horizon since the
   * last sweep (see ReminderSchedulerOptions.jobHorizonMs). The window overlaps the last one by a
   * couple of minutes, so that a row committed late by a slow transaction is still seen; a reminder
   * that already has its job is left alone.
   */
  private async promoteComingDue(): Promise<number> {
    const { scheduler } = this.options;
    const until = new Date(Date.now() + scheduler.jobHorizonMs);
    const from = this.promotedUntil ? new Date(this.promotedUntil.getTime() - LATE_COMMIT_ALLOWANCE_MS) : new Date();
    let promoted = 0;
    let after: DueRecord | undefined;
    for (;;) {
      const page = await this.scheduledBetween(from, until, after);
      for (const reminder of page) {
        const presence = await scheduler.ensureJob({ id: reminder.id, tenantId: reminder.tenant_id, dueAt: reminder.due_at });
        if (presence === 'added') promoted += 1;
      }
      if (page.length < this.batchSize) break;
      after = page[page.length - 1];
    }
    this.promotedUntil = until;
    return promoted;
  }

  /** Sweeps now and then every `intervalMs`; failures are logged and retried at the next interval. */
  start(intervalMs: number): void {
    if (this.timer) return;
    const sweep = (): void => {
      this.sweeping = this.sweepOnce()
        .catch((error: unknown) => this.logger.warn(`Reminder sweep failed: ${describeError(error)}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(sweep, intervalMs);
        });
    };
    this.timer = setTimeout(sweep, 0);
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    clearTimeout(timer);
    await this.sweeping;
  }

  private async releaseExpiredClaims(): Promise<number> {
    const manager = this.options.dataSource.manager;
    const released = await queryRows<{ id: string }>(
      manager,
      `UPDATE ${tableOf(manager, ReminderEntity)}
          SET status = CASE WHEN attempts >= $1 THEN 'failed' ELSE 'scheduled' END,
              last_error = CASE WHEN attempts >= $1
                                THEN 'The last delivery attempt did not finish within its lease'
                                ELSE last_error END,
              claimed_until = NULL, updated_at = now()
        WHERE status = 'sending' AND claimed_until < now()
        RETURNING id`,
      [this.options.scheduler.jobOptions.attempts],
    );
    return released.length;
  }

  private async scheduledBetween(from: Date, until: Date, after: DueRecord | undefined): Promise<DueRecord[]> {
    const manager = this.options.dataSource.manager;
    return queryRows<DueRecord>(
      manager,
      `SELECT id, tenant_id, due_at FROM ${tableOf(manager, ReminderEntity)}
        WHERE status = 'scheduled' AND due_at > $1 AND due_at <= $2
          AND ($3::timestamptz IS NULL OR (due_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY due_at, id
        LIMIT $5`,
      [from, until, after?.due_at ?? null, after?.id ?? null, this.batchSize],
    );
  }

  private async dueScheduled(after: DueRecord | undefined): Promise<DueRecord[]> {
    const manager = this.options.dataSource.manager;
    return queryRows<DueRecord>(
      manager,
      `SELECT id, tenant_id, due_at FROM ${tableOf(manager, ReminderEntity)}
        WHERE status = 'scheduled' AND due_at <= now()
          AND ($1::timestamptz IS NULL OR (due_at, id) > ($1::timestamptz, $2::uuid))
        ORDER BY due_at, id
        LIMIT $3`,
      [after?.due_at ?? null, after?.id ?? null, this.batchSize],
    );
  }
}

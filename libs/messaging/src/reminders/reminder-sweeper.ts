import type { DataSource } from 'typeorm';
import { defaultLogger, describeError, type MessagingLogger } from '../logger';
import { queryRows, tableOf } from '../sql';
import type { ReminderScheduler } from './reminder-scheduler';
import { DEFAULT_REMINDER_LEASE_MS } from './reminder-worker';
import { ReminderEntity } from './reminder.entity';

export interface ReminderSweeperOptions {
  dataSource: DataSource;
  /** Queues the jobs, on the same queue and with the same job options as the app's scheduler. */
  scheduler: ReminderScheduler;
  /** Due reminders looked at per query. */
  batchSize?: number;
  /**
   * How often, between full sweeps, claims whose lease ran out are released and their reminders
   * re-queued at once, so that a dead worker's reminders wait a lease and this, not a full sweep
   * interval (default: a third of the worker's default lease).
   */
  expiredClaimCheckMs?: number;
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

export const DEFAULT_EXPIRED_CLAIM_CHECK_MS = DEFAULT_REMINDER_LEASE_MS / 3;

/** How late a transaction may commit a reminder into a window the promotion has already passed. */
const LATE_COMMIT_ALLOWANCE_MS = 2 * 60_000;

interface DueRecord {
  id: string;
  tenant_id: string;
  due_at: Date;
  traceparent: string | null;
}

type ReleasedRecord = DueRecord & { status: 'scheduled' | 'failed' };

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
  private readonly expiredClaimCheckMs: number;
  private readonly logger: MessagingLogger;
  private timer: NodeJS.Timeout | undefined;
  private claimTimer: NodeJS.Timeout | undefined;
  private checkingClaims: Promise<unknown> | undefined;
  /** Due times up to which reminders were given jobs by an earlier sweep of this process. */
  private promotedUntil: Date | undefined;
  private sweeping: Promise<unknown> | undefined;

  constructor(private readonly options: ReminderSweeperOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.expiredClaimCheckMs = options.expiredClaimCheckMs ?? DEFAULT_EXPIRED_CLAIM_CHECK_MS;
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
          traceparent: reminder.traceparent,
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
        const presence = await scheduler.ensureJob({
          id: reminder.id,
          tenantId: reminder.tenant_id,
          dueAt: reminder.due_at,
          traceparent: reminder.traceparent,
        });
        if (presence === 'added') promoted += 1;
      }
      if (page.length < this.batchSize) break;
      after = page[page.length - 1];
    }
    this.promotedUntil = until;
    return promoted;
  }

  /**
   * Sweeps now and then every `intervalMs`, and releases expired claims every `expiredClaimCheckMs`
   * in between; failures are logged and retried at the next interval.
   */
  start(intervalMs: number): void {
    if (this.timer) return;
    const sweep = (): void => {
      this.sweeping = this.sweepOnce()
        .catch((error: unknown) => this.logger.warn(`Reminder sweep failed: ${describeError(error)}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(sweep, intervalMs);
        });
    };
    const checkClaims = (): void => {
      this.checkingClaims = this.releaseExpiredClaims()
        .then((released) => {
          if (released > 0) this.logger.log(`Released ${released} expired reminder claims`);
        })
        .catch((error: unknown) => this.logger.warn(`Reminder claim check failed: ${describeError(error)}`))
        .finally(() => {
          if (this.claimTimer) this.claimTimer = setTimeout(checkClaims, this.expiredClaimCheckMs);
        });
    };
    this.timer = setTimeout(sweep, 0);
    this.claimTimer = setTimeout(checkClaims, this.expiredClaimCheckMs);
  }

  /** Stops the timers and waits for a sweep or claim check in progress. */
  async stop(): Promise<void> {
    const timers = [this.timer, this.claimTimer];
    this.timer = undefined;
    this.claimTimer = undefined;
    for (const timer of timers) clearTimeout(timer);
    await Promise.all([this.sweeping, this.checkingClaims]);
  }

  /**
   * Puts reminders whose claim ran out (their worker died, or lost PostgreSQL for a lease) back to
   * 'scheduled', or 'failed' after the last attempt, and gives each its job again at once: the
   * dead worker's job may be gone with a Redis restart, or may have run and finished meanwhile,
   * finding the row still 'sending'. A job still live is left alone (ensureJob).
   *
   * Every row 'sending' was claimed when due, so `due_at <= now()` holds for all of them and lets
   * the check read only the due part of the due index, not every waiting reminder.
   */
  async releaseExpiredClaims(): Promise<number> {
    const manager = this.options.dataSource.manager;
    const released = await queryRows<ReleasedRecord>(
      manager,
      `UPDATE ${tableOf(manager, ReminderEntity)}
          SET status = CASE WHEN attempts >= $1 THEN 'failed' ELSE 'scheduled' END,
              last_error = CASE WHEN attempts >= $1
                                THEN 'The last delivery attempt did not finish within its lease'
                                ELSE last_error END,
              claimed_until = NULL, updated_at = now()
        WHERE status = 'sending' AND due_at <= now() AND claimed_until < now()
        RETURNING id, tenant_id, due_at, traceparent, status`,
      [this.options.scheduler.jobOptions.attempts],
    );
    for (const reminder of released) {
      if (reminder.status !== 'scheduled') continue;
      await this.options.scheduler
        .ensureJob({ id: reminder.id, tenantId: reminder.tenant_id, dueAt: reminder.due_at, traceparent: reminder.traceparent })
        .catch((error: unknown) =>
          this.logger.warn(`Reminder ${reminder.id} released but not re-queued (${describeError(error)}); the next sweep queues it`),
        );
    }
    return released.length;
  }

  private async scheduledBetween(from: Date, until: Date, after: DueRecord | undefined): Promise<DueRecord[]> {
    const manager = this.options.dataSource.manager;
    return queryRows<DueRecord>(
      manager,
      `SELECT id, tenant_id, due_at, traceparent FROM ${tableOf(manager, ReminderEntity)}
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
      `SELECT id, tenant_id, due_at, traceparent FROM ${tableOf(manager, ReminderEntity)}
        WHERE status = 'scheduled' AND due_at <= now()
          AND ($1::timestamptz IS NULL OR (due_at, id) > ($1::timestamptz, $2::uuid))
        ORDER BY due_at, id
        LIMIT $3`,
      [after?.due_at ?? null, after?.id ?? null, this.batchSize],
    );
  }
}

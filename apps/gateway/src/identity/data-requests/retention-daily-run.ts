import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliversReminder, ReminderScheduler, type ReminderRow } from '@tutti/messaging';
import { rows } from '@tutti/platform';
import { DataRequestsService } from './data-requests.service';

export const RETENTION_RUN_KIND = 'retention.daily-run';
/** When the daily run fires: 02:30 UTC, after midnight everywhere the areas are and before the working day. */
const RUN_AT_UTC = { hours: 2, minutes: 30 };

/** The next daily run after `now`. */
export function nextRetentionRunAt(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_AT_UTC.hours, RUN_AT_UTC.minutes);
  return new Date(today > now.getTime() ? today : today + 86_400_000);
}

/**
 * The daily retention run of every area, scheduled as the project schedules delayed work: a reminder
 * row (the truth) and its delayed BullMQ job on the gateway's reminder queue, re-queued by the sweeper
 * if Redis lost it. Delivering it opens a retention run (not a dry run) as of today through the same
 * path as POST /identity/retention-runs, and writes the next day's. A redelivered reminder replays the
 * same run (idempotency key of the reminder and its due time) instead of opening a second.
 */
@Injectable()
export class RetentionDailyRun implements OnApplicationBootstrap {
  private readonly logger = new Logger('RetentionDailyRun');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ReminderScheduler) private readonly scheduler: ReminderScheduler,
    @Inject(DataRequestsService) private readonly requests: DataRequestsService,
  ) {}

  /** Every area gets its pending run (areas that have one keep it). */
  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleForEveryArea(new Date());
  }

  @DeliversReminder(RETENTION_RUN_KIND)
  async deliver(reminder: ReminderRow): Promise<void> {
    const run = await this.requests.openRetentionRun(
      { tenantId: reminder.tenantId, actorId: null, actorRole: null, ip: '', requestId: `reminder-${reminder.id}` },
      { dryRun: false },
      `daily-retention-${reminder.id}-${reminder.dueAt.getTime()}`,
    );
    this.logger.log(`daily retention run ${run.body.id} opened for area ${reminder.tenantId}`);
    await this.scheduleForEveryArea(reminder.dueAt > new Date() ? reminder.dueAt : new Date());
  }

  /** Writes tomorrow's (or today's, if still ahead) run for each area without a pending one. */
  async scheduleForEveryArea(after: Date): Promise<void> {
    const dueAt = nextRetentionRunAt(after);
    const written = await this.dataSource.transaction(async (manager) => {
      const areas = await rows<{ id: string }>(manager, 'SELECT id FROM tenants ORDER BY id');
      return this.scheduler.scheduleMany(
        manager,
        areas.map((area) => ({
          tenantId: area.id,
          kind: RETENTION_RUN_KIND,
          recipientId: area.id,
          subjectType: 'tenant',
          subjectId: area.id,
          dueAt,
        })),
        { skipDuplicates: true },
      );
    });
    try {
      await this.scheduler.syncJobs({ staleJobIds: [], toEnqueue: [], newlyScheduled: written });
    } catch (error) {
      // The row is the truth: the sweeper queues it when it comes due.
      this.logger.warn(`daily retention runs written, their jobs not queued yet: ${(error as Error).message}`);
    }
  }
}

/** Needs MessagingModule (ReminderScheduler) and IdentityModule (DataRequestsService): the gateway's AppModule has both. */
@Module({ providers: [RetentionDailyRun] })
export class RetentionDailyRunModule {}

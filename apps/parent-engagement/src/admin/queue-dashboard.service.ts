import { HttpStatus, Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { reminderQueueOf, ReminderScheduler } from '@tutti/messaging';
import { ConflictProblem, decodeCursor, ProblemException, queueConnectionOf, toPage, type PageQueryDto } from '@tutti/platform';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { ParentEngagementConfig } from '../config';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import { failedRemindersPage, reminderStatus, retryFailedReminder } from './queue-dashboard.queries';
import {
  JOB_STATES,
  type FailedReminderPageDto,
  type JobState,
  type QueueCountsDto,
  type QueueDashboardDto,
  type RetriedReminderDto,
} from './dto/queue-dashboard.dto';

const COUNT_TIMEOUT_MS = 1_500;

/** What this service's queues hold, and the tenant's reminders that gave up, for programme admins. */
@Injectable()
export class QueueDashboardService implements OnModuleDestroy {
  private readonly logger = new Logger(QueueDashboardService.name);
  private readonly queues: Queue[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: ReminderScheduler,
    @Inject(PARENT_ENGAGEMENT_CONFIG) config: ParentEngagementConfig,
  ) {
    // Fail fast while Redis is away: the dashboard then says so per queue instead of hanging.
    const connection = queueConnectionOf({
      ...config.redisConnection,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: COUNT_TIMEOUT_MS,
    });
    this.queues = [eventQueueOf('parent-engagement'), reminderQueueOf('parent-engagement')].map((name) => {
      const queue = new Queue(name, { connection, prefix: config.QUEUE_PREFIX });
      queue.on('error', () => undefined); // reported in the dashboard, not as an unhandled event
      return queue;
    });
  }

  async dashboard(tenantId: string, page: PageQueryDto): Promise<QueueDashboardDto> {
    const [queues, failedReminders] = await Promise.all([
      Promise.all(this.queues.map((queue) => this.countsOf(queue))),
      this.failedReminders(tenantId, page),
    ]);
    return { queues, failedReminders };
  }

  /** Puts a failed reminder back on the schedule, due now; the row is the truth, the job follows it. */
  async retry(tenantId: string, reminderId: string): Promise<RetriedReminderDto> {
    const retried = await retryFailedReminder(this.dataSource, tenantId, reminderId);
    if (!retried) {
      const current = await reminderStatus(this.dataSource, tenantId, reminderId);
      if (!current) throw new ProblemException(HttpStatus.NOT_FOUND, 'No such reminder.');
      throw new ConflictProblem('Only a failed reminder can be retried.', [{ field: 'status', current: current.status }]);
    }
    try {
      await this.scheduler.enqueue({ id: retried.id, tenantId: retried.tenant_id, dueAt: retried.due_at });
    } catch (error: unknown) {
      // The sweeper queues a due scheduled reminder whose job is missing.
      this.logger.warn(
        `Retried reminder ${retried.id} not queued now (${error instanceof Error ? error.message : String(error)}); the sweeper will`,
      );
    }
    return { id: retried.id, status: 'scheduled', due: retried.due_at.toISOString() };
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
  }

  private async countsOf(queue: Queue): Promise<QueueCountsDto> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer in time')), COUNT_TIMEOUT_MS);
      });
      const counts = await Promise.race([queue.getJobCounts(...JOB_STATES), timeout]);
      return {
        name: queue.name,
        counts: Object.fromEntries(JOB_STATES.map((state) => [state, counts[state] ?? 0])) as Record<JobState, number>,
      };
    } catch (error: unknown) {
      return { name: queue.name, error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async failedReminders(tenantId: string, page: PageQueryDto): Promise<FailedReminderPageDto> {
    const after = decodeCursor(page.cursor, ['instant', 'uuid']);
    const found = await failedRemindersPage(this.dataSource, tenantId, { after, limit: page.limit + 1 });
    return toPage(
      found,
      page.limit,
      (row) => ({ id: row.id, kind: row.kind, due: row.due_at.toISOString(), attempts: row.attempts, lastError: row.last_error }),
      (row) => [row.due_at.toISOString(), row.id],
    );
  }
}

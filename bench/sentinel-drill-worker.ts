/**
 * A worker replica of the Sentinel failover drill (bench/sentinel-failover.bench.ts): the reminder
 * worker and the sweeper a service's MessagingRuntime runs (same classes, same defaults: concurrency
 * DEFAULT_REMINDER_CONCURRENCY, a sweep every 60 s), connected as a service connects, through
 * redisConnectionOf (@tutti/platform) from REDIS_SENTINELS / REDIS_SENTINEL_NAME. Its one deliverer,
 * `bench.count`, records each delivery (clock_timestamp()) in DELIVERIES_TABLE: a second delivery
 * of a reminder is a second row. Prints "ready" once it listens for jobs.
 *
 * DATABASE_URL, REDIS_SENTINELS, REDIS_SENTINEL_NAME (or REDIS_URL), QUEUE_PREFIX, WORKER_NAME,
 * SWEEP_INTERVAL_MS (60000, as the services), CONCURRENCY (DEFAULT_REMINDER_CONCURRENCY).
 */
import { DEFAULT_REMINDER_CONCURRENCY, ReminderScheduler, ReminderSweeper, ReminderWorker } from '@tutti/messaging';
import { initializeWithRetry, redisConnectionOf } from '@tutti/platform';
import { DELIVERIES_TABLE, REMINDER_BENCH_SERVICE, reminderDataSource } from './lib/reminder-database';

/** As libs/messaging's MessagingRuntime (DEFAULT_SWEEP_INTERVAL_MS, not exported). */
const SERVICE_SWEEP_INTERVAL_MS = 60_000;

async function main(): Promise<void> {
  const dataSource = await initializeWithRetry(reminderDataSource(process.env.DATABASE_URL ?? ''), () => undefined);
  const redis = redisConnectionOf(process.env);
  const queuePrefix = process.env.QUEUE_PREFIX ?? 'tutti';
  const worker = process.env.WORKER_NAME ?? 'worker';
  const scheduler = new ReminderScheduler({ dataSource, service: REMINDER_BENCH_SERVICE, redis, queuePrefix });
  const reminders = new ReminderWorker({
    dataSource,
    service: REMINDER_BENCH_SERVICE,
    redis,
    queuePrefix,
    concurrency: Number(process.env.CONCURRENCY ?? DEFAULT_REMINDER_CONCURRENCY),
    deliverers: {
      'bench.count': {
        deliver: async (reminder) => {
          await dataSource.query(`INSERT INTO ${DELIVERIES_TABLE} (reminder_id, channel) VALUES ($1, $2)`, [reminder.id, worker]);
        },
      },
    },
  });
  const sweeper = new ReminderSweeper({ dataSource, scheduler });
  reminders.start();
  sweeper.start(Number(process.env.SWEEP_INTERVAL_MS ?? SERVICE_SWEEP_INTERVAL_MS));
  process.stdout.write('ready\n');
  const stop = async () => {
    await Promise.all([sweeper.stop(), reminders.close()]);
    await scheduler.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();

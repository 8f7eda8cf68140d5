/**
 * The reminders bench's worker process: one ReminderWorker (libs/messaging) as a service's worker
 * runs it, with two bench-only kinds: `bench.count` records the delivery, `bench.email` sends a real
 * email over SMTP (MailDev; one connection per message, as parent-engagement's EmailChannel) and then records it. Prints "ready" once it listens for jobs.
 *
 * DATABASE_URL, REDIS_URL, SMTP_URL, CONCURRENCY (DEFAULT_REMINDER_CONCURRENCY, as the services run it), DB_POOL_SIZE (10).
 */
import { DEFAULT_REMINDER_CONCURRENCY, reminderDeliveryKey, ReminderWorker, type ReminderRow } from '@tutti/messaging';
import { initializeWithRetry } from '@tutti/platform';
import { createTransport } from 'nodemailer';
import { DELIVERIES_TABLE, REMINDER_BENCH_SERVICE, reminderDataSource } from './lib/reminder-database';

async function main(): Promise<void> {
  const dataSource = await initializeWithRetry(
    reminderDataSource(process.env.DATABASE_URL ?? '', Number(process.env.DB_POOL_SIZE ?? 10)),
    () => undefined,
  );
  const mail = createTransport(process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025');
  const record = async (reminder: ReminderRow, channel: string) => {
    await dataSource.query(`INSERT INTO ${DELIVERIES_TABLE} (reminder_id, channel) VALUES ($1, $2)`, [reminder.id, channel]);
  };
  const worker = new ReminderWorker({
    dataSource,
    service: REMINDER_BENCH_SERVICE,
    redis: process.env.REDIS_URL ?? '',
    concurrency: Number(process.env.CONCURRENCY ?? DEFAULT_REMINDER_CONCURRENCY),
    deliverers: {
      'bench.count': { deliver: (reminder) => record(reminder, 'count') },
      'bench.email': {
        async deliver(reminder) {
          await mail.sendMail({
            from: 'Tutti <no-reply@tutti.bench>',
            to: `family-${reminder.recipientId}@bench.tutti.test`,
            subject: 'Your bus tomorrow',
            text: 'The bus leaves Faith Street Primary at 17:45. Reply STOP to stop these messages.',
            messageId: `<${reminderDeliveryKey(reminder)}@tutti.bench>`,
          });
          await record(reminder, 'email');
        },
      },
    },
  });
  worker.start();
  process.stdout.write('ready\n');
  const stop = async () => {
    await worker.close();
    mail.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();

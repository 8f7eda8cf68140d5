import { Inject, Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { requiredTestEnv, waitFor } from '@tutti/testing';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { EventHandlers } from '../consumer/event-handlers';
import { MESSAGING_ENTITIES } from '../messaging-schema';
import { publishEvent } from '../outbox/publish-event';
import { OutboxRelay } from '../relay/outbox-relay';
import type { ReminderDeliverers } from '../reminders/reminder-deliverer';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import { MessagingTestBed } from '../testing/messaging-test-bed';
import type { MessagingParticipant } from './messaging-participant';
import { MessagingModule } from './messaging.module';

jest.setTimeout(30_000);

const MINUTE = 60_000;
const delivered: string[] = [];

/** What parent-engagement would do: keep a performance's reminders at their offset from its start. */
@Injectable()
class PerformanceReminders implements MessagingParticipant {
  constructor(@Inject(ReminderScheduler) private readonly scheduler: ReminderScheduler) {}

  eventHandlers(): EventHandlers {
    return {
      'performance.performance.rescheduled': async (event, manager, { afterCommit }) => {
        const startsAt = new Date(event.payload.startsAt).getTime();
        const changes = await this.scheduler.rescheduleForSubjectIn(
          manager,
          event.tenantId,
          'performance',
          event.payload.performanceId,
          { dueAtFor: (reminder) => new Date(startsAt - Number(reminder.payload.minutesBefore) * MINUTE) },
        );
        afterCommit(() => this.scheduler.syncJobs(changes));
      },
    };
  }

  reminderDeliverers(): ReminderDeliverers {
    return { 'performance.starts-soon': { deliver: async (reminder) => void delivered.push(reminder.id) } };
  }
}

/** Claims the same event type as PerformanceReminders: the app must refuse to start. */
@Injectable()
class CompetingHandler implements MessagingParticipant {
  eventHandlers(): EventHandlers {
    return { 'performance.performance.rescheduled': async () => undefined };
  }
}

describe('MessagingModule', () => {
  const bed = new MessagingTestBed();
  let performanceEvent: DataSource;

  const compile = async (participants: (typeof PerformanceReminders | typeof CompetingHandler)[]): Promise<TestingModule> => {
    await bed.database('parent-engagement');
    return Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: requiredTestEnv().databaseUrl,
          schema: bed.schemaFor('parent-engagement'),
          entities: MESSAGING_ENTITIES,
        }),
        MessagingModule.forService({
          service: 'parent-engagement',
          redis: bed.redisUrl,
          queuePrefix: bed.queuePrefix,
          runWorkers: true,
          participants,
        }),
      ],
      providers: participants,
    }).compile();
  };

  beforeAll(async () => {
    performanceEvent = await bed.database('performance-event');
  });
  afterAll(() => bed.dispose());

  it('moves a performance’s reminders when performance-event reschedules it, and sends them at the new time', async () => {
    const app = await compile([PerformanceReminders]);
    bed.onDispose(() => app.close());
    await app.init();
    const relay = new OutboxRelay({ dataSource: performanceEvent, service: 'performance-event', redis: bed.redisUrl, queuePrefix: bed.queuePrefix, logger: bed.logger });
    bed.onDispose(() => relay.stop());
    relay.start();

    const tenantId = uuidv7();
    const performanceId = uuidv7();
    const originalStart = Date.now() + 24 * 60 * MINUTE;
    const reminder = await app.get(ReminderScheduler).scheduleAndEnqueue({
      tenantId,
      kind: 'performance.starts-soon',
      recipientId: uuidv7(),
      subjectType: 'performance',
      subjectId: performanceId,
      dueAt: new Date(originalStart - 60 * MINUTE),
      payload: { minutesBefore: 60 },
    });

    const newStart = new Date(Date.now() + 60 * MINUTE + 500);
    await performanceEvent.transaction((manager) =>
      publishEvent(manager, {
        source: 'performance-event',
        type: 'performance.performance.rescheduled',
        tenantId,
        payload: {
          version: 1,
          performanceId,
          title: 'Summer Concert',
          startsAt: newStart.toISOString(),
          endsAt: new Date(newStart.getTime() + 90 * MINUTE).toISOString(),
          venueName: 'Philharmonic Hall',
        },
      }),
    );

    await waitFor(() => delivered.includes(reminder.id), { description: 'the moved reminder to be delivered' });
    const [row]: { due_at: Date; status: string }[] = await performanceEvent.query(
      `SELECT due_at, status FROM "${bed.schemaFor('parent-engagement')}".reminders WHERE id = $1`,
      [reminder.id],
    );
    expect(row).toEqual({ due_at: new Date(newStart.getTime() - 60 * MINUTE), status: 'sent' });
  });

  it('refuses to start when two participants handle the same event type', async () => {
    const app = await compile([PerformanceReminders, CompetingHandler]);
    // Nest's close() rethrows the failed bootstrap; the DataSource is closed by hand.
    bed.onDispose(() => app.get(DataSource).destroy());
    await expect(app.init()).rejects.toThrow(/Two handlers for event performance\.performance\.rescheduled/);
  });
});

import { Injectable, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EventEnvelope } from '@tutti/contracts';
import { requiredTestEnv, waitFor } from '@tutti/testing';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { applyEvent } from '../consumer/apply-event';
import { MESSAGING_ENTITIES } from '../messaging-schema';
import { publishEvent } from '../outbox/publish-event';
import { OutboxRelay } from '../relay/outbox-relay';
import type { ReminderRow } from '../reminders/reminder-row';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import { MessagingTestBed } from '../testing/messaging-test-bed';
import { DeliversReminder, HandlesEvent } from './handles-event';
import { MessagingHandlers } from './messaging-handlers';
import { MessagingModule } from './messaging.module';

jest.setTimeout(30_000);

type TenantEvent = EventEnvelope<'identity.tenant.created' | 'identity.tenant.updated'>;
const applied: string[] = [];
const delivered: string[] = [];

/**
 * Scheduling subscribes to identity.tenant.created and .updated (EVENT_SUBSCRIBERS): one method handles both.
 * Its other subscriptions (data requests, the evidence copies' events) are taken by one method here so that the service is fully wired.
 */
@Injectable()
class TenantCopies {
  @HandlesEvent('identity.tenant.created', 'identity.tenant.updated')
  async applyTenantChanged(event: TenantEvent): Promise<void> {
    applied.push(event.id);
  }

  @HandlesEvent(
    'identity.data-request.opened',
    'performance.performance.completed',
    'engagement.rsvp.changed',
    'engagement.family-session.attendance-marked',
  )
  async applyOtherSubscriptions(event: EventEnvelope): Promise<void> {
    applied.push(event.id);
  }

  @DeliversReminder('test.nudge')
  async nudge(reminder: ReminderRow): Promise<void> {
    delivered.push(reminder.id);
  }
}

@Injectable()
class CreatedOnly {
  @HandlesEvent('identity.tenant.created')
  async created(event: EventEnvelope): Promise<void> {
    applied.push(event.id);
  }
}

@Injectable()
class CompetingCreated {
  @HandlesEvent('identity.tenant.created')
  async alsoCreated(event: EventEnvelope): Promise<void> {
    applied.push(event.id);
  }
}

@Injectable()
class LoanListener {
  @HandlesEvent('loan.loan.started')
  async started(event: EventEnvelope): Promise<void> {
    applied.push(event.id);
  }
}

describe('MessagingModule with @HandlesEvent handlers', () => {
  const bed = new MessagingTestBed();
  let gateway: DataSource;

  const compile = async (providers: Type[]): Promise<TestingModule> => {
    await bed.database('scheduling');
    return Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: requiredTestEnv().databaseUrl,
          schema: bed.schemaFor('scheduling'),
          entities: MESSAGING_ENTITIES,
        }),
        MessagingModule.forService({ service: 'scheduling', redis: bed.redisUrl, queuePrefix: bed.queuePrefix, runWorkers: true }),
      ],
      providers,
    }).compile();
  };

  /** Nest's close() rethrows the failed bootstrap; the DataSource is closed by hand. */
  const startupError = async (providers: Type[]): Promise<string> => {
    const app = await compile(providers);
    bed.onDispose(() => app.get(DataSource).destroy());
    const error: unknown = await app.init().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  };

  beforeAll(async () => {
    gateway = await bed.database('gateway');
  });
  afterAll(() => bed.dispose());

  it('delivers a published event to the decorated method once, a redelivery is acknowledged, and a reminder reaches its deliverer', async () => {
    const app = await compile([TenantCopies]);
    bed.onDispose(() => app.close());
    await app.init();
    const relay = new OutboxRelay({
      dataSource: gateway,
      service: 'gateway',
      redis: bed.redisUrl,
      queuePrefix: bed.queuePrefix,
      logger: bed.logger,
    });
    bed.onDispose(() => relay.stop());
    relay.start();

    const tenantId = uuidv7();
    const payload = {
      version: 1 as const,
      tenantId,
      name: 'North',
      slug: 'north',
      timeZone: 'Europe/London',
      weeklyProvisionTargetMinutes: 600,
      familyLanguages: ['en'],
      familyTransportSeatLimit: 4,
    };
    const event = await gateway.transaction((manager) =>
      publishEvent(manager, { source: 'gateway', type: 'identity.tenant.updated', tenantId, payload }),
    );
    await waitFor(() => applied.includes(event.id), { description: 'the decorated handler to receive the event' });

    await expect(applyEvent(app.get(DataSource), 'scheduling', app.get(MessagingHandlers).handlers, event)).resolves.toBe(
      'already-applied',
    );
    expect(applied.filter((id) => id === event.id)).toHaveLength(1);

    const reminder = await app.get(ReminderScheduler).scheduleAndEnqueue({
      tenantId,
      kind: 'test.nudge',
      recipientId: uuidv7(),
      subjectType: 'tenant',
      subjectId: tenantId,
      dueAt: new Date(),
      payload: {},
    });
    await waitFor(() => delivered.includes(reminder.id), { description: 'the reminder to reach @DeliversReminder' });
  });

  it('refuses to start when an event the service subscribes to has no handler', async () => {
    expect(await startupError([CreatedOnly])).toContain(
      "scheduling subscribes to identity.tenant.updated but no provider method is marked @HandlesEvent('identity.tenant.updated')",
    );
  });

  it('refuses to start when two methods handle one event, naming both', async () => {
    expect(await startupError([TenantCopies, CompetingCreated])).toContain(
      'Two handlers for event identity.tenant.created: TenantCopies.applyTenantChanged and CompetingCreated.alsoCreated',
    );
  });

  it('refuses to start when a method handles an event nobody subscribes the service to', async () => {
    expect(await startupError([TenantCopies, LoanListener])).toContain(
      'LoanListener.started handles loan.loan.started, which nobody subscribes scheduling to (EVENT_SUBSCRIBERS)',
    );
  });
});

import { eventQueueOf, type EventEnvelope, type SchoolChangedV1 } from '@tutti/contracts';
import { waitFor } from '@tutti/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { publishEvent } from '../outbox/publish-event';
import { OutboxRelay } from '../relay/outbox-relay';
import { MessagingTestBed } from '../testing/messaging-test-bed';
import { EventConsumer } from './event-consumer';
import type { EventHandlers } from './event-handlers';

jest.setTimeout(30_000);

const schoolPayload = (name: string): SchoolChangedV1 => ({
  version: 1,
  schoolId: uuidv7(),
  name,
  urn: '104567',
  phase: 'primary',
});

describe('event bus: outbox → relay → BullMQ → idempotent consumer', () => {
  const bed = new MessagingTestBed();
  let scheduling: DataSource;
  let performanceEvent: DataSource;
  let consumer: EventConsumer;
  let relay: OutboxRelay;
  const tenantId = uuidv7();

  /** performance-event's own copy of schools, written by its handler; `applications` counts how often. */
  const knownSchools = (): string => `"${bed.schemaFor('performance-event')}"."known_schools"`;
  const recordSchool = async (
    event: EventEnvelope<'scheduling.school.created' | 'scheduling.school.updated'>,
    manager: EntityManager,
  ): Promise<void> => {
    await manager.query(
      `INSERT INTO ${knownSchools()} (tenant_id, school_id, name, event_id, applications)
       VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (tenant_id, school_id) DO UPDATE SET applications = ${knownSchools()}.applications + 1`,
      [event.tenantId, event.payload.schoolId, event.payload.name, event.id],
    );
  };
  const handlers: EventHandlers = { 'scheduling.school.created': recordSchool };

  const applicationsOf = async (schoolId: string): Promise<number | undefined> => {
    const rows: { applications: number }[] = await performanceEvent.query(
      `SELECT applications FROM ${knownSchools()} WHERE tenant_id = $1 AND school_id = $2`,
      [tenantId, schoolId],
    );
    return rows[0]?.applications;
  };

  beforeAll(async () => {
    scheduling = await bed.database('scheduling');
    performanceEvent = await bed.database('performance-event');
    await performanceEvent.query(`
      CREATE TABLE ${knownSchools()} (
        tenant_id uuid NOT NULL, school_id uuid NOT NULL, name text NOT NULL, event_id uuid NOT NULL,
        applications integer NOT NULL, PRIMARY KEY (tenant_id, school_id))`);
    const connection = { redis: bed.redisUrl, queuePrefix: bed.queuePrefix, logger: bed.logger };
    consumer = new EventConsumer({ ...connection, dataSource: performanceEvent, service: 'performance-event', handlers });
    relay = new OutboxRelay({ ...connection, dataSource: scheduling, service: 'scheduling', pollIntervalMs: 100 });
    bed.onDispose(() => relay.stop());
    bed.onDispose(() => consumer.close());
  });
  afterAll(() => bed.dispose());

  it('delivers an event published by scheduling to performance-event, whose handler write is committed', async () => {
    consumer.start();
    relay.start();
    const payload = schoolPayload('Faith Primary School');

    const envelope = await scheduling.transaction((manager) =>
      publishEvent(manager, { source: 'scheduling', type: 'scheduling.school.created', tenantId, payload }),
    );

    expect(await waitFor(() => applicationsOf(payload.schoolId), { description: 'the handler write' })).toBe(1);
    // The relay marks the row sent after queueing it, so the handler may have run before that commit.
    const sentAt = await waitFor(
      async () => {
        const [outboxRow]: { sent_at: Date | null }[] = await scheduling.query(
          `SELECT sent_at FROM "${bed.schemaFor('scheduling')}".outbox_events WHERE id = $1`,
          [envelope.id],
        );
        return outboxRow.sent_at ?? undefined;
      },
      { description: 'the outbox row marked sent' },
    );
    expect(sentAt).toBeInstanceOf(Date);
    // Every other subscriber of the type got its copy too (nobody consumes those queues here).
    const gatewayJob = await bed.queue(eventQueueOf('gateway')).getJob(envelope.id);
    expect(gatewayJob?.data).toEqual(envelope);
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const payload = schoolPayload('Rolled Back Primary');
    await expect(
      scheduling.transaction(async (manager) => {
        await publishEvent(manager, { source: 'scheduling', type: 'scheduling.school.created', tenantId, payload });
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');

    const rows: unknown[] = await scheduling.query(
      `SELECT id FROM "${bed.schemaFor('scheduling')}".outbox_events WHERE payload->>'schoolId' = $1`,
      [payload.schoolId],
    );
    expect(rows).toEqual([]);
  });

  it('refuses to publish outside a transaction', async () => {
    await expect(
      publishEvent(scheduling.manager, {
        source: 'scheduling',
        type: 'scheduling.school.created',
        tenantId,
        payload: schoolPayload('No Transaction Primary'),
      }),
    ).rejects.toThrow(/transaction/);
  });

  it('applies the same event once when it is delivered twice', async () => {
    consumer.start();
    const envelope: EventEnvelope<'scheduling.school.created'> = {
      id: uuidv7(),
      type: 'scheduling.school.created',
      tenantId,
      occurredAt: new Date().toISOString(),
      source: 'scheduling',
      payload: schoolPayload('Twice Delivered Primary'),
    };
    const queue = bed.queue(eventQueueOf('performance-event'));
    const first = await queue.add(envelope.type, envelope, { jobId: `${envelope.id}-first` });
    const second = await queue.add(envelope.type, envelope, { jobId: `${envelope.id}-second` });

    await waitFor(async () => (await first.isCompleted()) && (await second.isCompleted()), {
      description: 'both deliveries processed',
    });
    expect(await first.getState()).toBe('completed');
    expect(await applicationsOf(envelope.payload.schoolId)).toBe(1);
    expect(await consumer.apply(envelope)).toBe('already-applied');
    expect(await applicationsOf(envelope.payload.schoolId)).toBe(1);
  });

  it('rolls back the inbox record with a failing handler, so that the retry applies the event', async () => {
    let failuresLeft = 1;
    const flaky = new EventConsumer({
      dataSource: performanceEvent,
      service: 'performance-event',
      redis: bed.redisUrl,
      queuePrefix: bed.queuePrefix,
      logger: bed.logger,
      consumerName: 'flaky-consumer',
      handlers: {
        'scheduling.school.updated': async (event, manager) => {
          await recordSchool(event, manager);
          if (failuresLeft-- > 0) throw new Error('the handler failed half-way');
        },
      },
    });
    const envelope: EventEnvelope<'scheduling.school.updated'> = {
      id: uuidv7(),
      type: 'scheduling.school.updated',
      tenantId,
      occurredAt: new Date().toISOString(),
      source: 'scheduling',
      payload: schoolPayload('Half Way Primary'),
    };

    await expect(flaky.apply(envelope)).rejects.toThrow('the handler failed half-way');
    expect(await applicationsOf(envelope.payload.schoolId)).toBeUndefined();
    expect(await flaky.apply(envelope)).toBe('applied');
    expect(await flaky.apply(envelope)).toBe('already-applied');
    expect(await applicationsOf(envelope.payload.schoolId)).toBe(1);
  });

  it('acknowledges an event type it has no handler for', async () => {
    const envelope: EventEnvelope<'identity.tenant.updated'> = {
      id: uuidv7(),
      type: 'identity.tenant.updated',
      tenantId,
      occurredAt: new Date().toISOString(),
      source: 'gateway',
      payload: {
        version: 1,
        tenantId,
        name: 'In Harmony Liverpool',
        slug: 'liverpool',
        timeZone: 'Europe/London',
        weeklyProvisionTargetMinutes: 270,
        familyLanguages: ['en'],
        familyTransportSeatLimit: 4,
      },
    };
    expect(await consumer.apply(envelope)).toBe('no-handler');
    expect(await consumer.apply(envelope)).toBe('already-applied');
  });
});

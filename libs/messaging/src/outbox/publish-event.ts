import type { EventCatalog, EventEnvelope, EventType, ServiceName } from '@tutti/contracts';
import { currentTraceparent, writeTogether, type SqlWrite } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { schemaOfDataSource, tableOf } from '../sql';
import { isEventType } from './event-types';
import { outboxChannelOf } from './outbox-channel';
import { OutboxEventEntity } from './outbox-event.entity';

export interface PublishEventInput<T extends EventType> {
  source: ServiceName;
  type: T;
  tenantId: string;
  payload: EventCatalog[T];
}

/**
 * Records an event in the outbox inside the caller's transaction, so that the event exists if and
 * only if the change it reports was committed. The relay delivers it afterwards.
 */
export async function publishEvent<T extends EventType>(manager: EntityManager, input: PublishEventInput<T>): Promise<EventEnvelope<T>> {
  const [envelope] = await publishEvents(manager, [input]);
  return envelope as EventEnvelope<T>;
}

/** Several events in one statement (see publishEvent), answered in order. */
export async function publishEvents(
  manager: EntityManager,
  inputs: readonly PublishEventInput<EventType>[],
): Promise<EventEnvelope<EventType>[]> {
  const { writes, envelopes } = publishEventsWrites(manager, inputs);
  await writeTogether(manager, writes);
  return envelopes;
}

/** publishEvents as writes, to run with others of the same transaction (writeTogether). */
export function publishEventsWrites(
  manager: EntityManager,
  inputs: readonly PublishEventInput<EventType>[],
): { writes: SqlWrite[]; envelopes: EventEnvelope<EventType>[] } {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(
      `publishEvent(${inputs.map((input) => input.type).join(', ')}) needs the manager of the transaction that makes the change it reports`,
    );
  }
  for (const input of inputs) {
    if (!isEventType(input.type)) throw new Error(`Unknown event type '${input.type}': add it to the EventCatalog`);
  }
  if (inputs.length === 0) return { writes: [], envelopes: [] };
  const occurredAt = new Date();
  const envelopes = inputs.map((input): EventEnvelope<EventType> => ({
    id: uuidv7(),
    type: input.type,
    tenantId: input.tenantId,
    occurredAt: occurredAt.toISOString(),
    source: input.source,
    payload: input.payload,
  }));
  const recorded: SqlWrite = {
    sql: `INSERT INTO ${tableOf(manager, OutboxEventEntity)} (id, tenant_id, type, payload, source, occurred_at, traceparent)
          SELECT id, tenant_id, type, payload, source, $6, $7::text FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[]) AS e(id, tenant_id, type, payload, source)`,
    params: [
      envelopes.map((envelope) => envelope.id),
      envelopes.map((envelope) => envelope.tenantId),
      envelopes.map((envelope) => envelope.type),
      envelopes.map((envelope) => JSON.stringify(envelope.payload)),
      envelopes.map((envelope) => envelope.source),
      occurredAt,
      // The relay publishes the events as children of the span that made the change.
      currentTraceparent() ?? null,
    ],
  };
  // A wake-up for the relay (delivered on commit only) instead of its next poll.
  const wakeRelay: SqlWrite = { sql: `SELECT pg_notify($1, '')`, params: [outboxChannelOf(schemaOfDataSource(manager.dataSource))] };
  return { writes: [recorded, wakeRelay], envelopes };
}

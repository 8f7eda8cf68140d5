import type { EventCatalog, EventEnvelope, EventType, ServiceName } from '@tutti/contracts';
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
export async function publishEvent<T extends EventType>(
  manager: EntityManager,
  input: PublishEventInput<T>,
): Promise<EventEnvelope<T>> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(
      `publishEvent(${input.type}) needs the manager of the transaction that makes the change it reports`,
    );
  }
  if (!isEventType(input.type)) throw new Error(`Unknown event type '${input.type}': add it to the EventCatalog`);

  const occurredAt = new Date();
  const envelope: EventEnvelope<T> = {
    id: uuidv7(),
    type: input.type,
    tenantId: input.tenantId,
    occurredAt: occurredAt.toISOString(),
    source: input.source,
    payload: input.payload,
  };
  // One round trip: the row, and a wake-up for the relay (delivered on commit only) instead of its next poll.
  await manager.query(
    `WITH recorded AS (
       INSERT INTO ${tableOf(manager, OutboxEventEntity)} (id, tenant_id, type, payload, source, occurred_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING id)
     SELECT pg_notify($7, '') FROM recorded`,
    [
      envelope.id,
      envelope.tenantId,
      envelope.type,
      JSON.stringify(envelope.payload),
      envelope.source,
      occurredAt,
      outboxChannelOf(schemaOfDataSource(manager.dataSource)),
    ],
  );
  return envelope;
}

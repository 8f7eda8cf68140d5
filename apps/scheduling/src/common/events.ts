import type { EventCatalog, EventType } from '@tutti/contracts';
import { publishEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';

/** Records a scheduling event in the outbox, in the transaction of the change it reports. */
export async function emit<T extends EventType>(manager: EntityManager, type: T, tenantId: string, payload: EventCatalog[T]): Promise<void> {
  await publishEvent(manager, { source: 'scheduling', type, tenantId, payload });
}

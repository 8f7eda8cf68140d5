import type { EventCatalog, EventType } from '@tutti/contracts';
import { actorOf, type Identity } from '@tutti/auth';
import { publishEvent, publishEvents, type AuditContext, type AuditOrigin } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';

/** Records a scheduling event in the outbox, in the transaction of the change it reports. */
export async function emit<T extends EventType>(
  manager: EntityManager,
  type: T,
  tenantId: string,
  payload: EventCatalog[T],
): Promise<void> {
  await publishEvent(manager, { source: 'scheduling', type, tenantId, payload });
}

/** Records several scheduling events of one type in the outbox in one statement, in the transaction of the changes they report. */
export async function emitAll<T extends EventType>(
  manager: EntityManager,
  type: T,
  tenantId: string,
  payloads: readonly EventCatalog[T][],
): Promise<void> {
  await publishEvents(
    manager,
    payloads.map((payload) => ({ source: 'scheduling' as const, type, tenantId, payload })),
  );
}

/** The audit context of a scheduling request: `recordAudit(manager, auditContext(identity, origin), entries)`. */
export function auditContext(identity: Identity, origin: AuditOrigin): AuditContext {
  return { service: 'scheduling', tenantId: identity.tenantId, actor: actorOf(identity), origin };
}

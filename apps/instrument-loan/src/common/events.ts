import type { EventCatalog, EventType } from '@tutti/contracts';
import { actorOf, type Identity } from '@tutti/auth';
import { publishEvent, type AuditContext, type AuditOrigin } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';

/** Records an instrument-loan event in the outbox, in the transaction of the change it reports. */
export async function emit<T extends EventType>(
  manager: EntityManager,
  type: T,
  tenantId: string,
  payload: EventCatalog[T],
): Promise<void> {
  await publishEvent(manager, { source: 'instrument-loan', type, tenantId, payload });
}

/** The audit context of an instrument-loan request: `recordAudit(manager, auditContext(identity, origin), entries)`. */
export function auditContext(identity: Identity, origin: AuditOrigin): AuditContext {
  return { service: 'instrument-loan', tenantId: identity.tenantId, actor: actorOf(identity), origin };
}

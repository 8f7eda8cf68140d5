import { actorOf, type Identity } from '@tutti/auth';
import type { AuditContext, AuditOrigin } from '@tutti/messaging';

/** The audit context of a parent-engagement request: `recordAudit(manager, auditContext(identity, origin), entries)`. */
export function auditContext(identity: Identity, origin: AuditOrigin): AuditContext {
  return { service: 'parent-engagement', tenantId: identity.tenantId, actor: actorOf(identity), origin };
}

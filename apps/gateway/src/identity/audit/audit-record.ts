import type { Identity, Role } from '@tutti/auth';
import { effectiveGrants } from '@tutti/auth';
import type { RequestOrigin } from '../http/request-origin';

/** What the gateway records about one read or change of a staff- or family-level record. */
export interface AuditRecord {
  tenantId: string;
  actorId: string | null;
  actorRole: string | null;
  /** `read`, `list`, `create`, `update`, `delete`, `activate`, … */
  action: string;
  /** `account`, `grant`, `guardian_link`, `tenant`, … */
  subjectType: string;
  subjectId: string | null;
  ip?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Who is acting and from where, ready to be spread into an AuditRecord. */
export interface AuditActor {
  tenantId: string;
  actorId: string;
  actorRole: Role | null;
  ip: string;
  requestId: string;
}

/** The caller as an audit actor, acting in the first of `roles` they hold (or their chosen role). */
export function auditActor(identity: Identity, origin: RequestOrigin, roles: readonly Role[]): AuditActor {
  const actingRole = identity.activeRole ?? effectiveGrants(identity).find((grant) => roles.includes(grant.role))?.role ?? null;
  return { tenantId: identity.tenantId, actorId: identity.userId, actorRole: actingRole, ip: origin.ip, requestId: origin.requestId };
}

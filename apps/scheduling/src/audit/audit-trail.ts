import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuditEntryRecordedV1 } from '@tutti/contracts';
import { effectiveGrants, type Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { emit } from '../common/events';

/** Where a request came from, as the audit log records it. */
export interface AuditOrigin {
  ip: string | null;
  requestId: string | null;
}

/** What was read or changed. */
export type AuditSubject = Pick<AuditEntryRecordedV1, 'action' | 'subjectType' | 'subjectId' | 'detail'>;

/** The request's origin (the client's address behind the gateway, and the request id) for `recordAudit`. */
export const RequestOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): AuditOrigin => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { ip: request.ip ? request.ip.slice(0, 64) : null, requestId: request.id ? String(request.id).slice(0, 64) : null };
});

/**
 * Sends one audit entry per subject to the gateway's audit log, through the outbox of the caller's
 * transaction: an entry exists exactly when the read or change it reports was committed.
 */
export async function recordAudit(manager: EntityManager, identity: Identity, origin: AuditOrigin, entries: AuditSubject | AuditSubject[]): Promise<void> {
  const actorRole = identity.activeRole ?? effectiveGrants(identity)[0]?.role ?? null;
  const at = new Date().toISOString();
  for (const entry of Array.isArray(entries) ? entries : [entries]) {
    await emit(manager, 'audit.entry.recorded', identity.tenantId, {
      version: 1,
      entryId: newId(),
      actorUserId: identity.userId,
      actorRole,
      service: 'scheduling',
      requestId: origin.requestId,
      ip: origin.ip,
      at,
      ...entry,
    });
  }
}

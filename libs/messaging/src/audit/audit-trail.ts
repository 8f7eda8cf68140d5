import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuditEntryRecordedV1, ServiceName } from '@tutti/contracts';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { SqlWrite } from '@tutti/platform';
import { publishEvents, publishEventsWrites, type PublishEventInput } from '../outbox/publish-event';

/** Where a request came from, as the audit log records it. */
export interface AuditOrigin {
  ip: string | null;
  requestId: string | null;
}

/** Who read or changed something (`actorOf(identity)` in @tutti/auth builds it from a verified identity). */
export interface AuditActor {
  userId: string;
  /** Null only for an identity without any grant. */
  role: string | null;
}

/** The request an audit entry belongs to. */
export interface AuditContext {
  service: ServiceName;
  tenantId: string;
  actor: AuditActor;
  origin: AuditOrigin;
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
export async function recordAudit(
  manager: EntityManager,
  context: AuditContext,
  entries: AuditSubject | readonly AuditSubject[],
): Promise<void> {
  const subjects: readonly AuditSubject[] = Array.isArray(entries) ? entries : [entries as AuditSubject];
  await recordAudits(
    manager,
    subjects.map((subject) => ({ context, subject })),
  );
}

/** Audit entries of several requests (each its own actor and origin) in one statement, as recordAudit. */
export async function recordAudits(manager: EntityManager, entries: readonly AuditEntryInput[]): Promise<void> {
  await publishEvents(manager, auditEvents(entries));
}

/** recordAudits as writes, to run with others of the same transaction (writeTogether). */
export function recordAuditsWrites(manager: EntityManager, entries: readonly AuditEntryInput[]): SqlWrite[] {
  return publishEventsWrites(manager, auditEvents(entries)).writes;
}

export interface AuditEntryInput {
  context: AuditContext;
  subject: AuditSubject;
}

function auditEvents(entries: readonly AuditEntryInput[]): PublishEventInput<'audit.entry.recorded'>[] {
  const at = new Date().toISOString();
  return entries.map(({ context, subject }) => ({
    source: context.service,
    type: 'audit.entry.recorded' as const,
    tenantId: context.tenantId,
    payload: {
      version: 1 as const,
      entryId: uuidv7(),
      actorUserId: context.actor.userId,
      actorRole: context.actor.role,
      service: context.service,
      requestId: context.origin.requestId,
      ip: context.origin.ip,
      at,
      ...subject,
    },
  }));
}

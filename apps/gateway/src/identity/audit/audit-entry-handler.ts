import type { EventHandler } from '@tutti/messaging';
import type { AuditLogService } from './audit-log.service';

/** Records another service's `audit.entry.recorded` event in the audit log, in the consumer's transaction. */
export function auditEntryHandler(auditLog: AuditLogService): EventHandler<'audit.entry.recorded'> {
  return async (event, manager) => {
    const { entryId, actorUserId, actorRole, action, subjectType, subjectId, service, requestId, ip, at, detail } = event.payload;
    await auditLog.recordFromService(
      {
        id: entryId,
        tenantId: event.tenantId,
        service,
        occurredAt: at,
        actorId: actorUserId,
        actorRole,
        action,
        subjectType,
        subjectId,
        ip,
        requestId,
        detail: detail ?? {},
      },
      manager,
    );
  };
}

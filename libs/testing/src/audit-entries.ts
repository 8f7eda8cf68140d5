/** An audit entry a service published to its outbox (`audit.entry.recorded`), as the spec reads it back. */
export interface PublishedAuditEntry {
  source: string;
  payload: Record<string, unknown>;
}

/** The audit entries the service published about one subject in the area, oldest first. */
export async function auditEntriesAbout(
  kit: { db: { query(sql: string, parameters?: unknown[]): Promise<unknown> } },
  tenantId: string,
  subjectId: string,
): Promise<PublishedAuditEntry[]> {
  return (await kit.db.query(
    `SELECT source, payload FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->>'subjectId' = $2 ORDER BY id`,
    [tenantId, subjectId],
  )) as PublishedAuditEntry[];
}

/** Who did what to which kind of subject, from which service: `[source, actorUserId, actorRole, action, subjectType]`. */
export const auditLine = (entry: PublishedAuditEntry): unknown[] => [
  entry.source,
  entry.payload.actorUserId,
  entry.payload.actorRole,
  entry.payload.action,
  entry.payload.subjectType,
];

import { oneRow, type Queryable } from '@tutti/platform';

/** How the area's family emails are sent; version 0 while the area has not set anything. */
export interface MessageSettingsRow {
  reply_to: string | null;
  version: number;
}

export async function messageSettings(db: Queryable, tenantId: string): Promise<MessageSettingsRow> {
  return (
    (await oneRow<MessageSettingsRow>(db, 'SELECT reply_to, version FROM message_settings WHERE tenant_id = $1', [tenantId])) ?? {
      reply_to: null,
      version: 0,
    }
  );
}

/** The address a family's reply reaches (the programme office), or undefined when the area named none. */
export async function areaReplyTo(db: Queryable, tenantId: string): Promise<string | undefined> {
  return (await messageSettings(db, tenantId)).reply_to ?? undefined;
}

/** Sets the settings if still at `expectedVersion` (0: none yet); undefined when not. One conditional statement. */
export function updateMessageSettings(
  db: Queryable,
  tenantId: string,
  replyTo: string | null,
  updatedBy: string,
  expectedVersion: number,
): Promise<MessageSettingsRow | undefined> {
  if (expectedVersion === 0)
    return oneRow<MessageSettingsRow>(
      db,
      `INSERT INTO message_settings (tenant_id, reply_to, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO NOTHING RETURNING reply_to, version`,
      [tenantId, replyTo, updatedBy],
    );
  return oneRow<MessageSettingsRow>(
    db,
    `UPDATE message_settings SET reply_to = $2, updated_by = $3, updated_at = now(), version = version + 1
     WHERE tenant_id = $1 AND version = $4 RETURNING reply_to, version`,
    [tenantId, replyTo, updatedBy, expectedVersion],
  );
}

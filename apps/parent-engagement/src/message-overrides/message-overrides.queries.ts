import { oneRow, rows, type Queryable } from '@tutti/platform';

/** An area's own wording of one family message in one language. */
export interface MessageOverrideRow {
  id: string;
  language: string;
  key: string;
  message: string;
  version: number;
  updated_by: string;
  updated_at: Date;
}

const COLUMNS = 'id, language, key, message, version, updated_by, updated_at';

/** The area's overrides, in one language or all, by language then key. */
export function areaOverrides(db: Queryable, tenantId: string, language?: string): Promise<MessageOverrideRow[]> {
  return rows<MessageOverrideRow>(
    db,
    `SELECT ${COLUMNS} FROM message_overrides WHERE tenant_id = $1 AND ($2::text IS NULL OR language = $2) ORDER BY language, key`,
    [tenantId, language ?? null],
  );
}

/** The area's wording of the messages of one language, key → ICU message, as a translator takes it. */
export async function overridesOf(db: Queryable, tenantId: string, language: string): Promise<Record<string, string>> {
  const found = await rows<{ key: string; message: string }>(
    db,
    'SELECT key, message FROM message_overrides WHERE tenant_id = $1 AND language = $2',
    [tenantId, language],
  );
  return Object.fromEntries(found.map((row) => [row.key, row.message]));
}

export function overrideOf(db: Queryable, tenantId: string, language: string, key: string): Promise<MessageOverrideRow | undefined> {
  return oneRow<MessageOverrideRow>(db, `SELECT ${COLUMNS} FROM message_overrides WHERE tenant_id = $1 AND language = $2 AND key = $3`, [
    tenantId,
    language,
    key,
  ]);
}

/**
 * Writes the area's wording if the override is still at `expectedVersion` (0: there is none yet);
 * undefined when it is not. One conditional statement decides: the first write inserts only if no
 * row exists, a later one updates only the version it was based on.
 */
export function writeOverride(
  db: Queryable,
  tenantId: string,
  override: { id: string; language: string; key: string; message: string; updatedBy: string },
  expectedVersion: number,
): Promise<MessageOverrideRow | undefined> {
  if (expectedVersion === 0) {
    return oneRow<MessageOverrideRow>(
      db,
      `INSERT INTO message_overrides (tenant_id, language, key, id, message, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, language, key) DO NOTHING RETURNING ${COLUMNS}`,
      [tenantId, override.language, override.key, override.id, override.message, override.updatedBy],
    );
  }
  return oneRow<MessageOverrideRow>(
    db,
    `UPDATE message_overrides SET message = $4, updated_by = $5, updated_at = now(), version = version + 1
     WHERE tenant_id = $1 AND language = $2 AND key = $3 AND version = $6 RETURNING ${COLUMNS}`,
    [tenantId, override.language, override.key, override.message, override.updatedBy, expectedVersion],
  );
}

/** Deletes the override if it is still at `expectedVersion`; answers the deleted row, or undefined. */
export function deleteOverride(
  db: Queryable,
  tenantId: string,
  language: string,
  key: string,
  expectedVersion: number,
): Promise<MessageOverrideRow | undefined> {
  return oneRow<MessageOverrideRow>(
    db,
    `DELETE FROM message_overrides WHERE tenant_id = $1 AND language = $2 AND key = $3 AND version = $4 RETURNING ${COLUMNS}`,
    [tenantId, language, key, expectedVersion],
  );
}

/** Languages the area's families chose (primary subtags), for the missing-messages report. */
export async function familyLanguages(db: Queryable, tenantId: string): Promise<{ language: string; families: number }[]> {
  return rows<{ language: string; families: number }>(
    db,
    `SELECT lower(split_part(language, '-', 1)) AS language, count(*)::int AS families
     FROM families WHERE tenant_id = $1 GROUP BY 1 ORDER BY 1`,
    [tenantId],
  );
}

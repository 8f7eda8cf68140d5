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

/** A school's own settings; version 0 while the school has set nothing. */
export async function schoolMessageSettings(db: Queryable, tenantId: string, schoolId: string): Promise<MessageSettingsRow> {
  return (
    (await oneRow<MessageSettingsRow>(db, 'SELECT reply_to, version FROM school_message_settings WHERE tenant_id = $1 AND school_id = $2', [
      tenantId,
      schoolId,
    ])) ?? { reply_to: null, version: 0 }
  );
}

/** Sets a school's settings if still at `expectedVersion` (0: none yet); undefined when not. */
export function updateSchoolMessageSettings(
  db: Queryable,
  tenantId: string,
  schoolId: string,
  replyTo: string | null,
  updatedBy: string,
  expectedVersion: number,
): Promise<MessageSettingsRow | undefined> {
  if (expectedVersion === 0)
    return oneRow<MessageSettingsRow>(
      db,
      `INSERT INTO school_message_settings (tenant_id, school_id, reply_to, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, school_id) DO NOTHING RETURNING reply_to, version`,
      [tenantId, schoolId, replyTo, updatedBy],
    );
  return oneRow<MessageSettingsRow>(
    db,
    `UPDATE school_message_settings SET reply_to = $3, updated_by = $4, updated_at = now(), version = version + 1
     WHERE tenant_id = $1 AND school_id = $2 AND version = $5 RETURNING reply_to, version`,
    [tenantId, schoolId, replyTo, updatedBy, expectedVersion],
  );
}

/**
 * The Reply-To of a family's email about children of these schools: the school's office when they
 * are all of schools that named the same address (one school, usually), otherwise the area's
 * programme office (undefined when the area named none either). One statement.
 */
export async function replyToFor(db: Queryable, tenantId: string, schoolIds: readonly string[]): Promise<string | undefined> {
  const schools = [...new Set(schoolIds)];
  const row = await oneRow<{ school: string | null; area: string | null }>(
    db,
    `SELECT (SELECT CASE WHEN count(*) = cardinality($2::uuid[]) AND count(DISTINCT reply_to) = 1 THEN min(reply_to) END
               FROM school_message_settings
              WHERE tenant_id = $1 AND school_id = ANY($2::uuid[]) AND reply_to IS NOT NULL) AS school,
            (SELECT reply_to FROM message_settings WHERE tenant_id = $1) AS area`,
    [tenantId, schools],
  );
  return row?.school ?? row?.area ?? undefined;
}

/** The schools a family's message about a performance concerns: its children's on their reply or bus bookings for it, else all its children's. */
export async function familySchoolsForPerformance(
  db: Queryable,
  tenantId: string,
  guardianId: string,
  performanceId: string,
): Promise<string[]> {
  const row = await oneRow<{ school_ids: string[] }>(
    db,
    `SELECT COALESCE(
              (SELECT array_agg(DISTINCT s.school_id) FROM (
                 SELECT unnest(v.school_ids) FROM rsvps v WHERE v.tenant_id = $1 AND v.guardian_id = $2 AND v.performance_id = $3
                 UNION
                 SELECT unnest(b.school_ids) FROM transport_bookings b
                   JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
                  WHERE b.tenant_id = $1 AND b.guardian_id = $2 AND r.performance_id = $3) AS s(school_id)),
              (SELECT array_agg(DISTINCT school_id) FROM family_children WHERE tenant_id = $1 AND guardian_id = $2),
              '{}') AS school_ids`,
    [tenantId, guardianId, performanceId],
  );
  return row?.school_ids ?? [];
}

/** The school of a pupil, as the family links know it (empty when unknown). */
export async function pupilSchools(db: Queryable, tenantId: string, pupilId: string): Promise<string[]> {
  const row = await oneRow<{ school_ids: string[] }>(
    db,
    `SELECT COALESCE(array_agg(DISTINCT school_id), '{}') AS school_ids FROM family_children WHERE tenant_id = $1 AND pupil_id = $2`,
    [tenantId, pupilId],
  );
  return row?.school_ids ?? [];
}

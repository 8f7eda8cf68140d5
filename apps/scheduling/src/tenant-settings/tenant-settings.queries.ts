import { oneRow, type Queryable } from '@tutti/platform';

/** What scheduling keeps of an area, as the gateway announced it at `updatedAt`. */
export interface TenantSettingsFields {
  name: string;
  timeZone: string;
  weeklyProvisionTargetMinutes: number;
  updatedAt: string;
}

/** Writes the area's settings unless a later announcement has been written already (events may arrive out of order). */
export async function upsertTenantSettings(db: Queryable, tenantId: string, settings: TenantSettingsFields): Promise<void> {
  await db.query(
    `INSERT INTO tenant_settings (tenant_id, name, time_zone, weekly_provision_target_minutes, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
       weekly_provision_target_minutes = excluded.weekly_provision_target_minutes, updated_at = excluded.updated_at
     WHERE tenant_settings.updated_at <= excluded.updated_at`,
    [tenantId, settings.name, settings.timeZone, settings.weeklyProvisionTargetMinutes, settings.updatedAt],
  );
}

/** The area's weekly provision target in minutes (0 until the gateway has announced the area). */
export async function weeklyProvisionTarget(db: Queryable, tenantId: string): Promise<number> {
  const settings = await oneRow<{ target: number }>(
    db,
    'SELECT weekly_provision_target_minutes AS target FROM tenant_settings WHERE tenant_id = $1',
    [tenantId],
  );
  return settings?.target ?? 0;
}

/** The area's time zone, or undefined until the gateway has announced the area. */
export async function tenantTimeZone(db: Queryable, tenantId: string): Promise<string | undefined> {
  const settings = await oneRow<{ timeZone: string }>(db, 'SELECT time_zone AS "timeZone" FROM tenant_settings WHERE tenant_id = $1', [
    tenantId,
  ]);
  return settings?.timeZone;
}

import { oneRow, type Queryable } from '@tutti/platform';

/** Until the area's first tenant event arrives (and where its settings leave them out), these apply. */
export const DEFAULT_FAMILY_TRANSPORT_SEAT_LIMIT = 4;
export const DEFAULT_WAITLIST_OFFER_MINUTES = 120;
export const DEFAULT_TIME_ZONE = 'Europe/London';

export interface TenantSettingsRow {
  family_transport_seat_limit: number;
  waitlist_offer_minutes: number;
  time_zone: string;
}

export function tenantSettingsRow(db: Queryable, tenantId: string): Promise<TenantSettingsRow | undefined> {
  return oneRow<TenantSettingsRow>(
    db,
    'SELECT family_transport_seat_limit, waitlist_offer_minutes, time_zone FROM tenant_settings WHERE tenant_id = $1',
    [tenantId],
  );
}

/** The gateway's settings of the area as of `eventAt`, unless a newer event's are already kept. */
export async function applyTenantSettings(
  db: Queryable,
  tenantId: string,
  settings: { familyTransportSeatLimit: number; timeZone: string; eventAt: string },
): Promise<void> {
  await db.query(
    `INSERT INTO tenant_settings (tenant_id, family_transport_seat_limit, time_zone, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id) DO UPDATE SET family_transport_seat_limit = EXCLUDED.family_transport_seat_limit,
       time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at
     WHERE tenant_settings.updated_at <= EXCLUDED.updated_at`,
    [tenantId, settings.familyTransportSeatLimit, settings.timeZone, settings.eventAt],
  );
}

import type { EventEnvelope } from '@tutti/contracts';
import type { EventHandlers } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';

/** Keeps the area's name, time zone and provision target as the gateway last announced them. */
export async function applyTenantChanged(event: EventEnvelope<'identity.tenant.created' | 'identity.tenant.updated'>, manager: EntityManager): Promise<void> {
  const tenant = event.payload;
  await manager.query(
    `INSERT INTO tenant_settings (tenant_id, name, time_zone, weekly_provision_target_minutes, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
       weekly_provision_target_minutes = excluded.weekly_provision_target_minutes, updated_at = excluded.updated_at
     WHERE tenant_settings.updated_at <= excluded.updated_at`,
    [tenant.tenantId, tenant.name, tenant.timeZone, tenant.weeklyProvisionTargetMinutes, event.occurredAt],
  );
}

export const SCHEDULING_EVENT_HANDLERS: EventHandlers = {
  'identity.tenant.created': applyTenantChanged,
  'identity.tenant.updated': applyTenantChanged,
};

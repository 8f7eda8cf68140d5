import type { EventEnvelope } from '@tutti/contracts';
import type { EventHandlers } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { upsertTenantSettings } from './tenant-settings.queries';

/** Keeps the area's name, time zone and provision target as the gateway last announced them. */
export async function applyTenantChanged(event: EventEnvelope<'identity.tenant.created' | 'identity.tenant.updated'>, manager: EntityManager): Promise<void> {
  const tenant = event.payload;
  await upsertTenantSettings(manager, tenant.tenantId, {
    name: tenant.name,
    timeZone: tenant.timeZone,
    weeklyProvisionTargetMinutes: tenant.weeklyProvisionTargetMinutes,
    updatedAt: event.occurredAt,
  });
}

export const SCHEDULING_EVENT_HANDLERS: EventHandlers = {
  'identity.tenant.created': applyTenantChanged,
  'identity.tenant.updated': applyTenantChanged,
};

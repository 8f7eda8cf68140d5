import type { EventEnvelope, TenantChangedV1 } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import type { DataSource } from 'typeorm';
import { applyTenantChanged } from '../tenant-settings/tenant-settings.handlers';

/** Tells scheduling about an area as the gateway's `identity.tenant.created` would (name, time zone, provision target). */
export async function announceTenant(db: DataSource, tenantId: string, settings: Partial<Omit<TenantChangedV1, 'version' | 'tenantId'>> = {}): Promise<void> {
  const event: EventEnvelope<'identity.tenant.created'> = {
    id: newId(),
    type: 'identity.tenant.created',
    tenantId,
    occurredAt: new Date().toISOString(),
    source: 'gateway',
    payload: { version: 1, tenantId, name: 'Test Area', slug: 'test', timeZone: 'Europe/London', weeklyProvisionTargetMinutes: 60, familyLanguages: ['en'], familyTransportSeatLimit: 4, ...settings },
  };
  await db.transaction((manager) => applyTenantChanged(event, manager));
}

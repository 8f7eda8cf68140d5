import type { TenantChangedV1 } from '@tutti/contracts';
import { publishEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { insertTenant, type TenantRow } from './tenants.queries';

/** What the services keep of an area (identity.tenant.created / updated). */
export function tenantChangedPayload(
  tenant: Pick<
    TenantRow,
    'id' | 'name' | 'slug' | 'timeZone' | 'weeklyProvisionTargetMinutes' | 'familyLanguages' | 'familyTransportSeatLimit'
  >,
): TenantChangedV1 {
  return {
    version: 1,
    tenantId: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    timeZone: tenant.timeZone,
    weeklyProvisionTargetMinutes: tenant.weeklyProvisionTargetMinutes,
    familyLanguages: tenant.familyLanguages,
    familyTransportSeatLimit: tenant.familyTransportSeatLimit,
  };
}

/** Records the area as it now is for the services, in the transaction that changed it. */
export async function publishTenantChanged(
  manager: EntityManager,
  type: 'identity.tenant.created' | 'identity.tenant.updated',
  tenant: TenantRow,
): Promise<void> {
  await publishEvent(manager, { source: 'gateway', type, tenantId: tenant.id, payload: tenantChangedPayload(tenant) });
}

export type NewTenant = Pick<TenantRow, 'id' | 'slug' | 'name' | 'weeklyProvisionTargetMinutes' | 'familyTransportSeatLimit'> &
  Partial<Pick<TenantRow, 'timeZone' | 'familyLanguages'>>;

/** Creates an area and tells the services (identity.tenant.created), in the caller's transaction. */
export async function createTenant(manager: EntityManager, input: NewTenant): Promise<TenantRow> {
  const tenant = await insertTenant(manager, { timeZone: 'Europe/London', familyLanguages: ['en'], ...input });
  await publishTenantChanged(manager, 'identity.tenant.created', tenant);
  return tenant;
}

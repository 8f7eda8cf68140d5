import type { TenantChangedV1 } from '@tutti/contracts';
import { MESSAGING_ENTITIES, publishEvents } from '@tutti/messaging';
import { serviceDataSourceOptions } from '@tutti/platform';
import { DataSource } from 'typeorm';
import type { DemoArea } from './demo/areas';
import { tenantIdOf } from './seed-ids';

const TIME_ZONE = 'Europe/London';

/**
 * The demo areas, created as the gateway creates an area (apps/gateway/src/tenants/tenant-events.ts;
 * seeds may not import an app): each new tenant row and its identity.tenant.created event in the
 * gateway's outbox, in one transaction. The services learn the areas' settings from the relay once
 * they run, as they would any area's; nothing writes their copies directly.
 */
export async function seedTenants(gatewayUrl: string, areas: DemoArea[]): Promise<number> {
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      service: 'gateway',
      url: gatewayUrl,
      entities: MESSAGING_ENTITIES,
      migrations: [],
      poolSize: 1,
      applicationName: 'tutti-seeds',
    }),
  );
  await dataSource.initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      const created: TenantChangedV1[] = [];
      for (const area of areas) {
        const tenant: TenantChangedV1 = {
          version: 1,
          tenantId: tenantIdOf(area),
          name: area.name,
          slug: area.slug,
          timeZone: TIME_ZONE,
          weeklyProvisionTargetMinutes: area.weeklyProvisionTargetMinutes,
          familyLanguages: area.familyLanguages,
          familyTransportSeatLimit: area.familyTransportSeatLimit,
        };
        const inserted: unknown[] = await manager.query(
          `INSERT INTO tenants (id, slug, name, time_zone, weekly_provision_target_minutes, family_languages, family_transport_seat_limit)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            tenant.tenantId,
            tenant.slug,
            tenant.name,
            tenant.timeZone,
            tenant.weeklyProvisionTargetMinutes,
            tenant.familyLanguages,
            tenant.familyTransportSeatLimit,
          ],
        );
        if (inserted.length > 0) created.push(tenant);
      }
      await publishEvents(
        manager,
        created.map((payload) => ({
          source: 'gateway' as const,
          type: 'identity.tenant.created' as const,
          tenantId: payload.tenantId,
          payload,
        })),
      );
      return created.length;
    });
  } finally {
    await dataSource.destroy();
  }
}

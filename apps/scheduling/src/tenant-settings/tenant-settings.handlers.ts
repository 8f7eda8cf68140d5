import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { upsertTenantSettings } from './tenant-settings.queries';

@Injectable()
export class TenantSettingsHandlers {
  /** Keeps the area's name, time zone and provision target as the gateway last announced them. */
  @HandlesEvent('identity.tenant.created', 'identity.tenant.updated')
  async applyTenantChanged(
    event: EventEnvelope<'identity.tenant.created' | 'identity.tenant.updated'>,
    manager: EntityManager,
  ): Promise<void> {
    const tenant = event.payload;
    await upsertTenantSettings(manager, tenant.tenantId, {
      name: tenant.name,
      timeZone: tenant.timeZone,
      weeklyProvisionTargetMinutes: tenant.weeklyProvisionTargetMinutes,
      updatedAt: event.occurredAt,
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { oneRow } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

export const DEFAULT_FAMILY_TRANSPORT_SEAT_LIMIT = 4;
export const DEFAULT_TIME_ZONE = 'Europe/London';

export interface TenantSettings {
  familyTransportSeatLimit: number;
  waitlistOfferMinutes: number;
  timeZone: string;
}

/** The area settings parent engagement needs, kept from the gateway's tenant events (defaults until one arrives). */
@Injectable()
export class TenantSettingsService {
  async settingsOf(manager: Pick<EntityManager, 'query'>, tenantId: string): Promise<TenantSettings> {
    const row = await oneRow<{ family_transport_seat_limit: number; waitlist_offer_minutes: number; time_zone: string }>(
      manager,
      'SELECT family_transport_seat_limit, waitlist_offer_minutes, time_zone FROM tenant_settings WHERE tenant_id = $1',
      [tenantId],
    );
    return {
      familyTransportSeatLimit: row?.family_transport_seat_limit ?? DEFAULT_FAMILY_TRANSPORT_SEAT_LIMIT,
      waitlistOfferMinutes: row?.waitlist_offer_minutes ?? 120,
      timeZone: row?.time_zone ?? DEFAULT_TIME_ZONE,
    };
  }

  async applyTenantChanged(event: EventEnvelope<'identity.tenant.created' | 'identity.tenant.updated'>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO tenant_settings (tenant_id, family_transport_seat_limit, time_zone, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET family_transport_seat_limit = EXCLUDED.family_transport_seat_limit,
         time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at
       WHERE tenant_settings.updated_at <= EXCLUDED.updated_at`,
      [event.tenantId, event.payload.familyTransportSeatLimit, event.payload.timeZone, event.occurredAt],
    );
  }
}

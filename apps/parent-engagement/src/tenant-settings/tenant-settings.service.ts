import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import {
  applyTenantSettings,
  DEFAULT_FAMILY_TRANSPORT_SEAT_LIMIT,
  DEFAULT_TIME_ZONE,
  DEFAULT_WAITLIST_OFFER_MINUTES,
  tenantSettingsRow,
} from './tenant-settings.queries';

export interface TenantSettings {
  familyTransportSeatLimit: number;
  waitlistOfferMinutes: number;
  timeZone: string;
}

/** The area settings parent engagement needs, kept from the gateway's tenant events (defaults until one arrives). */
@Injectable()
export class TenantSettingsService {
  async settingsOf(manager: Pick<EntityManager, 'query'>, tenantId: string): Promise<TenantSettings> {
    const row = await tenantSettingsRow(manager, tenantId);
    return {
      familyTransportSeatLimit: row?.family_transport_seat_limit ?? DEFAULT_FAMILY_TRANSPORT_SEAT_LIMIT,
      waitlistOfferMinutes: row?.waitlist_offer_minutes ?? DEFAULT_WAITLIST_OFFER_MINUTES,
      timeZone: row?.time_zone ?? DEFAULT_TIME_ZONE,
    };
  }

  @HandlesEvent('identity.tenant.created', 'identity.tenant.updated')
  async applyTenantChanged(
    event: EventEnvelope<'identity.tenant.created' | 'identity.tenant.updated'>,
    manager: EntityManager,
  ): Promise<void> {
    await applyTenantSettings(manager, event.tenantId, {
      familyTransportSeatLimit: event.payload.familyTransportSeatLimit,
      timeZone: event.payload.timeZone,
      eventAt: event.occurredAt,
    });
  }
}

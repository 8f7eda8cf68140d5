import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventEnvelope, TenantChangedV1 } from '@tutti/contracts';
import { MessagingHandlers } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { DataSource } from 'typeorm';

/** Tells scheduling about an area as the gateway's `identity.tenant.created` would (name, time zone, provision target), through the app's own handler. */
export async function announceTenant(
  app: NestFastifyApplication,
  tenantId: string,
  settings: Partial<Omit<TenantChangedV1, 'version' | 'tenantId'>> = {},
): Promise<void> {
  const event: EventEnvelope<'identity.tenant.created'> = {
    id: newId(),
    type: 'identity.tenant.created',
    tenantId,
    occurredAt: new Date().toISOString(),
    source: 'gateway',
    payload: {
      version: 1,
      tenantId,
      name: 'Test Area',
      slug: 'test',
      timeZone: 'Europe/London',
      weeklyProvisionTargetMinutes: 60,
      familyLanguages: ['en'],
      familyTransportSeatLimit: 4,
      ...settings,
    },
  };
  const handler = app.get(MessagingHandlers).handlers['identity.tenant.created'];
  if (!handler) throw new Error('scheduling has no handler for identity.tenant.created');
  await app.get(DataSource).transaction((manager) => handler(event, manager));
}

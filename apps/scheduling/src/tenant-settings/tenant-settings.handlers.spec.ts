import type { EventEnvelope } from '@tutti/contracts';
import { EventConsumer, MessagingHandlers } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

describe('tenant settings from the gateway’s tenant events', () => {
  const kit = useSchedulingTestKit();
  let consumer: EventConsumer;
  const tenantId = newTenantId();

  const tenantEvent = (
    type: 'identity.tenant.created' | 'identity.tenant.updated',
    target: number,
    occurredAt: string,
  ): EventEnvelope<typeof type> => ({
    id: newId(),
    type,
    tenantId,
    occurredAt,
    source: 'gateway',
    payload: {
      version: 1,
      tenantId,
      name: 'Area',
      slug: 'area',
      timeZone: 'Europe/London',
      weeklyProvisionTargetMinutes: target,
      familyLanguages: ['en'],
      familyTransportSeatLimit: 4,
    },
  });
  const target = async () =>
    (await kit.db.query('SELECT weekly_provision_target_minutes AS target FROM tenant_settings WHERE tenant_id = $1', [tenantId]))[0]
      ?.target;

  beforeAll(async () => {
    consumer = new EventConsumer({
      dataSource: kit.db,
      service: 'scheduling',
      redis: process.env.REDIS_URL ?? '',
      handlers: kit.app.get(MessagingHandlers).handlers,
    });
  });

  it('applies each event once and never lets an older update win', async () => {
    const created = tenantEvent('identity.tenant.created', 240, '2026-11-01T10:00:00Z');
    expect(await consumer.apply(created)).toBe('applied');
    expect(await consumer.apply(created)).toBe('already-applied');
    expect(await target()).toBe(240);
    await consumer.apply(tenantEvent('identity.tenant.updated', 300, '2026-11-03T10:00:00Z'));
    await consumer.apply(tenantEvent('identity.tenant.updated', 180, '2026-11-02T10:00:00Z'));
    expect(await target()).toBe(300);
  });
});

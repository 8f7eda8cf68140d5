import type { EventEnvelope, ServiceName } from '@tutti/contracts';
import { EventConsumer, type EventApplication } from './event-consumer';
import type { EventHandlers } from './event-handlers';
import type { DataSource } from 'typeorm';

/**
 * Applies one event exactly as the service's consumer would (recorded as processed in the same
 * transaction as the handler's writes, after-commit work run), without going through Redis:
 * for tests and replays.
 */
export function applyEvent(
  dataSource: DataSource,
  service: ServiceName,
  handlers: EventHandlers,
  event: EventEnvelope,
): Promise<EventApplication> {
  return new EventConsumer({ dataSource, service, redis: 'redis://127.0.0.1:1', handlers }).apply(event);
}

import type { ServiceName } from '../services';
import type { EventCatalog } from './catalog';

export type EventType = keyof EventCatalog & string;

/** What travels on the bus: the payload plus what every consumer needs to stay idempotent and tenant-safe. */
export interface EventEnvelope<T extends EventType = EventType> {
  /** UUIDv7 of the outbox row; consumers remember it to apply each event once. */
  id: string;
  type: T;
  tenantId: string;
  /** ISO 8601, UTC. */
  occurredAt: string;
  source: ServiceName;
  payload: EventCatalog[T];
}

/** `<service>.<entity>.<past-tense verb>`, e.g. `performance.performance.rescheduled`. */
export const EVENT_TYPE_PATTERN = /^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/;

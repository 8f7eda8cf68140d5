import type { EventEnvelope, EventType } from '@tutti/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Applies one event using the manager of the transaction that also records it as processed. Jobs
 * for reminders it writes are queued with `afterCommit(manager, …)`, once that transaction commits.
 */
export type EventHandler<T extends EventType> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;

/** A service's handlers, at most one per event type; types it does not handle are acknowledged. */
export type EventHandlers = { readonly [T in EventType]?: EventHandler<T> };

export function handlerFor<T extends EventType>(handlers: EventHandlers, event: EventEnvelope<T>): EventHandler<T> | undefined {
  return handlers[event.type];
}

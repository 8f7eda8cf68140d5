import type { EventEnvelope, EventType } from '@tutti/contracts';
import type { EntityManager } from 'typeorm';

export interface EventHandlerContext {
  /**
   * Runs `work` once the handler's transaction has committed, e.g. to queue jobs for rows the
   * handler wrote (`ReminderScheduler.syncJobs`). A failure there is logged, not retried: the
   * event is applied by then, so such work must be recoverable on its own (the reminder sweeper).
   */
  afterCommit(work: () => Promise<void>): void;
}

/** Applies one event using the manager of the transaction that also records it as processed. */
export type EventHandler<T extends EventType> = (
  event: EventEnvelope<T>,
  manager: EntityManager,
  context: EventHandlerContext,
) => Promise<void>;

/** A service's handlers, at most one per event type; types it does not handle are acknowledged. */
export type EventHandlers = { readonly [T in EventType]?: EventHandler<T> };

export function handlerFor<T extends EventType>(
  handlers: EventHandlers,
  event: EventEnvelope<T>,
): EventHandler<T> | undefined {
  return handlers[event.type];
}

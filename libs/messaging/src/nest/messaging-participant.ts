import type { EventType } from '@tutti/contracts';
import type { EventHandler, EventHandlers } from '../consumer/event-handlers';
import { KNOWN_EVENT_TYPES } from '../outbox/event-types';
import type { ReminderDeliverer, ReminderDeliverers } from '../reminders/reminder-deliverer';

/**
 * A provider of the app's own modules that contributes event handlers or reminder deliverers,
 * with whatever it injects (ReminderScheduler, repositories…). List its class in
 * `MessagingModule.forService({ participants })`.
 */
export interface MessagingParticipant {
  eventHandlers?(): EventHandlers;
  reminderDeliverers?(): ReminderDeliverers;
}

export interface NamedContribution {
  /** Who contributed it, for the error when two claim the same event type or reminder kind. */
  from: string;
  handlers?: EventHandlers;
  deliverers?: ReminderDeliverers;
}

type MutableEventHandlers = { [T in EventType]?: EventHandler<T> };

/** One handler per event type and one deliverer per reminder kind, or the app refuses to start. */
export function mergeContributions(contributions: readonly NamedContribution[]): {
  handlers: EventHandlers;
  deliverers: ReminderDeliverers;
} {
  const handlers: MutableEventHandlers = {};
  const handlerOwners = new Map<EventType, string>();
  const deliverers: Record<string, ReminderDeliverer> = {};
  const delivererOwners = new Map<string, string>();

  for (const contribution of contributions) {
    for (const type of KNOWN_EVENT_TYPES) {
      if (!contribution.handlers?.[type]) continue;
      const owner = handlerOwners.get(type);
      if (owner) throw new Error(`Two handlers for event ${type}: ${owner} and ${contribution.from}`);
      handlerOwners.set(type, contribution.from);
      copyHandler(type, contribution.handlers, handlers);
    }
    for (const [kind, deliverer] of Object.entries(contribution.deliverers ?? {})) {
      const owner = delivererOwners.get(kind);
      if (owner) throw new Error(`Two deliverers for reminder kind ${kind}: ${owner} and ${contribution.from}`);
      delivererOwners.set(kind, contribution.from);
      deliverers[kind] = deliverer;
    }
  }
  return { handlers, deliverers };
}

function copyHandler<T extends EventType>(type: T, from: EventHandlers, into: MutableEventHandlers): void {
  const handler = from[type];
  if (handler) into[type] = handler;
}

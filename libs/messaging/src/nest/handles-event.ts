import { SetMetadata } from '@nestjs/common';
import type { EventType } from '@tutti/contracts';
import type { EventHandler } from '../consumer/event-handlers';
import type { ReminderDeliverer } from '../reminders/reminder-deliverer';

export const HANDLES_EVENT = 'tutti:messaging:handles-event';
export const DELIVERS_REMINDER = 'tutti:messaging:delivers-reminder';

/**
 * Marks a provider's method as this service's handler of the named events (one method may handle
 * several, e.g. created and updated). The method receives the event typed by the catalogue and the
 * manager of the transaction that records it as processed.
 * MessagingModule finds it at start-up and refuses to start on a missing, doubled or unsubscribed
 * handler (EVENT_SUBSCRIBERS).
 */
export function HandlesEvent<T extends EventType>(...types: [T, ...T[]]) {
  const mark = SetMetadata(HANDLES_EVENT, types);
  return <M extends EventHandler<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    mark(target, key, descriptor);
  };
}

/** Marks a provider's method as what delivering a reminder of the named kinds means. */
export function DeliversReminder(...kinds: [string, ...string[]]) {
  const mark = SetMetadata(DELIVERS_REMINDER, kinds);
  return <M extends ReminderDeliverer['deliver']>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    mark(target, key, descriptor);
  };
}

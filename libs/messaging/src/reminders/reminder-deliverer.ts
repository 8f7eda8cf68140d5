import type { ReminderRow } from './reminder-row';

/**
 * What "sending" a reminder of one kind means (an email, a push notification…), decided by the app.
 *
 * Delivery is at-least-once at the edge: a worker killed after the provider accepted the message
 * but before the row was marked sent leaves the row 'sending'; when its lease runs out the sweeper
 * puts it back and it is sent again. Pass `reminder.id` to the provider as an idempotency key
 * (an email's Message-ID, a push API's idempotency header) so that the provider can drop the
 * duplicate. Finish (or time out) well within the worker's lease.
 */
export interface ReminderDeliverer {
  deliver(reminder: ReminderRow): Promise<void>;
}

/** Deliverers by reminder kind. */
export type ReminderDeliverers = Readonly<Record<string, ReminderDeliverer>>;

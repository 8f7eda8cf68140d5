import type { ReminderRow } from './reminder-row';

/**
 * What "sending" a reminder of one kind means (an email, a push notification…), decided by the app.
 *
 * Delivery is at-least-once at the edge: a worker killed after the provider accepted the message
 * but before the row was marked sent leaves the row 'sending'; when its lease runs out (a lease
 * renewed while the worker lives, so within about a minute of its death) the sweeper puts it back
 * and it is sent again. No ordering of "send" and "mark sent" closes that gap: the provider's
 * acceptance and PostgreSQL's commit cannot be one transaction. So pass `reminderDeliveryKey()`
 * to the provider (an email's Message-ID, an SMS or push API's idempotency key), so that the
 * second send is recognisably the same message and a provider or mail client can fold it. Time
 * out on a provider that hangs: the worker keeps renewing the claim while `deliver` runs.
 */
export interface ReminderDeliverer {
  deliver(reminder: ReminderRow): Promise<void>;
}

/** Deliverers by reminder kind. */
export type ReminderDeliverers = Readonly<Record<string, ReminderDeliverer>>;

/**
 * What a reminder's delivery is known by at the provider: the same for every attempt at one due
 * time (a resend after a worker died mid-send is the same message), new for a new due time (a
 * moved pick-up is news). For an email's Message-ID: `<${reminderDeliveryKey(reminder)}@domain>`.
 */
export function reminderDeliveryKey(reminder: Pick<ReminderRow, 'id' | 'dueAt'>): string {
  return `reminder-${reminder.id}-${reminder.dueAt.getTime()}`;
}

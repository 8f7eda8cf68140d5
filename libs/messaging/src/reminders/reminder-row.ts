export const REMINDER_STATUSES = ['scheduled', 'sending', 'sent', 'cancelled', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** Whatever the deliverer needs beyond the ids (template variables…); stored as jsonb. */
export type ReminderPayload = { readonly [key: string]: unknown };

export interface ReminderRow {
  id: string;
  tenantId: string;
  /** Chooses the deliverer, e.g. `performance.day-before`. */
  kind: string;
  recipientId: string;
  /** What the reminder is about, e.g. `performance` + its id: moving or cancelling it moves or cancels its reminders. */
  subjectType: string;
  subjectId: string;
  dueAt: Date;
  status: ReminderStatus;
  payload: ReminderPayload;
  /** Delivery attempts so far (each claim counts one). */
  attempts: number;
  lastError: string | null;
  claimedUntil: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The `reminders` row as node-postgres returns it. */
export interface ReminderRecord {
  id: string;
  tenant_id: string;
  kind: string;
  recipient_id: string;
  subject_type: string;
  subject_id: string;
  due_at: Date;
  status: ReminderStatus;
  payload: ReminderPayload;
  attempts: number;
  last_error: string | null;
  claimed_until: Date | null;
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toReminderRow(record: ReminderRecord): ReminderRow {
  return {
    id: record.id,
    tenantId: record.tenant_id,
    kind: record.kind,
    recipientId: record.recipient_id,
    subjectType: record.subject_type,
    subjectId: record.subject_id,
    dueAt: record.due_at,
    status: record.status,
    payload: record.payload,
    attempts: record.attempts,
    lastError: record.last_error,
    claimedUntil: record.claimed_until,
    sentAt: record.sent_at,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  };
}

import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReminderPayload, ReminderStatus } from './reminder-row';

/** A reminder is data: what, to whom, when, about what, and where it stands. See `reminder-row.ts`. */
@Entity({ name: 'reminders' })
@Check('CHK_reminders_status', `"status" IN ('scheduled', 'sending', 'sent', 'cancelled', 'failed')`)
@Index('IDX_reminders_subject', ['tenantId', 'subjectType', 'subjectId'])
@Index('IDX_reminders_due', ['dueAt', 'id'], { where: `"status" IN ('scheduled', 'sending')` })
export class ReminderEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reminders' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** Millisecond precision, so that the due time in a job id and in the row compare equal. */
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Column({ type: 'text', default: () => "'scheduled'" })
  status: ReminderStatus;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: ReminderPayload;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** While 'sending': the lease after which the sweeper presumes the worker dead. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** The W3C traceparent of the span that scheduled or last moved it (null when tracing is off): its send continues that trace. */
  @Column({ type: 'text', nullable: true })
  traceparent: string | null;
}

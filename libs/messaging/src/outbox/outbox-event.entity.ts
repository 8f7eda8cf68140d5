import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One domain event, written in the same transaction as the change it reports and relayed to the
 * subscribers' queues afterwards. No schema here: each service's DataSource supplies its own.
 */
@Entity({ name: 'outbox_events' })
@Index('IDX_outbox_events_unsent', ['id'], { where: '"sent_at" IS NULL' })
export class OutboxEventEntity {
  /** UUIDv7: ordering by id is ordering by time, which the relay relies on. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_outbox_events' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Failed relay attempts (Redis unreachable…), with the last error, for whoever investigates. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The W3C traceparent of the span that published it (null when tracing is off): the relay continues that trace. */
  @Column({ type: 'text', nullable: true })
  traceparent: string | null;
}

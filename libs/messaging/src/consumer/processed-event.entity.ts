import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The consumer's memory of applied events: a row is inserted in the same transaction as the
 * handler's writes, so an event delivered twice is applied once.
 */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  /** Leads the key (DESIGN rule 2), so the table can be distributed by tenant alongside the handler's rows. */
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid', primaryKeyConstraintName: 'PK_processed_events' })
  tenantId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_processed_events' })
  consumer: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_processed_events' })
  eventId: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}

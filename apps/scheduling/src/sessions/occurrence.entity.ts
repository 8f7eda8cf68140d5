import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('occurrences')
export class Occurrence {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('uuid', { name: 'ensemble_id' }) ensembleId: string;
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId: string | null;
  @Column('uuid', { name: 'room_id', nullable: true }) roomId: string | null;
  @Column('date', { name: 'local_date' }) localDate: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;
  @Column('text') status: 'scheduled' | 'cancelled';
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('timestamptz', { name: 'moved_from', nullable: true }) movedFrom: Date | null;
  @Column('boolean', { name: 'clash_override' }) clashOverride: boolean;
  /** Set when a register is first submitted: the session was delivered. */
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  /** Raised by every edit; its ETag, which an edit must name in If-Match. */
  @Column('integer') version: number;
}

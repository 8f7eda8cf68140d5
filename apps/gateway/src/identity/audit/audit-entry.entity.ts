import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of the append-only audit log. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  /** The service that read or changed the record. */
  @Column('text')
  service: string;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole: string | null;

  /** `read`, `list`, `create`, `update`, `delete`, … */
  @Column('text')
  action: string;

  /** `account`, `grant`, `guardian_link`, `pupil`, `family`, `staff`, … */
  @Column('text', { name: 'subject_type' })
  subjectType: string;

  @Column('uuid', { name: 'subject_id', nullable: true })
  subjectId: string | null;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('text', { name: 'request_id', nullable: true })
  requestId: string | null;

  @Column('jsonb')
  detail: Record<string, unknown>;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const SCHOOL_PHASES = ['primary', 'infant', 'junior', 'secondary', 'all_through', 'special'] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

@Entity('schools')
@Index(['tenantId', 'name'])
export class School {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('text')
  name: string;

  /** DfE unique reference number (six or seven digits), where the school has one. */
  @Column('text', { nullable: true })
  urn: string | null;

  @Column('text')
  phase: SchoolPhase;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Raised by every edit; its ETag, which an edit must name in If-Match. */
  @Column('integer')
  version: number;
}

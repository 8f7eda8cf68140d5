import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ENSEMBLE_KINDS = ['whole_class', 'choir', 'orchestra', 'band', 'staff_ensemble', 'family_ensemble'] as const;
export type EnsembleKind = (typeof ENSEMBLE_KINDS)[number];
export const STRANDS = ['curriculum', 'after_school', 'weekend', 'holiday'] as const;
export type Strand = (typeof STRANDS)[number];

@Entity('ensembles')
export class Ensemble {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  /** Null for an area-wide ensemble drawing members from several schools. */
  @Column('uuid', { name: 'school_id', nullable: true }) schoolId: string | null;
  @Column('text') name: string;
  @Column('text') kind: EnsembleKind;
  @Column('text') strand: Strand;
  @Column('text', { nullable: true }) level: string | null;
  /** Raised by every edit; its ETag, which an edit must name in If-Match. */
  @Column('integer') version: number;
}

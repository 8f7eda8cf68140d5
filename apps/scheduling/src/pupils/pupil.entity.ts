import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PUPIL_STATUSES = ['active', 'left', 'leaver'] as const;
export type PupilStatus = (typeof PUPIL_STATUSES)[number];

@Entity('pupils')
export class Pupil {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'school_id' }) schoolId: string;
  @Column('uuid', { name: 'class_id', nullable: true }) classId: string | null;
  @Column('text', { name: 'first_name' }) firstName: string;
  @Column('text', { name: 'last_name' }) lastName: string;
  @Column('smallint', { name: 'year_group' }) yearGroup: number;
  /** The pupil's reference in the school's MIS export (UPN or admission number): the import's key. */
  @Column('text', { name: 'mis_ref', nullable: true }) misRef: string | null;
  @Column('boolean', { name: 'pupil_premium' }) pupilPremium: boolean;
  @Column('boolean') send: boolean;
  @Column('boolean') eal: boolean;
  @Column('text') status: PupilStatus;
  @Column('date', { name: 'left_on', nullable: true }) leftOn: string | null;
  /** Raised by every edit; its ETag, which an edit must name in If-Match. */
  @Column('integer') version: number;
}

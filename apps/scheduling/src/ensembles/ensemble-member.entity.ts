import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A pupil or a member of staff in an ensemble, from one date to another. */
@Entity('ensemble_members')
export class EnsembleMember {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'ensemble_id' }) ensembleId: string;
  @Column('uuid', { name: 'pupil_id', nullable: true }) pupilId: string | null;
  @Column('uuid', { name: 'staff_id', nullable: true }) staffId: string | null;
  @Column('text', { nullable: true }) instrument: string | null;
  @Column('text', { nullable: true }) section: string | null;
  @Column('date', { name: 'joined_on' }) joinedOn: string;
  @Column('date', { name: 'left_on', nullable: true }) leftOn: string | null;
}

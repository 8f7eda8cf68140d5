import { Column, Entity, PrimaryColumn } from 'typeorm';

export const GUARDIAN_RELATIONSHIPS = ['parent', 'step_parent', 'grandparent', 'carer', 'foster_carer', 'other_relative', 'other'] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];

/** A guardian's link to one pupil (who is a record in scheduling), with what the guardian may do for them. */
@Entity('guardian_links')
export class GuardianLink {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('uuid', { name: 'pupil_id' })
  pupilId: string;

  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Column('text')
  relationship: GuardianRelationship;

  @Column('boolean', { name: 'can_book_transport' })
  canBookTransport: boolean;

  @Column('boolean', { name: 'can_give_consent' })
  canGiveConsent: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;
}

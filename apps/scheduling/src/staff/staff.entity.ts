import { Column, Entity, PrimaryColumn } from 'typeorm';

export const STAFF_KINDS = ['tutor', 'school_staff'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];

@Entity('staff')
export class Staff {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  /** The gateway account of this person, which links "me" to this record. */
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text') kind: StaffKind;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text', { nullable: true }) email: string | null;
  /** A partner orchestra that employs a teaching artist, where it is not the programme itself. */
  @Column('text', { nullable: true }) employer: string | null;
  @Column('text', { array: true }) instruments: string[];
  /** Raised by every edit; its ETag, which an edit must name in If-Match. */
  @Column('integer') version: number;
}

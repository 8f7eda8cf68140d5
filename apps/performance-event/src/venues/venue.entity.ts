import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const VENUE_KINDS = ['school_hall', 'community_venue', 'supermarket', 'concert_hall', 'church', 'outdoor', 'other'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

@Entity('venues')
@Index(['tenantId', 'name'])
export class Venue {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: VenueKind;

  @Column('text')
  address: string;

  @Column('integer', { nullable: true })
  capacity: number | null;

  @Column('text', { name: 'access_notes', nullable: true })
  accessNotes: string | null;

  /** The school whose hall this is, whose headteacher may edit it; null for other venues. */
  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId: string | null;

  @Column('integer')
  version: number;
}

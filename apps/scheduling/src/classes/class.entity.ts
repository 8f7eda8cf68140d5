import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('classes')
export class SchoolClass {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'school_id' }) schoolId: string;
  @Column('text') name: string;
  /** -1 nursery, 0 reception, 1–13 years 1–13. */
  @Column('smallint', { name: 'year_group' }) yearGroup: number;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
  /** Raised by every edit; its ETag, which an edit must name in If-Match. */
  @Column('integer') version: number;
}

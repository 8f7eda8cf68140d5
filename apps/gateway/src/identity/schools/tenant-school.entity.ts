import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The gateway's copy of a school's id and name (scheduling owns schools): enough to check that a
 * grant or a guardian link names a school of the caller's own area.
 */
@Entity('tenant_schools')
export class TenantSchool {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn('uuid', { name: 'school_id' })
  schoolId: string;

  @Column('text')
  name: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

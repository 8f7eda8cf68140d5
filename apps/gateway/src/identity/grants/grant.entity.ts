import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@tutti/auth';

/** One role held by one account; school-scoped roles have one row per school. */
@Entity('grants')
export class GrantRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('text')
  role: Role;

  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;
}

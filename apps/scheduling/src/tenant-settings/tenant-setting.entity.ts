import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What scheduling needs to know of an area, kept up to date by the gateway's tenant events. */
@Entity('tenant_settings')
export class TenantSetting {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text') name: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('integer', { name: 'weekly_provision_target_minutes' }) weeklyProvisionTargetMinutes: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

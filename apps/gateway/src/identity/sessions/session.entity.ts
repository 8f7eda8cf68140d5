import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SessionRevokedReason = 'signed_out' | 'reuse_detected' | 'account_disabled' | 'password_changed' | 'account_not_active';

/** One sign-in on one device: the family of refresh tokens that rotate from it. */
@Entity('sessions')
export class Session {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_refreshed_at', nullable: true })
  lastRefreshedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('text', { name: 'revoked_reason', nullable: true })
  revokedReason: SessionRevokedReason | null;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent: string | null;
}

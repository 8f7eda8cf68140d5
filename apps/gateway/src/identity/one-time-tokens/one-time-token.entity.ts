import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OneTimeTokenPurpose = 'invitation' | 'password_reset';

/** A single-use, expiring link sent by mail (invitation or password reset); only its SHA-256 is stored. */
@Entity('one_time_tokens')
export class OneTimeToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('text')
  purpose: OneTimeTokenPurpose;

  @Column('bytea', { name: 'token_hash' })
  tokenHash: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}

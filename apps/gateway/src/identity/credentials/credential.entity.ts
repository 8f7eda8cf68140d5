import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An account's password, as an argon2id hash; kept apart so that account reads never load it. */
@Entity('credentials')
export class Credential {
  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;
}

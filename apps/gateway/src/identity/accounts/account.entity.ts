import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ACCOUNT_STATUSES = ['invited', 'active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A person who can sign in to one programme area. Their password lives apart, in `credentials`. */
@Entity('accounts')
export class Account {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  /** As the person typed it; unique per area regardless of case. */
  @Column('text')
  email: string;

  /** E.164, e.g. +447700900123. */
  @Column('text', { nullable: true })
  mobile: string | null;

  @Column('text', { name: 'display_name' })
  displayName: string;

  /** BCP 47 tag of the language mail and the app use for this person. */
  @Column('text', { name: 'preferred_language' })
  preferredLanguage: string;

  @Column('text')
  status: AccountStatus;

  /** Bumped by every change; the ETag that makes a stale edit fail with 412. */
  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

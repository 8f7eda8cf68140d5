import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A programme area (e.g. "In Harmony Liverpool"): the tenant every other row belongs to. */
@Entity('tenants')
export class Tenant {
  @PrimaryColumn('uuid')
  id: string;

  /** Short, URL-safe and unique: `liverpool`. */
  @Column('text', { unique: true })
  slug: string;

  @Column('text')
  name: string;

  /** IANA zone the area plans in; times are stored in UTC. */
  @Column('text', { name: 'time_zone', default: 'Europe/London' })
  timeZone: string;

  /** The weekly music provision each child should get, against which headteachers see intensity. */
  @Column('integer', { name: 'weekly_provision_target_minutes' })
  weeklyProvisionTargetMinutes: number;

  /** Languages family messages are offered in, as BCP 47 tags (`en`, `pl`, `ur`). */
  @Column('text', { name: 'family_languages', array: true, default: () => `'{en}'` })
  familyLanguages: string[];

  /** Free transport seats one family may book for one performance. */
  @Column('integer', { name: 'family_transport_seat_limit' })
  familyTransportSeatLimit: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Venue } from '../venues/venue.entity';

export const PERFORMANCE_STATUSES = ['draft', 'published', 'completed', 'cancelled'] as const;
export type PerformanceStatus = (typeof PERFORMANCE_STATUSES)[number];
export type PerformanceAudience = 'public' | 'school_community';

@Entity('performances')
@Index(['tenantId', 'status', 'startsAt'])
export class Performance {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId: string;

  @Column('uuid', { name: 'venue_id' })
  venueId: string;

  @ManyToOne(() => Venue)
  @JoinColumn([{ name: 'venue_id', referencedColumnName: 'id' }])
  venue?: Venue;

  @Column('text')
  title: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('text')
  status: PerformanceStatus;

  @Column('text')
  audience: PerformanceAudience;

  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId: string | null;

  @Column('timestamptz', { name: 'call_time', nullable: true })
  callTime: Date | null;

  @Column('text', { nullable: true })
  dress: string | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  /** Raised by every edit; the ETag, and the iCalendar SEQUENCE. */
  @Column('integer')
  version: number;

  @Column('integer', { name: 'running_order_version' })
  runningOrderVersion: number;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}

import type { Schema } from '../../api/client';
/** What the staff pages read from the gateway (only the fields they use). */

/** Who an announcement goes to: a school's families, a class's, an ensemble's, or the families coming to a performance. */
export const AUDIENCE_KINDS = ['school', 'class', 'ensemble', 'performance'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export type DeliveryStatus = 'queued' | 'sent' | 'failed';

export interface DeliveryCounts {
  queued: number;
  sent: number;
  failed: number;
}

/** One family's copy of an announcement (parent-engagement). */
export type Delivery = Schema<'parent-engagement.DeliveryDto'>;

/** An announcement as parent-engagement answers it to staff; the counts and deliveries come with the single announcement. */
/** An announcement as its sender reads it back, with how its deliveries went. */
export type StaffAnnouncement = Schema<'parent-engagement.AnnouncementDto'>;

/** A class (scheduling). */
export interface SchoolClass {
  id: string;
  schoolId: string;
  name: string;
  yearGroup: number;
}

/** An ensemble (scheduling); area-wide ones have no school. */
export interface Ensemble {
  id: string;
  schoolId: string | null;
  name: string;
}

/** A performance as performance-event lists it. */
export interface PerformanceChoice {
  id: string;
  title: string;
  status: string;
  startsAt: string;
  venueName: string;
}

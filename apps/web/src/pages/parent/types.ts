/** The shapes of the API answers the parent pages read (only the fields they use). */

/** A performance as performance-event lists it to a guardian: one their children perform in. */
export interface ChildPerformance {
  id: string;
  title: string;
}

/** The family's answer for one performance (parent-engagement's RSVP). */
export interface Rsvp {
  id: string;
  performanceId: string;
  attending: boolean;
  adults: number;
  /** The family's own children coming plus any other children. */
  children: number;
  pupilIds: string[];
  version: number;
}

/** An announcement sent to the family; readAt is null until the family marks it read. */
export interface Announcement {
  id: string;
  senderName: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt?: string | null;
}

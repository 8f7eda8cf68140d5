/** Reminders that become a message to a family. */
export const MESSAGE_KINDS = [
  'transport.booking-confirmed',
  'transport.pickup-24h',
  'transport.pickup-2h',
  'transport.seat-offered',
  'transport.offer-expired',
  'transport.booking-cancelled',
  'transport.run-changed',
  'performance.moved',
  'performance.cancelled',
  'consent.missing',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A bus's departure time or a family's stop changed: one message per family booked on it. */
export const RUN_CHANGED_KIND = 'transport.run-changed';

/** A timer rather than a message: when it fires, an unanswered waitlist offer lapses and passes on. */
export const OFFER_EXPIRY_KIND = 'transport.offer-expiry';

/** An announcement's email to one family (not a templated message: the text is the sender's). */
export const ANNOUNCEMENT_KIND = 'announcement.email';
export const ANNOUNCEMENT_SUBJECT = 'announcement';

/** Booking reminders are about the booking: cancelling it cancels them, a moved performance moves them. */
export const BOOKING_SUBJECT = 'transport-booking';
export const PERFORMANCE_SUBJECT = 'performance';
/** A family's missing photo/film consent before a performance (subject id: the performance); due this long before it starts. */
export const CONSENT_CHASE_SUBJECT = 'performance-consent';
export const CONSENT_CHASE_LEAD_MS = 72 * 3_600_000;

/** Messages that must go out on time whatever the family's quiet hours. */
export const IGNORES_QUIET_HOURS: ReadonlySet<string> = new Set(['transport.pickup-2h']);

/** Messages about a pupil's instrument loan: addressed to the pupil, sent to every guardian known when due. */
export const LOAN_MESSAGE_KINDS = ['loan.return-due', 'loan.overdue', 'loan.flagged'] as const;
export type LoanMessageKind = (typeof LOAN_MESSAGE_KINDS)[number];
export const LOAN_SUBJECT = 'instrument-loan';

export const HOUR_MS = 3_600_000;

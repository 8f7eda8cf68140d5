import type { AuditSubject } from '@tutti/messaging';

export type BookingChange = 'create' | 'change' | 'cancel' | 'decline' | 'accept' | 'check-in';

/** The audit entry of a change to a booking. */
export function bookingChange(change: BookingChange, bookingId: string, detail: Record<string, unknown> = {}): AuditSubject {
  return { action: change === 'create' ? 'create' : 'update', subjectType: 'booking', subjectId: bookingId, detail: { change, ...detail } };
}

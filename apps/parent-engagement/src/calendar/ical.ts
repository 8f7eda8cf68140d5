import { renderCalendar as renderIcal } from '@tutti/platform';

/** A family's event as the feed's service builds it. */
export interface CalendarEvent {
  uid: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  location?: string;
  description?: string;
  cancelled?: boolean;
}

/** The family's private feed through the one renderer (@tutti/platform): STATUS only on what was cancelled. */
export function renderCalendar(name: string, events: CalendarEvent[], now = new Date()): string {
  return renderIcal({
    product: 'Parent engagement',
    name,
    now,
    events: events.map(({ cancelled, ...event }) => ({ ...event, ...(cancelled ? { status: 'cancelled' as const } : {}) })),
  });
}

import { escapeIcalText, icalCalendar, icalDateTime } from '@tutti/platform';

/** Just enough of RFC 5545 for a read-only feed of events. */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string | null;
  cancelled: boolean;
}

export function renderCalendar(name: string, events: CalendarEvent[], now = new Date()): string {
  return icalCalendar(
    '-//Tutti//Performances//EN',
    name,
    events.map((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${icalDateTime(now)}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTART:${icalDateTime(event.startsAt)}`,
      `DTEND:${icalDateTime(event.endsAt)}`,
      `SUMMARY:${escapeIcalText(event.summary)}`,
      `LOCATION:${escapeIcalText(event.location)}`,
      ...(event.description ? [`DESCRIPTION:${escapeIcalText(event.description)}`] : []),
      `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    ]),
  );
}

import { escapeIcalText, icalCalendar, icalDateTime } from '@tutti/platform';

export interface CalendarEvent {
  uid: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  location?: string;
  description?: string;
  cancelled?: boolean;
}

export function renderCalendar(name: string, events: CalendarEvent[], now = new Date()): string {
  return icalCalendar(
    '-//Tutti//Parent engagement//EN',
    name,
    events.map((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${icalDateTime(now)}`,
      `DTSTART:${icalDateTime(event.startsAt)}`,
      `DTEND:${icalDateTime(event.endsAt)}`,
      `SUMMARY:${escapeIcalText(event.summary)}`,
      ...(event.location ? [`LOCATION:${escapeIcalText(event.location)}`] : []),
      ...(event.description ? [`DESCRIPTION:${escapeIcalText(event.description)}`] : []),
      ...(event.cancelled ? ['STATUS:CANCELLED'] : []),
      'END:VEVENT',
    ]),
  );
}

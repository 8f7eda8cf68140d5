/**
 * The one iCalendar (RFC 5545) renderer: a read-only feed of events, written by ical-generator
 * (escaping, folding at 75 octets without splitting a UTF-8 character, UTC date-times). Every
 * service's feed is a call of renderCalendar with its own product name and events.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarEvent {
  /** Stable across renderings, so that a calendar app updates the event instead of adding another. */
  uid: string;
  /** Raised on each change of the event, where the source keeps a version. */
  sequence?: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  /** Left out, the event carries no STATUS. */
  status?: 'confirmed' | 'cancelled';
}

/**
 * A performance's UID in every feed that carries it, the area's public feed and a family's private
 * one alike: a family subscribed to both sees the performance once (a calendar app merges events by
 * UID). The public feed's form, which outside subscribers already hold.
 */
export function performanceEventUid(performanceId: string): string {
  return `${performanceId}@performances.tutti`;
}

export interface CalendarFeed {
  /** Names the producer in PRODID: -//Tutti//<product>//EN. */
  product: string;
  /** The calendar's name as calendar apps show it (X-WR-CALNAME). */
  name: string;
  events: CalendarEvent[];
  /** DTSTAMP of every event: when the feed was rendered. */
  now?: Date;
}

/** The feed as text/calendar: a METHOD:PUBLISH VCALENDAR, CRLF line ends (the last line too). */
export function renderCalendar({ product, name, events, now = new Date() }: CalendarFeed): string {
  const calendar = ical({ prodId: { company: 'Tutti', product, language: 'EN' }, name, method: ICalCalendarMethod.PUBLISH });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: now,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.summary,
      location: event.location || null,
      description: event.description || null,
      status: event.status === undefined ? null : event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // ical-generator ends the last line without CRLF; RFC 5545 ends every content line with one.
  return `${calendar.toString()}\r\n`;
}

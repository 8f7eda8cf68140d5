import { renderCalendar } from './ical-feed';

const at = new Date('2026-03-04T18:00:00Z');
const later = new Date('2026-03-04T19:30:00Z');
const unfold = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('renderCalendar', () => {
  it('writes a CRLF-ended PUBLISH calendar with each event’s UID, SEQUENCE, UTC times and STATUS', () => {
    const text = renderCalendar({
      product: 'Test',
      name: 'Name, with comma',
      now: new Date('2026-01-01T00:00:00Z'),
      events: [
        { uid: 'one@tutti', sequence: 3, startsAt: at, endsAt: later, summary: 'Concert', location: 'Hall', status: 'confirmed' },
        { uid: 'two@tutti', startsAt: at, endsAt: later, summary: 'Called off', status: 'cancelled' },
        { uid: 'three@tutti', startsAt: at, endsAt: later, summary: 'No status' },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = unfold(text);
    expect(lines.slice(0, 4)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tutti//Test//EN', 'METHOD:PUBLISH']);
    expect(lines).toContain('X-WR-CALNAME:Name, with comma');
    const events = text
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((block) => unfold(block));
    expect(events.map((event) => event.find((line) => line.startsWith('UID:')))).toEqual([
      'UID:one@tutti',
      'UID:two@tutti',
      'UID:three@tutti',
    ]);
    expect(events[0]).toEqual(
      expect.arrayContaining([
        'SEQUENCE:3',
        'DTSTAMP:20260101T000000Z',
        'DTSTART:20260304T180000Z',
        'DTEND:20260304T193000Z',
        'LOCATION:Hall',
        'STATUS:CONFIRMED',
      ]),
    );
    expect(events[1]).toContain('STATUS:CANCELLED');
    // Without a version, SEQUENCE is RFC 5545's default 0 (ical-generator always writes it).
    expect(events[1]).toContain('SEQUENCE:0');
    expect(events[1].some((line) => line.startsWith('LOCATION:') || line.startsWith('DESCRIPTION:'))).toBe(false);
    expect(events[2].some((line) => line.startsWith('STATUS:'))).toBe(false);
  });

  it('escapes backslash, semicolon, comma and newlines in text, and folds at 75 octets without splitting a character', () => {
    const summary = `a\\b;c,d\ne ${'é'.repeat(80)}`;
    const text = renderCalendar({ product: 'Test', name: 'Test', events: [{ uid: 'u@tutti', startsAt: at, endsAt: later, summary }] });
    const physical = text.split('\r\n');
    expect(physical.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(unfold(text)).toContain(`SUMMARY:a\\\\b\\;c\\,d\\ne ${'é'.repeat(80)}`);
  });
});

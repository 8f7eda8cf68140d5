import { escapeIcalText, foldIcalLine, icalCalendar } from './ical-text';

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeIcalText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets, never inside a UTF-8 character', () => {
    const folded = foldIcalLine(`SUMMARY:${'é'.repeat(80)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(80)}`);
  });

  it('wraps events in a CRLF-ended VCALENDAR', () => {
    const text = icalCalendar('-//Tutti//Test//EN', 'Name, with comma', [['BEGIN:VEVENT', 'UID:1', 'END:VEVENT']]);
    expect(text.split('\r\n')).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tutti//Test//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Name\\, with comma', 'BEGIN:VEVENT', 'UID:1', 'END:VEVENT', 'END:VCALENDAR', '']);
  });
});

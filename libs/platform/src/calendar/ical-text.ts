/** The generic text rules of RFC 5545 (iCalendar); each service builds its own events. */

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** UTC "form #2" date-time: 20260304T180000Z. */
export function icalDateTime(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT value escaping (§3.3.11). */
export function escapeIcalText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line so that no line exceeds 75 octets (§3.1): continuation lines start with one
 * space (which counts towards their 75), and a multi-byte UTF-8 character is never split.
 */
export function foldIcalLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A VCALENDAR of the given events (each its content lines, BEGIN:VEVENT to END:VEVENT), folded, CRLF-ended. */
export function icalCalendar(productId: string, name: string, events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${productId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeIcalText(name)}`, ...events.flat(), 'END:VCALENDAR'];
  return lines.map(foldIcalLine).join(CRLF) + CRLF;
}

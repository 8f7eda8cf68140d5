/** Unfolds an iCalendar text (RFC 5545 §3.1) into its content lines. */
export function icalContentLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

/** The physical lines (CRLF-joined) of the content line starting with `name` in a rendered calendar. */
export function icalFoldedLine(text: string, name: string): string {
  const lines = text.split('\r\n');
  const start = lines.findIndex((line) => line.startsWith(name));
  let end = start + 1;
  while (lines[end]?.startsWith(' ')) end++;
  return lines.slice(start, end).join('\r\n');
}

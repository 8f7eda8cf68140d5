/**
 * Pieces of SQL text that several services' queries build the same way (data requests' exports and
 * erasures). Column names are the caller's own constants, never input.
 */

/** A timestamptz column as JSON wants it: ISO 8601 in UTC with milliseconds (`2026-12-05T07:18:02.000Z`). */
export function isoInstant(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A date column as `YYYY-MM-DD`. */
export function isoDay(column: string): string {
  return `to_char(${column}, 'YYYY-MM-DD')`;
}

/**
 * A PostgreSQL ARE (for `~*` and `regexp_replace`) matching the words as whole words, case aside
 * (`\m` and `\M`), with any white space between them; every regex character in the words is escaped.
 */
export function wordsPattern(words: string): string {
  const escaped = words
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
  return `\\m${escaped.join('\\s+')}\\M`;
}

import { localParts, zonedInstant } from '@tutti/platform';

/** A family's quiet hours as local wall-clock times ('21:00', '07:30'); may wrap midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** `due`, or the end of the quiet hours it falls in (local time of the area, BST-aware). */
export function afterQuietHours(due: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return due;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return due;
  const local = localParts(due, timeZone);
  const now = local.hour * 60 + local.minute;
  const inQuiet = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inQuiet) return due;
  // In the evening part of a window that wraps midnight, the quiet hours end tomorrow.
  const endsTomorrow = start > end && now >= start;
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + (endsTomorrow ? 1 : 0)));
  return zonedInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), Math.floor(end / 60), end % 60, timeZone);
}

export function quietHoursOf(row: { quiet_hours_start: string | null; quiet_hours_end: string | null } | undefined): QuietHours | null {
  return row?.quiet_hours_start && row.quiet_hours_end
    ? { start: row.quiet_hours_start.slice(0, 5), end: row.quiet_hours_end.slice(0, 5) }
    : null;
}

/** Today's date (YYYY-MM-DD) on the wall calendar of a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const DEFAULT_TIME_ZONE = 'Europe/London';

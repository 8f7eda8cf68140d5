/** The UTC instant of a wall-clock time on a date in Europe/London (BST-aware). */
export function londonWallClock(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(guess);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === 'minute')?.value ?? 0);
  const [wantHour, wantMinute] = time.split(':').map(Number);
  const offsetMinutes = hour * 60 + minute - (wantHour * 60 + wantMinute);
  return new Date(guess.getTime() - offsetMinutes * 60_000);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

import { addDays, localParts, todayIn, zonedDateTime, zonedInstant } from './zoned-time';

describe('zoned time', () => {
  it('finds the instant of a London wall-clock time in winter and in summer time', () => {
    expect(zonedDateTime('2026-01-15', '09:00', 'Europe/London').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(zonedDateTime('2026-07-15', '09:00', 'Europe/London').toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(zonedInstant(2026, 3, 29, 0, 0, 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(zonedInstant(2026, 10, 25, 0, 0, 'Europe/London').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(zonedInstant(2026, 10, 26, 0, 0, 'Europe/London').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('reads local parts and today in a time zone', () => {
    expect(localParts(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toEqual({ year: 2026, month: 7, day: 1, hour: 0, minute: 30 });
    expect(todayIn('Europe/London', new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('adds calendar days across month ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

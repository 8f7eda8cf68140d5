import { localParts, PLANNING_TIME_ZONE, zonedInstant } from '@tutti/platform';

/** An ISO 8601 date-time with an offset (a real instant, never rolled over): the one in @tutti/platform. */
export { IsOffsetDateTime } from '@tutti/platform';

/** The academic year (1 Sept–31 Aug) an instant falls in, named by the year it starts. */
export function academicYearOf(at: Date): number {
  const { year, month } = localParts(at, PLANNING_TIME_ZONE);
  return month >= 9 ? year : year - 1;
}

/** Midnight in London on a calendar day, as a UTC instant. */
const londonMidnight = (year: number, month: number, day: number): Date => zonedInstant(year, month, day, 0, 0, PLANNING_TIME_ZONE);

export type FairnessPeriod = 'year' | 'autumn' | 'spring' | 'summer';

/**
 * The instants bounding a period of an academic year in London. Terms are calendar thirds
 * (autumn Sept–Dec, spring Jan–Mar, summer Apr–Aug): the schools' exact term dates belong to
 * scheduling and are not published as events.
 */
export function periodBounds(academicYear: number, period: FairnessPeriod): { from: Date; to: Date } {
  const y = academicYear;
  switch (period) {
    case 'autumn':
      return { from: londonMidnight(y, 9, 1), to: londonMidnight(y + 1, 1, 1) };
    case 'spring':
      return { from: londonMidnight(y + 1, 1, 1), to: londonMidnight(y + 1, 4, 1) };
    case 'summer':
      return { from: londonMidnight(y + 1, 4, 1), to: londonMidnight(y + 1, 9, 1) };
    default:
      return { from: londonMidnight(y, 9, 1), to: londonMidnight(y + 1, 9, 1) };
  }
}

/** The term an instant falls in. */
export function termOf(at: Date): Exclude<FairnessPeriod, 'year'> {
  const { month } = localParts(at, PLANNING_TIME_ZONE);
  if (month >= 9) return 'autumn';
  return month <= 3 ? 'spring' : 'summer';
}

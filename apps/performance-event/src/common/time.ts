import { localParts, PLANNING_TIME_ZONE, zonedInstant } from '@tutti/platform';
import { registerDecorator, type ValidationOptions } from 'class-validator';

const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with an offset (`Z` or `+01:00`), so that the instant is unambiguous. */
export function IsOffsetDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOffsetDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an ISO 8601 date-time with an offset, e.g. 2026-03-04T18:00:00Z`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && OFFSET_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
      },
    });
}

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

import { registerDecorator, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** True for a real calendar day (2024-02-29 yes, 2026-02-30 no), years 0001–9999. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** A calendar date written YYYY-MM-DD that names a day that exists: never rolled over to the next month. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = ISO_DATE.exec(value);
  return parts !== null && isRealDate(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

/**
 * An ISO 8601 date-time with an offset (`Z` or `+01:00`), so that the instant is unambiguous, whose
 * every part exists: no 30 February, no 24:00, no minute 60, no offset beyond ±23:59.
 */
export function isOffsetDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = OFFSET_DATE_TIME.exec(value);
  if (!parts) return false;
  const [, year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] = parts;
  return (
    isRealDate(Number(year), Number(month), Number(day)) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60 &&
    Number(offsetHours) < 24 &&
    Number(offsetMinutes) < 60
  );
}

/** `@IsIsoDate()`: a field holding a real calendar day as YYYY-MM-DD. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return dateDecorator('isIsoDate', isIsoDate, '$property must be a real calendar date as YYYY-MM-DD', options);
}

/** `@IsOffsetDateTime()`: a field holding an instant as an ISO 8601 date-time with an offset. */
export function IsOffsetDateTime(options?: ValidationOptions): PropertyDecorator {
  return dateDecorator(
    'isOffsetDateTime',
    isOffsetDateTime,
    '$property must be a real ISO 8601 date-time with an offset, e.g. 2026-03-04T18:00:00Z',
    options,
  );
}

function dateDecorator(
  name: string,
  validate: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate },
    });
}

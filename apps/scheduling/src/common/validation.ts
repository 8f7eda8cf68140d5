import { Matches, registerDecorator, type ValidationOptions } from 'class-validator';

/** A local wall-clock time as HH:MM. */
export const IsLocalTime = () => Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be a local time as HH:MM' });

/** The year groups the programme teaches: Reception (0) to Year 13. Nursery (-1 in older rows) is not taken in. */
export const RECEPTION = 0;
export const LAST_YEAR_GROUP = 13;

export function isYearGroup(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= RECEPTION && (value as number) <= LAST_YEAR_GROUP;
}

/** `@IsYearGroup()`: a whole number from 0 (Reception) to 13 (Year 13). */
export function IsYearGroup(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isYearGroup',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a year group: 0 for Reception, 1 to 13 for Years 1 to 13', ...options },
      validator: { validate: isYearGroup },
    });
}

/** How a year group reads in the API's documentation. */
export const YEAR_GROUP_DOC = { minimum: RECEPTION, maximum: LAST_YEAR_GROUP, description: '0 Reception, 1–13 Years 1 to 13' } as const;

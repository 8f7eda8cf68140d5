import { Matches } from 'class-validator';

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date as YYYY-MM-DD. */
export const IsIsoDate = () => Matches(ISO_DATE, { message: '$property must be a date as YYYY-MM-DD' });

/** A local wall-clock time as HH:MM. */
export const IsLocalTime = () => Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be a local time as HH:MM' });

import { Matches } from 'class-validator';

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date as YYYY-MM-DD. */
export const IsIsoDate = () => Matches(ISO_DATE, { message: '$property must be a date as YYYY-MM-DD' });

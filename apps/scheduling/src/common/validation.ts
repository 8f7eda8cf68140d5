import { Matches } from 'class-validator';

/** A calendar date as YYYY-MM-DD (a real day, never rolled over): the one in @tutti/platform. */
export { IsIsoDate } from '@tutti/platform';

/** A local wall-clock time as HH:MM. */
export const IsLocalTime = () => Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be a local time as HH:MM' });

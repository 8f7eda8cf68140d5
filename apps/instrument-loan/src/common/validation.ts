/** A calendar date as YYYY-MM-DD (a real day, never rolled over): the one in @tutti/platform. */
export { IsIsoDate, isIsoDate } from '@tutti/platform';

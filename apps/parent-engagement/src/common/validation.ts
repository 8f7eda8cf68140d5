/** An ISO 8601 date-time with an offset (`Z` or `+01:00`), so that no instant is guessed: the one in @tutti/platform. */
export { IsOffsetDateTime as IsInstant } from '@tutti/platform';

import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** An ISO 8601 date-time with an offset (`Z` or `+01:00`), so that no instant is guessed. */
export const IsInstant = () =>
  applyDecorators(
    IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date-time' }),
    Matches(/T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, { message: '$property must be a date-time with an offset, e.g. 2026-03-04T17:30:00Z' }),
  );

import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './problem';

/**
 * A 404 for an id given in a body (or query) that names nothing the caller may see: another area's,
 * another school's, or none at all look the same. The problem names the field, as a 400 would.
 */
export function notFoundField(field: string, what: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, `No such ${what} (${field}).`, {
    errors: [{ field, rule: 'exists', message: `${field} names no ${what} known here` }],
  });
}

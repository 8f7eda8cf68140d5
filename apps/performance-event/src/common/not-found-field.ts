import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@tutti/platform';

export function notFoundField(field: string, what: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, `No such ${what} (${field}).`, { errors: [{ field, rule: 'exists', message: `${field} names no ${what} known here` }] });
}

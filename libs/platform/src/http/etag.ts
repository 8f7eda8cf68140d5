import { createParamDecorator, HttpStatus, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException, ValidationProblem } from '../errors/problem';
import { documentsHeader } from '../openapi/route-docs';

/** ETags are a row's version, quoted (`"3"`). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header names: null when absent; a 400 naming If-Match when it is not an
 * ETag of this API. A weak tag (`W/"3"`, as a compressing proxy may send back) names its version.
 */
export function versionOfIfMatch(ifMatch: string | string[] | undefined): number | null {
  if (ifMatch === undefined) return null;
  const match = typeof ifMatch === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch.trim()) : null;
  if (!match)
    throw new ValidationProblem([{ field: 'If-Match', rule: 'etag', message: 'If-Match must be an ETag returned by this API, e.g. "3"' }]);
  return Number(match[1]);
}

/**
 * The version named by a required If-Match, for edits two people may make at once (the ETag of
 * their last read): without it a stale edit could silently overwrite another's, so absence is 428.
 */
export const IfMatchVersion = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number => {
    const version = versionOfIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']);
    if (version === null) {
      throw new ProblemException(
        HttpStatus.PRECONDITION_REQUIRED,
        'Send If-Match with the ETag of your last read, so that an edit made meanwhile is not overwritten.',
      );
    }
    return version;
  },
  [documentsHeader({ name: 'If-Match', required: true })],
);

/** The 412 for an edit based on a version that is no longer current. */
export function staleEdit(what: string, current: number): ProblemException {
  return new ProblemException(
    HttpStatus.PRECONDITION_FAILED,
    `The ${what} was changed by someone else since you read it; read it again and retry.`,
    { currentETag: etagOf(current) },
  );
}

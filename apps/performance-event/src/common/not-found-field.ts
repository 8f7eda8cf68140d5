import { createParamDecorator, HttpStatus, Param, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '@tutti/platform';
import type { FastifyRequest } from 'fastify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new ValidationProblem([{ field: this.field, rule: 'isUuid', message: `${this.field} must be a UUID` }]);
    return value.toLowerCase();
  }
}

/** A path id that must be a UUID; anything else is a 400 naming the parameter. */
export const IdParam = (name: string) => Param(name, new UuidPipe(name));

/** The optional Idempotency-Key header of a creating POST (1–200 visible characters). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new ValidationProblem([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 1–200 visible ASCII characters' }]);
  }
  return value;
});

/** ETag of a versioned row. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version named by If-Match, which edits two people may make at once must send (the ETag of
 * their last read); without it a stale edit could silently overwrite another's.
 */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext): number => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  if (value === undefined) {
    throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, 'Send If-Match with the ETag of your last read, so that an edit made meanwhile is not overwritten.');
  }
  const match = typeof value === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(value.trim()) : null;
  if (!match) throw new ValidationProblem([{ field: 'If-Match', rule: 'etag', message: 'If-Match must be an ETag returned by this API, e.g. "3"' }]);
  return Number(match[1]);
});

export function staleEdit(what: string, current: number): ProblemException {
  return new ProblemException(HttpStatus.PRECONDITION_FAILED, `The ${what} was changed by someone else since you read it; read it again and retry.`, { currentETag: etagOf(current) });
}

export function notFoundField(field: string, what: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, `No such ${what} (${field}).`, { errors: [{ field, rule: 'exists', message: `${field} names no ${what} known here` }] });
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ValidationProblem } from '@tutti/platform';
import type { FastifyRequest } from 'fastify';

/** The optional Idempotency-Key header of a creating POST (1–200 visible characters). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new ValidationProblem([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 1–200 visible ASCII characters' }]);
  }
  return value;
});

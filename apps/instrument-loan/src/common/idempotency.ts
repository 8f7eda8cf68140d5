import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ValidationProblem } from '@tutti/platform';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { oneRow } from './sql';

/** The optional Idempotency-Key header of a creating POST (1–200 visible characters). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new ValidationProblem([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 1–200 visible ASCII characters' }]);
  }
  return value;
});

/**
 * Runs a creating operation at most once per Idempotency-Key: the key is claimed in the same
 * transaction as the change, so a concurrent retry waits on the row and then gets the stored answer.
 */
export async function onceForKey<T>(manager: EntityManager, tenantId: string, operation: string, key: string | undefined, create: () => Promise<T>): Promise<T> {
  if (!key) return create();
  const claimed = await oneRow<{ response: T | null }>(
    manager,
    `INSERT INTO idempotency_keys (tenant_id, operation, key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING response`,
    [tenantId, operation, key],
  );
  if (!claimed) {
    const stored = await oneRow<{ response: T | null }>(manager, 'SELECT response FROM idempotency_keys WHERE tenant_id = $1 AND operation = $2 AND key = $3', [tenantId, operation, key]);
    if (stored?.response) return stored.response;
  }
  const response = await create();
  await manager.query('UPDATE idempotency_keys SET response = $4 WHERE tenant_id = $1 AND operation = $2 AND key = $3', [tenantId, operation, key, JSON.stringify(response)]);
  return response;
}

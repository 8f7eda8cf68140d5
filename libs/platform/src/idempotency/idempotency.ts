import { createHash } from 'node:crypto';
import { createParamDecorator, HttpStatus, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { ProblemException, ValidationProblem } from '../errors/problem';
import { oneRow } from '../sql/rows';

/** The optional Idempotency-Key header of a creating POST (1–200 visible ASCII characters). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new ValidationProblem([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 1–200 visible ASCII characters' }]);
  }
  return value;
});

export interface IdempotencyScope {
  tenantId: string;
  /** The caller's user id: one caller's key never answers another's request. */
  callerId: string;
  operation: string;
  key: string | undefined;
  /** The request body; the same key with a different body is refused. */
  request: unknown;
}

/**
 * Runs a creating operation at most once per caller and Idempotency-Key, in the caller's transaction:
 * the key is claimed first, so a concurrent retry waits on it and then gets the stored answer. The
 * same key with a different body is refused with 422.
 *
 * Needs a table `idempotency_keys (tenant_id uuid, caller_id uuid, operation text, key text,
 * request_hash text, response jsonb, …, PRIMARY KEY (tenant_id, caller_id, operation, key))` in the
 * service's schema.
 */
export async function onceForKey<T>(manager: EntityManager, scope: IdempotencyScope, create: () => Promise<T>): Promise<T> {
  if (!scope.key) return create();
  const requestHash = createHash('sha256').update(stableJson(scope.request)).digest('base64url');
  const claimed = await oneRow<{ key: string }>(
    manager,
    `INSERT INTO idempotency_keys (tenant_id, caller_id, operation, key, request_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING key`,
    [scope.tenantId, scope.callerId, scope.operation, scope.key, requestHash],
  );
  if (!claimed) {
    const stored = await oneRow<{ request_hash: string; response: T }>(
      manager,
      'SELECT request_hash, response FROM idempotency_keys WHERE tenant_id = $1 AND caller_id = $2 AND operation = $3 AND key = $4',
      [scope.tenantId, scope.callerId, scope.operation, scope.key],
    );
    if (stored && stored.request_hash !== requestHash) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'This Idempotency-Key was already used with a different request body.', {
        errors: [{ field: 'Idempotency-Key', rule: 'reused', message: 'use a new Idempotency-Key for a different request' }],
      });
    }
    if (stored) return stored.response;
  }
  const response = await create();
  await manager.query('UPDATE idempotency_keys SET response = $5 WHERE tenant_id = $1 AND caller_id = $2 AND operation = $3 AND key = $4', [
    scope.tenantId,
    scope.callerId,
    scope.operation,
    scope.key,
    JSON.stringify(response),
  ]);
  return response;
}

/** JSON with object keys sorted and undefined members left out, so that equal bodies hash alike. */
function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

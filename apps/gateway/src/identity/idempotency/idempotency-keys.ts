import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ProblemException, ValidationProblem } from '@tutti/platform';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

export interface IdempotencyScope {
  tenantId: string;
  actorId: string;
  /** Names the endpoint, so that one key cannot be replayed against another. */
  operation: string;
  key: string | undefined;
  /** The request as received; the same key with a different request is refused. */
  request: unknown;
}

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * `Idempotency-Key` for creating POSTs: the first request with a key does the work and its answer
 * is stored in the same transaction; a repeat gets that answer again without doing the work twice.
 * Two requests with the same key at once are serialised by the key's primary key.
 */
@Injectable()
export class IdempotencyKeys {
  async once<T>(manager: EntityManager, scope: IdempotencyScope, work: () => Promise<{ status: number; body: T }>): Promise<IdempotentResult<T>> {
    if (scope.key === undefined) return { ...(await work()), replayed: false };
    if (!KEY_SHAPE.test(scope.key)) {
      throw new ValidationProblem([{ field: 'Idempotency-Key', rule: 'idempotencyKey', message: 'Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID is a good choice)' }]);
    }
    const fingerprint = createHash('sha256').update(JSON.stringify(scope.request ?? null)).digest('base64url');
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (tenant_id, actor_id, operation, key, request_fingerprint) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING key`,
      [scope.tenantId, scope.actorId, scope.operation, scope.key, fingerprint],
    );
    if (claimed.length === 0) return this.replay<T>(manager, scope, fingerprint);
    const result = await work();
    await manager.query(
      `UPDATE idempotency_keys SET response_status = $5, response_body = $6
       WHERE tenant_id = $1 AND actor_id = $2 AND operation = $3 AND key = $4`,
      [scope.tenantId, scope.actorId, scope.operation, scope.key, result.status, JSON.stringify(result.body)],
    );
    return { ...result, replayed: false };
  }

  private async replay<T>(manager: EntityManager, scope: IdempotencyScope, fingerprint: string): Promise<IdempotentResult<T>> {
    const rows: { request_fingerprint: string; response_status: number | null; response_body: T }[] = await manager.query(
      `SELECT request_fingerprint, response_status, response_body FROM idempotency_keys
       WHERE tenant_id = $1 AND actor_id = $2 AND operation = $3 AND key = $4`,
      [scope.tenantId, scope.actorId, scope.operation, scope.key],
    );
    const stored = rows[0];
    if (!stored || stored.request_fingerprint !== fingerprint) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'This Idempotency-Key was already used for a different request; use a new key for a new request.', {
        errors: [{ field: 'Idempotency-Key', rule: 'idempotencyKeyReused', message: 'Idempotency-Key was already used for a different request' }],
      });
    }
    if (stored.response_status === null) {
      throw new ProblemException(HttpStatus.CONFLICT, 'A request with this Idempotency-Key is still being processed; try again in a moment.');
    }
    return { status: stored.response_status, body: stored.response_body, replayed: true };
  }
}

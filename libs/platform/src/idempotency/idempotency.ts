import { createHash } from 'node:crypto';
import { createParamDecorator, HttpStatus, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { ProblemException, ValidationProblem } from '../errors/problem';
import { documentsHeader } from '../openapi/route-docs';
import { rows } from '../sql/rows';
import { writeTogether, type SqlWrite } from '../sql/write-together';

/** The optional Idempotency-Key header of a creating POST (1–200 visible ASCII characters). */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
      throw new ValidationProblem([
        { field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 1–200 visible ASCII characters' },
      ]);
    }
    return value;
  },
  [documentsHeader({ name: 'Idempotency-Key', required: false })],
);

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
  const [claim] = await claimIdempotencyKeys<T>(manager, [scope]);
  if (claim.kind === 'reused') throw keyReusedProblem();
  if (claim.kind === 'replay') return claim.response;
  const response = await create();
  await settleIdempotencyKeys(manager, { answered: [{ scope, response }] });
  return response;
}

/** What a claim found: a new key (or none given), the first answer to replay, or the key used for another body. */
export type KeyClaim<T> = { kind: 'new' } | { kind: 'replay'; response: T } | { kind: 'reused' };

/**
 * Claims the keys of several requests with one statement (in key order, so that two transactions
 * claiming the same keys cannot deadlock); answers one claim per scope, in order. A request
 * without a key is always new.
 */
export async function claimIdempotencyKeys<T>(manager: EntityManager, scopes: readonly IdempotencyScope[]): Promise<KeyClaim<T>[]> {
  const claim = claimIdempotencyKeysWrite(scopes);
  return claimsOf<T>(manager, scopes, claim ? await rows(manager, claim.sql, [...claim.params]) : []);
}

/**
 * claimIdempotencyKeys's statement, to send with others (see sendTogether); undefined when no
 * request has a key. claimsOf reads its rows.
 */
export function claimIdempotencyKeysWrite(scopes: readonly IdempotencyScope[]): SqlWrite | undefined {
  const keyed = scopes.filter((scope) => scope.key);
  if (keyed.length === 0) return undefined;
  return {
    sql: `INSERT INTO idempotency_keys (tenant_id, caller_id, operation, key, request_hash)
          SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) ORDER BY 1, 2, 3, 4
          ON CONFLICT DO NOTHING RETURNING tenant_id, caller_id, operation, key`,
    params: [...keyColumnsOf(keyed), keyed.map((scope) => requestHashOf(scope.request))],
  };
}

/** The claims, one per scope in order, from the rows of claimIdempotencyKeysWrite (the keys it could claim). */
export async function claimsOf<T>(
  manager: EntityManager,
  scopes: readonly IdempotencyScope[],
  claimedRows: readonly unknown[],
): Promise<KeyClaim<T>[]> {
  const keyed = scopes.filter((scope) => scope.key);
  const claimedIds = new Set((claimedRows as KeyRow[]).map(keyIdOf));
  const stored = new Map<string, { request_hash: string; response: T }>();
  if (claimedRows.length < keyed.length) {
    // Keys claimed before: their first answer (a concurrent first request has committed by now, as the claim waited for it).
    const found = await rows<KeyRow & { request_hash: string; response: T }>(
      manager,
      `SELECT k.tenant_id, k.caller_id, k.operation, k.key, k.request_hash, k.response
         FROM idempotency_keys k JOIN unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS u(tenant_id, caller_id, operation, key)
           ON k.tenant_id = u.tenant_id AND k.caller_id = u.caller_id AND k.operation = u.operation AND k.key = u.key`,
      keyColumnsOf(keyed),
    );
    for (const row of found) stored.set(keyIdOf(row), row);
  }
  return scopes.map((scope): KeyClaim<T> => {
    if (!scope.key) return { kind: 'new' };
    const id = keyIdOf({ tenant_id: scope.tenantId, caller_id: scope.callerId, operation: scope.operation, key: scope.key });
    const previous = stored.get(id);
    if (claimedIds.has(id) || !previous || previous.response === null) return { kind: 'new' };
    return previous.request_hash === requestHashOf(scope.request) ? { kind: 'replay', response: previous.response } : { kind: 'reused' };
  });
}

/** Key columns as arrays, for unnest: tenant, caller, operation, key. */
function keyColumnsOf(scopes: readonly IdempotencyScope[]): unknown[][] {
  return [scopes.map((s) => s.tenantId), scopes.map((s) => s.callerId), scopes.map((s) => s.operation), scopes.map((s) => s.key)];
}

/**
 * Keeps the answers of requests whose keys were claimed (a retry gets them), and gives back the
 * keys of requests that were refused (a retry is decided afresh), in one statement.
 */
export async function settleIdempotencyKeys(manager: EntityManager, outcome: KeyOutcome): Promise<void> {
  await writeTogether(manager, settleIdempotencyKeysWrites(outcome));
}

export interface KeyOutcome {
  answered?: { scope: IdempotencyScope; response: unknown }[];
  refused?: IdempotencyScope[];
}

/** settleIdempotencyKeys as writes, to run with others of the same transaction (writeTogether). */
export function settleIdempotencyKeysWrites(outcome: KeyOutcome): SqlWrite[] {
  const answered = (outcome.answered ?? []).filter((entry) => entry.scope.key);
  const refused = (outcome.refused ?? []).filter((scope) => scope.key);
  const writes: SqlWrite[] = [];
  if (answered.length > 0) {
    writes.push({
      sql: `UPDATE idempotency_keys k SET response = u.response
              FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[]) AS u(tenant_id, caller_id, operation, key, response)
             WHERE k.tenant_id = u.tenant_id AND k.caller_id = u.caller_id AND k.operation = u.operation AND k.key = u.key`,
      params: [...keyColumnsOf(answered.map((entry) => entry.scope)), answered.map((entry) => JSON.stringify(entry.response))],
    });
  }
  if (refused.length > 0) {
    writes.push({
      sql: `DELETE FROM idempotency_keys k
             USING unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS u(tenant_id, caller_id, operation, key)
             WHERE k.tenant_id = u.tenant_id AND k.caller_id = u.caller_id AND k.operation = u.operation AND k.key = u.key`,
      params: keyColumnsOf(refused),
    });
  }
  return writes;
}

/** The 422 for a key already used with another request body. */
export function keyReusedProblem(): ProblemException {
  return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'This Idempotency-Key was already used with a different request body.', {
    errors: [{ field: 'Idempotency-Key', rule: 'reused', message: 'use a new Idempotency-Key for a different request' }],
  });
}

interface KeyRow {
  tenant_id: string;
  caller_id: string;
  operation: string;
  key: string;
}

const keyIdOf = (row: KeyRow): string => JSON.stringify([row.tenant_id.toLowerCase(), row.caller_id.toLowerCase(), row.operation, row.key]);

const requestHashOf = (request: unknown): string => createHash('sha256').update(stableJson(request)).digest('base64url');

/** JSON with object keys sorted and undefined members left out, so that equal bodies hash alike. */
function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

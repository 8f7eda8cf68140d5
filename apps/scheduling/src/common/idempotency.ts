import type { EntityManager } from 'typeorm';
import { oneRow } from './sql';

/**
 * Runs a creating operation at most once per Idempotency-Key: the key is claimed in the same
 * transaction as the change, so a concurrent retry waits on the row and then gets the stored answer.
 */
export async function onceForKey<T>(manager: EntityManager, tenantId: string, operation: string, key: string | undefined, create: () => Promise<T>): Promise<T> {
  if (!key) return create();
  const claimed = await oneRow<{ response: T | null }>(
    manager,
    `INSERT INTO idempotency_keys (tenant_id, operation, key) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING response`,
    [tenantId, operation, key],
  );
  if (!claimed) {
    const stored = await oneRow<{ response: T }>(manager, 'SELECT response FROM idempotency_keys WHERE tenant_id = $1 AND operation = $2 AND key = $3', [tenantId, operation, key]);
    if (stored) return stored.response;
  }
  const response = await create();
  await manager.query('UPDATE idempotency_keys SET response = $4 WHERE tenant_id = $1 AND operation = $2 AND key = $3', [tenantId, operation, key, JSON.stringify(response)]);
  return response;
}

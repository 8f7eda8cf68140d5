import type { DataSource } from 'typeorm';
import { publishCompletedEvent } from './performance-events';
import { completedPerformancesBatch } from './performances.queries';

export const DEFAULT_EVIDENCE_BATCH_SIZE = 200;

/**
 * Republishes every completed performance (of one area, or of all) as `performance.performance.completed`
 * with its roster, so that scheduling's copy for the annual data return fills: after it first
 * subscribes, or when its database is restored. A completed performance's roster no longer changes,
 * and the copy keeps the latest snapshot, so running it again, or stopping half-way and running it
 * again, is harmless. Batches by (tenant, id), each batch and its events in one transaction.
 */
export async function republishCompletedPerformances(
  db: DataSource,
  options: { tenantId?: string; batchSize?: number; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_EVIDENCE_BATCH_SIZE;
  let after: { tenantId: string; id: string } | null = null;
  let done = 0;
  for (;;) {
    const published: number = await db.transaction(async (manager) => {
      const batch = await completedPerformancesBatch(manager, options.tenantId ?? null, after, batchSize);
      for (const performance of batch) await publishCompletedEvent(manager, performance);
      const last = batch.at(-1);
      after = last ? { tenantId: last.tenant_id, id: last.id } : after;
      return batch.length;
    });
    done += published;
    options.onBatch?.(done);
    if (published < batchSize) return done;
  }
}

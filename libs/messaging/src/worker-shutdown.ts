import type { RedisClient, Worker } from 'bullmq';

/** How long a closing worker may wait for its running jobs before it stops waiting. */
export const DEFAULT_WORKER_CLOSE_GRACE_MS = 10_000;

/**
 * Closes a BullMQ worker: gracefully (running jobs finish) while Redis is reachable, by force when
 * it is not, since a graceful close then waits for a reconnect that may never come (ioredis 5 never
 * reports a client closed between reconnection attempts as ended). A graceful close that outlasts
 * the grace period is no longer waited for. A job cut short stays locked until BullMQ's stalled
 * check hands it to another worker; handlers are idempotent, so the second run is harmless.
 */
export async function closeWorker(worker: Worker, graceMs: number): Promise<'closed' | 'forced' | 'abandoned'> {
  if (!(await connectionsReady(worker))) {
    await worker.close(true);
    return 'forced';
  }
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'abandoned'>((resolve) => {
    timer = setTimeout(() => resolve('abandoned'), graceMs);
  });
  const closed = worker.close().then(() => 'closed' as const);
  try {
    return await Promise.race([closed, graceOver]);
  } finally {
    clearTimeout(timer);
  }
}

async function connectionsReady(worker: Worker): Promise<boolean> {
  const backend = worker.getBackend();
  const clients = [backend.client, backend.blockingClient].filter((client): client is Promise<RedisClient> => client !== undefined);
  let timer: NodeJS.Timeout | undefined;
  // A connection still initialising (Redis down since start) never resolves: that is not ready.
  const notYet = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 100);
  });
  try {
    const statuses = Promise.all(clients).then((resolved) => resolved.every((client) => client.status === 'ready'));
    return await Promise.race([statuses, notYet]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

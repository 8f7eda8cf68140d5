import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startRedisSentinel, type RedisSentinelHandle } from './redis-sentinel';

jest.setTimeout(120_000);

/**
 * From kill -9 of the primary to a majority of Sentinels naming the promoted replica, which answers
 * as a master: down-after-milliseconds (1 s here) plus the vote and the promotion, ~2-3 s when idle;
 * the bound leaves room for a busy machine.
 */
const PROMOTION_BOUND_MS = 15_000;

describe('Redis with Sentinel: a primary, a replica and three Sentinels on 127.0.0.1', () => {
  const dir = mkdtempSync(join(__dirname, '..', '..', '..', '.tutti', 'sentinel-'));
  let set: RedisSentinelHandle;
  let client: Redis | undefined;

  beforeAll(async () => {
    set = await startRedisSentinel({ dir });
  });

  afterAll(async () => {
    client?.disconnect();
    await set?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the primary through every Sentinel and prints the settings a service takes', async () => {
    expect(await set.masterPort()).toBe(set.primary.port);
    expect(set.sentinels).toHaveLength(3);
    expect(set.env).toEqual({ REDIS_SENTINELS: set.sentinels.map((s) => `127.0.0.1:${s.port}`).join(','), REDIS_SENTINEL_NAME: 'tutti' });
    expect(new Set([set.primary.port, set.replica.port, ...set.sentinels.map((s) => s.port)]).size).toBe(5);
  });

  it(`promotes the replica within ${PROMOTION_BOUND_MS / 1000} s of kill -9 of the primary; a client through the Sentinels follows, the old primary rejoins as a replica`, async () => {
    client = new Redis({ sentinels: set.sentinels, name: set.masterName, maxRetriesPerRequest: null, retryStrategy: () => 100 });
    client.on('error', () => undefined); // the kill drops its connection; it reconnects through the Sentinels
    await client.set('before-failover', 'kept');
    // Replication is asynchronous: wait until the replica has the write, as it must to keep it.
    expect(await client.wait(1, 5_000)).toBe(1);

    const oldPrimary = set.primary.port;
    const killed = Date.now();
    await set.primary.kill();
    const promoted = await set.waitForPromotion(oldPrimary, PROMOTION_BOUND_MS);
    const failoverMs = Date.now() - killed;
    process.stderr.write(`sentinel spec: replica ${promoted} promoted ${failoverMs} ms after kill -9 of ${oldPrimary}\n`);
    expect(promoted).toBe(set.replica.port);
    expect(failoverMs).toBeLessThan(PROMOTION_BOUND_MS);

    // The same client, through the Sentinels, now writes to the new primary and reads what was replicated.
    expect(await client.get('before-failover')).toBe('kept');
    await client.set('after-failover', 'written');
    const direct = new Redis({ port: promoted, host: '127.0.0.1', lazyConnect: true });
    try {
      expect(await direct.get('after-failover')).toBe('written');
    } finally {
      direct.disconnect();
    }

    // Back up, the old primary is turned into a replica of the new one by the Sentinels (never a second primary for long).
    await set.primary.start();
    const until = Date.now() + PROMOTION_BOUND_MS;
    let role = '';
    while (Date.now() < until) {
      const probe = new Redis({ port: oldPrimary, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
      probe.on('error', () => undefined);
      role = await probe
        .info('replication')
        .then((info) => /role:(\w+)/.exec(info)?.[1] ?? '')
        .catch(() => '')
        .finally(() => probe.disconnect());
      if (role === 'slave') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(role).toBe('slave');
    expect(await set.masterPort()).toBe(promoted);
  });
});

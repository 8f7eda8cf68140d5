/**
 * Sentinel with passwords, as production runs it (issue 20): the data nodes with requirepass and
 * masterauth, the Sentinels with requirepass and `sentinel auth-pass`, started by the local
 * infrastructure; services connect through redisConnectionOf with REDIS_SENTINEL_PASSWORD and
 * REDIS_PASSWORD. A failover keeps writes going; a wrong password is refused with the variable to set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startRedisSentinel, type RedisSentinelHandle } from '@tutti/local-infra';
import { redisAuthProblem, redisConnectionOf, verifyRedisConnection, waitForRedis } from './redis-connection';

jest.setTimeout(120_000);

/** As redis-sentinel.spec: ~2-3 s from kill -9 to a promoted replica when idle, room for a busy machine. */
const PROMOTION_BOUND_MS = 15_000;
/** A wrong password is known at the first answer; the Sentinels' refusal only as the client keeps asking. */
const REFUSAL_TIMEOUT_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis with Sentinel and passwords, through the connection builder', () => {
  const dir = mkdtempSync(join(__dirname, '..', '..', '..', '..', '.tutti', 'sentinel-password-'));
  let set: RedisSentinelHandle;
  const clients: Redis[] = [];
  const direct = (port: number, password?: string) => {
    const client = new Redis({ host: '127.0.0.1', port, password, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    set = await startRedisSentinel({ dir, password: 'data-n0de-pw', sentinelPassword: 's3ntinel-pw' });
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await set?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the data nodes and the Sentinels asking for their passwords, and gives a service both', async () => {
    expect(set.env).toMatchObject({ REDIS_PASSWORD: 'data-n0de-pw', REDIS_SENTINEL_PASSWORD: 's3ntinel-pw' });
    for (const port of [set.primary.port, set.replica.port, set.sentinels[0].port]) {
      await expect(direct(port).ping()).rejects.toThrow(/NOAUTH/);
    }
    await expect(direct(set.sentinels[0].port, 's3ntinel-pw').ping()).resolves.toBe('PONG');
    // The replica could log in to its primary (masterauth): it is linked. The primary has masterauth too,
    // for when a failover makes it a replica (its rejoining is redis-sentinel.spec's, ~10 s of Sentinel's waiting).
    expect(await direct(set.replica.port, 'data-n0de-pw').info('replication')).toContain('master_link_status:up');
    expect(await direct(set.primary.port, 'data-n0de-pw').config('GET', 'masterauth')).toEqual(['masterauth', 'data-n0de-pw']);
    await expect(verifyRedisConnection(set.env)).resolves.toBeUndefined();
  });

  it.each([
    [
      'a wrong Sentinel password',
      { REDIS_SENTINEL_PASSWORD: 'wrong' },
      /the Redis Sentinels refused the password: set REDIS_SENTINEL_PASSWORD/,
    ],
    ['no Sentinel password', { REDIS_SENTINEL_PASSWORD: undefined }, /the Redis Sentinels ask for a password: set REDIS_SENTINEL_PASSWORD/],
    ['a wrong data node password', { REDIS_PASSWORD: 'wrong' }, /Redis refused the password: set REDIS_PASSWORD/],
    ['no data node password', { REDIS_PASSWORD: undefined }, /Redis asks for a password: set REDIS_PASSWORD/],
  ])('with %s, fails saying what to set', async (_, override, message) => {
    await expect(verifyRedisConnection({ ...set.env, ...override }, REFUSAL_TIMEOUT_MS)).rejects.toThrow(message);
  });

  it('stops a service’s start-up at the Sentinels’ first refusal, without waiting for Redis', async () => {
    const lines: string[] = [];
    await expect(
      waitForRedis({ ...set.env, REDIS_SENTINEL_PASSWORD: 'wrong' }, (line) => lines.push(line), { timeoutMs: REFUSAL_TIMEOUT_MS }),
    ).rejects.toThrow(/the Redis Sentinels refused the password: set REDIS_SENTINEL_PASSWORD/);
    expect(lines).toEqual([]);
    await expect(waitForRedis(set.env, (line) => lines.push(line))).resolves.toBeUndefined();
  });

  it('reads what a client left to itself reports: the Sentinels’ refusal and a data node’s', () => {
    expect(
      redisAuthProblem(
        new Error('All sentinels are unreachable. Retrying from scratch after 200ms. Last error: WRONGPASS invalid username-password pair'),
      ),
    ).toMatch(/set REDIS_SENTINEL_PASSWORD/);
    expect(redisAuthProblem(new Error('NOAUTH Authentication required.'))).toMatch(/set REDIS_PASSWORD/);
    expect(redisAuthProblem(new Error('ERR AUTH <password> called without any password configured for the default user'))).toMatch(
      /unset REDIS_PASSWORD/,
    );
    expect(redisAuthProblem(new Error('connect ECONNREFUSED 127.0.0.1:6379'))).toBeUndefined();
  });

  it(`keeps writing through a failover: kill -9 of the primary, the replica promoted within ${PROMOTION_BOUND_MS / 1000} s, no write lost or refused`, async () => {
    // As a BullMQ worker's connection: commands wait for the new primary rather than fail.
    const client = new Redis({ ...redisConnectionOf(set.env), maxRetriesPerRequest: null });
    client.on('error', () => undefined);
    clients.push(client);
    for (let i = 0; i < 10; i++) await client.rpush('writes', `before-${i}`);
    expect(await client.wait(1, 5_000)).toBe(1); // replicated, as it must be to survive the primary

    const acknowledged: { value: string; at: number }[] = [];
    const refused: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const value = `during-${i}`;
        try {
          await client.rpush('writes', value);
          acknowledged.push({ value, at: Date.now() });
        } catch (error: unknown) {
          refused.push(`${value}: ${error instanceof Error ? error.message : String(error)}`);
        }
        await sleep(20);
      }
    })();

    await sleep(200);
    const oldPrimary = set.primary.port;
    const killed = Date.now();
    await set.primary.kill();
    const promoted = await set.waitForPromotion(oldPrimary, PROMOTION_BOUND_MS);
    const promotedAfterMs = Date.now() - killed;
    // Writes go on after the promotion: wait for ten more, then stop.
    const afterPromotion = () => acknowledged.filter((write) => write.at > killed + promotedAfterMs).length;
    const until = Date.now() + PROMOTION_BOUND_MS;
    while (afterPromotion() < 10 && Date.now() < until) await sleep(50);
    writing = false;
    await writer;

    const gaps = acknowledged.slice(1).map((write, i) => write.at - acknowledged[i].at);
    const longestGapMs = Math.max(...gaps);
    process.stderr.write(
      `sentinel password spec: replica ${promoted} promoted ${promotedAfterMs} ms after kill -9 of ${oldPrimary}; ` +
        `${acknowledged.length} writes acknowledged, the longest wait between two ${longestGapMs} ms\n`,
    );
    expect(promoted).toBe(set.replica.port);
    expect(refused).toEqual([]);
    expect(afterPromotion()).toBeGreaterThanOrEqual(10);
    expect(longestGapMs).toBeLessThan(PROMOTION_BOUND_MS);

    // The new primary holds the replicated writes and every write acknowledged after the kill.
    const held = new Set(await direct(promoted, 'data-n0de-pw').lrange('writes', 0, -1));
    const missing = [
      ...Array.from({ length: 10 }, (_, i) => `before-${i}`),
      ...acknowledged.filter((write) => write.at > killed).map((write) => write.value),
    ].filter((value) => !held.has(value));
    expect(missing).toEqual([]);

    await expect(verifyRedisConnection(set.env)).resolves.toBeUndefined();
  });
});

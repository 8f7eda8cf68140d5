import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort, HOST } from './ports';
import { errorMessage, killFromPidFile, liveOwner, LocalInfraError, noLog, seconds, sleep, writeOwner, type Log } from './processes';
import { checkLocalRedisPassword, ensureRedisServer, RedisServer, startRedis, type RedisServerHandle } from './redis';

export interface RedisSentinelOptions {
  /** primary/, replica/ and sentinel-1..3/ live here. */
  dir: string;
  /** The name the Sentinels monitor the primary under (REDIS_SENTINEL_NAME). Default 'tutti'. */
  masterName?: string;
  /** First port to try for the primary; the replica and the Sentinels try the next four (dev). Default: free ports. */
  preferredPort?: number;
  /**
   * How long the primary must stay unanswering before a Sentinel calls it down (Sentinel's
   * down-after-milliseconds). Production runs 5-30 s to ride out a pause; 1 s here, so drills are quick.
   */
  downAfterMs?: number;
  /**
   * The data nodes' password (REDIS_PASSWORD): `requirepass` and `masterauth` on the primary and the
   * replica, and the Sentinels' `sentinel auth-pass` for them. Default: none.
   */
  password?: string;
  /** The Sentinels' own password (REDIS_SENTINEL_PASSWORD): `requirepass` in each sentinel.conf. Default: none. */
  sentinelPassword?: string;
  log?: Log;
}

export interface SentinelAddress {
  host: string;
  port: number;
}

export interface RedisSentinelHandle {
  readonly masterName: string;
  /** The three Sentinels. */
  readonly sentinels: SentinelAddress[];
  /** What a service is given: REDIS_SENTINELS and REDIS_SENTINEL_NAME, and the passwords the set was started with. */
  readonly env: { REDIS_SENTINELS: string; REDIS_SENTINEL_NAME: string; REDIS_PASSWORD?: string; REDIS_SENTINEL_PASSWORD?: string };
  /** The data servers as started: the primary and its replica (after a failover the replica is the primary). */
  readonly primary: RedisServerHandle;
  readonly replica: RedisServerHandle;
  /** The port a majority of the Sentinels name as the primary now (undefined while they disagree or are away). */
  masterPort(): Promise<number | undefined>;
  /**
   * Waits until a majority of the Sentinels name a primary other than `fromPort` and that server
   * answers as a master; answers its port. Throws after `timeoutMs`.
   */
  waitForPromotion(fromPort: number, timeoutMs?: number): Promise<number>;
  /** Stops the Sentinels, then the replica and the primary. Idempotent. */
  stop(): Promise<void>;
}

const SENTINEL_COUNT = 3;
const QUORUM = 2;
const DEFAULT_DOWN_AFTER_MS = 1_000;
/** After a failed failover, how long before the next try (and the longest one failover may take). */
const FAILOVER_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 60_000;

/** One command to one server, with a short timeout; undefined when it does not answer. */
async function ask(port: number, password: string | undefined, ...command: [string, ...(string | number)[]]): Promise<unknown> {
  const client = new Redis({
    host: HOST,
    port,
    password,
    lazyConnect: true,
    connectTimeout: 1_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(...command);
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}

/** SENTINEL replies (flat [key, value, key, value, …] arrays) as objects. */
function pairs(reply: unknown): Record<string, string>[] {
  if (!Array.isArray(reply)) return [];
  return reply.map((flat: unknown) => {
    const entries: Record<string, string> = {};
    if (Array.isArray(flat)) for (let i = 0; i + 1 < flat.length; i += 2) entries[String(flat[i])] = String(flat[i + 1]);
    return entries;
  });
}

function sentinelConfig(options: {
  port: number;
  dir: string;
  masterName: string;
  primaryPort: number;
  downAfterMs: number;
  password?: string;
  sentinelPassword?: string;
}): string {
  const { masterName } = options;
  return [
    `port ${options.port}`,
    `bind ${HOST}`,
    `dir ${options.dir}`,
    'sentinel resolve-hostnames no',
    `sentinel monitor ${masterName} ${HOST} ${options.primaryPort} ${QUORUM}`,
    `sentinel down-after-milliseconds ${masterName} ${options.downAfterMs}`,
    `sentinel failover-timeout ${masterName} ${FAILOVER_TIMEOUT_MS}`,
    `sentinel parallel-syncs ${masterName} 1`,
    // How a Sentinel logs in to the data nodes; its own requirepass is also what it gives the other Sentinels.
    ...(options.password ? [`sentinel auth-pass ${masterName} ${options.password}`] : []),
    ...(options.sentinelPassword ? [`requirepass ${options.sentinelPassword}`] : []),
    '',
  ].join('\n');
}

/**
 * A Redis primary, one replica and three Sentinels (quorum 2) on 127.0.0.1, as production runs
 * Redis for BullMQ: the Sentinels promote the replica when the primary dies, and clients that ask
 * them (REDIS_SENTINELS) follow. Answers once every Sentinel names the primary and knows the
 * replica and the other two Sentinels, so that a failover can start at once.
 */
export async function startRedisSentinel(options: RedisSentinelOptions): Promise<RedisSentinelHandle> {
  const log = options.log ?? noLog;
  const dir = resolve(options.dir);
  const masterName = options.masterName ?? 'tutti';
  const downAfterMs = options.downAfterMs ?? DEFAULT_DOWN_AFTER_MS;
  // Empty is none, as REDIS_PASSWORD and REDIS_SENTINEL_PASSWORD are read.
  const password = options.password ? checkLocalRedisPassword(options.password, 'the Redis password') : undefined;
  const sentinelPassword = options.sentinelPassword
    ? checkLocalRedisPassword(options.sentinelPassword, 'the Sentinel password')
    : undefined;
  mkdirSync(dir, { recursive: true });
  const owner = liveOwner(dir);
  if (owner && owner.pid !== process.pid) {
    throw new LocalInfraError(`Redis with Sentinel in ${dir} is already run by process ${owner.pid}: stop it first`);
  }
  const bin = await ensureRedisServer(log);
  const started = Date.now();
  const preferred = (offset: number) => (options.preferredPort ? options.preferredPort + offset : undefined);
  const stoppables: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    const errors: string[] = [];
    for (const handle of [...stoppables].reverse()) await handle.stop().catch((error: unknown) => errors.push(errorMessage(error)));
    if (errors.length > 0) throw new LocalInfraError(errors.join('; '));
  };
  try {
    // The Sentinels of an earlier run rewrote their files with its state: start from scratch.
    for (let i = 1; i <= SENTINEL_COUNT; i++) await killFromPidFile(join(dir, `sentinel-${i}`, 'redis.pid'), 'redis-server', 'SIGTERM');
    const primary = await startRedis({ dir: join(dir, 'primary'), preferredPort: preferred(0), password, log });
    stoppables.push(primary);
    const replica = await startRedis({ dir: join(dir, 'replica'), preferredPort: preferred(1), replicaOf: primary.port, password, log });
    stoppables.push(replica);
    const sentinels: SentinelAddress[] = [];
    for (let i = 1; i <= SENTINEL_COUNT; i++) {
      const sentinelDir = join(dir, `sentinel-${i}`);
      mkdirSync(sentinelDir, { recursive: true });
      const port = await findFreePort(preferred(1 + i));
      const configFile = join(sentinelDir, 'sentinel.conf');
      writeFileSync(
        configFile,
        sentinelConfig({ port, dir: sentinelDir, masterName, primaryPort: primary.port, downAfterMs, password, sentinelPassword }),
      );
      const sentinel = new RedisServer(bin, sentinelDir, port, log, { kind: 'sentinel', configFile, password: sentinelPassword });
      await sentinel.start();
      stoppables.push(sentinel);
      sentinels.push({ host: HOST, port });
    }
    writeOwner(dir);

    const masterPortFrom = async (sentinelPort: number): Promise<number | undefined> => {
      const reply = await ask(sentinelPort, sentinelPassword, 'SENTINEL', 'get-master-addr-by-name', masterName);
      return Array.isArray(reply) && reply.length === 2 ? Number(reply[1]) : undefined;
    };
    const masterPort = async (): Promise<number | undefined> => {
      const named = await Promise.all(sentinels.map((s) => masterPortFrom(s.port)));
      const votes = new Map<number, number>();
      for (const port of named) if (port !== undefined) votes.set(port, (votes.get(port) ?? 0) + 1);
      return [...votes].find(([, count]) => count >= QUORUM)?.[0];
    };
    const isMaster = async (port: number) => String(await ask(port, password, 'INFO', 'replication')).includes('role:master');

    log(`waiting until the Sentinels see the primary (${primary.port}), its replica and each other …`);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const views = await Promise.all(
        sentinels.map(async (s) => ({
          master: await masterPortFrom(s.port),
          replicas: pairs(await ask(s.port, sentinelPassword, 'SENTINEL', 'replicas', masterName)).filter((r) => !r.flags?.includes('down'))
            .length,
          others: pairs(await ask(s.port, sentinelPassword, 'SENTINEL', 'sentinels', masterName)).length,
        })),
      );
      const linked = String(await ask(replica.port, password, 'INFO', 'replication')).includes('master_link_status:up');
      const ready = linked && views.every((v) => v.master === primary.port && v.replicas >= 1 && v.others === SENTINEL_COUNT - 1);
      if (ready) break;
      if (Date.now() > deadline) {
        throw new LocalInfraError(
          `the Sentinels did not settle within ${READY_TIMEOUT_MS / 1000} s (replica linked: ${linked}; ${JSON.stringify(views)}); see ${dir}/*/redis.log`,
        );
      }
      await sleep(200);
    }
    log(
      `Redis with Sentinel ready in ${seconds(started)}: primary ${primary.port}, replica ${replica.port}, Sentinels ${sentinels.map((s) => s.port).join(', ')}`,
    );

    let stopping: Promise<void> | undefined;
    return {
      masterName,
      sentinels,
      env: {
        REDIS_SENTINELS: sentinels.map((s) => `${s.host}:${s.port}`).join(','),
        REDIS_SENTINEL_NAME: masterName,
        ...(password ? { REDIS_PASSWORD: password } : {}),
        ...(sentinelPassword ? { REDIS_SENTINEL_PASSWORD: sentinelPassword } : {}),
      },
      primary,
      replica,
      masterPort,
      async waitForPromotion(fromPort, timeoutMs = 30_000) {
        const until = Date.now() + timeoutMs;
        for (;;) {
          const port = await masterPort();
          if (port !== undefined && port !== fromPort && (await isMaster(port))) return port;
          if (Date.now() > until) throw new LocalInfraError(`no primary other than ${fromPort} promoted within ${timeoutMs} ms`);
          await sleep(50);
        }
      },
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

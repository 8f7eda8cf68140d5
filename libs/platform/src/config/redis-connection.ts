import { isIP } from 'node:net';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import type { RedisOptions as QueueRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { retryWithBackoff } from '../bootstrap/retry';

/**
 * Where Redis is, as the environment says it: REDIS_URL for one server (the default), or
 * REDIS_SENTINELS (host:port,host:port,…) and REDIS_SENTINEL_NAME for a primary that Sentinel
 * watches and fails over. Read here only: every Redis client and BullMQ queue, worker and
 * QueueEvents of every service, and the gateway's rate limiter, start from `redisConnectionOf`.
 */
export interface RedisLocation {
  REDIS_URL?: string;
  REDIS_SENTINELS?: string;
  REDIS_SENTINEL_NAME?: string;
  /** The Sentinels' own password (`requirepass` in sentinel.conf), ioredis's `sentinelPassword`. */
  REDIS_SENTINEL_PASSWORD?: string;
  /**
   * The data nodes' password (primary and replicas' `requirepass`): with Sentinels the only way to
   * give it; with REDIS_URL, used when the URL carries none (a password in the URL wins).
   */
  REDIS_PASSWORD?: string;
}

export const DEFAULT_SENTINEL_MASTER_NAME = 'tutti';

export interface SentinelAddress {
  host: string;
  port: number;
}

/** One `host:port` of a REDIS_SENTINELS list, or undefined when it is not one. IPv6 as `[::1]:26379`. */
export function parseSentinelAddress(entry: string): SentinelAddress | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/i.exec(entry.trim());
  if (!match) return undefined;
  const host = match[1] ?? match[2];
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return undefined;
  if (match[1] !== undefined && isIP(host) !== 6) return undefined;
  return { host, port };
}

function sentinelEntries(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** REDIS_SENTINELS as addresses; throws on an entry that is not host:port. */
export function sentinelAddresses(value: string): SentinelAddress[] {
  return sentinelEntries(value).map((entry) => {
    const address = parseSentinelAddress(entry);
    if (!address) throw new Error(`REDIS_SENTINELS: "${entry}" is not host:port`);
    return address;
  });
}

/** Validates REDIS_SENTINELS: one or more host:port, comma-separated. */
export function IsSentinelList(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isSentinelList',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && sentinelEntries(value).length > 0 && sentinelEntries(value).every((e) => parseSentinelAddress(e)),
        defaultMessage: (args?: ValidationArguments) => {
          const bad = sentinelEntries(String(args?.value ?? '')).find((entry) => !parseSentinelAddress(entry));
          return `must be the Sentinels as host:port, comma-separated (e.g. 10.0.0.1:26379,10.0.0.2:26379,10.0.0.3:26379)${
            bad === undefined ? '' : `; ${JSON.stringify(bad)} is not host:port`
          }`;
        },
      },
    });
  };
}

/**
 * A failed-over primary that comes back is a replica: a client still on it gets READONLY for every
 * write. Reconnect (through Sentinel, to the new primary) and send the command again.
 */
export function reconnectOnReadOnly(error: Error): 2 | false {
  return error.message.startsWith('READONLY') ? 2 : false;
}

/** Asking the Sentinels again after all of them failed to answer: quickly and steadily, at most every 2 s. */
export function sentinelRetryDelayMs(attempt: number): number {
  return Math.min(attempt * 200, 2_000);
}

/**
 * ioredis options for the Redis the settings name. With Sentinels: the client asks them for the
 * primary of REDIS_SENTINEL_NAME, and after a failover asks again and reconnects to the new one (the
 * old primary's connection drops when it dies; if it comes back, it is a replica and answers writes
 * READONLY, on which the client reconnects); commands waiting meanwhile follow each client's own
 * rules (a BullMQ worker waits, a fail-fast producer refuses). Callers add their own timeouts and retries.
 *
 * Not ioredis's `failoverDetector` (reconnect on Sentinel's +switch-master): the detector of the lost
 * connection stays subscribed, and a +switch-master that arrives while the client is asking the
 * Sentinels for the primary aborts that connect for good (status 'end', "Connection is closed."; ioredis
 * 5.11). In the failover drill it left parent-engagement's outbox relay without Redis for the rest of
 * the run (bench/sentinel-failover.bench.ts).
 */
export function redisConnectionOf(settings: RedisLocation): RedisOptions {
  const sentinels = settings.REDIS_SENTINELS?.trim();
  if (sentinels) {
    return {
      sentinels: sentinelAddresses(sentinels),
      name: settings.REDIS_SENTINEL_NAME?.trim() || DEFAULT_SENTINEL_MASTER_NAME,
      role: 'master',
      ...(settings.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: settings.REDIS_SENTINEL_PASSWORD } : {}),
      ...(settings.REDIS_PASSWORD ? { password: settings.REDIS_PASSWORD } : {}),
      failoverDetector: false,
      sentinelRetryStrategy: sentinelRetryDelayMs,
      reconnectOnError: reconnectOnReadOnly,
    };
  }
  if (!settings.REDIS_URL) throw new Error('Redis: set REDIS_URL, or REDIS_SENTINELS and REDIS_SENTINEL_NAME');
  const options = redisUrlOptions(settings.REDIS_URL);
  return settings.REDIS_PASSWORD && options.password === undefined ? { ...options, password: settings.REDIS_PASSWORD } : options;
}

/**
 * What to set when Redis or its Sentinels refuse the password (WRONGPASS), ask for one (NOAUTH) or
 * have none to check it against; undefined for any other error. Reads the errors a client built by
 * `redisConnectionOf` reports: ioredis gives a Sentinel's refusal as "All sentinels are unreachable
 * … Last error: WRONGPASS …" (and keeps asking), a data node's as the reply to AUTH.
 */
export function redisAuthProblem(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const sentinel = /sentinel/i.test(message);
  const [variable, servers] = sentinel
    ? ['REDIS_SENTINEL_PASSWORD', "the Sentinels' requirepass (sentinel.conf)"]
    : ['REDIS_PASSWORD', "the data nodes' requirepass (a password in REDIS_URL wins over it)"];
  const who = sentinel ? 'the Redis Sentinels' : 'Redis';
  if (/\bWRONGPASS\b|invalid password/.test(message)) return `${who} refused the password: set ${variable} to ${servers}`;
  if (/\bNOAUTH\b/.test(message)) return `${who} ${sentinel ? 'ask' : 'asks'} for a password: set ${variable} to ${servers}`;
  if (/AUTH.*called without any password configured/i.test(message)) {
    return `${who} ${sentinel ? 'have' : 'has'} no password: unset ${variable}`;
  }
  return undefined;
}

/** An error's message; ioredis's errors may come from another realm (Jest's), where `instanceof Error` is false. */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}

/** Redis or its Sentinels refused, or asked for, a password: the message names the variable to set. Waiting does not cure it. */
export class RedisPasswordError extends Error {}

/**
 * Connects once through `redisConnectionOf(settings)` and PINGs the primary; throws when it cannot
 * within `timeoutMs`, naming the variable to set when a password is the problem (a client left to
 * itself retries such a refusal for ever, the Sentinels' silently): then a RedisPasswordError.
 * For checks; a service's start-up goes through `waitForRedis`.
 */
export async function verifyRedisConnection(settings: RedisLocation, timeoutMs = 5_000): Promise<void> {
  // disconnectTimeout: a probe's socket need not linger (ioredis's 2 s timer outlives an already closed one).
  const client = new Redis({
    ...redisConnectionOf(settings),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    disconnectTimeout: 100,
  });
  let lastError: unknown;
  client.on('error', (error: unknown) => (lastError = error));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), timedOut]);
  } catch (error: unknown) {
    const problem = redisAuthProblem(error) ?? (lastError === undefined ? undefined : redisAuthProblem(lastError));
    const cause = lastError ?? error;
    const where = `Redis (${describeRedisLocation(settings)})`;
    if (problem !== undefined) throw new RedisPasswordError(`${where}: ${problem}`, { cause });
    throw new Error(`${where}: ${messageOf(cause)}`, { cause });
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** How long a starting service waits for a Redis (or Sentinels) that does not answer; Kubernetes' startupProbe allows 5 minutes. */
export const REDIS_STARTUP_WAIT_MS = 60_000;

/**
 * A service's start-up, before any queue, worker or Redis client is made: `verifyRedisConnection`
 * until Redis answers, retrying with backoff (logged) while it is away, as it may be for a moment
 * when pods start together. Throws at once on a password problem, naming REDIS_PASSWORD or
 * REDIS_SENTINEL_PASSWORD, and after `waitMs` on anything else, naming where it looked and what says so.
 */
export async function waitForRedis(
  settings: RedisLocation,
  log: (line: string) => void,
  options: { waitMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const waitMs = options.waitMs ?? REDIS_STARTUP_WAIT_MS;
  try {
    await retryWithBackoff(() => verifyRedisConnection(settings, options.timeoutMs), {
      describe: 'waiting for Redis',
      log,
      deadlineMs: waitMs,
      retryable: (error) => !(error instanceof RedisPasswordError),
    });
  } catch (error: unknown) {
    if (error instanceof RedisPasswordError) throw error;
    const where = settings.REDIS_SENTINELS?.trim()
      ? 'REDIS_SENTINELS (Sentinels that answer) and REDIS_SENTINEL_NAME (the name they monitor the primary under)'
      : 'REDIS_URL to a Redis that answers';
    throw new Error(`${messageOf(error)} (waiting up to ${waitMs / 1000} s); check ${where}`, {
      cause: error,
    });
  }
}

/** A redis:// or rediss:// URL as ioredis options (host, port, user, password, database, TLS). */
export function redisUrlOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`not a redis:// URL: ${parsed.protocol}`);
  const db = parsed.pathname.replace(/^\/+/, '');
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** For logs: where the connection goes, without secrets. */
export function describeRedisLocation(settings: RedisLocation): string {
  if (settings.REDIS_SENTINELS?.trim()) {
    return `Sentinel ${settings.REDIS_SENTINEL_NAME?.trim() || DEFAULT_SENTINEL_MASTER_NAME} via ${sentinelEntries(settings.REDIS_SENTINELS).join(',')}`;
  }
  const options = settings.REDIS_URL ? redisUrlOptions(settings.REDIS_URL) : undefined;
  return options ? `${options.host}:${options.port}` : 'nowhere';
}

/** The same options as a BullMQ Queue, Worker or QueueEvents takes them (its type allows no null retryStrategy). */
export function queueConnectionOf(options: RedisOptions): QueueRedisOptions {
  const { retryStrategy, ...rest } = options;
  return retryStrategy ? { ...rest, retryStrategy } : rest;
}

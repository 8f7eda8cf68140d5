import type { RedisOptions as WorkerRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/** BullMQ key prefix of Tutti's queues (tests pass unique ones). */
export const DEFAULT_QUEUE_PREFIX = 'tutti';

/** A `redis://` URL or ioredis options. */
export type RedisConnectionInput = string | RedisOptions;

/**
 * ioredis waits this long for a closing socket before destroying it, and keeps the process alive
 * meanwhile, even for a socket that had already dropped (its default is 2 s).
 */
const DISCONNECT_TIMEOUT_MS = 200;

/** Reconnect quickly and steadily rather than BullMQ's default, which backs off to 20 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 200, 2_000);
}

/**
 * For BullMQ Workers, which hold blocking connections: commands must wait across a reconnect
 * (`maxRetriesPerRequest: null`, as BullMQ requires), never fail them.
 */
export function workerConnectionOptions(input: RedisConnectionInput): WorkerRedisOptions {
  const common = { maxRetriesPerRequest: null, disconnectTimeout: DISCONNECT_TIMEOUT_MS };
  if (typeof input === 'string') return { url: input, retryStrategy: reconnectDelayMs, ...common };
  const { retryStrategy, ...rest } = input;
  return { ...rest, retryStrategy: retryStrategy ?? reconnectDelayMs, ...common };
}

export interface ProducerClientSettings {
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

export const DEFAULT_PRODUCER_CLIENT_SETTINGS: ProducerClientSettings = {
  connectTimeoutMs: 1_000,
  commandTimeoutMs: 5_000,
};

/**
 * For code that adds or removes jobs: while Redis is unreachable a command must fail at once (no
 * offline queue, no retries) so that the caller can record the failure and carry on; the client
 * keeps reconnecting in the background.
 */
export function createProducerClient(
  input: RedisConnectionInput,
  settings: ProducerClientSettings = DEFAULT_PRODUCER_CLIENT_SETTINGS,
): Redis {
  const options: RedisOptions = {
    retryStrategy: reconnectDelayMs,
    ...(typeof input === 'string' ? {} : input),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: settings.connectTimeoutMs,
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
    commandTimeout: settings.commandTimeoutMs,
  };
  return typeof input === 'string' ? new Redis(input, options) : new Redis(options);
}

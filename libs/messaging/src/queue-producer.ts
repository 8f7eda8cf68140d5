import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError, type MessagingLogger } from './logger';
import {
  createProducerClient,
  DEFAULT_PRODUCER_CLIENT_SETTINGS,
  type ProducerClientSettings,
  type RedisConnectionInput,
} from './redis-connection';

export class RedisUnavailableError extends Error {
  constructor(detail: string) {
    super(`Redis is unavailable: ${detail}`);
    this.name = 'RedisUnavailableError';
  }
}

export interface QueueProducerOptions {
  redis: RedisConnectionInput;
  /** BullMQ key prefix. */
  prefix: string;
  logger: MessagingLogger;
  clientSettings?: ProducerClientSettings;
}

/**
 * BullMQ queues for adding and removing jobs over one fail-fast connection. `queue()` refuses at
 * once while Redis is down instead of waiting for it, and after any Redis error the caller calls
 * `discardQueues()` so the next use starts from fresh Queue objects.
 */
export class QueueProducer {
  /** Opened on first use: a process that never adds a job holds no connection. */
  private client: Redis | undefined;
  private readonly queues = new Map<string, Queue>();
  private readonly settings: ProducerClientSettings;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: QueueProducerOptions) {
    this.settings = options.clientSettings ?? DEFAULT_PRODUCER_CLIENT_SETTINGS;
  }

  async queue(name: string): Promise<Queue> {
    const client = await this.connectedClient();
    const existing = this.queues.get(name);
    if (existing) return existing;
    const queue = new Queue(name, { connection: client, prefix: this.options.prefix });
    queue.on('error', (error: unknown) => this.options.logger.debug(`Queue ${name}: ${describeError(error)}`));
    this.queues.set(name, queue);
    return queue;
  }

  /** A Queue whose first connection attempt failed stays broken; drop them all and start again. */
  async discardQueues(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.allSettled(queues.map((queue) => queue.close()));
  }

  /** Idempotent: each ioredis disconnect() of a dropped connection holds the process a moment. */
  async close(): Promise<void> {
    await this.discardQueues();
    if (this.closed) return;
    this.closed = true;
    this.client?.disconnect();
  }

  private async connectedClient(): Promise<Redis> {
    if (this.closed) throw new RedisUnavailableError('the producer is closed');
    if (!this.client) {
      this.client = createProducerClient(this.options.redis, this.settings);
      this.client.on('error', (error: unknown) => this.options.logger.debug(`Redis producer: ${describeError(error)}`));
    }
    const client = this.client;
    if (client.status === 'ready') return client;
    if (client.status === 'end') throw new RedisUnavailableError('the producer connection is closed');
    // Between reconnection attempts: Redis is known to be down, so say so now rather than wait.
    if (client.status === 'reconnecting') throw new RedisUnavailableError('reconnecting');
    // Concurrent callers share one wait (and one 'ready' listener).
    this.connecting ??= this.waitUntilReady(client).finally(() => (this.connecting = undefined));
    await this.connecting;
    return client;
  }

  private waitUntilReady(client: Redis): Promise<void> {
    const { connectTimeoutMs } = this.settings;
    return new Promise<void>((resolve, reject) => {
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        reject(new RedisUnavailableError(`not connected within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      client.once('ready', onReady);
    });
  }
}

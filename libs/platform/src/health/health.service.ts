import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { queueConnectionOf, redisAuthProblem } from '../config/redis-connection';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform-options';

type CheckStatus = 'ok' | 'error';

/** HealthReport as a JSON schema, for the OpenAPI document of every /health. */
export const HEALTH_REPORT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['service', 'status', 'mode', 'checks'],
  properties: {
    service: { type: 'string' },
    status: { type: 'string', enum: ['ok', 'error'] },
    mode: { type: 'string' },
    checks: { type: 'object', additionalProperties: { type: 'object', additionalProperties: true } },
  },
};

export interface HealthReport {
  service: string;
  status: CheckStatus;
  mode: string;
  checks: {
    postgres: { status: CheckStatus; latencyMs?: number; error?: string };
    redis: { status: CheckStatus; latencyMs?: number; error?: string };
    queues: Record<string, { status: CheckStatus; waiting?: number; active?: number; delayed?: number; failed?: number; error?: string }>;
  };
}

const CHECK_TIMEOUT_MS = 1_500;

/** Reports Postgres, Redis and this service's queues; goes red while one is down, green when back. */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly queues: Queue[];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {
    const connection = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: CHECK_TIMEOUT_MS };
    this.redis = new Redis({ ...options.config.redisConnection, ...connection });
    this.redis.on('error', () => undefined); // reported by check(), not as an unhandled event
    this.queues = options.queues.map((name) => {
      const queue = new Queue(name, {
        connection: queueConnectionOf({ ...options.config.redisConnection, ...connection }),
        prefix: options.config.QUEUE_PREFIX,
      });
      queue.on('error', () => undefined);
      return queue;
    });
  }

  async check(): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([this.checkPostgres(), this.checkRedis()]);
    const queues: HealthReport['checks']['queues'] =
      redis.status === 'ok'
        ? await this.checkQueues()
        : Object.fromEntries(this.queues.map((q) => [q.name, { status: 'error' as const, error: 'redis is down' }]));
    const healthy = postgres.status === 'ok' && redis.status === 'ok' && Object.values(queues).every((q) => q.status === 'ok');
    return {
      service: this.options.service,
      status: healthy ? 'ok' : 'error',
      mode: this.options.config.SERVICE_MODE,
      checks: { postgres, redis, queues },
    };
  }

  private async checkPostgres() {
    const started = performance.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 'postgres');
      return { status: 'ok' as const, latencyMs: elapsed(started) };
    } catch (error) {
      return { status: 'error' as const, error: messageOf(error) };
    }
  }

  private async checkRedis() {
    const started = performance.now();
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await withTimeout(this.redis.connect(), 'redis');
      await withTimeout(this.redis.ping(), 'redis');
      return { status: 'ok' as const, latencyMs: elapsed(started) };
    } catch (error) {
      // A refused password says which setting to change, not only ioredis's WRONGPASS/NOAUTH.
      return { status: 'error' as const, error: redisAuthProblem(error) ?? messageOf(error) };
    }
  }

  private async checkQueues() {
    const entries = await Promise.all(
      this.queues.map(async (queue) => {
        try {
          const counts = await withTimeout(queue.getJobCounts('waiting', 'active', 'delayed', 'failed'), queue.name);
          return [queue.name, { status: 'ok' as const, ...counts }] as const;
        } catch (error) {
          return [queue.name, { status: 'error' as const, error: messageOf(error) }] as const;
        }
      }),
    );
    return Object.fromEntries(entries);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
    this.redis.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

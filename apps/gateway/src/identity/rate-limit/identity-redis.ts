import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { IdentityConfig } from '../config/identity-config';
import { IDENTITY_CONFIG } from '../config/identity-config.token';

/** The gateway's Redis connection for sign-in counters; keys live under `<QUEUE_PREFIX>:identity:`. */
@Injectable()
export class IdentityRedis implements OnModuleDestroy {
  readonly client: Redis;
  readonly keyPrefix: string;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.client = new Redis({
      ...config.redisConnection,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      lazyConnect: false,
    });
    this.client.on('error', () => undefined); // a failed command answers 503; the event itself is not a crash
    this.keyPrefix = `${config.QUEUE_PREFIX}:identity:`;
  }

  key(...parts: string[]): string {
    return `${this.keyPrefix}${parts.join(':')}`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

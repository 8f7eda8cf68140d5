import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { IdentityRedis } from './identity-redis';

export interface WindowCount {
  count: number;
  /** Seconds until the window (and its count) ends. */
  secondsLeft: number;
}

/** Fixed-window counters and cool-down marks in Redis, shared by every gateway replica. */
@Injectable()
export class RedisCounters {
  constructor(private readonly redis: IdentityRedis) {}

  /** Adds one to the counter; the first hit of a window creates it with the window's expiry. */
  async increment(key: string, windowSeconds: number): Promise<WindowCount> {
    const results = await this.run(() => this.redis.client.multi().set(key, '0', 'EX', windowSeconds, 'NX').incr(key).ttl(key).exec());
    const count = Number(results?.[1]?.[1] ?? 0);
    const ttl = Number(results?.[2]?.[1] ?? windowSeconds);
    return { count, secondsLeft: ttl > 0 ? ttl : windowSeconds };
  }

  async read(key: string): Promise<WindowCount> {
    const results = await this.run(() => this.redis.client.multi().get(key).ttl(key).exec());
    const count = Number(results?.[0]?.[1] ?? 0);
    const ttl = Number(results?.[1]?.[1] ?? 0);
    return { count, secondsLeft: Math.max(ttl, 0) };
  }

  /** Seconds a cool-down mark has left, 0 when there is none. */
  async secondsLeft(key: string): Promise<number> {
    const ttl = await this.run(() => this.redis.client.ttl(key));
    return ttl > 0 ? ttl : 0;
  }

  async mark(key: string, seconds: number): Promise<void> {
    await this.run(() => this.redis.client.set(key, '1', 'EX', seconds));
  }

  async clear(...keys: string[]): Promise<void> {
    await this.run(() => this.redis.client.del(...keys));
  }

  key(...parts: string[]): string {
    return this.redis.key(...parts);
  }

  /** Without Redis no attempt can be counted, so none is let through. */
  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new ServiceUnavailableException('Sign-in is unavailable for a moment; try again shortly.');
    }
  }
}

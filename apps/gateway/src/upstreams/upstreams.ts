import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'undici';
import { GatewayConfig, UPSTREAMS, type ProxiedService } from '../config';

/** A service that does not accept a connection within this long is treated as down. */
export const CONNECT_TIMEOUT_MS = 2_000;
/** Sockets kept open to each service; more than the busiest service's event loop can use at once. */
export const CONNECTIONS_PER_UPSTREAM = 64;

/** One keep-alive connection pool per service, shared by the proxy, /health and /docs-json. */
@Injectable()
export class Upstreams implements OnApplicationShutdown {
  private readonly pools: ReadonlyMap<ProxiedService, Pool>;

  constructor(config: GatewayConfig) {
    this.pools = new Map(
      UPSTREAMS.map((service) => [
        service,
        new Pool(new URL(config.upstreamUrl(service)).origin, {
          connections: CONNECTIONS_PER_UPSTREAM,
          pipelining: 1,
          connectTimeout: CONNECT_TIMEOUT_MS,
          headersTimeout: config.PROXY_TIMEOUT_MS,
          bodyTimeout: config.PROXY_TIMEOUT_MS,
        }),
      ]),
    );
  }

  pool(service: ProxiedService): Pool {
    const pool = this.pools.get(service);
    if (!pool) throw new Error(`no upstream pool for ${service}`);
    return pool;
  }

  // Runs after the HTTP server has closed, so no proxied request is cut short.
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.destroy().catch(() => undefined)));
  }
}

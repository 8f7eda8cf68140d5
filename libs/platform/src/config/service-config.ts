import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { DEVELOPMENT_PSEUDONYM_KEY } from '../pseudonyms/pupil-pseudonym';
import type { RedisOptions } from 'ioredis';
import { Secret } from './load-config';
import { DEFAULT_SENTINEL_MASTER_NAME, IsSentinelList, redisConnectionOf } from './redis-connection';
import { IsProxyList, proxyListEntries } from './trusted-proxies';

export const SERVICE_MODES = ['api', 'worker', 'both'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);
const withoutTrailingSlashes = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value);

/** Settings every service shares; an app extends it with its own. */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @IsString()
  HOST = '127.0.0.1';

  /** The service's own database role; it can reach only the service's schema. */
  @Secret()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** One Redis server; not needed (nor read) when REDIS_SENTINELS is set. Read connections through `redisConnection`. */
  @Secret()
  @ValidateIf((config: ServiceConfig) => !config.REDIS_SENTINELS)
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL!: string;

  /**
   * Redis behind Sentinel: the Sentinels as host:port, comma-separated. When set, every queue,
   * worker and Redis client asks them for the primary of REDIS_SENTINEL_NAME and follows a failover.
   */
  @ValidateIf((config: ServiceConfig) => Boolean(config.REDIS_SENTINELS))
  @IsSentinelList()
  REDIS_SENTINELS?: string;

  /** The name the Sentinels monitor the primary under (`sentinel monitor <name> …`). */
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'letters, digits, ., _ and - only' })
  REDIS_SENTINEL_NAME = DEFAULT_SENTINEL_MASTER_NAME;

  /** The Sentinels' password (their `requirepass`), when they ask for one; empty is none. */
  @Secret()
  @IsOptional()
  @IsString()
  REDIS_SENTINEL_PASSWORD?: string;

  /**
   * The Redis data nodes' password: how it is given with Sentinels; with REDIS_URL, used when the
   * URL carries none (the URL's wins). Empty is none.
   */
  @Secret()
  @IsOptional()
  @IsString()
  REDIS_PASSWORD?: string;

  /** The gateway's public key (base64url JWK) that verifies the identity on every request. */
  @Matches(/^[A-Za-z0-9_-]{40,}$/, { message: 'must be the base64url-encoded public JWK printed by npm start (or your secret store)' })
  IDENTITY_PUBLIC_KEY!: string;

  /** api: HTTP only; worker: queue workers and relays only; both: everything (local default). */
  @IsIn(SERVICE_MODES)
  SERVICE_MODE: ServiceMode = 'both';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Prefix of every BullMQ key, so that several deployments can share one Redis. */
  @IsString()
  @Matches(/^[a-z0-9_-]+$/i, { message: 'letters, digits, _ and - only' })
  QUEUE_PREFIX = 'tutti';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DB_POOL_SIZE = 10;

  /**
   * The same database and role as DATABASE_URL, straight to PostgreSQL, when DATABASE_URL goes through
   * PgBouncer in transaction mode: migrations (advisory lock) and the relay's LISTEN use it, and
   * statements go unnamed on DATABASE_URL. See databaseConnectionsOf (libs/platform/src/database/connections.ts).
   */
  @IsOptional()
  @Secret()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_DIRECT_URL?: string;

  /** Overrides the statement mode databaseConnectionsOf picks: `named` prepared statements or `unnamed` ones. */
  @IsOptional()
  @IsIn(['named', 'unnamed'])
  DATABASE_STATEMENTS?: 'named' | 'unnamed';

  /**
   * A streaming replica of DATABASE_URL's database, with the same role (PgBouncer's `<database>_replica`
   * locally). Set, read-only report and export routes read it while it is within REPLICA_MAX_LAG_MS of
   * the primary (ReportReader); unset, everything reads the primary.
   */
  @IsOptional()
  @Secret()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  REPLICA_DATABASE_URL?: string;

  /** The staleness bound: the replica serves reports only while it misses no write committed longer ago than this (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REPLICA_MAX_LAG_MS = 5_000;

  /** Where Prometheus scrapes /metrics: a port of its own, never the API's (unset: no metrics server; 0: any free port). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  /** Loopback unless the scraper is elsewhere (in Kubernetes: 0.0.0.0, with a NetworkPolicy letting only Prometheus in). */
  @IsString()
  METRICS_HOST = '127.0.0.1';

  /**
   * The proxies whose X-Forwarded-For is believed (IPs, CIDR blocks, or loopback, linklocal,
   * uniquelocal; comma-separated, empty for none). Every other request's client is its socket's
   * peer, so that a caller cannot choose the address rate limits count. A service sits behind the
   * gateway, on loopback locally; the gateway's own default is none (IdentityConfig).
   */
  @IsProxyList()
  TRUSTED_PROXIES = 'loopback';

  /**
   * The secret behind pupils' pseudonyms in evaluation exports (see pseudonymOf): the same in every
   * service, so that exports join. Required in production; elsewhere DEVELOPMENT_PSEUDONYM_KEY stands in.
   */
  @Secret()
  @ValidateIf((config: ServiceConfig) => config.NODE_ENV === 'production' || Boolean(config.EVALUATION_PSEUDONYM_KEY))
  @MinLength(32, { message: 'must be a secret of at least 32 characters, the same for every service (required in production)' })
  EVALUATION_PSEUDONYM_KEY?: string;

  get evaluationPseudonymKey(): string {
    return this.EVALUATION_PSEUDONYM_KEY || DEVELOPMENT_PSEUDONYM_KEY;
  }

  /**
   * The address people reach Tutti at (the gateway, or what stands before it), e.g.
   * https://tutti.example.org: every link in mail, QR label and calendar feed starts here, so all
   * services are given the same one. `npm start` sets http://localhost:<gateway port>.
   */
  @Transform(withoutTrailingSlashes)
  @IsUrl(
    {
      require_protocol: true,
      protocols: ['http', 'https'],
      require_tld: false,
      allow_query_components: false,
      allow_fragments: false,
      disallow_auth: true,
    },
    {
      message:
        'must be the absolute http(s) address people reach Tutti at, such as https://tutti.example.org (no query, fragment or password)',
    },
  )
  PUBLIC_URL = 'http://localhost:3000';

  /** An absolute link to a path of the web app or the API, e.g. publicLink('instruments/<id>'). */
  publicLink(path: string): string {
    return `${this.PUBLIC_URL}/${path.replace(/^\/+/, '')}`;
  }

  /** Fastify's `trustProxy`: false when no proxy is trusted. */
  get trustedProxies(): string[] | false {
    const entries = proxyListEntries(this.TRUSTED_PROXIES);
    return entries.length > 0 ? entries : false;
  }

  /** ioredis options for this service's Redis (REDIS_URL, or the Sentinels'): the one place they are read. */
  get redisConnection(): RedisOptions {
    return redisConnectionOf(this);
  }

  get runsApi(): boolean {
    return this.SERVICE_MODE !== 'worker';
  }

  get runsWorkers(): boolean {
    return this.SERVICE_MODE !== 'api';
  }
}

import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { PROXIED_SERVICES, type ServiceName } from '@tutti/contracts';
import { IdentityConfig } from './identity';

/** A service the gateway routes to under `/api/<service>`. */
export type ProxiedService = Exclude<ServiceName, 'gateway'>;

export const UPSTREAMS = PROXIED_SERVICES as readonly ProxiedService[];

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);
const upstreamUrl = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const ORIGIN_ONLY = /^https?:\/\/[^/?#\s]+\/?$/;
const originOnly = { message: 'must be an origin such as http://127.0.0.1:3101, without a path' };
const ORIGIN_LIST = /^https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*$/;

export class GatewayConfig extends IdentityConfig {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3000;

  @IsUrl(upstreamUrl)
  @Matches(ORIGIN_ONLY, originOnly)
  SCHEDULING_URL!: string;

  @IsUrl(upstreamUrl)
  @Matches(ORIGIN_ONLY, originOnly)
  INSTRUMENT_LOAN_URL!: string;

  @IsUrl(upstreamUrl)
  @Matches(ORIGIN_ONLY, originOnly)
  PERFORMANCE_EVENT_URL!: string;

  @IsUrl(upstreamUrl)
  @Matches(ORIGIN_ONLY, originOnly)
  PARENT_ENGAGEMENT_URL!: string;

  /** The built web app (`npm run build:web`); when it is missing a placeholder page is served instead. */
  @IsString()
  WEB_DIST_DIR = 'apps/web/dist';

  /** Origins allowed to call the API from a browser, comma-separated; none by default (same origin only). */
  @IsOptional()
  @Matches(ORIGIN_LIST, { message: 'must be a comma-separated list of origins such as https://tutti.example.org' })
  CORS_ORIGINS?: string;

  /** How long an upstream may take to start answering before the caller gets a 503. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  PROXY_TIMEOUT_MS = 10_000;

  get corsOrigins(): string[] {
    return (this.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== '');
  }

  upstreamUrl(service: ProxiedService): string {
    const urls: Record<ProxiedService, string> = {
      scheduling: this.SCHEDULING_URL,
      'instrument-loan': this.INSTRUMENT_LOAN_URL,
      'performance-event': this.PERFORMANCE_EVENT_URL,
      'parent-engagement': this.PARENT_ENGAGEMENT_URL,
    };
    return urls[service];
  }
}

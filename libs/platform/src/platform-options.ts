import type { ServiceName } from '@tutti/contracts';
import type { ServiceDatabaseOptions } from './database/data-source-options';
import type { ServiceConfig } from './config/service-config';

export const PLATFORM_OPTIONS = Symbol('tutti:platform-options');

export interface PlatformOptions {
  service: ServiceName;
  config: ServiceConfig;
  entities: ServiceDatabaseOptions['entities'];
  migrations: ServiceDatabaseOptions['migrations'];
  /** BullMQ queues this service owns, reported by /health. */
  queues: string[];
  /** Mount the platform's /health (default true); the gateway serves its own, aggregated, there. */
  healthController?: boolean;
}

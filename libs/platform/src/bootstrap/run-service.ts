import type { INestApplication } from '@nestjs/common';
import { ConfigError, loadConfig } from '../config/load-config';
import { waitForRedis } from '../config/redis-connection';
import type { ServiceConfig } from '../config/service-config';
import { serviceLogger } from '../logging/service-logger';
import { bootstrapService, exitWith, type ServiceBootstrapOptions } from './bootstrap-service';

/**
 * A service's `main.ts` in one call: validate config (refusing to start with one line naming the bad
 * variable), wait for Redis (refusing to start when it refuses the password, naming REDIS_PASSWORD or
 * REDIS_SENTINEL_PASSWORD), then build and listen. Redis is checked before the app is built, in API
 * and worker modes alike: its queues, workers and Redis clients would retry a refused password for ever.
 */
export async function runService<C extends ServiceConfig>(
  configClass: new () => C,
  build: (config: C) => Omit<ServiceBootstrapOptions, 'config'>,
): Promise<INestApplication> {
  let config: C;
  try {
    config = loadConfig(configClass);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`Configuration error: ${error.message}`);
    throw error;
  }
  const options = build(config);
  const logger = serviceLogger(options.service, config.LOG_LEVEL);
  try {
    await waitForRedis(config, (line) => logger.warn(line));
  } catch (error) {
    exitWith(`${options.service} cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return bootstrapService({ ...options, config });
}

import { ConfigError, loadConfig } from '../config/load-config';
import type { ServiceConfig } from '../config/service-config';
import { bootstrapService, exitWith, type ServiceBootstrapOptions } from './bootstrap-service';

/**
 * A service's `main.ts` in one call: validate config (refusing to start with one line naming the bad
 * variable), then build and listen.
 */
export async function runService<C extends ServiceConfig>(
  configClass: new () => C,
  build: (config: C) => Omit<ServiceBootstrapOptions, 'config'>,
): Promise<void> {
  let config: C;
  try {
    config = loadConfig(configClass);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`Configuration error: ${error.message}`);
    throw error;
  }
  await bootstrapService({ ...build(config), config });
}

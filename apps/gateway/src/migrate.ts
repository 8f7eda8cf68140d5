import { runMigrationCommand } from '@tutti/platform';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database';

void runMigrationCommand('gateway', GATEWAY_ENTITIES, GATEWAY_MIGRATIONS).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

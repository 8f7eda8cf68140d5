import { runMigrationCommand } from '@tutti/platform';
import { PERFORMANCE_EVENT_ENTITIES, PERFORMANCE_EVENT_MIGRATIONS } from './database';

void runMigrationCommand('performance-event', PERFORMANCE_EVENT_ENTITIES, PERFORMANCE_EVENT_MIGRATIONS).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { runMigrationCommand } from '@tutti/platform';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database';

void runMigrationCommand('scheduling', SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

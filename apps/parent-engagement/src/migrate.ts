import { runMigrationCommand } from '@tutti/platform';
import { PARENT_ENGAGEMENT_ENTITIES, PARENT_ENGAGEMENT_MIGRATIONS } from './database';

void runMigrationCommand('parent-engagement', PARENT_ENGAGEMENT_ENTITIES, PARENT_ENGAGEMENT_MIGRATIONS).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

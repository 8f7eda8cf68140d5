import { runMigrationCommand } from '@tutti/platform';
import { INSTRUMENT_LOAN_ENTITIES, INSTRUMENT_LOAN_MIGRATIONS } from './database';

void runMigrationCommand('instrument-loan', INSTRUMENT_LOAN_ENTITIES, INSTRUMENT_LOAN_MIGRATIONS).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

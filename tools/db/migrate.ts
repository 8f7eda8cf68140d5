/** `npm run db:migrate`: provisions every service's role and schema and applies pending migrations. */
import { join } from 'node:path';
import { startLocalInfra } from '@tutti/local-infra';
import { migrateAll, provisionAll } from '../system/databases';

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const infra = await startLocalInfra({ dataDir: join(__dirname, '..', '..', '.tutti', 'dev'), profile: 'dev', log });
  try {
    await migrateAll(await provisionAll(infra.databaseUrl), log);
    log('All services are migrated.');
  } finally {
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

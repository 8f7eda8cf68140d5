/** `npm run db:reset`: empties every service's tables, migrates, and loads the demo data again. */
import { join } from 'node:path';
import { startLocalInfra } from '@tutti/local-infra';
import { loadDemoData } from '@tutti/seeds';
import { migrateAll, provisionAll, truncateAll } from '../system/databases';

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const infra = await startLocalInfra({ dataDir: join(__dirname, '..', '..', '.tutti', 'dev'), profile: 'dev', log });
  try {
    const urls = await provisionAll(infra.databaseUrl);
    await migrateAll(urls, log);
    await truncateAll(urls);
    log('emptied every service’s tables');
    await loadDemoData(urls, log);
  } finally {
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:reset failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/**
 * `npm run db:migrate [-- --service <name>] [-- --revert]`: provisions the services' roles and
 * schemas on the local PostgreSQL and applies pending migrations — every service's, or one's. With
 * `--revert` (one service only) it undoes that service's last migration. Each service's Nx targets
 * `migrate` and `revert` call this (`npx nx run scheduling:revert`).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVICE_NAMES, type ServiceName } from '@tutti/contracts';
import { startLocalInfra } from '@tutti/local-infra';
import { migrateAll, provisionAll } from '../system/databases';

function chosenServices(): { services: ServiceName[]; revert: boolean } {
  const { values } = parseArgs({ options: { service: { type: 'string', multiple: true }, revert: { type: 'boolean', default: false } } });
  const named = values.service ?? [];
  const unknown = named.filter((name) => !(SERVICE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown service ${unknown.join(', ')}; the services are ${SERVICE_NAMES.join(', ')}`);
  if (values.revert && named.length !== 1) throw new Error('--revert undoes one service’s last migration: name it with --service <name>');
  return { services: named.length > 0 ? (named as ServiceName[]) : [...SERVICE_NAMES], revert: values.revert };
}

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const { services, revert } = chosenServices();
  const infra = await startLocalInfra({ dataDir: join(__dirname, '..', '..', '.tutti', 'dev'), profile: 'dev', log });
  try {
    await migrateAll(await provisionAll(infra.databaseUrl), log, { services, revert });
    log(
      revert
        ? `Reverted ${services[0]}’s last migration.`
        : `Migrated ${services.length === SERVICE_NAMES.length ? 'all services' : services.join(', ')}.`,
    );
  } finally {
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

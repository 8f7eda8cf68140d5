import { spawn } from 'node:child_process';
import type { ServiceName } from '@tutti/contracts';
import { provisionServiceDatabase } from '@tutti/platform';
import { SERVICE_NAMES, entryPoint, localRolePassword, runTypeScript } from './services';

type Log = (line: string) => void;
export type ServiceDatabaseUrls = Record<ServiceName, string>;

/** Gives every service its schema and role (idempotent) and returns each service's own URL. */
export async function provisionAll(adminUrl: string): Promise<ServiceDatabaseUrls> {
  const urls = {} as ServiceDatabaseUrls;
  for (const service of SERVICE_NAMES) urls[service] = await provisionServiceDatabase(adminUrl, service, localRolePassword(service));
  return urls;
}

/**
 * Runs each service's own migrate command (every service unless named), two at a time (this machine
 * has two cores); `revert` undoes each one's last migration instead.
 */
export async function migrateAll(
  urls: ServiceDatabaseUrls,
  log: Log,
  { services = SERVICE_NAMES, revert = false }: { services?: readonly ServiceName[]; revert?: boolean } = {},
): Promise<void> {
  const queue = [...services];
  const worker = async () => {
    for (let service = queue.shift(); service; service = queue.shift()) {
      const started = Date.now();
      const args = revert ? ['--revert'] : [];
      await runNode(entryPoint(service, 'migrate'), args, { DATABASE_URL: urls[service], LOG_LEVEL: 'warn' }, service);
      log(`${revert ? 'reverted the last migration of' : 'migrated'} ${service} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Empties every service's tables (keeping the migrations table) so that seeds load afresh. */
export async function truncateAll(urls: ServiceDatabaseUrls): Promise<void> {
  const { Client } = await import('pg');
  for (const service of SERVICE_NAMES) {
    const client = new Client({ connectionString: urls[service] });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables
         WHERE schemaname = current_schema() AND tablename <> 'migrations'`,
      );
      if (tables.rows.length > 0) await client.query(`TRUNCATE ${tables.rows.map((t) => t.name).join(', ')} CASCADE`);
    } finally {
      await client.end();
    }
  }
}

function runNode(script: string, args: string[], env: Record<string, string>, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...runTypeScript(script), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${label}: migration failed (exit ${code}):\n${output.trim().slice(-2000)}`)),
    );
  });
}

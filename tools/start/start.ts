/**
 * `npm start`: the whole system on one machine. Starts PostgreSQL, Redis and a mail inbox unless
 * DATABASE_URL / REDIS_URL / SMTP_URL say where they are, migrates, loads the demo data into an
 * empty database, starts every service and the gateway, and prints where everything is.
 * Ctrl-C stops everything it started.
 *
 * `npm start -- --replica --pgbouncer` (or TUTTI_REPLICA=1 / TUTTI_PGBOUNCER=1) also starts a streaming
 * replica and PgBouncer in transaction mode, as production runs them: the services' pools go through
 * PgBouncer (migrations and LISTEN straight to the primary) and reports read the replica (issue 20).
 */
import { join } from 'node:path';
import { startLocalInfra, type LocalInfra } from '@tutti/local-infra';
import { ensureWebBuilt } from '../e2e/web-build';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '@tutti/seeds';
import { migrateAll, provisionAll } from '../system/databases';
import { startDatabaseTopology, topologyOptionsFrom, type DatabaseTopology } from '../system/database-topology';
import { loadOrCreateIdentityKeys } from '../system/identity-keys';
import { chooseServicePorts, serviceGroup, type ServiceGroup } from '../system/run-system';
import { LOCAL_PORTS } from '../system/services';

const ROOT = join(__dirname, '..', '..');
const started = Date.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
const step = (line: string) => log(`▸ ${line}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);

async function main(): Promise<void> {
  let services: ServiceGroup | undefined;
  let infra: LocalInfra | undefined;
  let topology: DatabaseTopology | undefined;
  const topologyOptions = topologyOptionsFrom(process.argv.slice(2), process.env);
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('\nStopping Tutti…');
    await services?.stopAll();
    await topology?.stop();
    await infra?.stop();
    log('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    step('starting PostgreSQL, Redis and the mail inbox (and building the web app if it changed)');
    const [servers, web] = await Promise.allSettled([
      startLocalInfra({ dataDir: join(ROOT, '.tutti', 'dev'), profile: 'dev', withMail: true, log: (line) => log(`  ${line}`) }),
      ensureWebBuilt((line) => log(`  ${line}`)),
    ]);
    if (servers.status === 'rejected') throw servers.reason;
    infra = servers.value; // kept first, so that a failed build still stops them
    if (web.status === 'rejected') throw web.reason;

    if (topologyOptions.replica || topologyOptions.pgbouncer) {
      step(
        `starting ${[topologyOptions.replica && 'a streaming replica', topologyOptions.pgbouncer && 'PgBouncer'].filter(Boolean).join(' and ')}`,
      );
      topology = await startDatabaseTopology(infra.databaseUrl, join(ROOT, '.tutti', 'dev'), topologyOptions, 'dev', (line) =>
        log(`  ${line}`),
      );
    }

    step('preparing each service’s database role and schema');
    const databaseUrls = await provisionAll(infra.databaseUrl);
    step('running migrations');
    await migrateAll(databaseUrls, (line) => log(`  ${line}`));
    step('loading demo data');
    await loadDemoData(databaseUrls, (line) => log(`  ${line}`));

    // The gateway's port is the user's choice: a clash there is reported, not dodged.
    const ports = await chooseServicePorts({
      fixed: { gateway: process.env.PORT ? Number(process.env.PORT) : LOCAL_PORTS.gateway },
      preferLocalPorts: true,
    });
    const identityKeys = await loadOrCreateIdentityKeys(join(ROOT, '.tutti', 'dev', 'identity-keys.json'));
    const logDir = join(ROOT, '.tutti', 'dev', 'logs');

    step('starting the services');
    services = serviceGroup(
      {
        databaseUrls,
        redisUrl: infra.redisUrl,
        smtpUrl: infra.mail ? `smtp://${infra.mail.smtpHost}:${infra.mail.smtpPort}` : undefined,
        identityKeys,
        ports,
        nodeEnv: 'development',
        logLevel: process.env.LOG_LEVEL ?? 'info',
        // Given when people reach this machine by another address (a tunnel, a LAN name); links and QR labels use it.
        publicUrl: process.env.PUBLIC_URL || undefined,
        databaseEnv: topology?.databaseEnv(databaseUrls),
      },
      { logDir, log, onListening: (service) => step(`${service.service} is up on ${service.url}`) },
    );
    await services.startAll();
    printSummary(ports.gateway, infra, logDir, topology);
  } catch (error) {
    log(`\nTutti could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

function printSummary(gatewayPort: number, infra: LocalInfra, logDir: string, topology?: DatabaseTopology): void {
  const base = `http://localhost:${gatewayPort}`;
  log('');
  log('Tutti is running.');
  log(`  App            ${base}/`);
  log(`  API docs       ${base}/docs`);
  log(`  Health         ${base}/health`);
  if (infra.mail) log(`  Mail inbox     ${infra.mail.webUrl}`);
  log(`  Logs           ${logDir}`);
  log(`  PostgreSQL     ${infra.databaseUrl}`);
  for (const line of topology?.describe() ?? []) log(`  ${line}`);
  log(`  Redis          ${infra.redisUrl}`);
  log('');
  log(`Demo sign-ins (local only; password for all: ${DEMO_PASSWORD}; 42 accounts in six areas, these two shown):`);
  for (const account of DEMO_ACCOUNTS.filter((candidate) => candidate.area === 'liverpool' || candidate.area === 'lambeth')) {
    log(`  ${account.area.padEnd(10)} ${account.email.padEnd(44)} ${account.description}`);
  }
  log('');
  log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);
}

void main();

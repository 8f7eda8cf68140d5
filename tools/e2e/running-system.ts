/**
 * The whole system, started the way `npm start` starts it, for end-to-end specs: every service
 * and the gateway as child processes on free ports, migrated, with the demo data loaded, over a
 * database of its own. Under Jest the global set-up's PostgreSQL, Redis and MailDev are used (a
 * fresh `tutti_e2e_<random>` database, its own queue prefix); otherwise throw-away servers are
 * started under `.tutti/e2e`. The database is a copy of the server's demo template (demo-database.ts),
 * so only the first spec file on a server migrates and loads the demo data.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateIdentityKeyPair } from '@tutti/auth';
import { schemaOf, type ServiceName } from '@tutti/contracts';
import { startLocalInfra, type LocalInfra } from '@tutti/local-infra';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@tutti/seeds';
import { deleteRedisKeysWithPrefix, waitFor } from '@tutti/testing';
import type { ServiceDatabaseUrls } from '../system/databases';
import { chooseServicePorts, serviceGroup, type ServiceGroup } from '../system/run-system';
import { createDemoDatabase } from './demo-database';

const ROOT = join(__dirname, '..', '..');
const E2E_DIR = join(ROOT, '.tutti', 'e2e');

type Log = (line: string) => void;

export interface RunningSystem {
  /** The gateway, e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  mail: { apiUrl: string; webUrl: string };
  /** The system's database as its owner (every service's schema), for specs that must look inside. */
  adminDatabaseUrl: string;
  /** Signs a demo account in (DEMO_PASSWORD) and answers its access token. */
  signIn(email: string): Promise<string>;
  /** Stops one service's process (the gateway keeps routing to its port). */
  stopService(service: ServiceName): Promise<void>;
  /** Starts a stopped service again on the same port and waits until it answers. */
  startService(service: ServiceName): Promise<void>;
  restartService(service: ServiceName): Promise<void>;
  /** How long start-up took, in ms. */
  startupMs: number;
  /** Where start-up's time went, e.g. "infra 0.0 s, database 1.2 s (cloned …), services 9.8 s, areas 0.4 s". */
  startupSummary: string;
  /** Where each service's log is (removed by stop() unless TUTTI_E2E_KEEP_LOGS is set; kept when start-up fails). */
  logDir: string;
  /** Stops everything and removes the database, the queues and the logs. Idempotent. */
  stop(): Promise<void>;
}

/** `log` gets progress lines; the services' warnings and errors go there too, or to stderr without it. */
export async function startRunningSystem(options: { log?: Log } = {}): Promise<RunningSystem> {
  const log = options.log ?? (() => undefined);
  const serviceLog = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const started = Date.now();
  const runId = `e2e_${randomBytes(4).toString('hex')}`;
  const cleanups: (() => Promise<void>)[] = [];
  let services: ServiceGroup | undefined;

  const stop = once(async () => {
    await services?.stopAll();
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`clean-up failed: ${String(error)}`));
  });

  try {
    const steps = stepTimer();
    const infra: LocalInfra = await startLocalInfra({ dataDir: E2E_DIR, profile: 'test', withMail: true, log });
    cleanups.push(() => infra.stop());
    const mail = mailOf(infra);
    steps.done('infra');

    const databaseName = `tutti_${runId}`;
    cleanups.push(() => dropDatabase(infra.databaseUrl, databaseName));
    cleanups.push(async () => void (await deleteRedisKeysWithPrefix(infra.redisUrl, runId)));
    const database = await createDemoDatabase(infra.databaseUrl, databaseName, log);
    const { adminUrl, databaseUrls } = database;
    steps.done('database', database.summary);

    const logDir = join(E2E_DIR, `logs-${runId}`);
    mkdirSync(logDir, { recursive: true });

    const ports = await chooseServicePorts({ preferLocalPorts: false });
    const identityKeys =
      process.env.IDENTITY_PRIVATE_KEY && process.env.IDENTITY_PUBLIC_KEY
        ? { privateKey: process.env.IDENTITY_PRIVATE_KEY, publicKey: process.env.IDENTITY_PUBLIC_KEY }
        : await generateIdentityKeyPair();
    const group = serviceGroup(
      {
        databaseUrls,
        redisUrl: infra.redisUrl,
        smtpUrl: infra.mail ? `smtp://${infra.mail.smtpHost}:${infra.mail.smtpPort}` : undefined,
        identityKeys,
        ports,
        nodeEnv: 'test',
        logLevel: process.env.LOG_LEVEL ?? 'warn',
        queuePrefix: runId,
        // Links in mail and feeds point where the specs reach the gateway.
        publicUrl: `http://127.0.0.1:${ports.gateway}`,
      },
      { logDir, log: serviceLog, onListening: (service) => log(`${service.service} is up on ${service.url}`) },
    );
    services = group;
    await group.startAll();
    steps.done('services');
    await areasKnownEverywhere(databaseUrls);
    steps.done('areas known everywhere');
    // Kept when start-up fails: the error names the log to read.
    if (!process.env.TUTTI_E2E_KEEP_LOGS) cleanups.unshift(async () => rmSync(logDir, { recursive: true, force: true }));
    const baseUrl = `http://127.0.0.1:${ports.gateway}`;
    const startupMs = Date.now() - started;
    const startupSummary = steps.summary();
    log(`system ready in ${(startupMs / 1000).toFixed(1)} s: ${startupSummary}`);

    return {
      baseUrl,
      mail,
      adminDatabaseUrl: adminUrl,
      signIn: (email) => signIn(baseUrl, email),
      stopService: (service) => group.stop(service),
      startService: async (service) => void (await group.start(service)),
      restartService: async (service) => void (await group.start(service)),
      startupMs,
      startupSummary,
      logDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  const response = await fetch(`${baseUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ area: account.area, email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * The demo areas' settings reach scheduling and parent engagement as any area's do, through the
 * gateway's identity.tenant.created events once the services run: wait for both to know every area,
 * so that no spec reads the defaults of an area whose event is still on its way.
 */
async function areasKnownEverywhere(urls: ServiceDatabaseUrls): Promise<void> {
  const areas = await withAdmin(
    urls.gateway,
    async (client) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schemaOf('gateway')}.tenants`)).rows[0].n,
  );
  for (const service of ['scheduling', 'parent-engagement'] as const) {
    await waitFor(
      () =>
        withAdmin(
          urls[service],
          async (client) =>
            (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schemaOf(service)}.tenant_settings`)).rows[0].n >= areas,
        ),
      { timeoutMs: 30_000, intervalMs: 100, description: `${service} to know the ${areas} areas from the gateway's events` },
    );
  }
}

/** The global set-up hands MailDev's API over as MAILDEV_API_URL; a MailDev started here knows its own. */
function mailOf(infra: LocalInfra): { apiUrl: string; webUrl: string } {
  const apiUrl = infra.mail?.apiUrl || process.env.MAILDEV_API_URL || '';
  if (!apiUrl) throw new Error('No mail inbox: SMTP_URL is set but MAILDEV_API_URL is not');
  return { apiUrl, webUrl: infra.mail?.webUrl || `${apiUrl}/` };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Start-up's steps, each timed from the end of the one before. */
function stepTimer(): { done(step: string, detail?: string): void; summary(): string } {
  const steps: string[] = [];
  let last = Date.now();
  return {
    done(step, detail) {
      const now = Date.now();
      steps.push(`${step} ${((now - last) / 1000).toFixed(1)} s${detail ? ` (${detail})` : ''}`);
      last = now;
    },
    summary: () => steps.join(', '),
  };
}

function once(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= work());
}

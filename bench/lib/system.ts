import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { generateIdentityKeyPair } from '@tutti/auth';
import { PROXIED_SERVICES, schemaOf, type ServiceName } from '@tutti/contracts';
import { findFreePort, startLocalInfra, type LocalInfra } from '@tutti/local-infra';
import { provisionServiceDatabase } from '@tutti/platform';
import { REPO_ROOT, startTs, type Child } from './children';

/** Progress goes to stderr, so that stdout holds only the figures. */
export const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
export const url = (port: number): string => `http://127.0.0.1:${port}`;

export interface IdentityKeys {
  privateKey: string;
  publicKey: string;
}

export interface BenchSystem {
  infra: LocalInfra;
  keys: IdentityKeys;
  /** Where nothing listens: upstreams a bench does not start. */
  nobodyUrl: string;
  /** The service's database URL (its own role and schema) on the bench's PostgreSQL. */
  provision(service: ServiceName): Promise<string>;
  /** Starts a service's main.ts as a child process, with what every service needs plus `env`. */
  startService(
    service: Exclude<ServiceName, 'gateway'>,
    port: number,
    databaseUrl: string,
    env?: Record<string, string>,
    nodeArgs?: string[],
    /** Its name in the logs (LOG_DIR/<name>.log), when a bench runs the same service twice; default the service's. */
    name?: string,
  ): Child;
  /** Starts the gateway in front of the given upstreams (the others point at nobodyUrl), with `env` added. */
  startGateway(
    port: number,
    databaseUrl: string,
    upstreams: Partial<Record<Exclude<ServiceName, 'gateway'>, string>>,
    nodeArgs?: string[],
    env?: Record<string, string>,
  ): Child;
}

/**
 * Throw-away PostgreSQL and Redis (and MailDev when asked) under .tutti/bench, or the ones
 * DATABASE_URL / REDIS_URL / SMTP_URL name, and a fresh identity key pair for this run.
 */
export async function startBenchSystem(options: { withMail?: boolean; archiveWal?: boolean } = {}): Promise<BenchSystem> {
  const infra = await startLocalInfra({
    dataDir: join(REPO_ROOT, '.tutti', 'bench'),
    profile: 'test',
    withMail: options.withMail,
    archiveWal: options.archiveWal,
    log,
  });
  const keys = await generateIdentityKeyPair();
  const nobodyUrl = url(await findFreePort());
  const smtpUrl = infra.mail ? `smtp://${infra.mail.smtpHost}:${infra.mail.smtpPort}` : 'smtp://127.0.0.1:1';
  // Production settings (docker/Dockerfile's NODE_OPTIONS too); the evaluation key is a throw-away one, as the run's identity keys are.
  const common = {
    NODE_OPTIONS: '--max-semi-space-size=64',
    REDIS_URL: infra.redisUrl,
    IDENTITY_PUBLIC_KEY: keys.publicKey,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SMTP_URL: smtpUrl,
    EVALUATION_PSEUDONYM_KEY: randomBytes(32).toString('base64url'),
  };
  return {
    infra,
    keys,
    nobodyUrl,
    provision: (service) => provisionServiceDatabase(infra.databaseUrl, service, `bench-${service}`),
    startService: (service, port, databaseUrl, env = {}, nodeArgs = [], name = service) =>
      startTs(name, `apps/${service}/src/main.ts`, { ...common, PORT: String(port), DATABASE_URL: databaseUrl, ...env }, nodeArgs),
    startGateway(port, databaseUrl, upstreams, nodeArgs = [], env = {}) {
      const upstreamEnv = Object.fromEntries(
        PROXIED_SERVICES.map((service) => [
          `${schemaOf(service).toUpperCase()}_URL`,
          upstreams[service as Exclude<ServiceName, 'gateway'>] ?? nobodyUrl,
        ]),
      );
      return startTs(
        'gateway',
        'apps/gateway/src/main.ts',
        { ...common, ...upstreamEnv, PORT: String(port), DATABASE_URL: databaseUrl, IDENTITY_PRIVATE_KEY: keys.privateKey, ...env },
        nodeArgs,
      );
    },
  };
}

/** Stops the children, then the infrastructure; never throws (it runs in `finally`). */
export async function stopAll(children: Child[], system: BenchSystem | undefined): Promise<void> {
  await Promise.all(children.map((child) => child.stop().catch(() => undefined)));
  await system?.infra.stop().catch(() => undefined);
}

/** Runs `main`, printing a failure's stack and setting the exit code. */
export function runBench(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}

import { findFreePort } from '@tutti/local-infra';
import type { ServiceName } from '@tutti/contracts';
import type { ServiceDatabaseUrls } from './databases';
import type { IdentityKeys } from './identity-keys';
import { startServiceProcess, stopServiceProcess, waitUntilListening, type RunningService } from './service-processes';
import { LOCAL_PORTS, SERVICE_NAMES, upstreamUrlVariable } from './services';

type Log = (line: string) => void;
export type ServicePorts = Record<ServiceName, number>;

/** What every service process of one running system is started with. */
export interface SystemSettings {
  databaseUrls: ServiceDatabaseUrls;
  redisUrl: string;
  smtpUrl?: string;
  identityKeys: IdentityKeys;
  ports: ServicePorts;
  nodeEnv: 'development' | 'test';
  logLevel: string;
  /** Separates this system's queues and Redis keys from another one's on the same Redis. */
  queuePrefix?: string;
  /** The address people reach the gateway at (PUBLIC_URL); default http://localhost:<gateway port>. */
  publicUrl?: string;
  /**
   * Database variables per service over DATABASE_URL (startDatabaseTopology's databaseEnv: DATABASE_URL
   * through PgBouncer, DATABASE_DIRECT_URL, REPLICA_DATABASE_URL); none: DATABASE_URL direct only.
   */
  databaseEnv?: Partial<Record<ServiceName, Record<string, string>>>;
}

/**
 * A port for every service. `fixed` ports are used as given (a clash there is the caller's to
 * report); the others are free ones, the usual local port first when `preferLocalPorts`.
 */
export async function chooseServicePorts(options: { fixed?: Partial<ServicePorts>; preferLocalPorts: boolean }): Promise<ServicePorts> {
  const ports = { ...LOCAL_PORTS };
  const taken = new Set<number>();
  for (const service of SERVICE_NAMES) {
    const fixed = options.fixed?.[service];
    if (fixed !== undefined) ports[service] = fixed;
    else {
      let port = await findFreePort(options.preferLocalPorts ? LOCAL_PORTS[service] : undefined);
      while (taken.has(port)) port = await findFreePort();
      ports[service] = port;
    }
    taken.add(ports[service]);
  }
  return ports;
}

/** The environment of one service's process: its own database role; the gateway also gets the private key and its upstreams. */
export function serviceEnvironment(service: ServiceName, settings: SystemSettings): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: settings.nodeEnv,
    LOG_LEVEL: settings.logLevel,
    DATABASE_URL: settings.databaseUrls[service],
    REDIS_URL: settings.redisUrl,
    IDENTITY_PUBLIC_KEY: settings.identityKeys.publicKey,
    PUBLIC_URL: settings.publicUrl ?? `http://localhost:${settings.ports.gateway}`,
    ...(settings.smtpUrl ? { SMTP_URL: settings.smtpUrl } : {}),
    ...(settings.queuePrefix ? { QUEUE_PREFIX: settings.queuePrefix } : {}),
    ...settings.databaseEnv?.[service],
  };
  if (service !== 'gateway') return env;
  const upstreams = SERVICE_NAMES.filter((s) => s !== 'gateway').map((s) => [
    upstreamUrlVariable(s),
    `http://127.0.0.1:${settings.ports[s]}`,
  ]);
  return { ...env, ...Object.fromEntries(upstreams), IDENTITY_PRIVATE_KEY: settings.identityKeys.privateKey };
}

/** Every service of one system as child processes, each of which can be stopped and started again. */
export interface ServiceGroup {
  readonly running: ReadonlyMap<ServiceName, RunningService>;
  /**
   * Starts every service (all at once: start-up is mostly compiling, which overlaps well) and waits
   * until each answers. When one fails to start, the others are stopped before the error is thrown.
   */
  startAll(): Promise<void>;
  /** Starts one service (again) on its port and waits until it answers. */
  start(service: ServiceName): Promise<RunningService>;
  stop(service: ServiceName): Promise<void>;
  /** Stops whatever has been started, also during startAll(). */
  stopAll(): Promise<void>;
}

export interface ServiceGroupOptions {
  logDir: string;
  log: Log;
  /** How long each service may take to answer its /health. */
  timeoutMs?: number;
  /** Called as each service answers, in SERVICE_NAMES order. */
  onListening?: (service: RunningService) => void;
}

/** The services of one system; nothing runs until startAll() or start(). */
export function serviceGroup(settings: SystemSettings, options: ServiceGroupOptions): ServiceGroup {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const running = new Map<ServiceName, RunningService>();
  const launch = (service: ServiceName) => {
    const started = startServiceProcess(
      service,
      settings.ports[service],
      serviceEnvironment(service, settings),
      options.logDir,
      options.log,
    );
    running.set(service, started);
    return started;
  };
  const stop = async (service: ServiceName) => {
    const current = running.get(service);
    if (current) await stopServiceProcess(current);
  };
  const stopAll = async () => {
    await Promise.all([...running.keys()].map(stop));
  };
  return {
    running,
    async startAll() {
      const launched = SERVICE_NAMES.map(launch);
      try {
        for (const started of launched) {
          await waitUntilListening(started, timeoutMs);
          options.onListening?.(started);
        }
      } catch (error) {
        await stopAll();
        throw error;
      }
    },
    async start(service) {
      await stop(service);
      const started = launch(service);
      await waitUntilListening(started, timeoutMs);
      return started;
    },
    stop,
    stopAll,
  };
}

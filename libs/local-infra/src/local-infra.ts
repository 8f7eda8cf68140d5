import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { track } from './cleanup';
import { startMailDev, type MailDevHandle } from './mail';
import { startPostgres, type PostgresHandle } from './postgres';
import { errorMessage, killFromPidFile, liveOwner, LocalInfraError, noLog, seconds, writeOwner, type Log } from './processes';
import { startRedis, type RedisServerHandle } from './redis';

export interface LocalInfraOptions {
  /** e.g. '<repo>/.tutti/dev' or '<repo>/.tutti/test' (git-ignored); everything lives under it. */
  dataDir: string;
  /** test: throw-away servers on free ports, durability off; dev: kept between runs, stable ports. */
  profile: 'dev' | 'test';
  /** Also start a local SMTP server with a web inbox (MailDev). */
  withMail?: boolean;
  /** PostgreSQL archives its WAL under its directory (backups/wal), for point-in-time restores. */
  archiveWal?: boolean;
  /** Defaults to process.env. DATABASE_URL / REDIS_URL / SMTP_URL set here are used as they are. */
  env?: NodeJS.ProcessEnv;
  /** Progress lines, one per step, with timings. */
  log?: (line: string) => void;
}

export interface LocalMail {
  smtpHost: string;
  smtpPort: number;
  webUrl: string;
  /** REST API base: GET `${apiUrl}/email` */
  apiUrl: string;
}

export interface LocalInfra {
  /** Superuser URL, e.g. postgres://postgres@127.0.0.1:54329/tutti */
  databaseUrl: string;
  /** redis://127.0.0.1:PORT */
  redisUrl: string;
  mail?: LocalMail;
  /** Present when this call started Redis (fault tests stop() and start() it). */
  redis?: RedisServerHandle;
  /** The cluster's directory when this call started PostgreSQL (base backups go under it). */
  postgresDir?: string;
  /** Stops everything this call started, in reverse order. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Stable dev ports, away from the defaults (5432, 6379, 1025, 1080) other tools use, and off the
 * ports browsers and Node's fetch refuse (the Fetch standard's bad ports, e.g. 10080), so that the
 * printed inbox address opens. A busy one falls back to an ephemeral port, which is never a bad port.
 */
export const DEV_PORTS = { postgres: 54329, redis: 63799, smtp: 18025, web: 18080 } as const;

const STALE_RUN_GRACE_MS = 60_000;

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function mailFromEnv(smtpUrl: string, env: NodeJS.ProcessEnv): LocalMail {
  const parsed = new URL(smtpUrl);
  const webUrl = env.MAILDEV_URL ?? '';
  return {
    smtpHost: parsed.hostname,
    smtpPort: Number(parsed.port) || (parsed.protocol === 'smtps:' ? 465 : 25),
    webUrl,
    apiUrl: webUrl.replace(/\/+$/, ''),
  };
}

/** Test runs of processes that died without cleaning up: stop their servers, delete their files. */
async function sweepStaleRuns(baseDir: string, log: Log): Promise<void> {
  for (const name of readdirSync(baseDir)) {
    const dir = join(baseDir, name);
    if (!name.startsWith('run-') || liveOwner(dir)) continue;
    // A run dir without owner file may be one another process is creating right now.
    if (!existsSync(join(dir, 'owner.json')) && Date.now() - statSync(dir).mtimeMs < STALE_RUN_GRACE_MS) continue;
    const postgres = await killFromPidFile(join(dir, 'postgres', 'data', 'postmaster.pid'), 'postgres', 'SIGQUIT');
    const redis = await killFromPidFile(join(dir, 'redis', 'redis.pid'), 'redis-server', 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    const killed = [postgres && `PostgreSQL pid ${postgres}`, redis && `Redis pid ${redis}`].filter(Boolean).join(', ');
    log(`removed stale test run ${dir}${killed ? ` (stopped ${killed})` : ''}`);
  }
}

async function createTestRunDir(baseDir: string, log: Log): Promise<string> {
  await sweepStaleRuns(baseDir, log);
  const dir = mkdtempSync(join(baseDir, `run-${process.pid}-`));
  writeOwner(dir);
  chmodSync(dir, 0o755); // the postgres OS user must be able to enter it
  return dir;
}

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Starts what the environment does not provide: PostgreSQL, Redis and (withMail) MailDev, in
 * parallel. Used by `npm start` (dev) and the Jest global set-up (test).
 */
export async function startLocalInfra(options: LocalInfraOptions): Promise<LocalInfra> {
  const env = options.env ?? process.env;
  const log = options.log ?? noLog;
  const { profile } = options;
  const dev = profile === 'dev';
  const started = Date.now();
  const baseDir = resolve(options.dataDir);
  mkdirSync(baseDir, { recursive: true, mode: 0o755 });
  const needed = !env.DATABASE_URL || !env.REDIS_URL || (options.withMail && !env.SMTP_URL);
  const dir = dev || !needed ? baseDir : await createTestRunDir(baseDir, log);

  if (env.DATABASE_URL) log(`PostgreSQL: using DATABASE_URL from the environment (${redact(env.DATABASE_URL)})`);
  if (env.REDIS_URL) log(`Redis: using REDIS_URL from the environment (${redact(env.REDIS_URL)})`);
  if (options.withMail && env.SMTP_URL) log(`mail: using SMTP_URL from the environment (${redact(env.SMTP_URL)})`);

  const results = await Promise.allSettled([
    env.DATABASE_URL
      ? undefined
      : startPostgres({
          dir: join(dir, 'postgres'),
          profile,
          log,
          preferredPort: dev ? DEV_PORTS.postgres : undefined,
          archiveWal: options.archiveWal,
        }),
    env.REDIS_URL ? undefined : startRedis({ dir: join(dir, 'redis'), log, preferredPort: dev ? DEV_PORTS.redis : undefined }),
    !options.withMail || env.SMTP_URL
      ? undefined
      : startMailDev({
          dir: join(dir, 'maildev'),
          log,
          preferredSmtpPort: dev ? DEV_PORTS.smtp : undefined,
          preferredWebPort: dev ? DEV_PORTS.web : undefined,
        }),
  ]);
  const [postgres, redis, mail] = results.map((r) => (r.status === 'fulfilled' ? r.value : undefined)) as [
    PostgresHandle | undefined,
    RedisServerHandle | undefined,
    MailDevHandle | undefined,
  ];
  const startedHere: Stoppable[] = [postgres, redis, mail].filter((h): h is NonNullable<typeof h> => h !== undefined);

  let untrack = (): void => undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      untrack();
      const t = Date.now();
      const errors: string[] = [];
      for (const handle of [...startedHere].reverse()) {
        await handle.stop().catch((error: unknown) => errors.push(errorMessage(error)));
      }
      if (dir !== baseDir) rmSync(dir, { recursive: true, force: true });
      if (errors.length > 0) throw new LocalInfraError(errors.join('; '));
      if (startedHere.length > 0) log(`local infrastructure stopped in ${seconds(t)}`);
    })());

  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop().catch(() => undefined);
    throw failed.reason;
  }
  if (startedHere.length > 0) log(`local infrastructure ready in ${seconds(started)}`);
  // On a signal this runs before the servers' own hooks, so the test run directory goes too. At
  // 'exit' the servers' hooks do the work and the next test run sweeps the directory.
  untrack = track({ name: 'local infrastructure', stop, stopSync: () => undefined });
  return {
    databaseUrl: postgres?.url ?? env.DATABASE_URL ?? '',
    redisUrl: redis?.url ?? env.REDIS_URL ?? '',
    mail: mail
      ? { smtpHost: mail.smtpHost, smtpPort: mail.smtpPort, webUrl: mail.webUrl, apiUrl: mail.apiUrl }
      : options.withMail && env.SMTP_URL
        ? mailFromEnv(env.SMTP_URL, env)
        : undefined,
    redis: redis && !redis.reused ? redis : undefined,
    postgresDir: postgres ? join(dir, 'postgres') : undefined,
    stop,
  };
}

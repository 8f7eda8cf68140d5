import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, truncateSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { guard, track, unguard } from './cleanup';
import { findFreePort, HOST, waitForPortClosed } from './ports';
import { aptInstall, usableAptGet } from './apt';
import {
  errorMessage,
  findExecutable,
  liveOwner,
  LocalInfraError,
  noLog,
  processAlive,
  seconds,
  sleep,
  tailFile,
  waitForExit,
  writeOwner,
  type Log,
} from './processes';

export interface RedisOptions {
  /** AOF, logs and pid file live here; start() after stop() reuses it. */
  dir: string;
  /** Exact port: fails when it is taken. Default: a free port. */
  port?: number;
  /** Port to try first, falling back to a free one (dev: stable URLs). */
  preferredPort?: number;
  /** Start as a replica of the Redis on this port of 127.0.0.1 (`replicaof`). */
  replicaOf?: number;
  /**
   * Clients must AUTH with it (`requirepass`), and as a replica it authenticates to its primary with
   * it (`masterauth`; set on a primary too, which may be turned into a replica by a failover).
   */
  password?: string;
  log?: Log;
}

export interface RedisServerHandle {
  /** redis://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** Already running for another live process: stop() and start() do nothing. */
  readonly reused: boolean;
  /** Stops the server and waits until the port is closed. Idempotent. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory (fault tests). No-op while running. */
  start(): Promise<void>;
  /** kill -9, as a crash (failover drills): no shutdown, no last AOF write. start() brings it back. */
  kill(): Promise<void>;
}

const REDIS_MISSING = 'Redis not found: install it (apt-get install redis-server / brew install redis) or set REDIS_URL=redis://host:port';
const EXTRA_DIRS = ['/usr/local/bin', '/opt/homebrew/bin', '/usr/sbin'];

class PortInUseError extends LocalInfraError {}

let installing: Promise<string> | undefined;

/** Path of redis-server; as root on Debian it is installed with apt-get when missing. */
export function ensureRedisServer(log: Log = noLog, options: { pathEnv?: string; allowInstall?: boolean } = {}): Promise<string> {
  const pathEnv = options.pathEnv ?? process.env.PATH ?? '';
  const find = (): string | undefined => findExecutable('redis-server', EXTRA_DIRS, pathEnv);
  const found = find();
  if (found) return Promise.resolve(found);
  if (options.allowInstall === false || !usableAptGet(pathEnv)) return Promise.reject(new LocalInfraError(REDIS_MISSING));
  log('redis-server not found: installing it …');
  return (installing ??= aptInstall(['redis-server'], () => find() !== undefined, log)
    .then(() => {
      const bin = find();
      if (!bin) throw new LocalInfraError('redis-server was installed but is not on PATH');
      return bin;
    })
    .catch((error: unknown) => Promise.reject(new LocalInfraError(`${errorMessage(error)}. ${REDIS_MISSING}`)))
    .finally(() => (installing = undefined)));
}

/** One command in RESP, so that an argument may hold any character. */
function respCommand(...args: string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
}

/**
 * True once the server answers PING with PONG (not LOADING while it replays the AOF); with a
 * password, after AUTH (a wrong one is never ready).
 */
export function redisPing(port: number, password?: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: HOST });
    let reply = '';
    const finish = (ok: boolean): void => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('connect', () => socket.write(password === undefined ? 'PING\r\n' : respCommand('AUTH', password) + respCommand('PING')));
    const lines = password === undefined ? 1 : 2;
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      const answers = reply.split('\r\n').slice(0, -1);
      if (answers.length >= lines) finish(answers[lines - 1].startsWith('+PONG') && answers.every((line) => line.startsWith('+')));
    });
    socket.once('error', () => finish(false));
  });
}

/**
 * What one redis-server process is: a data server (optionally a replica, optionally with a
 * password), or a Sentinel with its config file (and the password that file makes it ask for).
 */
export type RedisRole =
  { kind: 'server'; replicaOf?: number; password?: string } | { kind: 'sentinel'; configFile: string; password?: string };

/**
 * A password the local infrastructure can put in a config file and on a command line as it is:
 * printable, without spaces, quotes or backslashes.
 */
export function checkLocalRedisPassword(password: string, what: string): string {
  if (!/^[!#-&(-[\]-~]+$/.test(password)) {
    throw new LocalInfraError(`${what}: the local infrastructure takes printable characters without spaces, quotes or backslashes`);
  }
  return password;
}

export class RedisServer implements RedisServerHandle {
  readonly url: string;
  readonly reused = false;
  private child?: ChildProcess;
  private stopping?: Promise<void>;
  private untrack?: () => void;
  private readonly guardId: string;
  private readonly logFile: string;
  private readonly outFile: string;

  constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
    private readonly log: Log,
    private readonly role: RedisRole = { kind: 'server' },
  ) {
    this.url = `redis://${HOST}:${port}`;
    this.guardId = `redis:${dir}`;
    this.logFile = join(dir, 'redis.log');
    this.outFile = join(dir, 'redis.out');
  }

  private get label(): string {
    return this.role.kind === 'sentinel' ? 'Redis Sentinel' : this.role.replicaOf ? 'Redis replica' : 'Redis';
  }

  async start(): Promise<void> {
    await this.stopping;
    if (this.child) return;
    const started = Date.now();
    this.log(`starting ${this.label} on ${HOST}:${this.port} …`);
    if (existsSync(this.logFile)) truncateSync(this.logFile);
    const child = this.spawnServer();
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    let ready = false;
    let gone = false;
    void exited.then(() => (gone = true));
    const deadline = Date.now() + 30_000;
    while (!gone && Date.now() < deadline) {
      if ((ready = await redisPing(this.port, this.role.password))) break;
      await sleep(50);
    }
    if (!ready) {
      child.kill('SIGKILL');
      const why = tailFile(this.logFile, 2) || tailFile(this.outFile, 2) || 'no answer to PING within 30 s';
      if (/already in use/i.test(why)) {
        throw new PortInUseError(
          `Redis could not listen on ${HOST}:${this.port}: the port is in use; free it or let it pick another (see ${this.logFile})`,
        );
      }
      throw new LocalInfraError(`Redis failed to start: ${why} (log: ${this.logFile})`);
    }
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.child !== child) return; // stopped on purpose
      this.child = undefined;
      this.forget();
      this.log(`${this.label} on port ${this.port} exited unexpectedly (${signal ?? `code ${code}`}); see ${this.logFile}`);
    });
    if (child.pid) guard(this.guardId, { kind: 'kill', pid: child.pid, name: 'redis-server' });
    this.untrack = track({ name: this.label, stop: () => this.stop(), stopSync: () => void child.kill('SIGTERM') });
    writeOwner(this.dir, this.port);
    this.log(`${this.label} ready in ${seconds(started)}`);
  }

  stop(): Promise<void> {
    const child = this.child;
    if (!child) return this.stopping ?? Promise.resolve();
    this.child = undefined;
    this.stopping = (async () => {
      const started = Date.now();
      this.forget();
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      if (!(await waitForPortClosed(this.port)))
        throw new LocalInfraError(`Redis on port ${this.port} stopped but the port is still open: another process uses it`);
      this.log(`${this.label} on port ${this.port} stopped in ${seconds(started)}`);
    })().finally(() => (this.stopping = undefined));
    return this.stopping;
  }

  async kill(): Promise<void> {
    await this.stopping;
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    this.forget();
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.kill('SIGKILL');
    await exited;
    this.log(`${this.label} on port ${this.port} killed (SIGKILL)`);
  }

  private spawnServer(): ChildProcess {
    const roleArgs =
      this.role.kind === 'sentinel'
        ? [this.role.configFile, '--sentinel']
        : [
            '--appendonly',
            'yes',
            '--maxmemory-policy',
            'noeviction',
            ...(this.role.replicaOf ? ['--replicaof', HOST, String(this.role.replicaOf)] : []),
            ...(this.role.password ? ['--requirepass', this.role.password, '--masterauth', this.role.password] : []),
          ];
    const args = [
      ...(this.role.kind === 'sentinel' ? roleArgs : []),
      '--bind',
      HOST,
      '--port',
      String(this.port),
      '--dir',
      this.dir,
      ...(this.role.kind === 'server' ? roleArgs : []),
      '--daemonize',
      'no',
      '--pidfile',
      join(this.dir, 'redis.pid'),
      '--logfile',
      this.logFile,
    ];
    const out = openSync(this.outFile, 'a');
    try {
      // detached: no terminal Ctrl-C, we stop it ourselves after the apps that use it.
      const child = spawn(this.bin, args, { stdio: ['ignore', out, out], cwd: this.dir, detached: true });
      child.unref();
      return child;
    } finally {
      closeSync(out);
    }
  }

  private forget(): void {
    this.untrack?.();
    this.untrack = undefined;
    unguard(this.guardId);
  }
}

/** A redis-server left by an earlier run: reused if its owner lives, otherwise stopped. */
async function handleRunningServer(dir: string, log: Log, password?: string): Promise<RedisServerHandle | undefined> {
  const pidFile = join(dir, 'redis.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!processAlive(pid, 'redis-server')) return undefined;
  const owner = liveOwner(dir);
  if (owner?.port && (await redisPing(owner.port, password))) {
    log(`reusing Redis already running on ${HOST}:${owner.port} (started by process ${owner.pid})`);
    const noop = async (): Promise<void> => undefined;
    return { url: `redis://${HOST}:${owner.port}`, port: owner.port, reused: true, stop: noop, start: noop, kill: noop };
  }
  log(`stopping Redis left running in ${dir} by an earlier run (pid ${pid}) …`);
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, 'redis-server', 10_000))) process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 'redis-server', 5_000);
  return undefined;
}

/** Runs redis-server as our child process, stopped by stop() or when this process ends. */
export async function startRedis(options: RedisOptions): Promise<RedisServerHandle> {
  const log = options.log ?? noLog;
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const bin = await ensureRedisServer(log);
  if (options.password !== undefined) checkLocalRedisPassword(options.password, 'the Redis password');
  const running = await handleRunningServer(dir, log, options.password);
  if (running) return running;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort(attempt === 1 ? options.preferredPort : undefined));
    if (options.preferredPort && port !== options.preferredPort && attempt === 1)
      log(`port ${options.preferredPort} busy; Redis uses ${port}`);
    const server = new RedisServer(bin, dir, port, log, { kind: 'server', replicaOf: options.replicaOf, password: options.password });
    try {
      await server.start();
      return server;
    } catch (error) {
      // A free port can be taken between the probe and the bind: retry only ports we picked.
      if (!(error instanceof PortInUseError) || options.port || attempt === 3) throw error;
    }
  }
}

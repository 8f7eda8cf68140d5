import { spawn, spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type Log = (line: string) => void;

export const noLog: Log = () => undefined;

/** Every failure surfaces as one line telling the user what to do. */
export class LocalInfraError extends Error {
  override name = 'LocalInfraError';
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function shellQuote(args: readonly string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findExecutable(name: string, extraDirs: readonly string[] = [], pathEnv = process.env.PATH ?? ''): string | undefined {
  for (const dir of [...pathEnv.split(delimiter), ...extraDirs]) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

export interface RunResult {
  code: number;
  output: string;
}

/** Runs a command to completion and collects stdout+stderr; never rejects, callers judge the result. */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; onLine?: (line: string) => void } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      if (!options.onLine) return;
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.onLine(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = options.timeoutMs
      ? setTimeout(() => {
          output += `\n(timed out after ${options.timeoutMs} ms)`;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      resolve({ code: 127, output: `${output}${error.message}` });
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      if (options.onLine && pending.trim()) options.onLine(pending);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Wraps a command so that it runs as another OS user (we are root). */
export function asUser(user: string | undefined, file: string, args: readonly string[]): [string, string[]] {
  if (!user) return [file, [...args]];
  const runuser = findExecutable('runuser', ['/usr/sbin', '/sbin', '/usr/bin', '/bin']);
  if (runuser) return [runuser, ['-u', user, '--', file, ...args]];
  return ['su', [user, '-s', '/bin/sh', '-c', shellQuote([file, ...args])]];
}

export function runSyncQuietly(file: string, args: readonly string[], timeoutMs = 30_000): void {
  spawnSync(file, args, { stdio: 'ignore', timeout: timeoutMs });
}

function procStat(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: split after its closing ')'.
    return raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Start time in clock ticks since boot: tells a live owner from a recycled pid. */
export function processStartTime(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/**
 * True when pid is a live process (not a zombie) and, where /proc exists, its name contains `name`.
 * The name check keeps us from signalling an unrelated process that recycled a stale pid.
 */
export function processAlive(pid: number, name?: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (!stat) return !existsSync('/proc');
  if (stat[0] === 'Z' || stat[0] === 'X') return false;
  if (!name) return true;
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return comm.includes(name) || cmdline.includes(name);
  } catch {
    return false;
  }
}

export async function waitForExit(pid: number, name: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid, name)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

interface OwnerRecord {
  pid: number;
  startTime?: string;
  port?: number;
}

const OWNER_FILE = 'owner.json';

/** Records that this process started the server living in dir. */
export function writeOwner(dir: string, port?: number): void {
  const record: OwnerRecord = { pid: process.pid, startTime: processStartTime(process.pid), port };
  writeFileSync(join(dir, OWNER_FILE), `${JSON.stringify(record)}\n`);
}

/** The process that started the server in dir, if it is still alive. */
export function liveOwner(dir: string): OwnerRecord | undefined {
  let record: OwnerRecord;
  try {
    record = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as OwnerRecord;
  } catch {
    return undefined;
  }
  if (!processAlive(record.pid)) return undefined;
  if (record.startTime && processStartTime(record.pid) !== record.startTime) return undefined;
  return record;
}

/** The last non-empty lines of a log file ([] when unreadable). */
export function tailLines(path: string, lines: number): string[] {
  let fd: number | undefined;
  try {
    const size = statSync(path).size;
    const length = Math.min(size, 16_384);
    const buffer = Buffer.alloc(length);
    fd = openSync(path, 'r');
    readSync(fd, buffer, 0, length, size - length);
    return buffer
      .toString('utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-lines);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The last lines of a log file on one line, for error messages. */
export function tailFile(path: string, lines = 3): string {
  return tailLines(path, lines).join(' | ');
}

/** Kills the process named in a pid file (first line) if it is still alive and really `name`. */
export async function killFromPidFile(pidFile: string, name: string, signal: NodeJS.Signals): Promise<number | undefined> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
  if (!processAlive(pid, name)) return undefined;
  process.kill(pid, signal);
  if (!(await waitForExit(pid, name, 10_000))) process.kill(pid, 'SIGKILL');
  return pid;
}

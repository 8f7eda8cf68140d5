import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Each child's output, kept for looking into a failed or slow run. */
export const LOG_DIR = join(REPO_ROOT, '.tutti', 'bench', 'logs');

export interface Child {
  name: string;
  process: ChildProcess;
  /** The last lines it wrote to stderr, shown if it dies (everything is in LOG_DIR/<name>.log). */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `node -r ./tools/runtime/register.js <file>` (as npm start does) from the repository root with exactly `env` added. */
export function startTs(name: string, file: string, env: Record<string, string>, nodeArgs: string[] = []): Child {
  const child = spawn(process.execPath, [...nodeArgs, '-r', './tools/runtime/register.js', file], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = createWriteStream(join(LOG_DIR, `${name}.log`));
  child.stdout?.pipe(logFile);
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    logFile.write(chunk);
    tail = (tail + chunk.toString()).slice(-4_000);
  });
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  return {
    name,
    process: child,
    stderr: () => tail,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** Waits until `url` answers 200, failing early (with its stderr) if the child dies first. */
export async function waitUntilHealthy(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited with ${child.process.exitCode}:\n${child.stderr()}`);
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${child.name} did not become healthy at ${url} within ${timeoutMs} ms:\n${child.stderr()}`);
}

/** Runs a TypeScript script to its end (as startTs does) and answers what it wrote to stdout; fails with its stderr if it fails. */
export async function runTs(name: string, file: string, env: Record<string, string>): Promise<string> {
  const child = startTs(name, file, env);
  let stdout = '';
  child.process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.process.once('exit', (exitCode) => done(exitCode)));
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${child.stderr()}`);
  return stdout;
}

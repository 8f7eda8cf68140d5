import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@tutti/contracts';
import { entryPoint, runTypeScript } from './services';

export interface RunningService {
  service: ServiceName;
  url: string;
  logFile: string;
  child: ChildProcess;
}

type Log = (line: string) => void;

/**
 * Starts a service as a child process. Its JSON log goes to a file; warnings and errors are also
 * echoed, one line each, so that the terminal stays readable.
 */
export function startServiceProcess(
  service: ServiceName,
  port: number,
  env: Record<string, string>,
  logDir: string,
  log: Log,
): RunningService {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${service}.log`);
  const file = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, runTypeScript(entryPoint(service, 'main')), {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const echoImportant = (chunk: Buffer) => {
    file.write(chunk);
    for (const line of chunk.toString().split('\n')) {
      const summary = summarise(line);
      if (summary) log(`[${service}] ${summary}`);
    }
  };
  child.stdout?.on('data', echoImportant);
  child.stderr?.on('data', echoImportant);
  child.on('exit', (code, signal) => {
    file.end();
    if (code !== 0 && signal === null) log(`[${service}] exited with code ${code}; see ${logFile}`);
  });
  return { service, url: `http://127.0.0.1:${port}`, logFile, child };
}

/** Waits until the service's /health answers (any status: a red health still means it is up). */
export async function waitUntilListening(running: RunningService, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`${running.service} exited during start-up; see ${running.logFile}`);
    try {
      await fetch(`${running.url}/health`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${running.service} did not start within ${timeoutMs / 1000} s; see ${running.logFile}`);
}

export async function stopServiceProcess(running: RunningService): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
  running.child.kill('SIGTERM');
  const forced = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(forced);
}

/** A pino JSON line at warn level or above → "message"; plain text (a crash) → as is. */
function summarise(line: string): string | null {
  if (!line.trim()) return null;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
    if ((entry.level ?? 0) < 40) return null;
    return [entry.msg, entry.err?.message].filter(Boolean).join(': ');
  } catch {
    return line;
  }
}

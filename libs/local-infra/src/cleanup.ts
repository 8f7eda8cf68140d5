import { spawn, type ChildProcess } from 'node:child_process';

/** A server this process started and must not leave behind. */
export interface Cleanup {
  name: string;
  stop(): Promise<void>;
  /** Best effort from the 'exit' event, where nothing asynchronous runs any more. */
  stopSync(): void;
}

const active: Cleanup[] = [];
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
let hooked = false;
let stoppingAll: Promise<void> | undefined;

function onExit(): void {
  for (const cleanup of [...active].reverse()) {
    try {
      cleanup.stopSync();
    } catch {
      // keep going: the others must still be stopped
    }
  }
  active.length = 0;
}

async function stopAll(): Promise<void> {
  for (const cleanup of [...active].reverse()) {
    try {
      await cleanup.stop();
    } catch {
      // keep going: the others must still be stopped
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  stoppingAll ??= stopAll();
  void stoppingAll.then(() => {
    // Another listener means the application handles this signal (e.g. a graceful Nest shutdown): let it exit.
    if (process.listenerCount(signal) <= 1) process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
  });
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  stoppingAll = undefined;
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function unhook(): void {
  if (!hooked) return;
  hooked = false;
  process.off('exit', onExit);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Stops `cleanup` on exit, SIGINT, SIGTERM and SIGHUP; the returned function forgets it again. */
export function track(cleanup: Cleanup): () => void {
  active.push(cleanup);
  hook();
  return () => {
    const index = active.indexOf(cleanup);
    if (index >= 0) active.splice(index, 1);
    if (active.length === 0) unhook();
  };
}

export type GuardTask = { kind: 'kill'; pid: number; name: string } | { kind: 'exec'; file: string; args: string[] };

// Runs in a separate detached node process that outlives us: when our IPC channel closes
// (we exited, crashed or were SIGKILLed) it performs the remaining tasks, so no server is orphaned.
const WATCHDOG_SOURCE = `
const { spawnSync } = require('child_process');
const fs = require('fs');
const tasks = new Map();
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function alive(pid, name) {
  try { process.kill(pid, 0); } catch (e) { return false; }
  try {
    const stat = fs.readFileSync('/proc/' + pid + '/stat', 'utf8');
    if (/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) return false;
    return fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes(name);
  } catch (e) { return !fs.existsSync('/proc'); }
}
process.on('message', (m) => { if (m.op === 'add') tasks.set(m.id, m.task); else tasks.delete(m.id); });
process.on('SIGINT', () => undefined);
process.on('disconnect', () => {
  for (const t of [...tasks.values()].reverse()) {
    try {
      if (t.kind === 'exec') { spawnSync(t.file, t.args, { stdio: 'ignore', timeout: 60000 }); continue; }
      if (!alive(t.pid, t.name)) continue;
      process.kill(t.pid, 'SIGTERM');
      for (let i = 0; i < 200 && alive(t.pid, t.name); i++) pause(50);
      if (alive(t.pid, t.name)) process.kill(t.pid, 'SIGKILL');
    } catch (e) { /* next */ }
  }
  process.exit(0);
});
`;

let watchdog: ChildProcess | undefined;

function ensureWatchdog(): ChildProcess | undefined {
  if (watchdog?.connected) return watchdog;
  try {
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      detached: true,
      env,
    });
    watchdog.on('error', () => (watchdog = undefined));
    watchdog.unref();
    watchdog.channel?.unref();
    return watchdog;
  } catch {
    return undefined;
  }
}

/** Asks the watchdog to run `task` if this process dies before calling unguard(id). */
export function guard(id: string, task: GuardTask): void {
  ensureWatchdog()?.send({ op: 'add', id, task });
}

export function unguard(id: string): void {
  if (watchdog?.connected) watchdog.send({ op: 'remove', id });
}

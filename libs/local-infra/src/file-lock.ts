import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { LocalInfraError, noLog, processAlive, processStartTime, sleep, type Log } from './processes';

interface Holder {
  pid: number;
  startTime?: string;
}

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

function holderAlive(holder: Holder | undefined): boolean {
  if (!holder) return true; // being written right now
  if (!processAlive(holder.pid)) return false;
  return !holder.startTime || processStartTime(holder.pid) === holder.startTime;
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) } satisfies Holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Runs `work` while this process holds the lock file at `path` (created exclusively), so that
 * processes on one machine (parallel test runs) take turns. A lock left by a process that died is
 * taken over; `what` names the work in the "waiting" line and in the time-out error.
 */
export async function withFileLock<T>(
  path: string,
  what: string,
  work: () => Promise<T>,
  options: { log?: Log; timeoutMs?: number } = {},
): Promise<T> {
  const log = options.log ?? noLog;
  const deadline = Date.now() + (options.timeoutMs ?? 900_000);
  let waiting = false;
  while (!tryCreate(path)) {
    const holder = readHolder(path);
    if (!holderAlive(holder)) {
      // Removed only if it still names the dead holder: another waiter may have taken it over meanwhile.
      // (A takeover within the same millisecond can still race; apt-get's and the build's own steps are safe twice.)
      const again = readHolder(path);
      if (again && again.pid === holder?.pid && again.startTime === holder.startTime) {
        try {
          unlinkSync(path);
        } catch {
          // removed by the other waiter
        }
      }
      continue;
    }
    if (!waiting) log(`waiting for process ${holder?.pid ?? '?'} to finish ${what} (lock ${path}) …`);
    waiting = true;
    if (Date.now() > deadline)
      throw new LocalInfraError(
        `gave up waiting for ${what}: ${path} is held by process ${holder?.pid ?? '?'}; remove it if that process is stuck`,
      );
    await sleep(250);
  }
  try {
    return await work();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}

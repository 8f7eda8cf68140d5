import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileLock } from './file-lock';
import { findExecutable, isRoot, LocalInfraError, noLog, run, seconds, type Log } from './processes';

/** One apt-get at a time on this machine, whichever test run or `npm start` asks. */
const APT_LOCK = join(tmpdir(), 'tutti-apt.lock');

let queue: Promise<unknown> = Promise.resolve();

/** apt-get, when this process may install with it: root on Debian. */
export function usableAptGet(pathEnv = process.env.PATH ?? ''): string | undefined {
  const aptGet = findExecutable('apt-get', ['/usr/bin'], pathEnv);
  return aptGet && isRoot() && existsSync('/etc/debian_version') ? aptGet : undefined;
}

/**
 * Installs Debian packages (no recommends) unless `installed()` says they are there, checked again
 * once the lock is held because another process may have installed them meanwhile. `apt-get
 * update` runs only when the install fails without it. Throws one line when it cannot.
 */
export function aptInstall(packages: readonly string[], installed: () => boolean, log: Log = noLog): Promise<void> {
  const next = queue.then(() =>
    withFileLock(APT_LOCK, `apt-get install ${packages.join(' ')}`, () => install(packages, installed, log), { log }),
  );
  queue = next.catch(() => undefined);
  return next;
}

async function install(packages: readonly string[], installed: () => boolean, log: Log): Promise<void> {
  if (installed()) return;
  const aptGet = usableAptGet();
  const list = packages.join(' ');
  if (!aptGet) throw new LocalInfraError(`cannot install ${list}: apt-get needs root on Debian`);
  const started = Date.now();
  log(`installing ${list} with apt-get …`);
  const options = {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    onLine: (line: string) => log(`apt-get: ${line}`),
    timeoutMs: 900_000,
  };
  // Waits for an apt/dpkg run of someone else's to finish instead of failing on its lock.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  const attempt = (): ReturnType<typeof run> =>
    run(aptGet, [...lockWait, 'install', '-y', '-q', '--no-install-recommends', ...packages], options);
  let result = await attempt();
  if (result.code !== 0) {
    log('apt-get install failed; running apt-get update and retrying …');
    await run(aptGet, [...lockWait, 'update', '-q'], options);
    result = await attempt();
  }
  if (result.code !== 0 || !installed()) {
    const why = result.output.trim().split('\n').pop() ?? '';
    throw new LocalInfraError(`apt-get install ${list} failed (${why})`);
  }
  log(`${list} installed in ${seconds(started)}`);
}

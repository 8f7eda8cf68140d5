/**
 * The built web app that the gateway serves in end-to-end runs, built again when it is older than
 * its sources. The test set-up calls this once per run; parallel runs take turns (a lock file) and
 * a build lands in apps/web/dist whole (built beside it, then swapped in), so a gateway that is
 * serving the old build never sees a half-written one.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withFileLock } from '@tutti/local-infra';

const ROOT = join(__dirname, '..', '..');
const WEB_DIR = join(ROOT, 'apps', 'web');
export const WEB_DIST_DIR = join(WEB_DIR, 'dist');
const BUILD_DIR = join(ROOT, '.tutti', 'web-build');
const SOURCES = [join(WEB_DIR, 'src'), join(WEB_DIR, 'index.html'), join(WEB_DIR, 'vite.config.mts')];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** No build, or a source changed after the build started. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST_DIR, 'index.html');
  if (!existsSync(index)) return true;
  return Math.max(...SOURCES.map(newestChange)) > statSync(index).mtimeMs;
}

/** Builds apps/web/dist when it is missing or older than apps/web/src, index.html or the vite config. */
export async function ensureWebBuilt(log: (line: string) => void = () => undefined): Promise<void> {
  if (!webBuildIsStale()) return;
  mkdirSync(BUILD_DIR, { recursive: true });
  await withFileLock(
    join(BUILD_DIR, 'build.lock'),
    'building the web app',
    async () => {
      if (!webBuildIsStale()) return;
      const started = Date.now();
      log(existsSync(WEB_DIST_DIR) ? 'the web app changed since its build: building it …' : 'building the web app …');
      const out = join(BUILD_DIR, `out-${process.pid}`);
      // vite 8 is ESM-only: its CLI runs it in a process of its own.
      const viteCli = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      try {
        await promisify(execFile)(
          process.execPath,
          [viteCli, 'build', '--config', join(WEB_DIR, 'vite.config.mts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
          {
            cwd: ROOT,
            maxBuffer: 16 * 1024 * 1024,
          },
        );
      } catch (error) {
        rmSync(out, { recursive: true, force: true });
        const output = `${(error as { stderr?: string }).stderr ?? ''}`.trim() || String(error);
        throw new Error(`building the web app failed (npm run build:web to see why): ${output.split('\n').slice(0, 3).join(' | ')}`);
      }
      // Stamped with when the build started: a source saved during the build makes it stale again.
      utimesSync(join(out, 'index.html'), started / 1000, started / 1000);
      const old = join(BUILD_DIR, `old-${process.pid}`);
      if (existsSync(WEB_DIST_DIR)) renameSync(WEB_DIST_DIR, old);
      renameSync(out, WEB_DIST_DIR);
      rmSync(old, { recursive: true, force: true });
      log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    { log },
  );
}

// `npm run backup -- base`: a base backup of the dev cluster (started with `npm run infra -- --archive`).
// `npm run backup -- restore --to <time>`: that cluster as it was at <time>, on a second cluster, until Ctrl-C.
// `npm run backup -- drill`: backup, writes, target time, "the mistake", point-in-time restore, checks; timed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { latestBaseBackupBefore, LocalInfraError, restoreToPointInTime, takeBaseBackup } from '@tutti/local-infra';
import { newDrillDir, runRestoreDrill } from './restore-drill';

const USAGE = 'usage: npm run backup -- base | restore --to <time, e.g. "2026-12-04 19:30:00+00"> | drill [--rows <n>]';

function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'nx.json'))) return dir;
  return process.cwd();
}

const log = (line: string): void => console.log(`[backup] ${line}`);

/** The dev cluster's directory and the port it runs on (its postmaster.pid's fourth line). */
function devCluster(): { dir: string; port: number } {
  const dir = join(repoRoot(), '.tutti', 'dev', 'postgres');
  const pidFile = join(dir, 'data', 'postmaster.pid');
  if (!existsSync(pidFile)) throw new LocalInfraError(`no dev PostgreSQL is running in ${dir}: start it with npm run infra -- --archive`);
  return { dir, port: Number(readFileSync(pidFile, 'utf8').split('\n')[3]) };
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { to: { type: 'string' }, rows: { type: 'string' } } });
  const [command] = positionals;
  if (command === 'base') {
    const { dir, port } = devCluster();
    const backup = await takeBaseBackup({ primaryDir: dir, primaryPort: port, profile: 'dev', log });
    log(`base backup in ${backup.dir}; WAL archived in ${backup.walArchive}`);
  } else if (command === 'restore') {
    const to = values.to && new Date(values.to);
    if (!to || Number.isNaN(to.getTime())) throw new LocalInfraError(`--to needs a time: ${USAGE}`);
    const { dir } = devCluster();
    const backup = latestBaseBackupBefore(dir, to);
    if (!backup) throw new LocalInfraError(`no base backup in ${dir}/backups/base started before ${to.toISOString()}`);
    log(`restoring ${backup.dir} to ${to.toISOString()}`);
    const restored = await restoreToPointInTime({
      dir: join(repoRoot(), '.tutti', 'dev', 'postgres-restored'),
      profile: 'dev',
      backup,
      targetTime: to.toISOString(),
    });
    console.log(`\nRESTORED_DATABASE_URL=${restored.url}\nRunning; Ctrl-C stops it (its files stay in .tutti/dev/postgres-restored).`);
    setInterval(() => undefined, 1 << 30);
  } else if (command === 'drill') {
    const rows = values.rows ? Number(values.rows) : undefined;
    if (rows !== undefined && !(Number.isInteger(rows) && rows > 0))
      throw new LocalInfraError(`--rows needs a positive whole number: ${USAGE}`);
    const started = Date.now();
    const result = await runRestoreDrill({ workDir: newDrillDir(repoRoot()), rows, log });
    const { restored } = result;
    const ok =
      restored.beforeBackup === result.rows && restored.afterBackup === result.rows && restored.mistake === 0 && !result.restoredInRecovery;
    log(`primary after the mistake: ${JSON.stringify(result.primary)}`);
    log(`restored to ${result.targetTime}: ${JSON.stringify(result.restored)} on timeline ${result.restoredTimeline}`);
    log(`${ok ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!ok) process.exitCode = 1;
  } else {
    throw new LocalInfraError(USAGE);
  }
}

main().catch((error: unknown) => {
  console.error(`[backup] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

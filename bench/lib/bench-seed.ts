import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { ServiceName } from '@tutti/contracts';
import { provisionServiceDatabase } from '@tutti/platform';
import { startTs } from './children';
import { log, type BenchSystem } from './system';

/**
 * The ids apps/scheduling/src/bench-seed.ts makes (md5(text) as a uuid; bench/ may not import the app's
 * seed, so they are made the same way here): the bench area (area 1), area n, tutor n's user, school s.
 */
export const md5Uuid = (text: string): string => {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
export const BENCH_TENANT_ID = md5Uuid('bench:tenant');
export const benchAreaTenantId = (n: number): string => (n === 1 ? BENCH_TENANT_ID : md5Uuid(`bench:area:${n}`));
export const benchTutorUserId = (n: number): string => md5Uuid(`bench:tutor-user:${n}`);
export const benchSchoolId = (s: number): string => md5Uuid(`bench:school:${s}`);

export interface SeededDatabase {
  /** The database's name on the bench's PostgreSQL. */
  database: string;
  /** Each service's URL (its own role) in that database. */
  urls: { scheduling: string; instrumentLoan?: string; performanceEvent?: string; parentEngagement?: string };
  /** What the seed printed: per-table times, the bench area's counts, EXPLAIN plans, the data return's runs. */
  output: string;
  seconds: number;
}

/**
 * Runs apps/scheduling/src/bench-seed.ts as a child into `database` (created when it is not the
 * bench's own): with `allServices`, instrument-loan's, performance-event's and parent-engagement's
 * schemas are made there first by their own migrate.ts, and the seed writes their rows too (the
 * scale seed). `env` sizes it (BENCH_SCHOOLS, BENCH_AREAS, BENCH_REGISTERS …). The seed's progress
 * is shown on stderr as it comes.
 */
export async function runBenchSeed(
  system: BenchSystem,
  database: string,
  env: Record<string, string>,
  options: { allServices?: boolean } = {},
): Promise<SeededDatabase> {
  const adminUrl = new URL(system.infra.databaseUrl);
  if (adminUrl.pathname.slice(1) !== database) {
    const admin = new Client({ connectionString: system.infra.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
  }
  const provision = (service: ServiceName) => provisionIn(system, database, service);
  const urls: SeededDatabase['urls'] = { scheduling: await provision('scheduling') };
  if (options.allServices) {
    urls.instrumentLoan = await provision('instrument-loan');
    urls.performanceEvent = await provision('performance-event');
    urls.parentEngagement = await provision('parent-engagement');
    for (const [service, url] of [
      ['instrument-loan', urls.instrumentLoan],
      ['performance-event', urls.performanceEvent],
      ['parent-engagement', urls.parentEngagement],
    ] as const)
      await runChild(`migrate-${service}`, `apps/${service}/src/migrate.ts`, { DATABASE_URL: url });
  }
  const started = Date.now();
  const output = await runChild(`bench-seed-${database}`, 'apps/scheduling/src/bench-seed.ts', {
    ...env,
    DATABASE_URL: urls.scheduling,
    ...(urls.instrumentLoan ? { INSTRUMENT_LOAN_DATABASE_URL: urls.instrumentLoan } : {}),
    ...(urls.performanceEvent ? { PERFORMANCE_EVENT_DATABASE_URL: urls.performanceEvent } : {}),
    ...(urls.parentEngagement ? { PARENT_ENGAGEMENT_DATABASE_URL: urls.parentEngagement } : {}),
  });
  return { database, urls, output, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

/** A child to its end, its stderr lines passed on as progress; answers its stdout. */
async function runChild(name: string, file: string, env: Record<string, string>): Promise<string> {
  const child = startTs(name, file, env);
  let stdout = '';
  let partial = '';
  child.process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.process.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') log(`${name}: ${line}`);
  });
  const code = await new Promise<number | null>((done) => child.process.once('exit', (exitCode) => done(exitCode)));
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${child.stderr()}`);
  return stdout;
}

/** A service's own role and schema in `database` (created by runBenchSeed) of the bench's PostgreSQL. */
export function provisionIn(system: BenchSystem, database: string, service: ServiceName): Promise<string> {
  const adminUrl = new URL(system.infra.databaseUrl);
  adminUrl.pathname = `/${database}`;
  return provisionServiceDatabase(adminUrl.toString(), service, `bench-${service}`);
}

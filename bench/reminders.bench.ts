/**
 * Reminders due together (issue 5), through libs/messaging's ReminderScheduler and ReminderWorker:
 * rows written with schedule() in transactions of 500, delayed jobs queued after commit, and two
 * worker processes (bench/reminder-worker.ts, two replicas of a service's worker as issue 20 deploys
 * them, each with the concurrency the services run, DEFAULT_REMINDER_CONCURRENCY) whose deliverers
 * record each delivery's time (clock_timestamp()) per reminder id in PostgreSQL.
 * Three scenarios, one after the other:
 *   1. spread — 10,000 `bench.count` reminders due in the same minute (evenly over its 60 s)
 *   2. burst  — 10,000 `bench.count` reminders due at the same instant (how fast the queue drains)
 *   3. email  — 1,000 `bench.email` reminders over 10 s, each a real email over SMTP to MailDev
 * For each: every reminder delivered exactly once (deliveries per id), p50/p99/max lateness
 * (delivery − due). Goals: spread, all within 5 s of due and p99 lateness < 1 s; burst, the last sent
 * within 5 s of the due instant.
 *
 *   node -r ./tools/runtime/register.js bench/reminders.bench.ts
 *
 * BENCH_PG_STATEMENTS=1 prints PostgreSQL's time per statement (pg_stat_statements) for each scenario.
 * BENCH_CPU_PROF=worker writes the worker's .cpuprofile to .tutti/bench/profiles.
 *
 * CPU per reminder is given twice: from the start of scheduling (writing the rows and queuing the jobs
 * included), and over the drain alone (from the first due time to the last delivery: what a burst
 * costs when it falls due), the latter with Redis's own CPU too.
 *
 * BENCH_REMINDERS (10000), BENCH_EMAILS (1000), BENCH_WORKERS (2: worker processes), BENCH_WORKER_CONCURRENCY
 * (DEFAULT_REMINDER_CONCURRENCY, 50, each), BENCH_LEAD_S (10: spare
 * seconds, beyond 1 s per 1,000 reminders for writing and queuing them, before the first due time), BENCH_SCENARIOS (spread,burst,email).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_REMINDER_CONCURRENCY, ReminderScheduler, type ReminderRow } from '@tutti/messaging';
import { initializeWithRetry, runMigrationsLocked } from '@tutti/platform';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { REPO_ROOT, startTs, type Child } from './lib/children';
import { cpuSecondsOf, cpuSecondsOfTree, postmasterPidOf } from './lib/cpu';
import { DELIVERIES_TABLE, REMINDER_BENCH_SERVICE, reminderDataSource } from './lib/reminder-database';
import { ms, percentile } from './lib/stats';
import { log, runBench, startBenchSystem, stopAll, type BenchSystem } from './lib/system';
import { resetStatements, statementTimes } from './lib/statements';
import { printTable, verdict } from './lib/table';

const reminderCount = Number(process.env.BENCH_REMINDERS ?? 10_000);
const emailCount = Number(process.env.BENCH_EMAILS ?? 1_000);
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const workerConcurrency = Number(process.env.BENCH_WORKER_CONCURRENCY ?? DEFAULT_REMINDER_CONCURRENCY);
const leadSeconds = Number(process.env.BENCH_LEAD_S ?? 10);
const scenarios = (process.env.BENCH_SCENARIOS ?? 'spread,burst,email').split(',');
const GOALS = { allWithinSeconds: 5, p99LatenessSeconds: 1, burstDrainSeconds: 5 };
const BATCH = 500;
const profiled = process.env.BENCH_CPU_PROF === 'worker';
const PROFILE_DIR = join(REPO_ROOT, '.tutti', 'bench', 'profiles');
const ENQUEUE_CONCURRENCY = 50;

interface Scenario {
  name: string;
  kind: 'bench.count' | 'bench.email';
  count: number;
  /** Due times spread evenly over this many seconds (0: all at once). */
  spreadSeconds: number;
}

interface ScenarioResult {
  scenario: Scenario;
  scheduleSeconds: number;
  delivered: number;
  missing: number;
  duplicated: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From the first due time to the last delivery. */
  drainSeconds: number;
  /** CPU per reminder, scheduling and queuing included: the worker process, and PostgreSQL. */
  workerCpuMicros: number | undefined;
  postgresCpuMicros: number | undefined;
  /** The same from the first due time to the last delivery (the drain alone), and Redis's. */
  drainCpuMicros: { worker: number | undefined; postgres: number | undefined; redis: number | undefined };
}

async function main(): Promise<void> {
  const children: Child[] = [];
  let system: BenchSystem | undefined;
  let dataSource: DataSource | undefined;
  let scheduler: ReminderScheduler | undefined;
  try {
    system = await startBenchSystem({ withMail: scenarios.includes('email') });
    const databaseUrl = await system.provision(REMINDER_BENCH_SERVICE);
    dataSource = await initializeWithRetry(reminderDataSource(databaseUrl), log);
    await runMigrationsLocked(dataSource, log);
    await dataSource.query(
      `CREATE TABLE ${DELIVERIES_TABLE} (reminder_id uuid NOT NULL, channel text NOT NULL, delivered_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    scheduler = new ReminderScheduler({ dataSource, service: REMINDER_BENCH_SERVICE, redis: system.infra.redisUrl });

    const smtpUrl = system.infra.mail ? `smtp://${system.infra.mail.smtpHost}:${system.infra.mail.smtpPort}` : 'smtp://127.0.0.1:1';
    const redisUrl = system.infra.redisUrl;
    const workers = Array.from({ length: workerCount }, (_, index) =>
      startTs(
        `reminder-worker-${index + 1}`,
        'bench/reminder-worker.ts',
        { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SMTP_URL: smtpUrl, CONCURRENCY: String(workerConcurrency) },
        profiled ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, '-r', './bench/lib/exit-on-sigterm.ts'] : [],
      ),
    );
    children.push(...workers);
    await Promise.all(workers.map(untilReady));

    const all: Scenario[] = [
      { name: `spread: ${reminderCount} due in the same minute`, kind: 'bench.count', count: reminderCount, spreadSeconds: 60 },
      { name: `burst: ${reminderCount} due at the same instant`, kind: 'bench.count', count: reminderCount, spreadSeconds: 0 },
      { name: `email: ${emailCount} real emails to MailDev over 10 s`, kind: 'bench.email', count: emailCount, spreadSeconds: 10 },
    ];
    const results: ScenarioResult[] = [];
    for (const scenario of all.filter((candidate) => scenarios.includes(candidate.name.split(':')[0]))) {
      await resetStatements(system.infra.databaseUrl);
      const pids = { postmaster: await postmasterPidOf(databaseUrl), redis: await redisPidOf(system.infra.redisUrl) };
      results.push(await runScenario(dataSource, scheduler, scenario, workers, pids));
      const statements = await statementTimes(
        system.infra.databaseUrl,
        databaseUrl,
        scenario.count,
        `reminder (${scenario.name.split(':')[0]})`,
      );
      if (statements) console.log(statements);
    }
    report(results);
  } finally {
    await scheduler?.close();
    await stopAll(children, system);
    await dataSource?.destroy().catch(() => undefined);
    if (profiled) log(`CPU profile of the worker written to ${PROFILE_DIR}`);
  }
}

/** The Redis server's pid (it runs on this machine), for its CPU time. */
async function redisPidOf(redisUrl: string): Promise<number | undefined> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const match = /process_id:(\d+)/.exec(await redis.info('server'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

async function untilReady(worker: Child): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the reminder worker did not start:\n${worker.stderr()}`)), 60_000);
    worker.process.stdout?.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('ready')) return;
      clearTimeout(timer);
      resolve();
    });
    worker.process.once(
      'exit',
      (code) => (clearTimeout(timer), reject(new Error(`the reminder worker exited with ${code}:\n${worker.stderr()}`))),
    );
  });
}

async function runScenario(
  dataSource: DataSource,
  scheduler: ReminderScheduler,
  scenario: Scenario,
  workers: Child[],
  pids: { postmaster: number | undefined; redis: number | undefined },
): Promise<ScenarioResult> {
  const tenantId = randomUUID();
  const cpu = () => ({
    worker: sumOrUndefined(workers.map((worker) => cpuSecondsOf(worker.process.pid))),
    postgres: pids.postmaster === undefined ? undefined : cpuSecondsOfTree(pids.postmaster),
    redis: cpuSecondsOf(pids.redis),
  });
  const cpuBefore = cpu();
  // Due times are fixed before scheduling starts; the lead leaves room for writing and queuing them all.
  const estimateSeconds = Math.ceil(scenario.count / 1_000);
  const firstDue = Date.now() + (estimateSeconds + leadSeconds) * 1000;
  const dueAt = (i: number) => new Date(firstDue + Math.floor((i * scenario.spreadSeconds * 1000) / scenario.count));
  log(`${scenario.name}: scheduling (first due in ${Math.round((firstDue - Date.now()) / 1000)} s)`);
  const started = Date.now();
  const rows: ReminderRow[] = [];
  for (let from = 0; from < scenario.count; from += BATCH) {
    const batch = await dataSource.transaction(async (manager) => {
      const written: ReminderRow[] = [];
      for (let i = from; i < Math.min(from + BATCH, scenario.count); i++) {
        written.push(
          await scheduler.schedule(manager, {
            tenantId,
            kind: scenario.kind,
            recipientId: randomUUID(),
            subjectType: 'bench',
            subjectId: randomUUID(),
            dueAt: dueAt(i),
          }),
        );
      }
      return written;
    });
    let next = 0;
    await Promise.all(
      Array.from({ length: ENQUEUE_CONCURRENCY }, async () => {
        while (next < batch.length) await scheduler.enqueue(batch[next++]);
      }),
    );
    rows.push(...batch);
  }
  const scheduleSeconds = (Date.now() - started) / 1000;
  const slack = (firstDue - Date.now()) / 1000;
  log(`  scheduled and queued in ${scheduleSeconds.toFixed(1)} s; first due in ${slack.toFixed(1)} s`);
  if (slack < 0) log('  warning: scheduling ran past the first due time; raise BENCH_LEAD_S');

  // Scheduling that ran past the first due time overlapped the drain: then there is no drain-alone figure.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstDue - Date.now())));
  const cpuAtFirstDue = slack < 0 ? { worker: undefined, postgres: undefined, redis: undefined } : cpu();
  const lastDue = dueAt(scenario.count - 1).getTime();
  const deadline = lastDue + 120_000;
  let delivered = 0;
  while (Date.now() < deadline) {
    const exited = workers.find((worker) => worker.process.exitCode !== null);
    if (exited) throw new Error(`a reminder worker exited:\n${exited.stderr()}`);
    delivered = await deliveredCount(dataSource, tenantId);
    if (delivered >= scenario.count) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const cpuAfter = cpu();
  const perReminder = (before: number | undefined, after: number | undefined) =>
    before === undefined || after === undefined ? undefined : Math.round(((after - before) * 1e6) / scenario.count);
  // A little longer, so that a second delivery of some reminder would be seen.
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  const [counts] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE n = 0)::int AS missing, count(*) FILTER (WHERE n > 1)::int AS duplicated, coalesce(sum(n), 0)::int AS deliveries
       FROM (SELECT r.id, count(d.reminder_id) AS n FROM reminders r LEFT JOIN ${DELIVERIES_TABLE} d ON d.reminder_id = r.id WHERE r.tenant_id = $1 GROUP BY r.id) per_reminder`,
    [tenantId],
  );
  const lateness: { ms: number }[] = await dataSource.query(
    `SELECT extract(epoch FROM d.delivered_at - r.due_at) * 1000 AS ms FROM reminders r JOIN ${DELIVERIES_TABLE} d ON d.reminder_id = r.id WHERE r.tenant_id = $1`,
    [tenantId],
  );
  const [last] = await dataSource.query(
    `SELECT extract(epoch FROM max(d.delivered_at)) * 1000 AS at FROM reminders r JOIN ${DELIVERIES_TABLE} d ON d.reminder_id = r.id WHERE r.tenant_id = $1`,
    [tenantId],
  );
  const values = lateness.map((row) => Number(row.ms));
  const result: ScenarioResult = {
    scenario,
    scheduleSeconds,
    delivered: counts.deliveries,
    missing: counts.missing,
    duplicated: counts.duplicated,
    p50Ms: percentile(values, 50),
    p99Ms: percentile(values, 99),
    maxMs: Math.max(...values),
    drainSeconds: (Number(last.at) - firstDue) / 1000,
    workerCpuMicros: perReminder(cpuBefore.worker, cpuAfter.worker),
    postgresCpuMicros: perReminder(cpuBefore.postgres, cpuAfter.postgres),
    drainCpuMicros: {
      worker: perReminder(cpuAtFirstDue.worker, cpuAfter.worker),
      postgres: perReminder(cpuAtFirstDue.postgres, cpuAfter.postgres),
      redis: perReminder(cpuAtFirstDue.redis, cpuAfter.redis),
    },
  };
  log(
    `  ${result.delivered} deliveries, ${result.missing} missing, ${result.duplicated} duplicated; lateness p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)}, max ${ms(result.maxMs)}`,
  );
  return result;
}

function sumOrUndefined(values: (number | undefined)[]): number | undefined {
  return values.some((value) => value === undefined) ? undefined : values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

async function deliveredCount(dataSource: DataSource, tenantId: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM reminders WHERE tenant_id = $1 AND status = 'sent'`, [tenantId]);
  return row.n;
}

function report(results: ScenarioResult[]): void {
  console.log(
    `\nreminders through ReminderScheduler → BullMQ delayed jobs → ${workerCount} ReminderWorker process(es) (concurrency ${workerConcurrency} each)\n`,
  );
  printTable(
    [
      'scenario',
      'scheduling',
      'delivered',
      'missing',
      'twice',
      'lateness p50',
      'p99',
      'max',
      'last sent after first due',
      'CPU per reminder',
      'of it in the drain',
    ],
    results.map((r) => [
      r.scenario.name,
      `${r.scheduleSeconds.toFixed(1)} s`,
      String(r.delivered),
      String(r.missing),
      String(r.duplicated),
      ms(r.p50Ms),
      ms(r.p99Ms),
      ms(r.maxMs),
      `${r.drainSeconds.toFixed(1)} s`,
      `worker ${r.workerCpuMicros ?? 'n/a'} µs + postgres ${r.postgresCpuMicros ?? 'n/a'} µs`,
      `worker ${r.drainCpuMicros.worker ?? 'n/a'} + postgres ${r.drainCpuMicros.postgres ?? 'n/a'} + redis ${r.drainCpuMicros.redis ?? 'n/a'} µs`,
    ]),
    [0, 9, 10],
  );
  const spread = results.find((r) => r.scenario.name.startsWith('spread'));
  if (spread) {
    const exactlyOnce = spread.missing === 0 && spread.duplicated === 0 && spread.delivered === spread.scenario.count;
    console.log(`\nspread: each exactly once: ${exactlyOnce ? 'yes' : 'NO'}`);
    console.log(`spread: max lateness s: ${verdict(Math.round(spread.maxMs) / 1000, GOALS.allWithinSeconds, '≤')}`);
    console.log(`spread: p99 lateness s: ${verdict(Math.round(spread.p99Ms) / 1000, GOALS.p99LatenessSeconds, '<')}`);
  }
  const burst = results.find((r) => r.scenario.name.startsWith('burst'));
  if (burst) {
    console.log(`\nburst: each exactly once: ${burst.missing === 0 && burst.duplicated === 0 ? 'yes' : 'NO'}`);
    console.log(
      `burst: last sent after the due instant, s: ${verdict(Math.round(burst.drainSeconds * 10) / 10, GOALS.burstDrainSeconds, '≤')}`,
    );
  }
  console.log(`\n${JSON.stringify({ bench: 'reminders', workerCount, workerConcurrency, goals: GOALS, results })}`);
}

runBench('reminders bench', main);

/**
 * The Sentinel failover drill (issue 20): Redis as production runs it (a primary, a replica and three
 * Sentinels, libs/local-infra's startRedisSentinel), kill -9 of the primary in the middle of a
 * reminder storm and a booking rush. Everything connects through the Sentinels
 * (REDIS_SENTINELS / REDIS_SENTINEL_NAME; REDIS_URL points where nothing listens):
 *   - the storm: BENCH_REMINDERS (5,000) `bench.count` reminders due evenly over BENCH_SPREAD_S (30) s,
 *     written with ReminderScheduler (rows, then delayed jobs) in a database of their own, sent by
 *     BENCH_WORKERS (2) worker replicas (bench/sentinel-drill-worker.ts: ReminderWorker and
 *     ReminderSweeper with the services' defaults), each delivery recorded as a row;
 *   - the rush: parent-engagement itself (SERVICE_MODE=both: its API, outbox relay, event consumer,
 *     reminder worker and sweeper) taking POST /transport-bookings from BENCH_CONNECTIONS (50) families
 *     at once, from just before the first reminder is due until just after the last;
 *   - the fault: kill -9 of the Redis primary BENCH_KILL_AFTER_S (10) s after the first reminder was due.
 * BENCH_NO_KILL=1 runs the same without the kill (a baseline on the same machine).
 * Then it waits (the sweepers re-queue reminders whose job the failover lost, every 60 s as in the
 * services) until every reminder is sent or BENCH_SETTLE_S (150) s after the last due time.
 *
 * Printed: each reminder sent exactly once (missing, doubled: from the deliveries table), lateness
 * p50/p99/max for all and for those due during the failover; the failover time (kill -> Sentinels
 * name the promoted replica; kill -> a client through the Sentinels writes again); the bookings
 * started during the failover: answered, by status, latency; the outbox left unrelayed. A drill, not a
 * timed test: figures, not pass/fail (the exactly-once line says met / NOT met).
 *
 *   node -r ./tools/runtime/register.js bench/sentinel-failover.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { IDENTITY_HEADER, importIdentityKey, signIdentityToken, type Identity } from '@tutti/auth';
import { findFreePort, startRedisSentinel, type RedisSentinelHandle } from '@tutti/local-infra';
import { ReminderScheduler, type ReminderRow } from '@tutti/messaging';
import { initializeWithRetry, provisionServiceDatabase, redisConnectionOf, runMigrationsLocked } from '@tutti/platform';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { REPO_ROOT, startTs, waitUntilHealthy, type Child } from './lib/children';
import { DELIVERIES_TABLE, REMINDER_BENCH_SERVICE, reminderDataSource } from './lib/reminder-database';
import { ms, percentile } from './lib/stats';
import { log, runBench, startBenchSystem, stopAll, url, type BenchSystem } from './lib/system';
import { printTable } from './lib/table';

const reminderCount = Number(process.env.BENCH_REMINDERS ?? 5_000);
const spreadSeconds = Number(process.env.BENCH_SPREAD_S ?? 30);
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const killAfterSeconds = Number(process.env.BENCH_KILL_AFTER_S ?? 10);
const settleSeconds = Number(process.env.BENCH_SETTLE_S ?? 150);
const leadSeconds = Number(process.env.BENCH_LEAD_S ?? 10);
/** BENCH_NO_KILL=1: the same run without the kill, to compare with on the same machine; its "failover" window lasts BENCH_BASELINE_WINDOW_MS. */
const noKill = process.env.BENCH_NO_KILL === '1';
const baselineWindowMs = Number(process.env.BENCH_BASELINE_WINDOW_MS ?? 6_000);
const STORM_PREFIX = 'drill';
const STORM_DATABASE = 'drill_reminders';
const BATCH = 500;
const FAMILIES = 2_000;
const BUSES = 100;
const HOUR = 3_600_000;
const OUTBOX_GRACE_MS = 30_000;
/** Where nothing listens: proves that no connection falls back to REDIS_URL. */
const NO_REDIS_URL = 'redis://127.0.0.1:1';

interface Answer {
  startedAt: number;
  endedAt: number;
  status: number;
  outcome: string;
}

interface FailoverTimes {
  killedAt: number;
  promotedAt: number;
  /** The first write through the Sentinels that succeeded after the kill. */
  writableAt: number;
  lastWriteBefore: number;
}

async function main(): Promise<void> {
  const children: Child[] = [];
  let system: BenchSystem | undefined;
  let sentinel: RedisSentinelHandle | undefined;
  const sentinelDir = join(REPO_ROOT, '.tutti', 'bench', `sentinel-${process.pid}`);
  let stormDb: DataSource | undefined;
  let scheduler: ReminderScheduler | undefined;
  let probe: Redis | undefined;
  try {
    system = await startBenchSystem();
    sentinel = await startRedisSentinel({ dir: sentinelDir, log });
    const redisEnv = { ...sentinel.env, REDIS_URL: NO_REDIS_URL };
    const redis = redisConnectionOf(redisEnv);

    // The storm's reminders live in a database of their own (the service's schema, another database), on queues of their own.
    const engagementDb = await system.provision('parent-engagement');
    const stormUrl = await stormDatabase(system.infra.databaseUrl);
    stormDb = await initializeWithRetry(reminderDataSource(stormUrl), log);
    await runMigrationsLocked(stormDb, log);
    await stormDb.query(
      `CREATE TABLE ${DELIVERIES_TABLE} (reminder_id uuid NOT NULL, channel text NOT NULL, delivered_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    scheduler = new ReminderScheduler({
      dataSource: stormDb,
      service: REMINDER_BENCH_SERVICE,
      redis,
      queuePrefix: STORM_PREFIX,
      logger: { debug: () => undefined, log, warn: log, error: log },
    });

    log(`starting ${workerCount} worker replicas and parent-engagement, all through the Sentinels (${sentinel.env.REDIS_SENTINELS})`);
    const workers = Array.from({ length: workerCount }, (_, i) =>
      startTs(`drill-worker-${i + 1}`, 'bench/sentinel-drill-worker.ts', {
        DATABASE_URL: stormUrl,
        ...redisEnv,
        QUEUE_PREFIX: STORM_PREFIX,
        WORKER_NAME: `worker-${i + 1}`,
      }),
    );
    children.push(...workers);
    const port = await findFreePort();
    const service = system.startService('parent-engagement', port, engagementDb, { ...redisEnv, SERVICE_MODE: 'both' });
    children.push(service);
    await Promise.all([...workers.map(untilReady), waitUntilHealthy(service, `${url(port)}/health`, 240_000)]);

    const rush = await prepareRush(system, engagementDb, url(port));

    const tenantId = randomUUID();
    const firstDue = Date.now() + (Math.ceil(reminderCount / 1_000) + leadSeconds) * 1000;
    const dueAt = (i: number) => new Date(firstDue + Math.floor((i * spreadSeconds * 1000) / reminderCount));
    const lastDue = dueAt(reminderCount - 1).getTime();
    log(`scheduling ${reminderCount} reminders due over ${spreadSeconds} s from ${new Date(firstDue).toISOString()}`);
    await scheduleStorm(stormDb, scheduler, tenantId, dueAt);
    log(`  scheduled; first due in ${((firstDue - Date.now()) / 1000).toFixed(1)} s`);

    // A client as the services make them, writing every 20 ms, to see when Redis is writable again.
    const writer = new Redis({ ...redis, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 500, commandTimeout: 500 });
    probe = writer;
    writer.on('error', () => undefined);
    const writes: { at: number; done: number; ok: boolean }[] = [];
    let probing = true;
    const probing$ = (async () => {
      while (probing) {
        const at = Date.now();
        const ok = await writer.set('drill:probe', String(at)).then(
          () => true,
          () => false,
        );
        writes.push({ at, done: Date.now(), ok });
        await sleep(20);
      }
    })();

    await sleep(Math.max(0, firstDue - 2_000 - Date.now()));
    const rushUntil = lastDue + 5_000;
    log(`booking rush: ${connections} families at once until ${spreadSeconds + 5} s after the first due time`);
    const rushing = rush.run(rushUntil);

    await sleep(Math.max(0, firstDue + killAfterSeconds * 1000 - Date.now()));
    const oldPrimary = sentinel.primary.port;
    const killedAt = Date.now();
    let deadAt = killedAt;
    let promoted = oldPrimary;
    let promotedAt = killedAt + baselineWindowMs;
    if (noKill) {
      log(`no kill (baseline): the figures of "during the failover" are of the ${baselineWindowMs} ms from now`);
    } else {
      await sentinel.primary.kill();
      deadAt = Date.now();
      log(`kill -9 of the Redis primary (port ${oldPrimary}) ${((killedAt - firstDue) / 1000).toFixed(1)} s into the storm`);
      promoted = await sentinel.waitForPromotion(oldPrimary, 60_000);
      promotedAt = Date.now();
      log(`  the Sentinels promoted ${promoted} after ${promotedAt - killedAt} ms`);
    }

    const answers = await rushing;
    log(`  rush over: ${answers.length} bookings answered`);
    const delivered = await untilDelivered(stormDb, tenantId, lastDue + settleSeconds * 1000, workers);
    await sleep(3_000); // a second delivery of some reminder would show by now
    probing = false;
    await probing$;
    const times = noKill
      ? { ...failoverTimes(writes, killedAt, killedAt, promotedAt), writableAt: promotedAt }
      : failoverTimes(writes, killedAt, deadAt, promotedAt);

    const storm = await stormFigures(stormDb, tenantId, times);
    const outbox = await untilRelayed(engagementDb, OUTBOX_GRACE_MS);
    report({ storm, delivered, answers, times, outbox, promotedPort: promoted, oldPrimary, firstDue });
  } finally {
    probe?.disconnect();
    await scheduler?.close();
    await stopAll(children, undefined);
    await sentinel?.stop().catch(() => undefined);
    rmSync(sentinelDir, { recursive: true, force: true });
    await stormDb?.destroy().catch(() => undefined);
    await system?.infra.stop().catch(() => undefined);
  }
}

/** A database of its own on the bench's server, with parent-engagement's role and schema (the same password as the service's). */
async function stormDatabase(adminUrl: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${STORM_DATABASE}`);
    await client.query(`CREATE DATABASE ${STORM_DATABASE}`);
  } finally {
    await client.end();
  }
  const target = new URL(adminUrl);
  target.pathname = `/${STORM_DATABASE}`;
  return provisionServiceDatabase(target.toString(), 'parent-engagement', 'bench-parent-engagement');
}

async function untilReady(worker: Child): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${worker.name} did not start:\n${worker.stderr()}`)), 240_000);
    worker.process.stdout?.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('ready')) return;
      clearTimeout(timer);
      resolve();
    });
    worker.process.once(
      'exit',
      (code) => (clearTimeout(timer), reject(new Error(`${worker.name} exited with ${code}:\n${worker.stderr()}`))),
    );
  });
}

async function scheduleStorm(
  dataSource: DataSource,
  scheduler: ReminderScheduler,
  tenantId: string,
  dueAt: (i: number) => Date,
): Promise<void> {
  for (let from = 0; from < reminderCount; from += BATCH) {
    const inputs = Array.from({ length: Math.min(BATCH, reminderCount - from) }, (_, k) => ({
      tenantId,
      kind: 'bench.count',
      recipientId: randomUUID(),
      subjectType: 'bench',
      subjectId: randomUUID(),
      dueAt: dueAt(from + k),
    }));
    const rows: ReminderRow[] = await dataSource.transaction((manager) => scheduler.scheduleMany(manager, inputs));
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < rows.length) await scheduler.enqueue(rows[next++]);
      }),
    );
  }
}

interface Rush {
  run(until: number): Promise<Answer[]>;
}

/** A published performance three days ahead with BUSES buses of 1,000 seats, and FAMILIES families with their identity tokens. */
async function prepareRush(system: BenchSystem, engagementDb: string, base: string): Promise<Rush> {
  const tenantId = randomUUID();
  const schoolId = randomUUID();
  const privateKey = await importIdentityKey(system.keys.privateKey);
  const headersOf = async (identity: Identity) => ({
    [IDENTITY_HEADER]: await signIdentityToken(identity, 'parent-engagement', privateKey, 3_600),
    'content-type': 'application/json',
  });
  const admin = await headersOf({
    userId: randomUUID(),
    tenantId,
    displayName: 'Drill Admin',
    activeRole: null,
    grants: [{ role: 'programme_admin' }],
  });
  const performanceId = randomUUID();
  const startsAt = new Date(Date.now() + 72 * HOUR);
  await query(
    engagementDb,
    `INSERT INTO performances (tenant_id, id, title, starts_at, ends_at, venue_name, status, last_event_at) VALUES ($1, $2, 'Drill Concert', $3, $4, 'Philharmonic Hall', 'published', now())`,
    [tenantId, performanceId, startsAt, new Date(startsAt.getTime() + 2 * HOUR)],
  );
  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000).toISOString();
  const buses: { id: string; stopId: string }[] = [];
  for (let i = 0; i < BUSES; i++) {
    const response = await fetch(`${base}/transport-runs`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        performanceId,
        vehicle: '53-seat coach',
        seats: 1000,
        outboundDepartsAt: at(-75),
        returnDepartsAt: at(150),
        bookingsCloseAt: at(-360),
        stops: [{ name: 'Faith Street Primary', place: 'Front gate, Shaw Street', pickupAt: at(-60) }],
      }),
    });
    if (response.status !== 201) throw new Error(`creating a bus answered ${response.status}: ${await response.text()}`);
    const run = (await response.json()) as { id: string; stops: { id: string }[] };
    buses.push({ id: run.id, stopId: run.stops[0].id });
  }
  const families = await Promise.all(
    Array.from({ length: FAMILIES }, async (_, i) => {
      const pupilId = randomUUID();
      const identity: Identity = {
        userId: randomUUID(),
        tenantId,
        displayName: `Parent ${i + 1}`,
        activeRole: null,
        grants: [{ role: 'guardian', pupils: [{ pupilId, schoolId, relationship: 'parent', canBookTransport: true, canConsent: true }] }],
      };
      return { pupilId, headers: await headersOf(identity) };
    }),
  );
  log(`rush ready: ${BUSES} buses of 1,000 seats, ${FAMILIES} families`);
  return {
    async run(until) {
      const answers: Answer[] = [];
      let sent = 0;
      const lane = async () => {
        while (Date.now() < until) {
          const i = sent++;
          const f = i % families.length;
          const family = families[f];
          const bus = buses[(f + Math.floor(i / families.length)) % buses.length];
          const startedAt = Date.now();
          const answer = await fetch(`${base}/transport-bookings`, {
            method: 'POST',
            headers: { ...family.headers, 'idempotency-key': randomUUID() },
            body: JSON.stringify({ runId: bus.id, stopId: bus.stopId, adults: 1, pupilIds: [family.pupilId] }),
            signal: AbortSignal.timeout(30_000),
          }).then(
            async (response) => {
              const body = (await response.json().catch(() => ({}))) as { status?: string };
              return { status: response.status, outcome: body.status ?? `http ${response.status}` };
            },
            (error: unknown) => ({ status: 0, outcome: `no answer (${error instanceof Error ? error.name : 'error'})` }),
          );
          answers.push({ startedAt, endedAt: Date.now(), ...answer });
        }
      };
      await Promise.all(Array.from({ length: connections }, lane));
      return answers;
    },
  };
}

interface OutboxState {
  /** Rows the relay had not put on their queues yet when the reminders were done. */
  leftAtEnd: number;
  /** How long after that the last one was relayed (NaN: not within the grace). */
  drainedAfterMs: number;
  left: number;
  /** The relay's last recorded failures of the rows still left, by message. */
  errors: Record<string, number>;
}

/** Waits up to `graceMs` for parent-engagement's relay to put every outbox row on its queues. */
async function untilRelayed(databaseUrl: string, graceMs: number): Promise<OutboxState> {
  const unsent = async () =>
    (await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM outbox_events WHERE sent_at IS NULL`))[0].n;
  const started = Date.now();
  const leftAtEnd = await unsent();
  let left = leftAtEnd;
  while (left > 0 && Date.now() - started < graceMs) {
    await sleep(250);
    left = await unsent();
  }
  const errors = await query<{ error: string; n: number }>(
    databaseUrl,
    `SELECT coalesce(last_error, '(none)') AS error, count(*)::int AS n FROM outbox_events WHERE sent_at IS NULL GROUP BY 1`,
  );
  return {
    leftAtEnd,
    drainedAfterMs: left === 0 ? Date.now() - started : Number.NaN,
    left,
    errors: Object.fromEntries(errors.map((row) => [row.error, row.n])),
  };
}

async function untilDelivered(dataSource: DataSource, tenantId: string, deadline: number, workers: Child[]): Promise<number> {
  let sent = 0;
  let reported = 0;
  while (Date.now() < deadline) {
    for (const worker of workers) {
      if (worker.process.exitCode !== null) throw new Error(`${worker.name} exited:\n${worker.stderr()}`);
    }
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM reminders WHERE tenant_id = $1 AND status = 'sent'`, [tenantId]);
    sent = row.n;
    if (sent >= reminderCount) break;
    if (Date.now() - reported > 10_000) {
      log(`  ${sent}/${reminderCount} reminders sent; waiting (the sweepers re-queue lost jobs every 60 s)`);
      reported = Date.now();
    }
    await sleep(500);
  }
  return sent;
}

/** From the probe's writes: the last one done before the kill, the first one started once the primary was dead that succeeded. */
function failoverTimes(
  writes: { at: number; done: number; ok: boolean }[],
  killedAt: number,
  deadAt: number,
  promotedAt: number,
): FailoverTimes {
  const before = writes.filter((w) => w.ok && w.done <= deadAt);
  const after = writes.find((w) => w.ok && w.at >= deadAt);
  return {
    killedAt,
    promotedAt,
    writableAt: after?.at ?? Number.NaN,
    lastWriteBefore: before.length > 0 ? before[before.length - 1].done : Number.NaN,
  };
}

interface StormFigures {
  deliveries: number;
  missing: number;
  doubled: number;
  all: Lateness;
  beforeKill: Lateness & { count: number };
  /** Reminders due from the kill until 5 s after Redis was writable again. */
  duringFailover: Lateness & { count: number };
  afterFailover: Lateness & { count: number };
  /** Lateness by due time, in 2 s steps from the kill: [seconds from the kill, p50, max]. */
  timeline: [number, number, number][];
  /** Deliveries per second, from 5 s before the kill to 25 s after: [seconds from the kill, deliveries]. */
  throughput: [number, number][];
  /** Statuses of the storm's reminders at the end (sent, scheduled, sending, failed). */
  statuses: Record<string, number>;
}

interface Lateness {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

async function stormFigures(dataSource: DataSource, tenantId: string, times: FailoverTimes): Promise<StormFigures> {
  const [counts] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE n = 0)::int AS missing, count(*) FILTER (WHERE n > 1)::int AS doubled, coalesce(sum(n), 0)::int AS deliveries
       FROM (SELECT r.id, count(d.reminder_id) AS n FROM reminders r LEFT JOIN ${DELIVERIES_TABLE} d ON d.reminder_id = r.id
              WHERE r.tenant_id = $1 GROUP BY r.id) per_reminder`,
    [tenantId],
  );
  // The first delivery of each reminder: a doubled one is counted above, its lateness once.
  const rows: { due: string; ms: number }[] = await dataSource.query(
    `SELECT extract(epoch FROM r.due_at) * 1000 AS due, extract(epoch FROM min(d.delivered_at) - r.due_at) * 1000 AS ms
       FROM reminders r JOIN ${DELIVERIES_TABLE} d ON d.reminder_id = r.id WHERE r.tenant_id = $1 GROUP BY r.id, r.due_at`,
    [tenantId],
  );
  const perSecond: { second: number; n: number }[] = await dataSource.query(
    `SELECT floor(extract(epoch FROM d.delivered_at) * 1000 / 1000 - $2::float8 / 1000)::int AS second, count(*)::int AS n
       FROM ${DELIVERIES_TABLE} d JOIN reminders r ON r.id = d.reminder_id WHERE r.tenant_id = $1 GROUP BY 1`,
    [tenantId, times.killedAt],
  );
  const delivered = new Map(perSecond.map((row) => [Number(row.second), Number(row.n)]));
  const statuses: { status: string; n: number }[] = await dataSource.query(
    `SELECT status, count(*)::int AS n FROM reminders WHERE tenant_id = $1 GROUP BY status ORDER BY status`,
    [tenantId],
  );
  const windowEnd = (Number.isNaN(times.writableAt) ? times.promotedAt : times.writableAt) + 5_000;
  const lateness = (values: number[]): Lateness => ({
    p50Ms: percentile(values, 50),
    p99Ms: percentile(values, 99),
    maxMs: values.length > 0 ? Math.max(...values) : Number.NaN,
  });
  const dueWithin = (from: number, to: number) => {
    const values = rows.filter((row) => Number(row.due) >= from && Number(row.due) < to).map((row) => Number(row.ms));
    return { count: values.length, ...lateness(values) };
  };
  const buckets = new Map<number, number[]>();
  for (const row of rows) {
    const bucket = Math.floor((Number(row.due) - times.killedAt) / 2_000) * 2;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), Number(row.ms)]);
  }
  return {
    deliveries: counts.deliveries,
    missing: counts.missing,
    doubled: counts.doubled,
    all: lateness(rows.map((row) => Number(row.ms))),
    beforeKill: dueWithin(Number.NEGATIVE_INFINITY, times.killedAt),
    duringFailover: dueWithin(times.killedAt, windowEnd),
    afterFailover: dueWithin(windowEnd, Number.POSITIVE_INFINITY),
    timeline: [...buckets]
      .sort(([a], [b]) => a - b)
      .map(([bucket, values]) => [bucket, Math.round(percentile(values, 50)), Math.round(Math.max(...values))]),
    throughput: Array.from({ length: 31 }, (_, i) => [i - 5, delivered.get(i - 5) ?? 0]),
    statuses: Object.fromEntries(statuses.map((row) => [row.status, row.n])),
  };
}

function report(result: {
  storm: StormFigures;
  delivered: number;
  answers: Answer[];
  times: FailoverTimes;
  outbox: OutboxState;
  promotedPort: number;
  oldPrimary: number;
  firstDue: number;
}): void {
  const { storm, answers, times } = result;
  const writable = Number.isNaN(times.writableAt) ? times.promotedAt : times.writableAt;
  const phase = (answer: Answer) => (answer.startedAt < times.killedAt ? 'before' : answer.startedAt <= writable ? 'during' : 'after');
  const bookingRow = (name: string, chosen: Answer[]) => {
    const latencies = chosen.map((a) => a.endedAt - a.startedAt);
    const answered = chosen.filter((a) => a.status > 0 && a.status < 500);
    const outcomes = new Map<string, number>();
    for (const a of chosen) outcomes.set(a.outcome, (outcomes.get(a.outcome) ?? 0) + 1);
    return [
      name,
      String(chosen.length),
      String(answered.length),
      String(chosen.filter((a) => a.status >= 500 || a.status === 0).length),
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 99)),
      ms(latencies.length > 0 ? Math.max(...latencies) : Number.NaN),
      [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', '),
    ];
  };
  const exactlyOnce = storm.missing === 0 && storm.doubled === 0 && storm.deliveries === reminderCount;
  console.log(
    `\nSentinel failover drill${noKill ? ' (BASELINE: no kill)' : ''}: kill -9 of the Redis primary ${((times.killedAt - result.firstDue) / 1000).toFixed(1)} s into a storm of ${reminderCount} reminders due over ${spreadSeconds} s (${workerCount} worker replicas) and a booking rush (${connections} at once)\n`,
  );
  printTable(
    ['failover', 'ms after kill -9'],
    [
      ['last write before the kill', String(times.lastWriteBefore - times.killedAt)],
      [`Sentinels name the promoted replica (${result.oldPrimary} → ${result.promotedPort})`, String(times.promotedAt - times.killedAt)],
      ['a client through the Sentinels writes again', String(writable - times.killedAt)],
    ],
  );
  console.log('');
  printTable(
    ['reminders', 'count', 'deliveries', 'missing', 'twice', 'lateness p50', 'p99', 'max'],
    [
      [
        'all',
        String(reminderCount),
        String(storm.deliveries),
        String(storm.missing),
        String(storm.doubled),
        ms(storm.all.p50Ms),
        ms(storm.all.p99Ms),
        ms(storm.all.maxMs),
      ],
      ...(
        [
          ['due before the kill', storm.beforeKill],
          ['due during the failover (kill → writable + 5 s)', storm.duringFailover],
          ['due after', storm.afterFailover],
        ] as const
      ).map(([name, figures]) => [name, String(figures.count), '', '', '', ms(figures.p50Ms), ms(figures.p99Ms), ms(figures.maxMs)]),
    ],
  );
  console.log(`deliveries per second (s from the kill: n): ${storm.throughput.map(([at, n]) => `${at}: ${n}`).join(', ')}`);
  console.log(
    `lateness by due time (s from the kill: p50/max ms): ${storm.timeline.map(([at, p50, max]) => `${at}: ${p50}/${max}`).join(', ')}`,
  );
  console.log(`reminder statuses at the end: ${JSON.stringify(storm.statuses)}`);
  console.log(`each reminder sent exactly once: ${exactlyOnce ? 'met' : 'NOT met'}\n`);
  printTable(
    ['bookings started', 'requests', 'answered (<500)', '5xx / none', 'latency p50', 'p99', 'max', 'outcomes'],
    [
      bookingRow(
        'before the kill',
        answers.filter((a) => phase(a) === 'before'),
      ),
      bookingRow(
        'during the failover (kill → writable)',
        answers.filter((a) => phase(a) === 'during'),
      ),
      bookingRow(
        'after',
        answers.filter((a) => phase(a) === 'after'),
      ),
    ],
    [0, 7],
  );
  const { outbox } = result;
  console.log(
    `\nparent-engagement's outbox: ${outbox.leftAtEnd} rows not yet relayed when the reminders were done; ${
      outbox.left === 0
        ? `all relayed ${outbox.drainedAfterMs} ms later`
        : `${outbox.left} still not relayed ${OUTBOX_GRACE_MS / 1000} s later (${JSON.stringify(outbox.errors)})`
    }`,
  );
  console.log(
    `\n${JSON.stringify({
      bench: 'sentinel-failover',
      noKill,
      reminders: reminderCount,
      spreadSeconds,
      workers: workerCount,
      connections,
      failover: {
        promotedMs: times.promotedAt - times.killedAt,
        writableMs: writable - times.killedAt,
        lastWriteBeforeMs: times.lastWriteBefore - times.killedAt,
      },
      storm,
      exactlyOnce,
      bookings: ['before', 'during', 'after'].map((name) => {
        const chosen = answers.filter((a) => phase(a) === name);
        const latencies = chosen.map((a) => a.endedAt - a.startedAt);
        return {
          phase: name,
          requests: chosen.length,
          failed: chosen.filter((a) => a.status >= 500 || a.status === 0).length,
          p50Ms: percentile(latencies, 50),
          p99Ms: percentile(latencies, 99),
          maxMs: latencies.length > 0 ? Math.max(...latencies) : null,
        };
      }),
      outbox,
    })}`,
  );
}

async function query<Row>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

runBench('sentinel failover drill', main);

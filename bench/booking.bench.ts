/**
 * Transport booking throughput (issue 5). In one run, on one private PostgreSQL:
 *   1. bookings — POST /transport-bookings on parent-engagement directly, with gateway-style identity
 *      headers (signIdentityToken with this run's key pair), BENCH_CONNECTIONS families at once: every
 *      request the next of BENCH_GUARDIANS families (1 adult + 1 child) with an Idempotency-Key, each
 *      family on the bus after its previous one, over BENCH_RUNS buses of one performance, most with
 *      1,000 seats, BENCH_FULL_RUNS with 10 seats that fill at once (→ waiting list); every round (and
 *      the warm-up) books the buses of another performance, with identity tokens signed afresh
 *   2. pgbench TPC-B — `pgbench -i -s 10`, then `pgbench -c 8 -j 2 -T 15`, in a database of its own
 *   3. issue 20 — the same bookings on the same database through PgBouncer in transaction mode (a second
 *      parent-engagement with DATABASE_URL on PgBouncer and DATABASE_DIRECT_URL for its session work), and a
 *      third direct with DATABASE_STATEMENTS=unnamed: what PgBouncer 1.18's lack of named prepared
 *      statements costs on its own. With PgBouncer ≥ 1.21 (PGBOUNCER_BIN=/path/to/pgbouncer when the
 *      distribution's is older) the pooled service keeps its named statements (max_prepared_statements). Rounds take turns (the order turning each round), after a warm-up each.
 * Goals: bookings/s ≥ 0.40 × pgbench tps; through PgBouncer ≥ 0.9 × direct. Then the race, direct and
 * through PgBouncer: 500 concurrent families for 50 seats → how many confirmed, waitlisted, 5xx (expected 50 / 450 / 0).
 *
 *   node -r ./tools/runtime/register.js bench/booking.bench.ts
 *
 * The service runs as an API replica (SERVICE_MODE=api, as in production where workers are separate
 * replicas): the outbox rows (one audit event per booking) and the confirmation jobs wait for the
 * workers, which this bench does not run; BENCH_SERVICE_MODE=both runs them in the same process.
 *
 * BENCH_PG_STATEMENTS=1 prints PostgreSQL's time per statement (pg_stat_statements).
 *
 * BENCH_CONNECTIONS (200), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_RUNS (200), BENCH_FULL_RUNS (40),
 * BENCH_GUARDIANS (5000), PGBENCH_SECONDS (15), BENCH_DB_POOL_SIZE (the service's default, 10), BENCH_ROUNDS (1;
 * with more, bookings and pgbench take turns and each one's median round is reported), BENCH_PGBOUNCER (1; 0 leaves
 * PgBouncer out), BENCH_UNNAMED (1; 0 leaves the unnamed-statements run out).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { IDENTITY_HEADER, importIdentityKey, signIdentityToken, type Identity } from '@tutti/auth';
import { findFreePort, findPostgresBinaries, startPgBouncer, type PgBouncerHandle } from '@tutti/local-infra';
import { Client } from 'pg';
import { REPO_ROOT, waitUntilHealthy, type Child } from './lib/children';
import { postmasterPidOf } from './lib/cpu';
import { describeCpu, measure, medianRound, type Load, type Measurement, type Served } from './lib/measure';
import { log, runBench, startBenchSystem, stopAll, url, type BenchSystem } from './lib/system';
import { resetStatements, statementTimes } from './lib/statements';
import { printTable, round2, verdict } from './lib/table';
import { familyBookingsOnRunSql } from '@tutti/parent-engagement/bench';

// 200 families booking at once, as when the buses of a performance open for booking (the race below
// is 500). Bookings are decided in batches, so the service needs such a crowd to run at capacity:
// with 50 connections, batches hold about 15 bookings and the buses' locks, not the CPU, set the pace.
const load: Load = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 200),
  warmupSeconds: Number(process.env.BENCH_WARMUP_S ?? 2),
  durationSeconds: Number(process.env.BENCH_DURATION_S ?? 10),
};
// Enough buses that no round fills the big ones (a round books about 48,000 at 4,000/s): every round
// keeps the mix of one booking in five joining a queue (the full buses) and the rest confirmed.
const runCount = Number(process.env.BENCH_RUNS ?? 200);
const fullRunCount = Number(process.env.BENCH_FULL_RUNS ?? 40);
const guardianCount = Number(process.env.BENCH_GUARDIANS ?? 5000);
const pgbenchSeconds = Number(process.env.PGBENCH_SECONDS ?? 15);
const roundCount = Number(process.env.BENCH_ROUNDS ?? 1);
const serviceMode = process.env.BENCH_SERVICE_MODE ?? 'api';
// Issue 20: the same service through PgBouncer (transaction mode, DATABASE_DIRECT_URL for session work) beside
// the direct run, and a third run direct with statements unnamed as through PgBouncer: what naming them saves.
const withPgBouncer = process.env.BENCH_PGBOUNCER !== '0';
const withUnnamed = process.env.BENCH_UNNAMED !== '0';
const RACE = { families: 500, seats: 50 };
const GOAL_BOOKINGS_OVER_TPS = 0.4;
const GOAL_PGBOUNCER_OVER_DIRECT = 0.9;
const SECONDS_OF_IDENTITY = 3_600;
const HOUR = 3_600_000;

interface Run {
  id: string;
  stopId: string;
}

interface Family {
  identity: Identity;
  headers: Record<string, string>;
  pupilId: string;
}

/** One way of running parent-engagement against the same database, measured in turn with the others. */
interface BookingTarget {
  key: 'direct' | 'pgbouncer' | 'unnamed';
  label: string;
  port: number;
  child: Child;
  servedBy: Served[];
  rounds: Measurement[];
}

async function main(): Promise<void> {
  const children: Child[] = [];
  let system: BenchSystem | undefined;
  let bouncer: PgBouncerHandle | undefined;
  try {
    system = await startBenchSystem();
    const bench = system;
    const engagementDb = await system.provision('parent-engagement');
    const poolSize = process.env.BENCH_DB_POOL_SIZE;
    // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=.tutti/profiles", to see where the service's time goes.
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const postgresPid = await postmasterPidOf(engagementDb);
    const startTarget = async (key: BookingTarget['key'], label: string, databaseUrl: string, env: Record<string, string>) => {
      const port = await findFreePort();
      log(`starting parent-engagement (${label})`);
      const child = bench.startService(
        'parent-engagement',
        port,
        databaseUrl,
        { SERVICE_MODE: serviceMode, ...(poolSize ? { DB_POOL_SIZE: poolSize } : {}), ...env },
        nodeArgs,
        `parent-engagement-${key}`,
      );
      children.push(child);
      await waitUntilHealthy(child, `${url(port)}/health`, 120_000);
      const servedBy: Served[] = [
        { name: 'parent-engagement', pid: child.process.pid },
        { name: 'postgres', pid: postgresPid, withChildren: true },
      ];
      return { key, label, port, child, servedBy, rounds: [] } as BookingTarget;
    };
    // The same service, database, seed and load three ways, started one after another (each migrates, or finds nothing to do).
    const targets: BookingTarget[] = [await startTarget('direct', 'direct to PostgreSQL', engagementDb, {})];
    if (withPgBouncer) {
      const primaryPort = Number(new URL(system.infra.databaseUrl).port);
      if (process.env.DATABASE_URL) log('DATABASE_URL is set: PgBouncer is started in front of it on 127.0.0.1:' + primaryPort);
      bouncer = await startPgBouncer({ dir: join(REPO_ROOT, '.tutti', 'bench', `pgbouncer-${process.pid}`), primaryPort, log });
      const pooledDb = Object.assign(new URL(engagementDb), { port: String(bouncer.port) }).toString();
      // PgBouncer ≥ 1.21 (PGBOUNCER_BIN may name such a build) carries named prepared statements: the services keep theirs.
      const statements = bouncer.carriesPreparedStatements ? 'named' : 'unnamed';
      const pooled = await startTarget('pgbouncer', `through PgBouncer, transaction mode, statements ${statements}`, pooledDb, {
        DATABASE_DIRECT_URL: engagementDb,
        DATABASE_STATEMENTS: statements,
      });
      pooled.servedBy.push({ name: 'pgbouncer', pid: bouncer.pid });
      targets.push(pooled);
      if (withUnnamed)
        targets.push(
          await startTarget('unnamed', 'direct, statements unnamed as through PgBouncer', engagementDb, { DATABASE_STATEMENTS: 'unnamed' }),
        );
    }
    const direct = targets[0];

    const tenantId = randomUUID();
    const schoolId = randomUUID();
    const privateKey = await importIdentityKey(system.keys.privateKey);
    const headersOf = async (identity: Identity) => ({
      [IDENTITY_HEADER]: await signIdentityToken(identity, 'parent-engagement', privateKey, SECONDS_OF_IDENTITY),
      'content-type': 'application/json',
    });
    const admin = await headersOf({
      userId: randomUUID(),
      tenantId,
      displayName: 'Bench Admin',
      activeRole: null,
      grants: [{ role: 'programme_admin' }],
    });
    const newFamilies = async (count: number): Promise<Family[]> =>
      Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const pupilId = randomUUID();
          const grants = [
            {
              role: 'guardian' as const,
              pupils: [{ pupilId, schoolId, relationship: 'parent' as const, canBookTransport: true, canConsent: true }],
            },
          ];
          const identity: Identity = { userId: randomUUID(), tenantId, displayName: `Parent ${i + 1}`, activeRole: null, grants };
          return { pupilId, identity, headers: await headersOf(identity) };
        }),
      );

    // Every round is another performance opening for bookings, with buses of its own: the warm-up and
    // earlier rounds do not leave later ones with full buses and long queues only.
    const newBuses = async (target: BookingTarget): Promise<Run[]> => {
      const opening = await addPerformance(engagementDb, tenantId);
      const buses: Run[] = [];
      for (let i = 0; i < runCount; i++) buses.push(await newRun(url(target.port), admin, opening, i < fullRunCount ? 10 : 1000));
      return buses;
    };
    let runs: Run[] = [];
    const families = await newFamilies(guardianCount);
    log(
      `per round and target ${runCount} buses (${fullRunCount} of 10 seats, the rest of 1,000), ${guardianCount} families with their identity tokens`,
    );

    // Request i: family i mod families, on the bus after the one of its previous request: the families take
    // turns (each about ten bookings a round, on ten buses), and no family books a bus twice in a round.
    let sent = 0;
    const setupRequest = (request: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }) => {
      const i = sent++;
      const f = i % families.length;
      const family = families[f];
      const run = runs[(f + Math.floor(i / families.length)) % runs.length];
      return {
        ...request,
        method: 'POST',
        path: '/transport-bookings',
        headers: { ...family.headers, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ runId: run.id, stopId: run.stopId, adults: 1, pupilIds: [family.pupilId] }),
      };
    };
    const pgbenchUrl = await initPgbench(system.infra.databaseUrl);
    const pgbenchRounds: PgbenchResult[] = [];
    let work: DatabaseWork | undefined;
    // A bus with bookings on it, and statistics about them, as in a running system: one round per target not
    // counted, then ANALYZE (autovacuum's job, which would not run within a bench of seconds).
    for (const target of targets) {
      runs = await newBuses(target);
      log(`warm-up round (not counted), ${target.label}, ${load.connections} connections, ${load.durationSeconds} s`);
      await measure('warm-up', `${url(target.port)}/transport-bookings`, load, target.servedBy, { setupRequest });
    }
    await withClient(system.infra.databaseUrl, (client) =>
      client.query(
        'ANALYZE parent_engagement.transport_bookings, parent_engagement.transport_runs, parent_engagement.reminders, parent_engagement.idempotency_keys',
      ),
    );
    await resetStatements(system.infra.databaseUrl);
    for (let pass = 1; pass <= roundCount; pass++) {
      // Rounds alternate the targets (their order turning each round) and pgbench, so that a noisy neighbour weighs on all.
      const order = targets.map((_, i) => targets[(i + pass - 1) % targets.length]);
      for (const target of order) {
        runs = await newBuses(target);
        // The gateway forwards a caller's identity token for 15 s at most, and the service remembers
        // verified tokens: every round starts with tokens it has not seen, as after 15 s in production.
        for (const family of families) family.headers = await headersOf(family.identity);
        log(
          `round ${pass}/${roundCount}: bookings ${target.label}, ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s`,
        );
        const [before, bookedBefore] = [await databaseWork(engagementDb), await bookingsMade(engagementDb, tenantId)];
        const measured = await measure(
          `POST /transport-bookings (${target.key})`,
          `${url(target.port)}/transport-bookings`,
          load,
          target.servedBy,
          { setupRequest },
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000)); // statistics reach pg_stat_database within a second
        if (target === direct)
          work ??= perBooking(before, await databaseWork(engagementDb), (await bookingsMade(engagementDb, tenantId)) - bookedBefore);
        log(
          `  ${measured.requestsPerSecond} req/s, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, CPU per request ${describeCpu(measured)}`,
        );
        target.rounds.push(measured);
      }
      log(`round ${pass}/${roundCount}: pgbench, 8 clients, 2 threads, ${pgbenchSeconds} s`);
      const tpcb = await runPgbench(pgbenchUrl);
      log(`  ${tpcb.tps} tps, latency average ${tpcb.latencyMs} ms`);
      pgbenchRounds.push(tpcb);
    }
    const medians = new Map(targets.map((target) => [target.key, medianRound(target.rounds)]));
    const bookings = medians.get('direct') as Measurement;
    const pgbench = [...pgbenchRounds].sort((a, b) => a.tps - b.tps)[Math.floor((pgbenchRounds.length - 1) / 2)];
    const outcome = await bookingOutcome(engagementDb, tenantId);

    const plans = await explainBookingQueries(engagementDb, tenantId, runs[fullRunCount].id, runs[0].id);

    // The race, on every target but the one that only measures a cost: 500 families for 50 seats at once.
    const races: Record<string, Race> = {};
    for (const target of targets.filter((candidate) => candidate.key !== 'unnamed')) {
      log(`the race ${target.label}: ${RACE.families} concurrent families for ${RACE.seats} seats`);
      const raceRun = await newRun(url(target.port), admin, await addPerformance(engagementDb, tenantId), RACE.seats);
      const raceFamilies = await newFamilies(RACE.families);
      const raceStarted = performance.now();
      const answers = await Promise.all(
        raceFamilies.map(async (family) => {
          const response = await fetch(`${url(target.port)}/transport-bookings`, {
            method: 'POST',
            headers: { ...family.headers, 'idempotency-key': randomUUID() },
            body: JSON.stringify({ runId: raceRun.id, stopId: raceRun.stopId, adults: 0, pupilIds: [family.pupilId] }),
          });
          const body = (await response.json().catch(() => ({}))) as { status?: string };
          return { code: response.status, status: body.status ?? `http ${response.status}` };
        }),
      );
      races[target.key] = {
        confirmed: answers.filter((a) => a.status === 'confirmed').length,
        waitlisted: answers.filter((a) => a.status === 'waitlisted').length,
        serverErrors: answers.filter((a) => a.code >= 500).length,
        other: answers.filter((a) => a.status !== 'confirmed' && a.status !== 'waitlisted' && a.code < 500).length,
        seatsTaken: await seatsTaken(engagementDb, tenantId, raceRun.id),
        ms: Math.round(performance.now() - raceStarted),
      };
    }

    const ratio = round2(bookings.requestsPerSecond / pgbench.tps);
    const pooled = medians.get('pgbouncer');
    const unnamed = medians.get('unnamed');
    // On a shared machine the load changes from round to round: each target is compared with the direct run of
    // the same round (the median of those ratios), and by CPU per booking of all the processes serving it.
    const against = (key: BookingTarget['key']) => {
      const target = targets.find((candidate) => candidate.key === key);
      if (!target) return undefined;
      const cpu = (m: Measurement) => Object.values(m.cpuMicrosPerRequest).reduce((sum, micros) => sum + micros, 0);
      const perRound = target.rounds.map((m, i) => round2(m.requestsPerSecond / Math.max(1, direct.rounds[i].requestsPerSecond)));
      const cpuPerRound = target.rounds.map((m, i) => (cpu(m) > 0 ? round2(cpu(direct.rounds[i]) / cpu(m)) : 0));
      return { perRound, median: middle(perRound), cpuPerRound, cpuMedian: middle(cpuPerRound) };
    };
    const pooledAgainst = against('pgbouncer');
    const unnamedAgainst = against('unnamed');
    const pooledRatio = pooledAgainst?.median;
    const unnamedRatio = unnamedAgainst?.median;
    console.log(
      `\ntransport bookings (SERVICE_MODE=${serviceMode}) vs pgbench TPC-B (scale 10, 8 clients, 2 threads, ${pgbenchSeconds} s) on the same PostgreSQL${roundCount > 1 ? `, median of ${roundCount} alternating rounds` : ''}\n`,
    );
    printTable(
      ['target', 'per second', 'p50', 'p99', 'failed', 'CPU per request'],
      [
        ...targets.map((target) => {
          const median = medians.get(target.key) as Measurement;
          return [
            `bookings ${target.label} (${load.connections} connections, ${load.durationSeconds} s)`,
            String(median.requestsPerSecond),
            `${median.p50Ms} ms`,
            `${median.p99Ms} ms`,
            String(median.failures),
            describeCpu(median),
          ];
        }),
        ['pgbench TPC-B', String(pgbench.tps), `${pgbench.latencyMs} ms (avg)`, '', '', ''],
      ],
      [0, 5],
    );
    console.log(`\nbookings made: ${JSON.stringify(outcome)}`);
    if (work)
      console.log(
        `per booking in PostgreSQL (pg_stat_database, direct): ${Object.entries(work)
          .map(([name, value]) => `${name} ${value}`)
          .join(', ')}`,
      );
    console.log(`bookings/s (direct) / pgbench tps: ${verdict(ratio, GOAL_BOOKINGS_OVER_TPS)}`);
    if (pooledAgainst && pooled)
      console.log(
        `bookings/s through PgBouncer / direct, round by round ${JSON.stringify(pooledAgainst.perRound)}, median: ${verdict(pooledAgainst.median, GOAL_PGBOUNCER_OVER_DIRECT)}` +
          `\n  (medians of each: ${round2(pooled.requestsPerSecond / bookings.requestsPerSecond)}; CPU per booking direct / through PgBouncer, round by round ${JSON.stringify(pooledAgainst.cpuPerRound)}, median ${pooledAgainst.cpuMedian})`,
      );
    if (unnamedAgainst && unnamed)
      console.log(
        `the cost of unnamed statements (PgBouncer 1.18 cannot carry named ones), direct: unnamed / named round by round ${JSON.stringify(unnamedAgainst.perRound)}, median ${unnamedAgainst.median}` +
          `\n  (medians of each: ${round2(unnamed.requestsPerSecond / bookings.requestsPerSecond)}; CPU per booking named / unnamed, round by round ${JSON.stringify(unnamedAgainst.cpuPerRound)}, median ${unnamedAgainst.cpuMedian}; no goal)`,
      );
    let raceOk = true;
    for (const [key, race] of Object.entries(races)) {
      const met =
        race.confirmed === RACE.seats &&
        race.waitlisted === RACE.families - RACE.seats &&
        race.serverErrors === 0 &&
        race.other === 0 &&
        race.seatsTaken === RACE.seats;
      raceOk &&= met;
      console.log(
        `\nthe race (${key}): ${RACE.families} concurrent families for ${RACE.seats} seats in ${race.ms} ms → confirmed ${race.confirmed}, waitlisted ${race.waitlisted}, 5xx ${race.serverErrors}, other ${race.other}; seats_taken ${race.seatsTaken}`,
      );
      console.log(`  (expected ${RACE.seats} / ${RACE.families - RACE.seats} / 0: ${met ? 'met' : 'NOT met'})`);
    }
    console.log('');
    console.log(await statementTimes(system.infra.databaseUrl, engagementDb, await bookingsMade(engagementDb, tenantId), 'booking made'));
    console.log(`EXPLAIN (ANALYZE, BUFFERS) of a booking's reads, on the busiest buses after the run\n\n${plans}\n`);
    console.log(
      JSON.stringify({
        bench: 'booking',
        serviceMode,
        load,
        rounds: roundCount,
        dbPoolSize: poolSize ?? 'default',
        runs: runCount,
        fullRuns: fullRunCount,
        bookings,
        outcome,
        perBooking: work,
        pgbench,
        pgbenchRounds: pgbenchRounds.map((r) => r.tps),
        bookingRounds: direct.rounds.map((r) => r.requestsPerSecond),
        ratio,
        pgbouncer: pooled && {
          bookings: pooled,
          rounds: targets[1].rounds.map((r) => r.requestsPerSecond),
          overDirect: pooledRatio,
          cpuDirectOverPooled: pooledAgainst?.cpuMedian,
        },
        unnamedStatements: unnamed && {
          bookings: unnamed,
          rounds: targets[2].rounds.map((r) => r.requestsPerSecond),
          overDirect: unnamedRatio,
          cpuNamedOverUnnamed: unnamedAgainst?.cpuMedian,
        },
        goals: { bookingsOverTps: GOAL_BOOKINGS_OVER_TPS, pgbouncerOverDirect: GOAL_PGBOUNCER_OVER_DIRECT },
        race: races.direct,
        races,
        raceOk,
      }),
    );
  } finally {
    await stopAll(children, undefined);
    await bouncer?.stop().catch(() => undefined);
    await system?.infra.stop().catch(() => undefined);
  }
}

/** The middle value (the lower middle one for an even count). */
function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
}

interface Race {
  confirmed: number;
  waitlisted: number;
  serverErrors: number;
  other: number;
  seatsTaken: number;
  ms: number;
}

/** A published performance three days ahead, written into parent-engagement's replica as its event handler would. */
async function addPerformance(databaseUrl: string, tenantId: string): Promise<string> {
  const id = randomUUID();
  const startsAt = new Date(Date.now() + 72 * HOUR);
  await withClient(databaseUrl, (client) =>
    client.query(
      `INSERT INTO performances (tenant_id, id, title, starts_at, ends_at, venue_name, status, last_event_at) VALUES ($1, $2, 'Bench Concert', $3, $4, 'Philharmonic Hall', 'published', now())`,
      [tenantId, id, startsAt, new Date(startsAt.getTime() + 2 * HOUR)],
    ),
  );
  return id;
}

/**
 * A booking's reads as decideBookings runs them for each request (that statement also writes, so the
 * read alone), for one family already on a 1,000-seat bus, and the waiting-list count on a full bus.
 */
async function explainBookingQueries(databaseUrl: string, tenantId: string, bigRunId: string, fullRunId: string): Promise<string> {
  return withClient(databaseUrl, async (client) => {
    const [family] = (
      await client.query<{ guardian_id: string; pupil_ids: string[]; n: number }>(
        `SELECT guardian_id, pupil_ids, (SELECT count(*)::int FROM transport_bookings WHERE tenant_id = $1 AND run_id = $2) AS n FROM transport_bookings WHERE tenant_id = $1 AND run_id = $2 LIMIT 1`,
        [tenantId, bigRunId],
      )
    ).rows;
    const queries: [string, string, unknown[]][] = [
      [
        `the family's bookings on the bus (a bus with ${family.n} bookings), as decideBookings reads them`,
        familyBookingsOnRunSql('$1::uuid', '$2::uuid', '$3::uuid', '$4::uuid[]'),
        [tenantId, bigRunId, family.guardian_id, family.pupil_ids],
      ],
      [
        'place on the waiting list (a full bus)',
        `SELECT count(*)::int + 1 FROM transport_bookings w WHERE w.tenant_id = $1 AND w.run_id = $2 AND w.status = 'waitlisted'`,
        [tenantId, fullRunId],
      ],
    ];
    const plans: string[] = [];
    for (const [title, sql, params] of queries) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
      plans.push(`== ${title}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`);
    }
    return plans.join('\n\n');
  });
}

/** One bus for the performance, two stops, bookings closing six hours before (POST /transport-runs as the programme admin). */
async function newRun(base: string, headers: Record<string, string>, performanceId: string, seats: number): Promise<Run> {
  const startsAt = new Date(Date.now() + 72 * HOUR);
  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000).toISOString();
  const response = await fetch(`${base}/transport-runs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      performanceId,
      vehicle: '53-seat coach',
      seats,
      outboundDepartsAt: at(-75),
      returnDepartsAt: at(150),
      bookingsCloseAt: at(-360),
      stops: [
        { name: 'Faith Street Primary', place: 'Front gate, Shaw Street', pickupAt: at(-60) },
        { name: 'Everton Library', place: 'St Domingo Road', pickupAt: at(-45) },
      ],
    }),
  });
  if (response.status !== 201) throw new Error(`creating a run answered ${response.status}: ${await response.text()}`);
  const run = (await response.json()) as { id: string; stops: { id: string }[] };
  return { id: run.id, stopId: run.stops[0].id };
}

async function bookingOutcome(databaseUrl: string, tenantId: string): Promise<Record<string, number>> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ status: string; count: number }>(
      `SELECT status, count(*)::int AS count FROM transport_bookings WHERE tenant_id = $1 GROUP BY status ORDER BY status`,
      [tenantId],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  });
}

async function bookingsMade(databaseUrl: string, tenantId: string): Promise<number> {
  return withClient(
    databaseUrl,
    async (client) =>
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM transport_bookings WHERE tenant_id = $1`, [tenantId])).rows[0].n,
  );
}

async function seatsTaken(databaseUrl: string, tenantId: string, runId: string): Promise<number> {
  return withClient(
    databaseUrl,
    async (client) =>
      (
        await client.query<{ seats_taken: number }>(`SELECT seats_taken FROM transport_runs WHERE tenant_id = $1 AND id = $2`, [
          tenantId,
          runId,
        ])
      ).rows[0].seats_taken,
  );
}

interface PgbenchResult {
  tps: number;
  latencyMs: number;
}

const pgbenchBinary = (): string => {
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error('no PostgreSQL binaries found for pgbench');
  return join(binaries.binDir, 'pgbench');
};

/** `pgbench -i -s 10` in a database of its own on the same server; answers its URL. */
async function initPgbench(adminUrl: string): Promise<string> {
  await withClient(adminUrl, async (client) => {
    await client.query('DROP DATABASE IF EXISTS bench_pgbench');
    await client.query('CREATE DATABASE bench_pgbench');
  });
  const target = new URL(adminUrl);
  target.pathname = '/bench_pgbench';
  log('pgbench: initialising scale 10');
  await run(pgbenchBinary(), ['-i', '-s', '10', '-q', target.toString()]);
  return target.toString();
}

/** `pgbench -c 8 -j 2 -T PGBENCH_SECONDS` (TPC-B like). */
async function runPgbench(databaseUrl: string): Promise<PgbenchResult> {
  const output = await run(pgbenchBinary(), ['-c', '8', '-j', '2', '-T', String(pgbenchSeconds), databaseUrl]);
  const tps = /tps = ([\d.]+)/.exec(output);
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  if (!tps) throw new Error(`pgbench printed no tps:\n${output}`);
  return { tps: Math.round(Number(tps[1])), latencyMs: latency ? Number(latency[1]) : Number.NaN };
}

type DatabaseWork = Record<'transactions' | 'rowsInserted' | 'rowsUpdated' | 'rowsFetched' | 'blocksHit', number>;

async function databaseWork(databaseUrl: string): Promise<DatabaseWork> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT xact_commit + xact_rollback AS transactions, tup_inserted AS "rowsInserted", tup_updated AS "rowsUpdated", tup_fetched AS "rowsFetched", blks_hit AS "blocksHit"
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([name, value]) => [name, Number(value)])) as DatabaseWork;
  });
}

/** What the database did per booking (background work of the service's worker included). */
function perBooking(before: DatabaseWork, after: DatabaseWork, bookings: number): DatabaseWork {
  const per = (name: keyof DatabaseWork) => Math.round(((after[name] - before[name]) / Math.max(1, bookings)) * 10) / 10;
  return {
    transactions: per('transactions'),
    rowsInserted: per('rowsInserted'),
    rowsUpdated: per('rowsUpdated'),
    rowsFetched: per('rowsFetched'),
    blocksHit: per('blocksHit'),
  };
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args[0]} exited with ${code}:\n${output.slice(-2_000)}`)),
    );
  });
}

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

runBench('booking bench', main);

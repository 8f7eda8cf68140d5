/**
 * The tutor's day on a large area (issues 4 and 20). In one run, on two seeds written by
 * apps/scheduling/src/bench-seed.ts (as children, each in its own database on the same PostgreSQL):
 * the quick seed (one area of BENCH_SCHOOLS = 1,000 schools) and the scale seed (BENCH_SCALE_SCHOOLS =
 * 10,000 schools in BENCH_SCALE_AREAS = 120 areas, 3M pupils, a year of registers in the bench's own
 * areas and every 10th school elsewhere, all four services' schemas), whose area 1 is the same
 * 1,000-school bench area. On each, signed in at its own gateway as bench tutor 1 (3 schools), on
 * BENCH_DAY (2026-11-16, a Monday of the autumn term):
 *   1. baseline — bare Fastify + pg running the service's own tutor-day query (bench/tutor-today-baseline-server.ts)
 *   2. direct   — scheduling's GET /me/occurrences?period=today&date=… with a gateway-signed identity header
 *   3. gateway  — the same through the gateway, with the tutor's access token from POST /auth/sign-in
 * measured in interleaved rounds. Goals: gateway ≥ 0.60 × baseline on each; scale gateway ≥ 0.90 ×
 * quick gateway (the cost must not grow with the number of schools), and the same for register
 * submissions (POST /occurrences/:id/register through the gateway, a whole class each; p50 quick / p50
 * scale). Then EXPLAIN (ANALYZE, BUFFERS) of the hot queries on both: no Seq Scan on pupils, sessions,
 * occurrences, occurrence_tutors, attendance or ensemble_members.
 *
 *   node -r ./tools/runtime/register.js bench/tutor-today.bench.ts
 *
 * BENCH_SCALE=false runs the quick seed alone (issue 4's bench, ~1 min of seeding). BENCH_SCHOOLS (1000),
 * BENCH_SCALE_SCHOOLS (10000), BENCH_SCALE_AREAS (120), BENCH_REGISTER_SCHOOL_EVERY (10), BENCH_DAY,
 * BENCH_CONNECTIONS (50), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_ROUNDS (1),
 * BENCH_REGISTERS (200 submissions), BENCH_REGISTER_CONCURRENCY (4).
 */
import { randomUUID } from 'node:crypto';
import { importIdentityKey, IDENTITY_HEADER, signIdentityToken, type Identity } from '@tutti/auth';
import { findFreePort } from '@tutti/local-infra';
import { Client } from 'pg';
import { LATEST_SUBMISSION_SQL, REGISTER_ENTRIES_SQL } from '@tutti/scheduling/bench';
import { BENCH_TENANT_ID, benchSchoolId, benchTutorUserId, provisionIn, runBenchSeed, type SeededDatabase } from './lib/bench-seed';
import { startTs, waitUntilHealthy, type Child } from './lib/children';
import { postmasterPidOf } from './lib/cpu';
import { describeCpu, measureInRounds, type Load, type Measurement, type Target } from './lib/measure';
import { addGatewayAccount, signIn } from './lib/gateway-accounts';
import { ms, percentile, timedRuns } from './lib/stats';
import { log, runBench, startBenchSystem, stopAll, url, type BenchSystem } from './lib/system';
import { printTable, round2, verdict } from './lib/table';

const load: Load = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  warmupSeconds: Number(process.env.BENCH_WARMUP_S ?? 2),
  durationSeconds: Number(process.env.BENCH_DURATION_S ?? 10),
};
const schoolCount = Number(process.env.BENCH_SCHOOLS ?? 1000);
const scaleWanted = process.env.BENCH_SCALE !== 'false';
const scaleSchools = Number(process.env.BENCH_SCALE_SCHOOLS ?? 10_000);
const scaleAreas = Number(process.env.BENCH_SCALE_AREAS ?? 120);
const registerSchoolEvery = process.env.BENCH_REGISTER_SCHOOL_EVERY ?? '10';
const day = process.env.BENCH_DAY ?? '2026-11-16';
const roundCount = Number(process.env.BENCH_ROUNDS ?? 1);
const registerCount = Number(process.env.BENCH_REGISTERS ?? 200);
const registerConcurrency = Number(process.env.BENCH_REGISTER_CONCURRENCY ?? 4);
const GOAL_GATEWAY_OVER_BASELINE = 0.6;
const GOAL_SCALE_OVER_QUICK = 0.9;
/** Tables whose rows grow with the area: a sequential scan of any of them in a hot query is a finding. */
const BIG_TABLES = ['pupils', 'sessions', 'occurrences', 'occurrence_tutors', 'attendance', 'ensemble_members'];
const SECONDS_OF_IDENTITY = 3_600;

const TUTOR_USER_ID = benchTutorUserId(1);
/** Tutor n teaches schools 3n-2 … 3n. */
const TUTOR_SCHOOL_IDS = [1, 2, 3].map(benchSchoolId);

interface OccurrenceItem {
  id: string;
  startsAt: string;
  status: string;
}

/** One seed with its own scheduling, gateway and baseline, signed in as bench tutor 1. */
interface SeedUnderTest {
  label: string;
  schools: number;
  seeded: SeededDatabase;
  targets: Target[];
  gatewayBase: string;
  accessToken: string;
}

async function startOn(
  system: BenchSystem,
  seeded: SeededDatabase,
  label: string,
  schools: number,
  children: Child[],
): Promise<SeedUnderTest> {
  const gatewayDb = await provisionIn(system, seeded.database, 'gateway');
  const [basePort, schedulingPort, gatewayPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const schedulingDb = seeded.urls.scheduling;
  await giveTutorPupilsValidIds(schedulingDb);
  log(`${label}: starting scheduling, the gateway and the baseline`);
  const scheduling = system.startService('scheduling', schedulingPort, schedulingDb);
  const gateway = system.startGateway(gatewayPort, gatewayDb, { scheduling: url(schedulingPort) });
  const baseline = startTs(`baseline-${label}`, 'bench/tutor-today-baseline-server.ts', {
    PORT: String(basePort),
    DATABASE_URL: schedulingDb,
    BENCH_TENANT_ID,
    BENCH_USER_ID: TUTOR_USER_ID,
  });
  children.push(scheduling, gateway, baseline);
  await waitUntilHealthy(scheduling, `${url(schedulingPort)}/health`, 120_000);
  await waitUntilHealthy(gateway, `${url(gatewayPort)}/api/scheduling/health`, 120_000);
  await waitUntilHealthy(baseline, `${url(basePort)}/health`);
  const account = {
    tenant: { id: BENCH_TENANT_ID, slug: 'bench', name: 'Bench Area' },
    accountId: TUTOR_USER_ID,
    email: 'tutor-1@bench.tutti.test',
    password: 'bench-tutor-password-2026',
    displayName: 'Tutor 1',
    grants: [{ role: 'tutor' as const, schoolIds: TUTOR_SCHOOL_IDS }],
    schools: TUTOR_SCHOOL_IDS.map((id, i) => ({ id, name: `Bench School ${i + 1}` })),
  };
  await addGatewayAccount(gatewayDb, account);
  const accessToken = await signIn(url(gatewayPort), account);
  const identity: Identity = {
    userId: TUTOR_USER_ID,
    tenantId: BENCH_TENANT_ID,
    displayName: 'Tutor 1',
    activeRole: null,
    grants: [{ role: 'tutor', schoolIds: TUTOR_SCHOOL_IDS }],
  };
  const identityToken = await signIdentityToken(
    identity,
    'scheduling',
    await importIdentityKey(system.keys.privateKey),
    SECONDS_OF_IDENTITY,
  );
  log(`${label}: signed in at the gateway as bench tutor 1`);
  const path = `/me/occurrences?period=today&date=${day}`;
  const postgres = { name: 'postgres', pid: await postmasterPidOf(schedulingDb), withChildren: true };
  const served = (...processes: Child[]) => [...processes.map((child) => ({ name: child.name, pid: child.process.pid })), postgres];
  return {
    label,
    schools,
    seeded,
    gatewayBase: `${url(gatewayPort)}/api/scheduling`,
    accessToken,
    targets: [
      { name: `${label}: baseline (Fastify + pg)`, url: `${url(basePort)}${path}`, servedBy: served(baseline), shape: {} },
      {
        name: `${label}: scheduling direct`,
        url: `${url(schedulingPort)}${path}`,
        servedBy: served(scheduling),
        shape: { headers: { [IDENTITY_HEADER]: identityToken } },
      },
      {
        name: `${label}: through the gateway`,
        url: `${url(gatewayPort)}/api/scheduling${path}`,
        servedBy: served(gateway, scheduling),
        shape: { headers: { authorization: `Bearer ${accessToken}` } },
      },
    ],
  };
}

async function main(): Promise<void> {
  const children: Child[] = [];
  let system: BenchSystem | undefined;
  try {
    system = await startBenchSystem();
    log(`seeding the quick seed: ${schoolCount} schools in one area`);
    const quickSeed = await runBenchSeed(system, 'tutti', { BENCH_SCHOOLS: String(schoolCount) });
    log(`quick seed in ${quickSeed.seconds} s`);
    const seeded: [SeededDatabase, string, number][] = [[quickSeed, 'quick', schoolCount]];
    if (scaleWanted) {
      log(`seeding the scale seed: ${scaleSchools} schools in ${scaleAreas} areas, a year of registers (this is the long part)`);
      const scaleSeed = await runBenchSeed(
        system,
        'tutti_scale',
        {
          BENCH_SCHOOLS: String(scaleSchools),
          BENCH_AREAS: String(scaleAreas),
          BENCH_REGISTERS: 'true',
          BENCH_REGISTERS_UNTIL: '2027-07-21',
          BENCH_REGISTER_SCHOOL_EVERY: registerSchoolEvery,
        },
        { allServices: true },
      );
      log(`scale seed in ${scaleSeed.seconds} s`);
      seeded.push([scaleSeed, 'scale', scaleSchools]);
    }
    // Signed in only once both are seeded: an access token outlives a quick seed, not a scale one.
    const seeds: SeedUnderTest[] = [];
    for (const [database, label, schools] of seeded) seeds.push(await startOn(system, database, label, schools, children));
    const days = await Promise.all(seeds.map((seed) => checkSameAnswers(seed.targets)));
    if (days.some((items) => JSON.stringify(items) !== JSON.stringify(days[0])))
      throw new Error('the quick and the scale seed give the tutor different days');
    const measured = await measureInRounds(
      seeds.flatMap((seed) => seed.targets),
      load,
      roundCount,
      log,
    );
    const registers = await measureRegisters(seeds, roundCount);
    const results: SeedResult[] = [];
    for (const [i, seed] of seeds.entries()) {
      const plans = await explainHotQueries(seed.seeded.urls.scheduling, registers[i].occurrenceId);
      results.push({ seed, measured: measured.slice(i * 3, i * 3 + 3), registers: registers[i], plans });
    }
    report(results, days[0].length);
  } finally {
    await stopAll(children, system);
  }
}

interface SeedResult {
  seed: SeedUnderTest;
  measured: Measurement[];
  registers: RegisterFigures;
  plans: { title: string; plan: string }[];
}

/** All three must return the same day, or the comparison means nothing. */
async function checkSameAnswers(targets: Target[]): Promise<OccurrenceItem[]> {
  const bodies = await Promise.all(
    targets.map(async (target) => {
      const response = await fetch(target.url, { headers: target.shape?.headers });
      if (response.status !== 200) throw new Error(`${target.url} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { items: OccurrenceItem[] };
    }),
  );
  const first = JSON.stringify(bodies[0]);
  if (bodies.some((body) => JSON.stringify(body) !== first))
    throw new Error(
      `the baseline, the service and the gateway returned different days:\n${bodies.map((body) => JSON.stringify(body)).join('\n')}`,
    );
  if (bodies[0].items.length === 0)
    log('warning: the tutor has no sessions today (a weekend, or outside the seeded term): the day is empty');
  log(`all three return the same day of ${bodies[0].items.length} sessions`);
  return bodies[0].items;
}

interface RegisterFigures {
  count: number;
  concurrency: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  marksPerRegister: number;
  occurrences: number;
  occurrenceId: string;
}

/**
 * Whole-class registers through the gateway: each submission is new (new submissionId and markIds)
 * and replaces the previous marks of its session, spread over this week's sessions of the tutor.
 * The seeds take turns, BENCH_REGISTERS / rounds submissions each a round (the order turning every
 * round), so that a noisy minute on this shared machine falls on both rather than on one.
 */
async function measureRegisters(seeds: SeedUnderTest[], rounds: number): Promise<RegisterFigures[]> {
  const lanes = await Promise.all(seeds.map((seed) => registerLane(seed.gatewayBase, seed.accessToken)));
  const perRound = Math.max(1, Math.round(registerCount / rounds));
  log(`taking ${perRound * rounds} registers per seed (${registerConcurrency} at a time) in ${rounds} alternating round(s)`);
  for (let round = 0; round < rounds; round++) {
    const order = lanes.map((_, i) => (i + round) % lanes.length);
    for (const i of order) await lanes[i].submit(perRound, round * perRound);
  }
  return lanes.map((lane) => lane.figures());
}

/** One seed's register submissions: its tutor's sessions this week, and the durations and statuses so far. */
async function registerLane(base: string, accessToken: string) {
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const week = (await (await fetch(`${base}/me/occurrences?period=week&date=${day}`, { headers })).json()) as { items: OccurrenceItem[] };
  const sessions = week.items.filter((item) => item.status === 'scheduled');
  if (sessions.length === 0) throw new Error('the tutor has no sessions this week to take registers of');
  const classes = await Promise.all(
    sessions.map(async (session) => {
      const register = (await (await fetch(`${base}/occurrences/${session.id}/register`, { headers })).json()) as {
        entries: { pupilId: string | null }[];
      };
      return { id: session.id, pupilIds: register.entries.map((entry) => entry.pupilId).filter((id): id is string => id !== null) };
    }),
  );
  const statuses: Record<string, number> = {};
  const durations: number[] = [];
  const marks = ['present', 'present', 'present', 'late', 'absent'];
  return {
    async submit(count: number, offset: number): Promise<void> {
      durations.push(
        ...(await timedRuns(count, registerConcurrency, async (lap) => {
          const index = offset + lap;
          // Lanes take sessions in turn, so that two lanes rarely write the same session's register at once.
          const session = classes[index % classes.length];
          const body = {
            submissionId: randomUUID(),
            marks: session.pupilIds.map((pupilId, i) => ({ markId: randomUUID(), pupilId, status: marks[(i + index) % marks.length] })),
          };
          const response = await fetch(`${base}/occurrences/${session.id}/register`, {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
          });
          const answer = await response.text();
          if (response.status >= 400 && !statuses[response.status]) log(`register answered ${response.status}: ${answer.slice(0, 500)}`);
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        })),
      );
    },
    figures: (): RegisterFigures => ({
      count: durations.length,
      concurrency: registerConcurrency,
      statuses,
      p50Ms: percentile(durations, 50),
      p99Ms: percentile(durations, 99),
      marksPerRegister: Math.round(classes.reduce((sum, session) => sum + session.pupilIds.length, 0) / classes.length),
      occurrences: classes.length,
      occurrenceId: classes[0].id,
    }),
  };
}

/**
 * bench-seed.ts makes ids with md5(text)::uuid, which are not RFC 4122 UUIDs (no version or variant
 * bits), so the API refuses them as pupilIds in a register (400 "must be a UUID"). The tutor's
 * three schools get copies of their pupils with v4 ids, and their memberships move to them.
 */
async function giveTutorPupilsValidIds(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A v4 id derived from the old one (version nibble 4, variant 8), so that both statements agree.
    const validId = (column: string) =>
      `(substr(md5('valid:' || ${column}::text), 1, 12) || '4' || substr(md5('valid:' || ${column}::text), 14, 3) || '8' || substr(md5('valid:' || ${column}::text), 18, 15))::uuid`;
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO pupils (id, tenant_id, school_id, class_id, first_name, last_name, year_group, mis_ref)
       SELECT ${validId('p.id')}, p.tenant_id, p.school_id, p.class_id, p.first_name, p.last_name, p.year_group, 'V' || p.mis_ref
       FROM pupils p WHERE p.tenant_id = $1 AND p.school_id = ANY($2::uuid[])`,
      [BENCH_TENANT_ID, TUTOR_SCHOOL_IDS],
    );
    await client.query(
      `UPDATE ensemble_members m SET pupil_id = ${validId('m.pupil_id')} WHERE m.tenant_id = $1 AND m.pupil_id IN (SELECT id FROM pupils WHERE tenant_id = $1 AND school_id = ANY($2::uuid[]) AND mis_ref NOT LIKE 'V%')`,
      [BENCH_TENANT_ID, TUTOR_SCHOOL_IDS],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** The register's own queries (the tutor's day and week, and the clash check, come from bench-seed's output). */
async function explainHotQueries(databaseUrl: string, occurrenceId: string): Promise<{ title: string; plan: string }[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // As autovacuum would have by now: attendance and register_submissions were empty at the seed's ANALYZE.
    await client.query('ANALYZE attendance; ANALYZE register_submissions; ANALYZE ensemble_members; ANALYZE pupils');
    const [occurrence] = (
      await client.query<{ ensemble_id: string; local_date: string }>(
        `SELECT ensemble_id, to_char(local_date, 'YYYY-MM-DD') AS local_date FROM occurrences WHERE tenant_id = $1 AND id = $2`,
        [BENCH_TENANT_ID, occurrenceId],
      )
    ).rows;
    const queries: [string, string, unknown[]][] = [
      [
        'load the occurrence with the caller’s assignment (every register request)',
        `SELECT o.id, o.status, EXISTS (SELECT 1 FROM occurrence_tutors ot JOIN staff st ON st.tenant_id = ot.tenant_id AND st.id = ot.staff_id
                 WHERE ot.tenant_id = o.tenant_id AND ot.occurrence_id = o.id AND st.user_id = $3) AS assigned
         FROM occurrences o JOIN sessions s ON s.tenant_id = o.tenant_id AND s.id = o.session_id WHERE o.tenant_id = $1 AND o.id = $2`,
        [BENCH_TENANT_ID, occurrenceId, TUTOR_USER_ID],
      ],
      [
        'members on the day (register validation)',
        `SELECT pupil_id, staff_id FROM ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2 AND joined_on <= $3::date AND (left_on IS NULL OR left_on >= $3::date)`,
        [BENCH_TENANT_ID, occurrence.ensemble_id, occurrence.local_date],
      ],
      [
        'previous marks replaced (register submission)',
        `SELECT id FROM attendance WHERE tenant_id = $1 AND occurrence_id = $2`,
        [BENCH_TENANT_ID, occurrenceId],
      ],
      [
        'the register with its marks (GET and POST …/register)',
        REGISTER_ENTRIES_SQL,
        [BENCH_TENANT_ID, occurrenceId, occurrence.ensemble_id, occurrence.local_date],
      ],
      ['the latest submission of the register', LATEST_SUBMISSION_SQL, [BENCH_TENANT_ID, occurrenceId]],
    ];
    const plans: { title: string; plan: string }[] = [];
    for (const [title, sql, params] of queries) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
      plans.push({ title, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
    }
    return plans;
  } finally {
    await client.end();
  }
}

function report(results: SeedResult[], sessionsToday: number): void {
  const rounds = roundCount > 1 ? `, median of ${roundCount} rounds` : '';
  console.log(
    `\ntutor's day (GET /me/occurrences?period=today&date=${day}, ${sessionsToday} sessions), ${load.connections} connections, ${load.durationSeconds} s each after ${load.warmupSeconds} s warm-up${rounds}\n`,
  );
  printTable(
    ['target', 'req/s', 'p50', 'p99', 'failed', 'CPU per request'],
    results.flatMap((result) =>
      result.measured.map((m) => [
        m.name,
        String(m.requestsPerSecond),
        `${m.p50Ms} ms`,
        `${m.p99Ms} ms`,
        String(m.failures),
        describeCpu(m),
      ]),
    ),
    [0, 5],
  );
  const summaries = results.map(({ seed, measured: [baseline, direct, gateway], registers, plans }) => {
    const ratios = {
      gatewayOverBaseline: round2(gateway.requestsPerSecond / baseline.requestsPerSecond),
      directOverBaseline: round2(direct.requestsPerSecond / baseline.requestsPerSecond),
      gatewayOverDirect: round2(gateway.requestsPerSecond / direct.requestsPerSecond),
    };
    console.log(`\n${seed.label} seed (${seed.schools} schools, seeded in ${seed.seeded.seconds} s):`);
    console.log(`  gateway / baseline: ${verdict(ratios.gatewayOverBaseline, GOAL_GATEWAY_OVER_BASELINE)}`);
    console.log(`  direct / baseline:  ${ratios.directOverBaseline}`);
    console.log(`  gateway / direct:   ${ratios.gatewayOverDirect}`);
    console.log(
      `  register submission through the gateway: ${registers.count} registers of ~${registers.marksPerRegister} marks over ${registers.occurrences} sessions, ${registers.concurrency} at a time: p50 ${ms(registers.p50Ms)}, p99 ${ms(registers.p99Ms)}, statuses ${JSON.stringify(registers.statuses)}`,
    );
    const output = seed.seeded.output;
    const seedPlans = output.slice(output.indexOf('\n== ')).trim();
    const allPlans = `${seedPlans}\n\n${plans.map((p) => `== ${p.title}\n${p.plan}`).join('\n\n')}`;
    const seqScans = [...allPlans.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1]);
    const badScans = seqScans.filter((table) => BIG_TABLES.includes(table));
    return { seed, ratios, gateway, registers, allPlans, seqScans, badScans, output };
  });
  for (const summary of summaries) {
    const lines = summary.output.split('\n');
    console.log(
      `\n${summary.seed.label} seed: ${lines.filter((line) => /^(seed total|bench area|all areas|return area)/.test(line)).join('\n  ')}`,
    );
    if (summary.seed.label === 'scale')
      console.log(lines.filter((line) => /^seed (COPY|scheduling|instrument|performance|parent)/.test(line)).join('\n'));
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the hot queries on the ${summary.seed.label} seed\n\n${summary.allPlans}\n`);
    console.log(
      `${summary.seed.label} seed, sequential scans: ${summary.seqScans.length === 0 ? 'none' : summary.seqScans.join(', ')}; on big tables (${BIG_TABLES.join(', ')}): ${summary.badScans.length === 0 ? 'none (goal met)' : `${summary.badScans.join(', ')} (goal NOT met)`}\n`,
    );
  }
  const [quick, scale] = summaries;
  const scaleRatios = scale && {
    tutorDayGateway: round2(scale.gateway.requestsPerSecond / quick.gateway.requestsPerSecond),
    registerP50: round2(quick.registers.p50Ms / scale.registers.p50Ms),
  };
  if (scaleRatios) {
    console.log(`scale / quick, tutor's day through the gateway (req/s): ${verdict(scaleRatios.tutorDayGateway, GOAL_SCALE_OVER_QUICK)}`);
    console.log(`scale / quick, register submission (p50 quick / p50 scale): ${verdict(scaleRatios.registerP50, GOAL_SCALE_OVER_QUICK)}\n`);
  }
  console.log(
    JSON.stringify({
      bench: 'tutor-today',
      day,
      load,
      rounds: roundCount,
      seeds: summaries.map((summary) => ({
        label: summary.seed.label,
        schools: summary.seed.schools,
        seedSeconds: summary.seed.seeded.seconds,
        results: results.find((result) => result.seed === summary.seed)?.measured,
        ratios: summary.ratios,
        registers: { ...summary.registers, occurrenceId: undefined },
        seqScansOnBigTables: summary.badScans,
      })),
      scaleOverQuick: scaleRatios,
      goals: { gatewayOverBaseline: GOAL_GATEWAY_OVER_BASELINE, scaleOverQuick: GOAL_SCALE_OVER_QUICK },
    }),
  );
}

runBench('tutor-today bench', main);

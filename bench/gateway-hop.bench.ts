/**
 * What the gateway hop costs. In one run, against one seeded area:
 *   1. baseline  — bare Fastify + pg answering the public listing query (bench/baseline-server.ts)
 *   2. direct    — the performance-event service's GET /public/areas/:areaId/performances
 *   3. gateway   — the same request through the gateway's /api/performance-event/...
 * Goals: gateway/direct ≥ 0.80, direct/baseline ≥ 0.60.
 *
 *   node -r @swc-node/register bench/gateway-hop.bench.ts
 *
 * BENCH_CONNECTIONS (50), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_PERFORMANCES (30),
 * BENCH_ROUNDS (1; with more, the targets take turns and each one's median round is reported);
 * BENCH_CPU_PROF=gateway|performance-event|baseline writes a .cpuprofile to .tutti/bench/profiles.
 * Uses DATABASE_URL / REDIS_URL when given, else starts throw-away PostgreSQL and Redis.
 */
import { join } from 'node:path';
import { generateIdentityKeyPair } from '@tutti/auth';
import { findFreePort, startLocalInfra, type LocalInfra } from '@tutti/local-infra';
import { provisionServiceDatabase } from '@tutti/platform';
import { REPO_ROOT, startTs, waitUntilHealthy, type Child } from './support/children';
import { measure, type Load, type Measurement } from './support/measure';
import { seedArea } from './support/seed';

const load: Load = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  warmupSeconds: Number(process.env.BENCH_WARMUP_S ?? 2),
  durationSeconds: Number(process.env.BENCH_DURATION_S ?? 10),
};
const performanceCount = Number(process.env.BENCH_PERFORMANCES ?? 30);
const roundCount = Number(process.env.BENCH_ROUNDS ?? 1);
const profiled = process.env.BENCH_CPU_PROF;
const PROFILE_DIR = join(REPO_ROOT, '.tutti', 'bench', 'profiles');
const GOALS = { gatewayOverDirect: 0.8, directOverBaseline: 0.6 };

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const nodeArgsFor = (name: string) => (profiled === name ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, '-r', './bench/support/exit-on-sigterm.ts'] : []);
const url = (port: number) => `http://127.0.0.1:${port}`;

async function main(): Promise<void> {
  const children: Child[] = [];
  let infra: LocalInfra | undefined;
  try {
    infra = await startLocalInfra({ dataDir: join(REPO_ROOT, '.tutti', 'bench'), profile: 'test', log });
    const [serviceDb, gatewayDb, keys] = await Promise.all([
      provisionServiceDatabase(infra.databaseUrl, 'performance-event', 'bench-performance-event'),
      provisionServiceDatabase(infra.databaseUrl, 'gateway', 'bench-gateway'),
      generateIdentityKeyPair(),
    ]);
    const [basePort, servicePort, gatewayPort, nobodyPort] = [await findFreePort(), await findFreePort(), await findFreePort(), await findFreePort()];
    const common = { REDIS_URL: infra.redisUrl, IDENTITY_PUBLIC_KEY: keys.publicKey, LOG_LEVEL: 'warn', NODE_ENV: 'production' };

    log('starting performance-event and the gateway');
    const service = startTs('performance-event', 'apps/performance-event/src/main.ts', { ...common, PORT: String(servicePort), DATABASE_URL: serviceDb }, nodeArgsFor('performance-event'));
    children.push(service);
    const gateway = startTs(
      'gateway',
      'apps/gateway/src/main.ts',
      {
        ...common,
        PORT: String(gatewayPort),
        DATABASE_URL: gatewayDb,
        PERFORMANCE_EVENT_URL: url(servicePort),
        SCHEDULING_URL: url(nobodyPort),
        INSTRUMENT_LOAN_URL: url(nobodyPort),
        PARENT_ENGAGEMENT_URL: url(nobodyPort),
      },
      nodeArgsFor('gateway'),
    );
    children.push(gateway);
    await waitUntilHealthy(service, `${url(servicePort)}/health`);

    const areaId = await seedArea(serviceDb, performanceCount);
    log(`seeded area ${areaId} with ${performanceCount} performances`);
    const baseline = startTs('baseline', 'bench/baseline-server.ts', { PORT: String(basePort), DATABASE_URL: serviceDb }, nodeArgsFor('baseline'));
    children.push(baseline);
    await waitUntilHealthy(baseline, `${url(basePort)}/health`);
    await waitUntilHealthy(gateway, `${url(gatewayPort)}/api/performance-event/health`);

    const path = `/public/areas/${areaId}/performances`;
    const served = (...processes: Child[]) => processes.map((child) => ({ name: child.name, pid: child.process.pid }));
    const targets = [
      { name: 'baseline (Fastify + pg)', url: `${url(basePort)}${path}`, servedBy: served(baseline) },
      { name: 'performance-event direct', url: `${url(servicePort)}${path}`, servedBy: served(service) },
      { name: 'through the gateway', url: `${url(gatewayPort)}/api/performance-event${path}`, servedBy: served(gateway, service) },
    ];
    await checkSameAnswers(targets.map((target) => target.url));

    // Rounds interleave the targets, so that a noisy neighbour slows all three rather than one.
    const rounds: Measurement[][] = targets.map(() => []);
    for (let pass = 1; pass <= roundCount; pass++) {
      for (const [i, target] of targets.entries()) {
        log(`round ${pass}/${roundCount}: ${target.name}, ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s`);
        const measured = await measure(target.name, target.url, load, target.servedBy);
        log(`  ${measured.requestsPerSecond} req/s, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, CPU per request ${describeCpu(measured)}`);
        rounds[i].push(measured);
      }
    }
    report(rounds.map(median));
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await infra?.stop();
    if (profiled) log(`CPU profile of ${profiled} written to ${PROFILE_DIR}`);
  }
}

/** The three must return the same page, or the comparison means nothing. */
async function checkSameAnswers(urls: string[]): Promise<void> {
  const bodies = await Promise.all(urls.map(async (target) => {
    const response = await fetch(target);
    if (response.status !== 200) throw new Error(`${target} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { items: unknown[] };
  }));
  const first = JSON.stringify(bodies[0]);
  if (bodies.some((body) => JSON.stringify(body) !== first)) throw new Error('the baseline, the service and the gateway returned different pages');
  log(`all three return the same page of ${bodies[0].items.length} performances`);
}

function report([baseline, direct, gateway]: Measurement[]): void {
  const ratios = {
    gatewayOverDirect: round(gateway.requestsPerSecond / direct.requestsPerSecond),
    directOverBaseline: round(direct.requestsPerSecond / baseline.requestsPerSecond),
  };
  const rows = [baseline, direct, gateway].map((m) => [m.name, String(m.requestsPerSecond), `${m.p50Ms} ms`, `${m.p99Ms} ms`, String(m.failures), describeCpu(m)]);
  const table = [['target', 'req/s', 'p50', 'p99', 'failed', 'CPU per request'], ...rows];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => (column === 0 || column === 5 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  const verdict = (name: keyof typeof GOALS) => `${ratios[name]} (goal ≥ ${GOALS[name]}: ${ratios[name] >= GOALS[name] ? 'met' : 'NOT met'})`;
  const rounds = roundCount > 1 ? `, median of ${roundCount} rounds` : '';
  console.log(`\ngateway hop, ${load.connections} connections, ${load.durationSeconds} s each after ${load.warmupSeconds} s warm-up${rounds}\n`);
  console.log(line(table[0]));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  rows.forEach((row) => console.log(line(row)));
  console.log(`\ngateway / direct:  ${verdict('gatewayOverDirect')}`);
  console.log(`direct / baseline: ${verdict('directOverBaseline')}\n`);
  console.log(JSON.stringify({ bench: 'gateway-hop', load, rounds: roundCount, results: [baseline, direct, gateway], ratios, goals: GOALS }));
}

function describeCpu(measurement: Measurement): string {
  return Object.entries(measurement.cpuMicrosPerRequest).map(([name, micros]) => `${name} ${micros} µs`).join(' + ') || 'n/a';
}

/** The round with the median request rate (the lower middle one for an even count). */
function median(measurements: Measurement[]): Measurement {
  return [...measurements].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor((measurements.length - 1) / 2)];
}

const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

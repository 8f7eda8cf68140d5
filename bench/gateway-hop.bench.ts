/**
 * What the gateway hop costs. In one run, against one seeded area:
 *   1. baseline  — bare Fastify + pg answering the public listing query (bench/baseline-server.ts)
 *   2. direct    — the performance-event service's GET /public/areas/:areaId/performances
 *   3. gateway   — the same request through the gateway's /api/performance-event/...
 * Goals: gateway/direct ≥ 0.80, direct/baseline ≥ 0.60.
 * With BENCH_TRACING=1, a second performance-event and gateway run with OpenTelemetry on, exporting
 * to an OTLP/HTTP sink in this process (bench/lib/otlp-sink.ts), and are measured in the same
 * rounds: 4. direct, traced, and 5. gateway, traced; the traced/untraced ratios are what tracing costs.
 * OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG=0.1 measures it with 1 trace in 10 sampled.
 *
 *   node -r ./tools/runtime/register.js bench/gateway-hop.bench.ts
 *
 * BENCH_CONNECTIONS (50), BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_PERFORMANCES (30),
 * BENCH_ROUNDS (1; with more, the targets take turns and each one's median round is reported);
 * BENCH_CPU_PROF=gateway|performance-event|baseline writes a .cpuprofile to .tutti/bench/profiles.
 * Uses DATABASE_URL / REDIS_URL when given, else starts throw-away PostgreSQL and Redis.
 */
import { join } from 'node:path';
import { findFreePort } from '@tutti/local-infra';
import { REPO_ROOT, waitUntilHealthy, startTs, type Child } from './lib/children';
import { describeCpu, measureInRounds, type Load, type Measurement } from './lib/measure';
import { startOtlpSink, type OtlpSink } from './lib/otlp-sink';
import { seedArea } from './lib/performance-seed';
import { log, runBench, startBenchSystem, stopAll, url, type BenchSystem } from './lib/system';
import { printTable, round2 } from './lib/table';

const load: Load = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  warmupSeconds: Number(process.env.BENCH_WARMUP_S ?? 2),
  durationSeconds: Number(process.env.BENCH_DURATION_S ?? 10),
};
const performanceCount = Number(process.env.BENCH_PERFORMANCES ?? 30);
const roundCount = Number(process.env.BENCH_ROUNDS ?? 1);
const profiled = process.env.BENCH_CPU_PROF;
const traced = process.env.BENCH_TRACING === '1';
const PROFILE_DIR = join(REPO_ROOT, '.tutti', 'bench', 'profiles');
const GOALS = { gatewayOverDirect: 0.8, directOverBaseline: 0.6 };

const nodeArgsFor = (name: string) =>
  profiled === name ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, '-r', './bench/lib/exit-on-sigterm.ts'] : [];

async function main(): Promise<void> {
  const children: Child[] = [];
  let system: BenchSystem | undefined;
  let sink: OtlpSink | undefined;
  try {
    system = await startBenchSystem();
    const [serviceDb, gatewayDb] = await Promise.all([system.provision('performance-event'), system.provision('gateway')]);
    const [basePort, servicePort, gatewayPort] = [await findFreePort(), await findFreePort(), await findFreePort()];

    log('starting performance-event and the gateway');
    const service = system.startService('performance-event', servicePort, serviceDb, {}, nodeArgsFor('performance-event'));
    children.push(service);
    const gateway = system.startGateway(gatewayPort, gatewayDb, { 'performance-event': url(servicePort) }, nodeArgsFor('gateway'));
    children.push(gateway);
    await waitUntilHealthy(service, `${url(servicePort)}/health`);

    const areaId = await seedArea(serviceDb, performanceCount);
    log(`seeded area ${areaId} with ${performanceCount} performances`);
    const baseline = startTs(
      'baseline',
      'bench/baseline-server.ts',
      { PORT: String(basePort), DATABASE_URL: serviceDb },
      nodeArgsFor('baseline'),
    );
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
    if (traced) {
      sink = await startOtlpSink();
      // OTEL_TRACES_SAMPLER(_ARG) given to the bench go to the traced processes (default: every trace sampled).
      const sampler = Object.entries(process.env).filter(([name]) => name.startsWith('OTEL_TRACES_SAMPLER'));
      const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, ...(Object.fromEntries(sampler) as Record<string, string>) };
      const [tracedServicePort, tracedGatewayPort] = [await findFreePort(), await findFreePort()];
      log(`starting a traced performance-event and gateway (spans to ${sink.url})`);
      const tracedService = system.startService('performance-event', tracedServicePort, serviceDb, tracing);
      children.push(tracedService);
      const tracedGateway = system.startGateway(tracedGatewayPort, gatewayDb, { 'performance-event': url(tracedServicePort) }, [], tracing);
      children.push(tracedGateway);
      await waitUntilHealthy(tracedService, `${url(tracedServicePort)}/health`);
      await waitUntilHealthy(tracedGateway, `${url(tracedGatewayPort)}/api/performance-event/health`);
      targets.push(
        { name: 'direct, traced', url: `${url(tracedServicePort)}${path}`, servedBy: served(tracedService) },
        {
          name: 'through the gateway, traced',
          url: `${url(tracedGatewayPort)}/api/performance-event${path}`,
          servedBy: served(tracedGateway, tracedService),
        },
      );
    }
    await checkSameAnswers(targets.map((target) => target.url));

    // Rounds interleave the targets, so that a noisy neighbour slows all of them rather than one.
    report(await measureInRounds(targets, load, roundCount, log), sink);
  } finally {
    await sink?.close();
    await stopAll(children, system);
    if (profiled) log(`CPU profile of ${profiled} written to ${PROFILE_DIR}`);
  }
}

/** The three must return the same page, or the comparison means nothing. */
async function checkSameAnswers(urls: string[]): Promise<void> {
  const bodies = await Promise.all(
    urls.map(async (target) => {
      const response = await fetch(target);
      if (response.status !== 200) throw new Error(`${target} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { items: unknown[] };
    }),
  );
  const first = JSON.stringify(bodies[0]);
  if (bodies.some((body) => JSON.stringify(body) !== first))
    throw new Error('the baseline, the service and the gateway returned different pages');
  log(`all ${urls.length} return the same page of ${bodies[0].items.length} performances`);
}

function report(measured: Measurement[], sink: OtlpSink | undefined): void {
  const [baseline, direct, gateway, directTraced, gatewayTraced] = measured;
  const ratios = {
    gatewayOverDirect: round2(gateway.requestsPerSecond / direct.requestsPerSecond),
    directOverBaseline: round2(direct.requestsPerSecond / baseline.requestsPerSecond),
    ...(gatewayTraced && directTraced
      ? {
          tracedOverUntracedGateway: round2(gatewayTraced.requestsPerSecond / gateway.requestsPerSecond),
          tracedOverUntracedDirect: round2(directTraced.requestsPerSecond / direct.requestsPerSecond),
        }
      : {}),
  };
  const rows = measured.map((m) => [
    m.name,
    String(m.requestsPerSecond),
    `${m.p50Ms} ms`,
    `${m.p99Ms} ms`,
    String(m.failures),
    describeCpu(m),
  ]);
  const verdict = (name: keyof typeof GOALS) =>
    `${ratios[name]} (goal ≥ ${GOALS[name]}: ${ratios[name] >= GOALS[name] ? 'met' : 'NOT met'})`;
  const rounds = roundCount > 1 ? `, median of ${roundCount} rounds` : '';
  console.log(
    `\ngateway hop, ${load.connections} connections, ${load.durationSeconds} s each after ${load.warmupSeconds} s warm-up${rounds}\n`,
  );
  printTable(['target', 'req/s', 'p50', 'p99', 'failed', 'CPU per request'], rows, [0, 5]);
  console.log(`\ngateway / direct:  ${verdict('gatewayOverDirect')}`);
  console.log(`direct / baseline: ${verdict('directOverBaseline')}\n`);
  if (ratios.tracedOverUntracedGateway !== undefined) {
    const { requests, bytes } = sink?.received() ?? { requests: 0, bytes: 0 };
    console.log(`traced / untraced, through the gateway: ${ratios.tracedOverUntracedGateway}`);
    console.log(`traced / untraced, direct:              ${ratios.tracedOverUntracedDirect}`);
    console.log(`(the sink received ${requests} exports, ${(bytes / 1e6).toFixed(1)} MB of OTLP JSON)\n`);
  }
  console.log(JSON.stringify({ bench: 'gateway-hop', load, rounds: roundCount, traced, results: measured, ratios, goals: GOALS }));
}

runBench('bench', main);

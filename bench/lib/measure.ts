import autocannon from 'autocannon';
import { cpuSecondsOf, cpuSecondsOfTree } from './cpu';

export interface Load {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
  /** CPU time per request of each process that served it, in microseconds (noise-resistant, unlike req/s). */
  cpuMicrosPerRequest: Record<string, number>;
}

export interface Served {
  name: string;
  pid: number | undefined;
  /** Count the process's children too (PostgreSQL's backends under the postmaster). */
  withChildren?: boolean;
}

const cpuOf = (served: Served) =>
  served.pid === undefined ? undefined : served.withChildren ? cpuSecondsOfTree(served.pid) : cpuSecondsOf(served.pid);

/** What to send when it is not a plain GET: fixed method, headers and body, or a step that builds each request. */
export interface RequestShape {
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** Builds every request afresh (another caller, another body); wins over the fixed fields it sets. */
  setupRequest?: autocannon.RequestStep['setupRequest'];
}

export interface Target {
  name: string;
  url: string;
  servedBy: Served[];
  shape?: RequestShape;
}

/** A warm-up run that is thrown away, then the measured run. */
export async function measure(name: string, url: string, load: Load, servedBy: Served[], shape: RequestShape = {}): Promise<Measurement> {
  // autocannon takes a key that is present but undefined as a value (an "undefined" method).
  const options = {
    url,
    ...(shape.method ? { method: shape.method } : {}),
    ...(shape.headers ? { headers: shape.headers } : {}),
    ...(shape.body !== undefined ? { body: shape.body } : {}),
    ...(shape.setupRequest ? { requests: [{ setupRequest: shape.setupRequest }] } : {}),
  };
  await autocannon({ ...options, connections: load.connections, duration: load.warmupSeconds });
  const before = servedBy.map(cpuOf);
  const result = await autocannon({ ...options, connections: load.connections, duration: load.durationSeconds });
  const cpuMicrosPerRequest: Record<string, number> = {};
  servedBy.forEach((process, i) => {
    const [start, end] = [before[i], cpuOf(process)];
    if (start !== undefined && end !== undefined && result.requests.total > 0)
      cpuMicrosPerRequest[process.name] = Math.round(((end - start) * 1e6) / result.requests.total);
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.total / load.durationSeconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMicrosPerRequest,
  };
}

/** "name 123 µs + other 45 µs", or n/a where /proc is missing. */
export function describeCpu(measurement: Measurement): string {
  return (
    Object.entries(measurement.cpuMicrosPerRequest)
      .map(([name, micros]) => `${name} ${micros} µs`)
      .join(' + ') || 'n/a'
  );
}

/** The round with the median request rate (the lower middle one for an even count). */
export function medianRound(measurements: Measurement[]): Measurement {
  return [...measurements].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor((measurements.length - 1) / 2)];
}

/** Runs each target in turn, `rounds` times, so that a noisy neighbour slows all of them rather than one; each target's median round. */
export async function measureInRounds(targets: Target[], load: Load, rounds: number, log: (line: string) => void): Promise<Measurement[]> {
  const measured: Measurement[][] = targets.map(() => []);
  for (let pass = 1; pass <= rounds; pass++) {
    for (const [i, target] of targets.entries()) {
      log(
        `round ${pass}/${rounds}: ${target.name}, ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s`,
      );
      const result = await measure(target.name, target.url, load, target.servedBy, target.shape);
      log(`  ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, CPU per request ${describeCpu(result)}`);
      measured[i].push(result);
    }
  }
  return measured.map(medianRound);
}

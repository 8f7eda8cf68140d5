import autocannon from 'autocannon';
import { cpuSecondsOf } from './cpu';

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
}

/** A warm-up run that is thrown away, then the measured run. */
export async function measure(name: string, url: string, load: Load, servedBy: Served[]): Promise<Measurement> {
  await autocannon({ url, connections: load.connections, duration: load.warmupSeconds });
  const before = servedBy.map((process) => cpuSecondsOf(process.pid));
  const result = await autocannon({ url, connections: load.connections, duration: load.durationSeconds });
  const cpuMicrosPerRequest: Record<string, number> = {};
  servedBy.forEach((process, i) => {
    const [start, end] = [before[i], cpuSecondsOf(process.pid)];
    if (start !== undefined && end !== undefined && result.requests.total > 0) cpuMicrosPerRequest[process.name] = Math.round(((end - start) * 1e6) / result.requests.total);
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

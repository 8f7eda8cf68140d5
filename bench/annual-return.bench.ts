/**
 * The annual data return on a large area (issue 18): the bench seed (apps/scheduling/src/bench-seed.ts,
 * run as a child) with BENCH_SCHOOLS schools (100 by default: the issue's area) and a term of
 * registers, which then prints EXPLAIN (ANALYZE, BUFFERS) of the return's statements and the time
 * of three runs of the whole return. Goal: under 2 s, no Seq Scan on attendance (or the other big tables).
 *
 *   node -r ./tools/runtime/register.js bench/annual-return.bench.ts
 */
import { runTs, type Child } from './lib/children';
import { log, runBench, startBenchSystem, stopAll, type BenchSystem } from './lib/system';

const BIG_TABLES = ['pupils', 'sessions', 'occurrences', 'attendance', 'ensemble_members'];

async function main(): Promise<void> {
  const children: Child[] = [];
  let system: BenchSystem | undefined;
  try {
    system = await startBenchSystem();
    const schedulingDb = await system.provision('scheduling');
    const schools = process.env.BENCH_SCHOOLS ?? '100';
    log(`seeding ${schools} schools with registers`);
    const output = await runTs('bench-seed', 'apps/scheduling/src/bench-seed.ts', {
      DATABASE_URL: schedulingDb,
      BENCH_SCHOOLS: schools,
      BENCH_REGISTERS: 'true',
    });
    const returnPart = output.slice(output.indexOf('== annual return'));
    console.log(
      output
        .split('\n')
        .filter((line) => /^(bench area|registers|annual return 2026-27)/.test(line))
        .join('\n'),
    );
    console.log(
      returnPart
        .split('\n')
        .filter((line) => !line.startsWith('annual return 2026-27'))
        .join('\n'),
    );
    const runs = [...output.matchAll(/annual return 2026-27, run \d: (\d+) ms/g)].map((match) => Number(match[1]));
    const seqScans = [...returnPart.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1]);
    const badScans = seqScans.filter((table) => BIG_TABLES.includes(table));
    console.log(`\nannual return: ${runs.join(' / ')} ms (goal < 2000: ${Math.max(...runs) < 2000 ? 'met' : 'NOT met'})`);
    console.log(
      `sequential scans: ${seqScans.length === 0 ? 'none' : seqScans.join(', ')}; on big tables: ${badScans.length === 0 ? 'none (goal met)' : `${badScans.join(', ')} (goal NOT met)`}`,
    );
  } finally {
    await stopAll(children, system);
  }
}

runBench('annual-return.bench', main);

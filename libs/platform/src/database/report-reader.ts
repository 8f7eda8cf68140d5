import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Queryable } from '../sql/rows';

export type ReadSource = 'replica' | 'primary';

export interface ReportReaderOptions {
  /** The service's own DataSource: writes, and every read when the replica cannot serve. */
  primary: DataSource;
  /** A DataSource on the streaming replica (REPLICA_DATABASE_URL); none: everything reads the primary. */
  replica?: DataSource;
  /** The staleness bound (REPLICA_MAX_LAG_MS): the replica serves only while it misses no write older than this. */
  maxLagMs: number;
  /** How often the replica's position is compared with the primary's (default 1 s; never per query). */
  checkEveryMs?: number;
}

/** Which database served the reads of the current request (see ReadFromHeaderInterceptor). */
export const readSources = new AsyncLocalStorage<{ source?: ReadSource }>();

interface LsnSample {
  /** Date.now() just before the primary was asked: every write committed before it lies at or below `lsn`. */
  at: number;
  lsn: bigint;
}

/** '16/B374D848' → its byte position. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * Hands read-only report work a Queryable: the streaming replica while it is known to miss no write
 * committed on the primary more than `maxLagMs` ago, else the primary. Without a replica, the primary.
 *
 * How far behind the replica is, and why it is measured this way: `now() - pg_last_xact_replay_timestamp()`
 * on the replica is the age of the last transaction it replayed, which keeps growing on an idle primary
 * although nothing is missing (it would send every report to the primary at night and after each quiet
 * spell); `pg_last_wal_receive_lsn()` against `pg_last_wal_replay_lsn()` only compares the replica with
 * itself, and says "caught up" when it has stopped receiving altogether (a broken connection, a
 * primary it can no longer reach). So the check asks both: every `checkEveryMs` it notes the time,
 * then the primary's `pg_current_wal_flush_lsn()` (every commit acknowledged before that time is at or
 * below it, with synchronous_commit on; an asynchronous commit not yet flushed cannot be on any replica
 * either), then the replica's `pg_last_wal_replay_lsn()`. The newest noted primary position the replica
 * has replayed gives `caughtUpAt`: the replica holds every write committed before it. A report is
 * served by the replica when `Date.now() - caughtUpAt <= maxLagMs`, decided when the work starts, so
 * the bound holds at that moment (a check that fails or stalls lets caughtUpAt age, and reads move to
 * the primary). It errs only on the safe side: under steady writes the staleness it reports is up to one
 * check interval more than the true lag.
 */
export class ReportReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('ReportReader');
  private readonly checkEveryMs: number;
  private samples: LsnSample[] = [];
  private caughtUpAt?: number;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private connecting?: Promise<unknown>;
  private readonly reads = new Map<ReadSource, number>([
    ['replica', 0],
    ['primary', 0],
  ]);
  private counter?: Counter<'source'>;
  private lastState?: ReadSource;

  constructor(private readonly options: ReportReaderOptions) {
    this.checkEveryMs = options.checkEveryMs ?? 1_000;
  }

  get hasReplica(): boolean {
    return this.options.replica !== undefined;
  }

  /** How many ms of primary writes the replica may be missing now; undefined without a replica or before its first check. */
  staleness(now = Date.now()): number | undefined {
    return this.caughtUpAt === undefined ? undefined : Math.max(0, now - this.caughtUpAt);
  }

  /** Which database a report started now would read. */
  source(now = Date.now()): ReadSource {
    const staleness = this.staleness(now);
    return this.options.replica?.isInitialized && staleness !== undefined && staleness <= this.options.maxLagMs ? 'replica' : 'primary';
  }

  /** Reports served so far, by source (the metric counts the same). */
  served(): Record<ReadSource, number> {
    return { replica: this.reads.get('replica') ?? 0, primary: this.reads.get('primary') ?? 0 };
  }

  /**
   * Runs read-only work on the chosen database (all its statements on the same one). When the replica
   * fails on the connection (stopped, restarting) or cancels a statement that conflicts with replay,
   * the work runs again on the primary. Never write through it: the replica refuses writes.
   */
  async read<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    if (this.source() === 'replica' && this.options.replica) {
      try {
        const result = await work(this.options.replica);
        this.record('replica');
        return result;
      } catch (error: unknown) {
        if (!isReplicaUnavailable(error)) throw error;
        this.caughtUpAt = undefined; // until the next check finds it again
        this.log.warn(`replica read failed (${(error as Error).message}); reading the primary`);
      }
    }
    const result = await work(this.options.primary);
    this.record('primary');
    return result;
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /** Starts the periodic check (a no-op without a replica). */
  start(): void {
    if (!this.options.replica || this.timer) return;
    this.timer = setInterval(() => void this.check(), this.checkEveryMs);
    this.timer.unref();
    void this.check();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.checking;
    await this.connecting?.catch(() => undefined);
    if (this.options.replica?.isInitialized) await this.options.replica.destroy();
  }

  /** One comparison of the replica's replayed position with the primary's (checks never overlap). */
  check(): Promise<void> {
    this.checking ??= this.compare().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** prom-client: `db_report_reads_total{source}` and `db_replica_staleness_seconds`. */
  registerMetrics(registry: Registry): void {
    this.counter = new Counter({
      name: 'db_report_reads_total',
      help: 'Read-only report work served, by the database that served it (replica or primary)',
      labelNames: ['source'],
      registers: [registry],
    });
    for (const source of ['replica', 'primary'] as const) this.counter.inc({ source }, this.reads.get(source) ?? 0);
    const staleness = () => this.staleness();
    new Gauge({
      name: 'db_replica_staleness_seconds',
      help: 'How much of the primary’s writes the replica may be missing (absent without a replica or while it is unreachable)',
      registers: [registry],
      collect() {
        this.reset();
        const now = staleness();
        if (now !== undefined) this.set(now / 1000);
      },
    });
  }

  private record(source: ReadSource): void {
    this.reads.set(source, (this.reads.get(source) ?? 0) + 1);
    this.counter?.inc({ source });
    const store = readSources.getStore();
    // A request that read the primary at least once says so.
    if (store) store.source = store.source === 'primary' ? 'primary' : source;
  }

  private async compare(): Promise<void> {
    const replica = this.options.replica;
    if (!replica) return;
    if (!replica.isInitialized) {
      // A replica down at start-up must not keep the service from starting: connect in the background.
      this.connecting ??= replica.initialize().finally(() => (this.connecting = undefined));
      await this.connecting.catch(() => undefined);
      if (!replica.isInitialized) return;
    }
    try {
      const at = Date.now();
      const [primary] = (await this.options.primary.query('SELECT pg_current_wal_flush_lsn()::text AS lsn')) as { lsn: string }[];
      const [standby] = (await replica.query('SELECT pg_last_wal_replay_lsn()::text AS lsn, pg_is_in_recovery() AS recovering')) as {
        lsn: string | null;
        recovering: boolean;
      }[];
      this.samples.push({ at, lsn: parseLsn(primary.lsn) });
      if (!standby.recovering || standby.lsn === null) {
        // Promoted, or not a standby at all: it no longer follows the primary.
        this.caughtUpAt = undefined;
        return;
      }
      const replayed = parseLsn(standby.lsn);
      const covered = this.samples.filter((sample) => sample.lsn <= replayed);
      if (covered.length > 0) this.caughtUpAt = Math.max(this.caughtUpAt ?? 0, covered[covered.length - 1].at);
      // Keep the newest covered sample and those not yet replayed (bounded: older ones can no longer lift caughtUpAt within the bound).
      this.samples = this.samples.filter((sample) => sample.lsn > replayed || sample === covered[covered.length - 1]).slice(-256);
    } catch (error: unknown) {
      this.log.debug(`replica check failed: ${(error as Error).message}`);
    } finally {
      const state = this.source();
      if (state !== this.lastState) this.log.log(`report reads now go to the ${state} (staleness ${this.staleness() ?? 'unknown'} ms)`);
      this.lastState = state;
    }
  }
}

/** The replica cannot answer (connection lost or refused, shutting down, or a statement cancelled by replay). */
export function isReplicaUnavailable(error: unknown): boolean {
  const driver =
    (error as { driverError?: { code?: string; message?: string } }).driverError ?? (error as { code?: string; message?: string });
  const code = driver?.code ?? '';
  const message = driver?.message ?? (error as Error)?.message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300'].includes(code) ||
    code.startsWith('08') ||
    (code === '40001' && /conflict with recovery/i.test(message)) ||
    /Connection terminated|connection timeout|Client has encountered a connection error|Connection ended/i.test(message)
  );
}

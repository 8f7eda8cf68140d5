import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { queueConnectionOf } from '../config/redis-connection';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform-options';
import { ReportReader } from '../database/report-reader';

/** Seconds; from a primary-key read (~1 ms) to a slow export. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The pg Pool TypeORM's postgres driver keeps (its counters are public, its type is not exported). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * One service's Prometheus metrics: HTTP rate and latency by route template, its PostgreSQL pool,
 * its BullMQ queues (depth and the age of the oldest waiting job), its outbox backlog and how late its
 * due reminders are. Served on METRICS_HOST:METRICS_PORT (loopback by default), never on the API port.
 */
@Injectable()
export class ServiceMetrics implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route' | 'status'>;
  private readonly queues: Queue[];
  private server?: Server;
  private readonly log = new Logger('Metrics');

  constructor(
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost<FastifyAdapter>,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Optional() reportReader?: ReportReader,
  ) {
    this.registry.setDefaultLabels({ service: options.service, mode: options.config.SERVICE_MODE });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    const connection = queueConnectionOf({
      ...options.config.redisConnection,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.queues = options.queues.map((name) => {
      const queue = new Queue(name, { connection, prefix: options.config.QUEUE_PREFIX });
      queue.on('error', () => undefined); // a scrape while Redis is down reports no queue figures, not a crash
      return queue;
    });
    this.poolGauges(registers);
    this.queueGauges(registers);
    this.backlogGauges(registers);
    reportReader?.registerMetrics(this.registry);
  }

  /** Counts every answered request under its route template (`/pupils/:id`, not the id), so that labels stay few. */
  onModuleInit(): void {
    this.adapterHost.httpAdapter.getInstance().addHook('onResponse', async (request, reply) => {
      const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
      this.requests.inc(labels);
      this.latency.observe(labels, reply.elapsedTime / 1000);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.options.config.METRICS_PORT;
    if (port === undefined) return;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.config.METRICS_HOST, () => resolve());
    });
    this.server = server;
    this.log.log(`metrics on http://${this.options.config.METRICS_HOST}:${this.port}/metrics`);
  }

  /** Where /metrics listens (METRICS_PORT=0 picks a free port); undefined when metrics are off. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onModuleDestroy(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
  }

  private poolGauges(registers: Registry[]): void {
    const pool = () =>
      this.dataSource.isInitialized ? ((this.dataSource.driver as unknown as { master?: PgPool }).master ?? undefined) : undefined;
    const gauge = (name: string, help: string, read: (pool: PgPool) => number | undefined) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const current = pool();
          const value = current && read(current);
          if (value !== undefined) this.set(value);
        },
      });
    gauge('pg_pool_connections', 'Connections the PostgreSQL pool holds', (p) => p.totalCount);
    gauge('pg_pool_idle_connections', 'Idle connections in the PostgreSQL pool', (p) => p.idleCount);
    gauge('pg_pool_waiting_clients', 'Queries waiting for a pooled connection', (p) => p.waitingCount);
    gauge('pg_pool_max_connections', "The PostgreSQL pool's size", (p) => p.options?.max);
  }

  private queueGauges(registers: Registry[]): void {
    const queues = this.queues;
    new Gauge({
      name: 'bullmq_queue_jobs',
      help: "Jobs in each of this service's BullMQ queues, by state",
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        await Promise.all(
          queues.map(async (queue) => {
            const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => undefined);
            for (const [state, count] of Object.entries(counts ?? {})) this.set({ queue: queue.name, state }, count);
          }),
        );
      },
    });
    new Gauge({
      name: 'bullmq_queue_lag_seconds',
      help: 'Age of the oldest job waiting in each queue (0 when none waits): how far the workers are behind',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        await Promise.all(
          queues.map(async (queue) => {
            const jobs = await queue.getJobs(['wait'], 0, 0, true).catch(() => undefined);
            if (!jobs) return;
            const [oldest] = jobs;
            this.set({ queue: queue.name }, oldest ? Math.max(0, (Date.now() - oldest.timestamp - (oldest.delay ?? 0)) / 1000) : 0);
          }),
        );
      },
    });
  }

  private backlogGauges(registers: Registry[]): void {
    const query = <Row>(sql: string) => {
      // Two gauges read each row: one statement per scrape, not one per gauge.
      let last: { at: number; row: Promise<Row | undefined> } | undefined;
      return (): Promise<Row | undefined> => {
        if (!last || Date.now() - last.at > 1_000) {
          const row = this.dataSource.isInitialized
            ? this.dataSource.query(sql).then(
                (rows: Row[]) => rows[0],
                () => undefined,
              )
            : Promise.resolve(undefined);
          last = { at: Date.now(), row };
        }
        return last.row;
      };
    };
    // Both read through partial indexes (IDX_outbox_events_unsent, IDX_reminders_due) that hold only what is pending.
    const outbox = query<{ backlog: number; oldest: number }>(
      `SELECT count(*)::int AS backlog, COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)::float8 AS oldest FROM outbox_events WHERE sent_at IS NULL`,
    );
    const reminders = query<{ overdue: number; lateness: number }>(
      `SELECT count(*)::int AS overdue, COALESCE(EXTRACT(EPOCH FROM now() - min(due_at)), 0)::float8 AS lateness
           FROM reminders WHERE status IN ('scheduled', 'sending') AND due_at <= now()`,
    );
    const gauge = <Row>(name: string, help: string, read: () => Promise<Row | undefined>, pick: (row: Row) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          const row = await read();
          if (row) this.set(pick(row));
        },
      });
    gauge('outbox_backlog_events', 'Outbox events not yet relayed', outbox, (row) => row.backlog);
    gauge('outbox_oldest_unsent_seconds', 'Age of the oldest outbox event not yet relayed', outbox, (row) => row.oldest);
    gauge('reminders_overdue', 'Reminders due but not yet sent', reminders, (row) => row.overdue);
    gauge(
      'reminders_lateness_seconds',
      'How late the most overdue unsent reminder is (0 when none is due)',
      reminders,
      (row) => row.lateness,
    );
  }
}

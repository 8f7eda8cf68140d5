import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '@tutti/local-infra';
import { provisionServiceDatabase } from '@tutti/platform';
import { requiredTestEnv, uniqueTestId } from '@tutti/testing';
import { startServiceProcess, stopServiceProcess, waitUntilListening, type RunningService } from '../system/service-processes';
import { localRolePassword } from '../system/services';

jest.setTimeout(180_000);

/** Whether something listens on this TCP port on loopback only (from /proc/net/tcp: 0100007F is 127.0.0.1, 0A is LISTEN). */
function listensOnLoopbackOnly(port: number): boolean {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const listening = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${hexPort}`))
    .map((fields) => fields[1].split(':')[0]);
  return listening.length > 0 && listening.every((address) => address === '0100007F');
}

/** A sample's value from Prometheus' text format, by metric name and the labels it must carry. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
      return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe("a service's /metrics", () => {
  const database = uniqueTestId('metrics');
  const admin = new Client({ connectionString: requiredTestEnv().databaseUrl });
  let databaseUrl = '';
  let running: RunningService;
  let metricsPort = 0;
  const queuePrefix = uniqueTestId('q');

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(requiredTestEnv().databaseUrl);
    url.pathname = `/${database}`;
    databaseUrl = await provisionServiceDatabase(url.toString(), 'parent-engagement', localRolePassword('parent-engagement'));
    metricsPort = await findFreePort();
    // API mode: no relay and no reminder worker, so the pending rows below stay pending while they are read.
    running = startServiceProcess(
      'parent-engagement',
      await findFreePort(),
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        SERVICE_MODE: 'api',
        DATABASE_URL: databaseUrl,
        REDIS_URL: requiredTestEnv().redisUrl,
        IDENTITY_PUBLIC_KEY: process.env.IDENTITY_PUBLIC_KEY ?? '',
        QUEUE_PREFIX: queuePrefix,
        METRICS_PORT: String(metricsPort),
      },
      join(tmpdir(), database),
      () => undefined,
    );
    await waitUntilListening(running, 90_000); // it migrates its schema first
  });

  afterAll(async () => {
    if (running) await stopServiceProcess(running);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('is served on its own loopback port, not on the API port', async () => {
    expect(listensOnLoopbackOnly(metricsPort)).toBe(true);
    const onApi = await fetch(`${running.url}/metrics`);
    expect(onApi.status).toBe(404);
    expect(await onApi.text()).not.toContain('http_requests_total');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
  });

  it("counts requests by route template, and reads the pool, the queues, the outbox backlog and the reminders' lateness", async () => {
    const tenantId = randomUUID();
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO outbox_events (id, tenant_id, type, payload, source, occurred_at) VALUES ($1, $2, 'test.metrics', '{}', 'parent-engagement', now() - interval '30 seconds')`,
        [randomUUID(), tenantId],
      );
      await client.query(
        `INSERT INTO reminders (id, tenant_id, kind, recipient_id, subject_type, subject_id, due_at) VALUES ($1, $2, 'test', $3, 'test', $4, now() - interval '90 seconds')`,
        [randomUUID(), tenantId, randomUUID(), randomUUID()],
      );
    } finally {
      await client.end();
    }
    const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const healthAnswered = (text: string) =>
      sample(text, 'http_requests_total', { service: 'parent-engagement', mode: 'api', method: 'GET', route: '/health', status: '200' }) ??
      0;
    const healthTimed = (text: string) => sample(text, 'http_request_duration_seconds_count', { route: '/health', status: '200' }) ?? 0;
    const before = await scrape();
    for (let i = 0; i < 3; i++) expect((await fetch(`${running.url}/health`)).status).toBe(200);
    const pupil = await fetch(`${running.url}/families/${randomUUID()}`);
    expect(pupil.status).toBeGreaterThanOrEqual(400);

    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();

    expect(healthAnswered(text) - healthAnswered(before)).toBe(3);
    expect(healthTimed(text) - healthTimed(before)).toBe(3);
    expect(sample(text, 'http_request_duration_seconds_bucket', { route: '/health', le: '+Inf' })).toBe(healthTimed(text));
    expect(text).not.toMatch(/route="\/families\/[0-9a-f-]{36}"/);
    expect(sample(text, 'pg_pool_max_connections')).toBe(10);
    expect(sample(text, 'pg_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'pg_pool_waiting_clients')).toBe(0);
    expect(sample(text, 'bullmq_queue_jobs', { queue: 'reminders.parent-engagement', state: 'waiting' })).toBe(0);
    expect(sample(text, 'bullmq_queue_lag_seconds', { queue: 'reminders.parent-engagement' })).toBe(0);
    expect(sample(text, 'outbox_backlog_events')).toBe(1);
    expect(sample(text, 'outbox_oldest_unsent_seconds')).toBeGreaterThanOrEqual(30);
    expect(sample(text, 'reminders_overdue')).toBe(1);
    expect(sample(text, 'reminders_lateness_seconds')).toBeGreaterThanOrEqual(90);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });
});

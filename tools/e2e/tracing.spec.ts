/**
 * Issue 20's traces, end to end: the whole system started with OTEL_EXPORTER_OTLP_ENDPOINT pointing
 * at an OTLP/HTTP receiver this spec runs (the exporter posts JSON to /v1/traces). A "browser" call
 * carries a traceparent of its own, so that the spec knows the trace id to look for; the trace must
 * then follow the request through the gateway and the service to the email, across the outbox,
 * the relay, the event queue and the reminder queue, every span a child of the one before.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_ACCOUNTS } from '@tutti/seeds';
import { waitFor } from '@tutti/testing';
import { apiOf, expectStatus, mailTo, type Api } from './http';
import { startRunningSystem, type RunningSystem } from './running-system';

jest.setTimeout(120_000);

const say = (line: string) => process.stdout.write(`[tracing] ${line}\n`);
const demo = (area: string, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.area === area && candidate.key === key);
  if (!account) throw new Error(`no demo ${key} in ${area}`);
  return account;
};
const admin = demo('liverpool', 'programme_admin');
const guardian = demo('liverpool', 'guardian');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** OTLP's SpanKind numbers (JSON encoding). */
const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: OtlpAttribute[] }[];
    }[];
  }[];
}

const valueOf = (value: OtlpValue) => value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
const attributesOf = (attributes: OtlpAttribute[] = []) => Object.fromEntries(attributes.map((a) => [a.key, valueOf(a.value)]));

/** A minimal OTLP/HTTP receiver (JSON): keeps every span it is sent. */
async function startReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; requests: () => number; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  let requests = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces' || !/json/.test(request.headers['content-type'] ?? '')) {
        response.writeHead(415).end();
        return;
      }
      requests += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's trace context: a fresh trace id, and the span id the gateway's server span must name as its parent. */
function browserTrace(): { traceId: string; spanId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** The span's ancestors within its trace, nearest first (stops where a parent is missing). */
function ancestry(span: ReceivedSpan, trace: readonly ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map(trace.map((candidate) => [candidate.spanId, candidate]));
  const chain: ReceivedSpan[] = [];
  for (let parent = byId.get(span.parentSpanId); parent; parent = byId.get(parent.parentSpanId)) chain.push(parent);
  return chain;
}

/** A server span's request path (newer HTTP semantic conventions: url.path; older: http.target). */
const pathOf = (span: ReceivedSpan) => String(span.attributes['url.path'] ?? span.attributes['http.target'] ?? '');

const describeSpan = (span: ReceivedSpan) => `${span.service}: ${span.name} (kind ${span.kind})`;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let system: RunningSystem;
let api: Api;
let adminToken: string;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  receiver = await startReceiver();
  const tracingEnv = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' };
  for (const [name, value] of Object.entries(tracingEnv)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value; // the services' processes inherit this process's environment
  }
  system = await startRunningSystem({ log: process.env.TUTTI_E2E_VERBOSE ? say : undefined });
  api = apiOf(system.baseUrl);
  adminToken = await system.signIn(admin.email);
}, 300_000); // about 60 s on a quiet machine; other helpers' benches may share its 2 cores

afterAll(async () => {
  await system?.stop();
  await receiver?.close();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}, 60_000);

/** Waits until the trace holds a span matching `find`, and answers the trace's spans as received so far. */
async function spanOf(traceId: string, description: string, find: (span: ReceivedSpan) => boolean): Promise<ReceivedSpan> {
  return waitFor(async () => receiver.spans.find((span) => span.traceId === traceId && find(span)), {
    timeoutMs: 20_000,
    intervalMs: 100,
    description: `a span in trace ${traceId}: ${description}`,
  });
}

const traceOf = (traceId: string) => receiver.spans.filter((span) => span.traceId === traceId);

/**
 * The span's ancestors up to the browser's span, nearest first. A parent ends after its child, so it
 * may reach the receiver in a later export: wait for the whole chain (a broken one is answered as
 * far as it goes after 20 s, for the assertions to show).
 */
async function chainToBrowser(span: ReceivedSpan, browserSpanId: string): Promise<ReceivedSpan[]> {
  const chain = () => ancestry(span, traceOf(span.traceId));
  return waitFor(async () => (chain().at(-1)?.parentSpanId === browserSpanId ? chain() : undefined), {
    timeoutMs: 20_000,
    intervalMs: 100,
    description: `the spans from ${span.name} up to the browser's`,
  }).catch(() => chain());
}

describe('one trace follows a request to the email', () => {
  const title = `Traced Gala ${randomUUID().slice(0, 8)}`;
  const startsAt = new Date(Math.ceil(Date.now() / DAY) * DAY + 21 * DAY + 18 * HOUR);
  const pickupAt = new Date(startsAt.getTime() - 90 * 60_000);
  let performanceId: string;

  it('a booking: browser → gateway → parent-engagement → reminder job → reminder worker → SMTP', async () => {
    const venue = expectStatus(
      await api<{ id: string }>('POST', '/api/performance-event/venues', {
        token: adminToken,
        body: { name: `Hall ${title}`, kind: 'concert_hall', address: 'Hope Street, Liverpool L1 9BP', capacity: 800 },
      }),
      201,
    );
    const draft = expectStatus(
      await api<{ id: string }>('POST', '/api/performance-event/performances', {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          title,
          venueId: venue.id,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
          audience: 'public',
        },
      }),
      201,
    );
    performanceId = draft.id;
    expectStatus(await api('POST', `/api/performance-event/performances/${performanceId}/publish`, { token: adminToken }), 200);
    await waitFor(
      async () => {
        const page = await api<{ items: { id: string }[] }>('GET', '/api/parent-engagement/performances?limit=100', { token: adminToken });
        return page.body.items?.some((performance) => performance.id === performanceId);
      },
      { timeoutMs: 15_000, intervalMs: 200, description: 'parent-engagement to learn of the performance' },
    );
    const run = expectStatus(
      await api<{ id: string; stops: { id: string }[] }>('POST', '/api/parent-engagement/transport-runs', {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          performanceId,
          vehicle: '53-seat coach',
          seats: 53,
          outboundDepartsAt: pickupAt.toISOString(),
          stops: [{ name: 'Faith Primary, front gate', place: 'Shaw Street, Liverpool L6', pickupAt: pickupAt.toISOString() }],
        },
      }),
      201,
    );
    const guardianToken = await system.signIn(guardian.email);
    const me = expectStatus(
      await api<{ children: { pupilId: string; canBookTransport: boolean }[] }>('GET', '/identity/me', { token: guardianToken }),
      200,
    );
    const child = me.children.find((candidate) => candidate.canBookTransport);
    if (!child) throw new Error('the demo guardian has no child whose transport they may book');

    const browser = browserTrace();
    const booking = await api<{ status: string }>('POST', '/api/parent-engagement/transport-bookings', {
      token: guardianToken,
      headers: { 'idempotency-key': randomUUID(), traceparent: browser.traceparent },
      body: { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [child.pupilId] },
    });
    expect(expectStatus(booking, 201).status).toBe('confirmed');
    await mailTo(system.mail.apiUrl, guardian.email, new RegExp(`^Przejazd zarezerwowany: ${title}$`));

    const smtp = await spanOf(browser.traceId, 'the SMTP send', (span) => span.name === 'smtp send');
    const chain = await chainToBrowser(smtp, browser.spanId);
    const trace = traceOf(browser.traceId);
    say(`booking trace ${browser.traceId}: ${[smtp, ...chain].map(describeSpan).join(' ← ')}`);
    // Nearest first: the worker's delivery, the service's server span, the gateway's hop and its server span.
    const path = chain.map((span) => [span.service, span.kind]);
    const expected: [string, number][] = [
      ['parent-engagement', KIND.consumer], // deliver reminder
      ['parent-engagement', KIND.server], // POST /transport-bookings in the service
      ['gateway', KIND.client], // proxy parent-engagement
      ['gateway', KIND.server], // POST /api/parent-engagement/transport-bookings
    ];
    expect(path).toEqual(expected);
    expect(smtp).toMatchObject({ service: 'parent-engagement', kind: KIND.client });
    expect(chain[0].name).toBe('deliver reminder');
    expect(chain[0].attributes['tutti.reminder.outcome']).toBe('sent');
    expect(chain[2].name).toBe('proxy parent-engagement');
    // Server spans are named after the route they matched (the template, not the ids).
    expect(chain[1].name).toBe('POST /transport-bookings');
    expect(chain[3].name).toBe('POST /api/parent-engagement/*');
    // The gateway continued the browser's trace: its server span is the child of the browser's span.
    expect(chain[3].parentSpanId).toBe(browser.spanId);
    // pg and ioredis spans inside the request: the booking's SQL and the reminder's job are in the trace.
    const inService = (system: string) =>
      trace.some(
        (span) => span.service === 'parent-engagement' && (span.attributes['db.system'] ?? span.attributes['db.system.name']) === system,
      );
    expect(inService('postgresql')).toBe(true);
    expect(inService('redis')).toBe(true);
  });

  it('a move: browser → gateway → performance-event → outbox → relay → parent-engagement consumer → reminder worker → SMTP', async () => {
    const current = await api('GET', `/api/performance-event/performances/${performanceId}`, { token: adminToken });
    const newStart = new Date(startsAt.getTime() + DAY);
    const browser = browserTrace();
    expectStatus(
      await api('POST', `/api/performance-event/performances/${performanceId}/move`, {
        token: adminToken,
        headers: { 'if-match': current.headers.get('etag') ?? '', traceparent: browser.traceparent },
        body: {
          startsAt: newStart.toISOString(),
          endsAt: new Date(newStart.getTime() + 2 * HOUR).toISOString(),
          reason: 'The hall flooded',
        },
      }),
      200,
    );
    await mailTo(system.mail.apiUrl, guardian.email, new RegExp(`^Zmiana terminu występu: ${title}$`));

    const smtp = await spanOf(browser.traceId, 'the SMTP send', (span) => span.name === 'smtp send');
    const chain = await chainToBrowser(smtp, browser.spanId);
    say(`move trace ${browser.traceId}: ${[smtp, ...chain].map(describeSpan).join(' ← ')}`);
    const path = chain.map((span) => [span.service, span.kind, span.name]);
    expect(path).toEqual([
      ['parent-engagement', KIND.consumer, 'deliver reminder'],
      ['parent-engagement', KIND.consumer, 'consume performance.performance.rescheduled'],
      ['performance-event', KIND.producer, 'relay performance.performance.rescheduled'],
      ['performance-event', KIND.server, 'POST /performances/:performanceId/move'],
      ['gateway', KIND.client, 'proxy performance-event'],
      ['gateway', KIND.server, 'POST /api/performance-event/*'],
    ]);
    expect(chain[5].parentSpanId).toBe(browser.spanId);
  });

  it('a call without a traceparent starts its trace at the gateway, and /health makes no trace', async () => {
    const before = receiver.spans.length;
    const answer = await api('GET', `/api/performance-event/performances/${performanceId}`, { token: adminToken });
    expect(answer.status).toBe(200);
    const root = await waitFor(
      async () =>
        receiver.spans
          .slice(before)
          .find(
            (span) =>
              span.service === 'gateway' &&
              span.kind === KIND.server &&
              pathOf(span) === `/api/performance-event/performances/${performanceId}`,
          ),
      { timeoutMs: 20_000, intervalMs: 100, description: "the gateway's server span of the GET" },
    );
    expect(root.parentSpanId).toBe('');
    const service = await spanOf(
      root.traceId,
      "performance-event's server span",
      (span) => span.service === 'performance-event' && span.kind === KIND.server,
    );
    expect(ancestry(service, traceOf(root.traceId)).map((span) => span.name)).toEqual(['proxy performance-event', root.name]);
    await fetch(`${system.baseUrl}/health`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.spans.some((span) => span.kind === KIND.server && pathOf(span).startsWith('/health'))).toBe(false);
  });
});

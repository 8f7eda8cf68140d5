import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { discoverRoutes } from '@tutti/testing';
import { createGatewayApp } from './gateway-app';
import { gatewayTestConfig } from './testing/gateway-test-config';

/** What the stand-in service saw of a proxied request. */
interface Echo {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const SERVICE_DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 'Tutti performance-event', version: '1' },
  paths: {
    '/public/things': {
      get: {
        tags: ['things'],
        responses: { 200: { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingDto' } } } } },
      },
    },
  },
  components: { schemas: { ThingDto: { type: 'object' } } },
};

/** A real HTTP server standing in for a healthy service: echoes what it was sent. */
async function startEchoService(): Promise<FastifyInstance> {
  const service = Fastify();
  service.removeAllContentTypeParsers();
  service.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  service.get('/health', async () => ({ status: 'ok', service: 'stand-in', checks: { postgres: { status: 'ok' } } }));
  service.get('/docs-json', async () => SERVICE_DOCUMENT);
  service.get('/no-content', async (_request, reply) => reply.code(204).send());
  service.all('/*', async (request, reply) => {
    const echo: Echo = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: typeof request.body === 'string' ? request.body : '',
    };
    return reply
      .code(request.method === 'POST' ? 201 : 200)
      .header('x-upstream', 'yes')
      .send(echo);
  });
  await service.listen({ port: 0, host: '127.0.0.1' });
  return service;
}

/** Accepts connections and never answers: a service that hangs. */
async function startSilentService(): Promise<{ server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, sockets };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const urlOf = (port: number) => `http://127.0.0.1:${port}`;

describe('gateway', () => {
  let echo: FastifyInstance;
  let silent: { server: Server; sockets: Set<Socket> };
  let app: NestFastifyApplication;
  let base: string;
  let databaseUrl: string;
  const areaId = '01938f1e-0000-7000-8000-00000000a001';

  beforeAll(async () => {
    echo = await startEchoService();
    silent = await startSilentService();
    const echoUrl = urlOf((echo.server.address() as AddressInfo).port);
    const config = await gatewayTestConfig({
      PERFORMANCE_EVENT_URL: echoUrl,
      INSTRUMENT_LOAN_URL: echoUrl,
      SCHEDULING_URL: urlOf(await closedPort()),
      PARENT_ENGAGEMENT_URL: urlOf((silent.server.address() as AddressInfo).port),
      PROXY_TIMEOUT_MS: '500',
    });
    databaseUrl = config.DATABASE_URL;
    app = await createGatewayApp(config);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    // The stand-in that never answers goes first: with it still holding connections, closing the
    // gateway sometimes waited past the hook's 60 s (cause not pinned down; see the commit).
    // Stop listening first, then drop its connections: the gateway keeps probing its upstreams, and a
    // connection accepted between dropping and closing kept close() waiting (CI, 2026-12-04).
    const silentClosed = new Promise((resolve) => silent?.server.close(resolve));
    silent?.sockets.forEach((socket) => socket.destroy());
    await silentClosed;
    await app?.close();
    await echo?.close();
  });

  it('declares an access policy on every route of its own', () => {
    const routes = discoverRoutes(app);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(['GET /areas', 'GET /health', 'POST /auth/sign-in']),
    );
    expect(routes.filter((route) => !route.policy)).toEqual([]);
  });

  describe('proxy', () => {
    it('forwards a GET with its query string, stripping /api/<service>', async () => {
      const response = await fetch(`${base}/api/performance-event/public/areas/${areaId}/performances?limit=5&cursor=abc`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-upstream')).toBe('yes');
      const seen = (await response.json()) as Echo;
      expect(seen.method).toBe('GET');
      expect(seen.url).toBe(`/public/areas/${areaId}/performances?limit=5&cursor=abc`);
    });

    it('forwards the bare service prefix as /', async () => {
      const seen = (await (await fetch(`${base}/api/performance-event?x=1`)).json()) as Echo;
      expect(seen.url).toBe('/?x=1');
    });

    it('streams a POST body through unparsed, with its content type, and passes the status back', async () => {
      const body = JSON.stringify({ title: 'Summer concert', seats: 50, nested: { ok: true } });
      const response = await fetch(`${base}/api/instrument-loan/loans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(201);
      const seen = (await response.json()) as Echo;
      expect(seen.method).toBe('POST');
      expect(seen.url).toBe('/loans');
      expect(seen.body).toBe(body);
      expect(seen.headers['content-type']).toBe('application/json');
    });

    it('passes bodies of any content type, including ones the gateway has no parser for', async () => {
      const response = await fetch(`${base}/api/instrument-loan/imports`, {
        method: 'PUT',
        headers: { 'content-type': 'text/csv' },
        body: 'serial,size\nV-1,1/2\n',
      });
      expect(((await response.json()) as Echo).body).toBe('serial,size\nV-1,1/2\n');
    });

    it('refuses a body over 1 MiB with 413 before reaching the service', async () => {
      const response = await fetch(`${base}/api/instrument-loan/loans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(1024 * 1024 + 1),
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it('streams a chunked body (no Content-Length) through, and cuts one off past 1 MiB', async () => {
      const chunked = (text: string) => ({
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: new Blob([text]).stream(),
        duplex: 'half' as const,
      });
      const small = await fetch(`${base}/api/instrument-loan/notes`, chunked('streamed, not parsed'));
      expect(((await small.json()) as Echo).body).toBe('streamed, not parsed');
      const large = await fetch(`${base}/api/instrument-loan/notes`, chunked('x'.repeat(1024 * 1024 + 1)));
      expect(large.status).toBe(413);
    });

    it('strips an x-tutti-identity header sent by the caller', async () => {
      const seen = (await (
        await fetch(`${base}/api/performance-event/me`, { headers: { 'x-tutti-identity': 'forged.identity.token' } })
      ).json()) as Echo;
      expect(seen.headers['x-tutti-identity']).toBeUndefined();
    });

    it('forwards the caller’s request id and echoes it back', async () => {
      const response = await fetch(`${base}/api/performance-event/ping`, { headers: { 'x-request-id': 'test-request-0001' } });
      expect(response.headers.get('x-request-id')).toBe('test-request-0001');
      expect(((await response.json()) as Echo).headers['x-request-id']).toBe('test-request-0001');
    });

    it('makes up a request id when there is none, the same one upstream and back', async () => {
      const response = await fetch(`${base}/api/performance-event/ping`);
      const seen = (await response.json()) as Echo;
      expect(seen.headers['x-request-id']).toMatch(/^[\w-]{8,64}$/);
      expect(response.headers.get('x-request-id')).toBe(seen.headers['x-request-id']);
    });

    it('tells the service who called and how', async () => {
      const seen = (await (await fetch(`${base}/api/performance-event/ping`)).json()) as Echo;
      expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(seen.headers['x-forwarded-proto']).toBe('http');
      expect(seen.headers['x-forwarded-host']).toBe(new URL(base).host);
    });

    it('passes on no client address the caller wrote: it trusts no proxy unless TRUSTED_PROXIES names one', async () => {
      const seen = (await (
        await fetch(`${base}/api/performance-event/ping`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
      ).json()) as Echo;
      expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    });

    it('puts the API security headers on proxied answers', async () => {
      const response = await fetch(`${base}/api/performance-event/ping`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    });

    it('passes a 204 back without a body', async () => {
      const response = await fetch(`${base}/api/performance-event/no-content`);
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
    });

    it('answers 503 problem+json at once when a service is down', async () => {
      const started = Date.now();
      const response = await fetch(`${base}/api/scheduling/schools?limit=5`);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({
        title: 'Service Unavailable',
        status: 503,
        detail: 'The scheduling service is not answering; try again shortly.',
        service: 'scheduling',
      });
    });

    it('answers 503 when a service accepts the connection but does not answer in time', async () => {
      const started = Date.now();
      const response = await fetch(`${base}/api/parent-engagement/bookings`);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 503, service: 'parent-engagement' });
    });

    it('answers 404 problem+json for a service that does not exist', async () => {
      const response = await fetch(`${base}/api/payroll/staff`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { detail: string }).detail).toContain('payroll');
    });
  });

  describe('/health', () => {
    it('reports every service by name, and 503 while one is down', async () => {
      const started = Date.now();
      const response = await fetch(`${base}/health`);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(503);
      const report = (await response.json()) as { status: string; services: Record<string, { status: string; error?: string }> };
      expect(report.status).toBe('error');
      expect(Object.keys(report.services).sort()).toEqual([
        'gateway',
        'instrument-loan',
        'parent-engagement',
        'performance-event',
        'scheduling',
      ]);
      expect(report.services.gateway).toMatchObject({ status: 'ok', checks: { postgres: { status: 'ok' }, redis: { status: 'ok' } } });
      expect(report.services['performance-event']).toMatchObject({ status: 'ok', checks: { postgres: { status: 'ok' } } });
      expect(report.services.scheduling).toMatchObject({ status: 'error', error: expect.stringContaining('not answering') });
      expect(report.services['parent-engagement']).toMatchObject({ status: 'error', error: expect.stringContaining('not answering') });
    });
  });

  describe('/docs-json', () => {
    it('merges the services it can reach under /api/<service> and names those it cannot', async () => {
      const response = await fetch(`${base}/docs-json`);
      expect(response.status).toBe(200);
      const document = (await response.json()) as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
        'x-unavailable-services': string[];
      };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/areas', '/health', '/api/performance-event/public/things', '/api/instrument-loan/public/things']),
      );
      expect(Object.keys(document.components.schemas)).toEqual(
        expect.arrayContaining(['AreaPageDto', 'performance-event.ThingDto', 'instrument-loan.ThingDto']),
      );
      expect(document['x-unavailable-services'].sort()).toEqual(['parent-engagement', 'scheduling']);
    });

    it('shows Swagger UI at /docs with its assets', async () => {
      const page = await fetch(`${base}/docs`);
      expect(page.headers.get('content-type')).toContain('text/html');
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain("default-src 'none'");
      expect(await page.text()).toContain('/docs/swagger-ui-bundle.js');
      expect((await fetch(`${base}/docs/swagger-ui-bundle.js`)).status).toBe(200);
      expect((await fetch(`${base}/docs/tutti-swagger-init.js`)).status).toBe(200);
    });
  });

  describe('/areas', () => {
    const tenantId = '01938f1e-0000-7000-8000-0000000a7ea1';

    beforeAll(async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(
        `INSERT INTO tenants (id, slug, name, weekly_provision_target_minutes, family_transport_seat_limit)
         VALUES ($1, 'gateway-spec-area', 'Gateway Spec Area', 270, 4) ON CONFLICT (id) DO NOTHING`,
        [tenantId],
      );
      await client.end();
    });

    afterAll(async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query('DELETE FROM tenants WHERE id = $1', [tenantId]);
      await client.end();
    });

    it('lists programme areas publicly with id, slug and name only', async () => {
      const response = await fetch(`${base}/areas?limit=100`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: Record<string, unknown>[] };
      expect(page.items).toContainEqual({ id: tenantId, slug: 'gateway-spec-area', name: 'Gateway Spec Area' });
    });
  });

  describe('web app', () => {
    it('serves a placeholder page while no web app is built, for any page path', async () => {
      for (const path of ['/', '/timetable/week']) {
        const response = await fetch(`${base}${path}`);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('the web app has not been built yet');
      }
    });

    it('does not answer the gateway’s own paths with the web app', async () => {
      expect((await fetch(`${base}/health/anything`)).status).toBe(404);
    });
  });
});

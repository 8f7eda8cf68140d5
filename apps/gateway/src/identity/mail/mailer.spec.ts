/**
 * The gateway's SMTP hop in a trace (issue 20): an invitation or a password reset is mailed in a
 * client span of the request that asked for it, as parent-engagement's reminders are, so that the
 * trace goes on past the gateway to the mail server. The tracer provider is registered as
 * start-tracing registers it (AsyncLocalStorage context), with an in-memory exporter; the request's
 * server span, which the HTTP instrumentation opens in a running gateway, is opened here around the
 * injected request.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { SpanKind } from '@tutti/platform';
import { mailTo, waitFor } from '@tutti/testing';
import type { IdentityConfig } from '../config/identity-config';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestTenant } from '../testing/identity-fixtures';
import { randomIp } from '../testing/random-ip';
import { Mailer } from './mailer';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

/** A port of 127.0.0.1 nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the gateway’s mail in the request’s trace', () => {
  let t: IdentityTestApp;
  let tenant: TestTenant;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    provider.register();
    t = await startIdentityTestApp();
    tenant = await t.fixtures.tenant();
    const admin = await t.fixtures.account(tenant, { displayName: 'Priya Admin', grants: [{ role: 'programme_admin' }] });
    adminHeaders = await t.fixtures.bearer(admin);
  });
  afterEach(() => exporter.reset());
  afterAll(async () => {
    await t?.close();
    await provider.shutdown();
    trace.disable();
  });

  /** Runs the request in a server span, as the HTTP instrumentation does; answers the status and that span. */
  async function inRequestSpan(name: string, request: () => Promise<{ statusCode: number }>) {
    return trace.getTracer('spec').startActiveSpan(name, { kind: SpanKind.SERVER }, async (span) => {
      try {
        return { statusCode: (await request()).statusCode, traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
      } finally {
        span.end();
      }
    });
  }

  /** The SMTP span of a trace, once it has ended (the send runs after the answer). */
  const smtpSpanOf = (traceId: string): Promise<ReadableSpan> =>
    waitFor(() => exporter.getFinishedSpans().find((span) => span.name === 'smtp send' && span.spanContext().traceId === traceId), {
      timeoutMs: 10_000,
      intervalMs: 50,
      description: `the smtp send span of trace ${traceId}`,
    });

  function expectSmtpChildOf(span: ReadableSpan, request: { traceId: string; spanId: string }): void {
    expect({
      traceId: span.spanContext().traceId,
      parent: span.parentSpanContext?.spanId,
      kind: span.kind,
      attributes: span.attributes,
      status: span.status.code,
    }).toEqual({
      traceId: request.traceId,
      parent: request.spanId,
      kind: SpanKind.CLIENT,
      attributes: { 'network.protocol.name': 'smtp' },
      status: SpanStatusCode.UNSET,
    });
  }

  it('a password reset’s mail is an SMTP client span, child of the request’s span, ended once the mail is sent', async () => {
    const person = await t.fixtures.account(tenant, { displayName: 'Ana Popescu' });
    const request = await inRequestSpan('POST /auth/password-reset', () =>
      t.app.inject({
        method: 'POST',
        url: '/auth/password-reset',
        remoteAddress: randomIp(),
        payload: { area: tenant.slug, email: person.email },
      }),
    );
    expect(request.statusCode).toBe(202);
    expectSmtpChildOf(await smtpSpanOf(request.traceId), request);
    await mailTo(person.email);
  });

  it('an invitation’s mail likewise', async () => {
    const email = `invitee-${randomBytes(4).toString('hex')}@example.org`;
    const request = await inRequestSpan('POST /identity/accounts', () =>
      t.app.inject({ method: 'POST', url: '/identity/accounts', headers: adminHeaders, payload: { email, displayName: 'Marta Nowak' } }),
    );
    expect(request.statusCode).toBe(201);
    expectSmtpChildOf(await smtpSpanOf(request.traceId), request);
    await mailTo(email);
  });

  it('a send that fails ends its span marked as an error, with the exception recorded, and rejects', async () => {
    // The spec's configuration, but for the SMTP server: one that refuses the connection.
    const config = Object.assign(Object.create(t.config) as IdentityConfig, { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` });
    const mailer = new Mailer(config);
    try {
      const request = await inRequestSpan('POST /auth/password-reset', async () => {
        await expect(mailer.send({ to: 'nobody@example.org', subject: 'Reset', text: 'Reset', html: '<p>Reset</p>' })).rejects.toThrow(
          /ECONNREFUSED/,
        );
        return { statusCode: 202 };
      });
      const span = await smtpSpanOf(request.traceId);
      expect(span.parentSpanContext?.spanId).toBe(request.spanId);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.status.message).toMatch(/ECONNREFUSED/);
      expect(span.events.map((event) => event.name)).toEqual(['exception']);
    } finally {
      mailer.onModuleDestroy();
    }
  });
});

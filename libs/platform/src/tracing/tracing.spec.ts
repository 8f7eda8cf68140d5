import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { serviceNameOf, tracingEndpointOf } from './preload';
import { bindToCurrentContext, currentTraceparent, SpanKind, withSpan } from './trace-context';

describe('tracing, before a provider is registered (tracing off)', () => {
  it('has no traceparent to carry, and withSpan only runs the work', async () => {
    expect(currentTraceparent()).toBeUndefined();
    await expect(withSpan('work', {}, async () => currentTraceparent() ?? 'none')).resolves.toBe('none');
  });
});

describe('which process is traced', () => {
  it('a service, by OTEL_SERVICE_NAME or its entry point (TypeScript or the image)', () => {
    expect(serviceNameOf({}, '/repo/apps/parent-engagement/src/main.ts')).toBe('parent-engagement');
    expect(serviceNameOf({}, '/app/dist/apps/gateway/src/main.js')).toBe('gateway');
    expect(serviceNameOf({ OTEL_SERVICE_NAME: 'gateway-canary' }, '/repo/apps/gateway/src/main.ts')).toBe('gateway-canary');
  });

  it('not a tool, a migration or a test run', () => {
    expect(serviceNameOf({}, '/repo/tools/db/migrate.ts')).toBeUndefined();
    expect(serviceNameOf({}, '/repo/apps/scheduling/src/migrate.ts')).toBeUndefined();
    expect(serviceNameOf({}, undefined)).toBeUndefined();
  });

  it('only with an endpoint, and not when the SDK is disabled', () => {
    expect(tracingEndpointOf({})).toBeUndefined();
    expect(tracingEndpointOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe('http://127.0.0.1:4318');
    expect(tracingEndpointOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toBe('http://c:4318/v1/traces');
    expect(tracingEndpointOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
  });
});

describe('spans and the traceparent they carry (tracing on)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  beforeAll(() => provider.register());
  afterEach(() => exporter.reset());
  afterAll(() => provider.shutdown());

  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const stored = `00-${traceId}-00f067aa0ba902b7-01`;

  it('continues a stored traceparent: same trace, the stored span as parent, and its own traceparent inside', async () => {
    const inside = await withSpan('consume x', { kind: SpanKind.CONSUMER, parent: stored, attributes: { a: 1 } }, async () =>
      currentTraceparent(),
    );
    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.attributes).toEqual({ a: 1 });
    expect(inside).toBe(`00-${traceId}-${span.spanContext().spanId}-01`);
  });

  it('nests under the active span without a stored one, and work bound to a context runs in it later', async () => {
    let later: (() => string | undefined) | undefined;
    await withSpan('outer', {}, async () => {
      await withSpan('inner', {}, async () => undefined);
      later = bindToCurrentContext(() => currentTraceparent());
    });
    expect(currentTraceparent()).toBeUndefined();
    const [inner, outer] = exporter.getFinishedSpans();
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(later?.()).toContain(outer.spanContext().spanId);
  });

  it('marks a failed span and rethrows', async () => {
    await expect(
      withSpan('smtp send', {}, async () => {
        throw new Error('550 mailbox unavailable');
      }),
    ).rejects.toThrow('550 mailbox unavailable');
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: '550 mailbox unavailable' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });
});

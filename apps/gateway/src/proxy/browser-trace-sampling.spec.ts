/**
 * The gateway's API samples by trace id (docker/k8s: OTEL_TRACES_SAMPLER=traceidratio from
 * GATEWAY_OTEL_TRACES_SAMPLER), because the web app sends every request with a traceparent whose
 * sampled flag is set (apps/web/src/api/trace-context.ts). Here, the SDK configured from those
 * variables as the gateway's tracing (libs/platform/src/tracing/start-tracing.ts) configures it: a
 * browser's traceparent is continued (same trace id, the browser's span id as parent) and about the
 * ratio of such traces is kept, each by its trace id; with the services' parentbased_traceidratio
 * every one would be, which is why the gateway does not use it.
 */
import { randomBytes } from 'node:crypto';
import { context, propagation, trace, TraceFlags, type Span } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SamplingDecision,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';

const RATIO = 0.25;
const REQUESTS = 400;

function browserTraceparent(): { traceId: string; spanId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** A tracer provider built as start-tracing builds it, its sampler read from OTEL_TRACES_SAMPLER(_ARG). */
function providerWith(sampler: string): { provider: NodeTracerProvider; exporter: InMemorySpanExporter } {
  const saved = { sampler: process.env.OTEL_TRACES_SAMPLER, ratio: process.env.OTEL_TRACES_SAMPLER_ARG };
  process.env.OTEL_TRACES_SAMPLER = sampler;
  process.env.OTEL_TRACES_SAMPLER_ARG = String(RATIO);
  try {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register(); // W3C traceparent propagation, as the gateway registers it
    return { provider, exporter };
  } finally {
    for (const [name, value] of [
      ['OTEL_TRACES_SAMPLER', saved.sampler],
      ['OTEL_TRACES_SAMPLER_ARG', saved.ratio],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The gateway's server span for a request carrying `traceparent`. */
function serverSpan(provider: NodeTracerProvider, traceparent: string): Span {
  const parent = propagation.extract(context.active(), { traceparent });
  const span = provider.getTracer('gateway').startSpan('GET /api/parent-engagement/performances', {}, parent);
  span.end();
  return span;
}

afterEach(() => {
  trace.disable();
  propagation.disable();
  context.disable();
});

describe("the gateway's sampling of the browser's traces", () => {
  it('traceidratio: continues each browser trace and keeps those its trace id selects, about the ratio', async () => {
    const { provider, exporter } = providerWith('traceidratio');
    const reference = new TraceIdRatioBasedSampler(RATIO);
    const requests = Array.from({ length: REQUESTS }, browserTraceparent);
    for (const browser of requests) {
      const span = serverSpan(provider, browser.traceparent);
      expect(span.spanContext().traceId).toBe(browser.traceId);
      const selected = reference.shouldSample(context.active(), browser.traceId).decision === SamplingDecision.RECORD_AND_SAMPLED;
      expect({ traceId: browser.traceId, sampled: (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0 }).toEqual({
        traceId: browser.traceId,
        sampled: selected,
      });
    }
    const kept = exporter.getFinishedSpans();
    for (const span of kept) {
      const browser = requests.find((request) => request.traceId === span.spanContext().traceId);
      expect(span.parentSpanContext?.spanId).toBe(browser?.spanId);
    }
    // 400 draws at 0.25: 100 expected; 60..140 is beyond 4 standard deviations (8.7) either way.
    expect(kept.length).toBeGreaterThan(60);
    expect(kept.length).toBeLessThan(140);
    await provider.shutdown();
  });

  it('parentbased_traceidratio would keep every one of them (the browser always sets the flag)', async () => {
    const { provider, exporter } = providerWith('parentbased_traceidratio');
    for (let request = 0; request < 50; request += 1) serverSpan(provider, browserTraceparent().traceparent);
    expect(exporter.getFinishedSpans()).toHaveLength(50);
    await provider.shutdown();
  });
});

/**
 * OpenTelemetry for one service process, started before anything it instruments is loaded (see
 * `preload.ts`). This file (and the SDK) is loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set:
 * without it a service runs with the API's no-op tracer, and `withSpan` costs a function call.
 * Not exported from the platform's index, for that reason.
 *
 * Spans go to an OTLP/HTTP receiver (an OpenTelemetry Collector, Jaeger's OTLP port 4318) as JSON,
 * batched. Instrumented: HTTP in and out (the server span of every request; /health and /metrics
 * are left out), PostgreSQL (pg) and Redis (ioredis) — both only inside a trace, so that BullMQ's
 * polling and the relay's idle ticks make no traces of their own. The gateway's proxy, the outbox,
 * the relay, the event consumer, the reminder worker and the SMTP send add spans of their own and
 * carry the W3C trace context across their asynchronous hops (`trace-context.ts`).
 */
import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingSettings {
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:4318 (the exporter appends /v1/traces). */
  endpoint: string;
}

export interface Tracing {
  /** Exports what is still buffered; called before a normal exit. */
  shutdown(): Promise<void>;
}

/** Paths whose requests make no trace: probes and scrapes would drown the rest. */
const UNTRACED_PATHS = ['/health', '/metrics'];

export function startTracing(settings: TracingSettings): Tracing {
  // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and _TRACES_ENDPOINT, _HEADERS) itself; the
  // batch processor OTEL_BSP_SCHEDULE_DELAY and friends.
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // W3C traceparent/tracestate and baggage propagation, AsyncLocalStorage context.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.some((path) => request.url?.startsWith(path)),
        // Outgoing HTTP only inside a trace (the exporter's own requests are never traced).
        requireParentforOutgoingSpans: true,
      }),
      // Queries, not pool check-outs (a span each, and nothing to learn from them in a trace).
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false, ignoreConnectSpans: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });

  let stopping: Promise<void> | undefined;
  const shutdown = () => (stopping ??= provider.shutdown().catch(() => undefined));
  // No signal handlers here: one would keep SIGTERM from ending a process whose Nest app has no
  // shutdown hooks. Spans of the last OTEL_BSP_SCHEDULE_DELAY (5 s by default) may go with a kill.
  process.once('beforeExit', () => void shutdown());
  return { shutdown };
}

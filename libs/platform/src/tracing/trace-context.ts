import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

/**
 * Spans of Tutti's own (the proxy hop, the outbox, the relay, the consumer, the reminder worker,
 * SMTP) and the W3C `traceparent` that carries a trace across the hops no instrumentation sees: an
 * outbox row, a BullMQ job, a reminder row. Everything here goes through @opentelemetry/api, which
 * is a no-op until `startTracing` registers a provider: then `currentTraceparent()` is undefined
 * and a span is a call through.
 */
const tracer = () => trace.getTracer('tutti');

export { SpanKind };

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /**
   * The traceparent the work continues (read from an event, a job or a row): the span becomes its
   * child. Without one (or when it is null), the span is a child of the active one, if any.
   */
  parent?: string | null;
}

/** The active span's W3C traceparent (`00-<trace id>-<span id>-<flags>`), to store with work that continues elsewhere. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** Adds the active trace context's headers (traceparent, tracestate) to outgoing ones. */
export function injectTraceHeaders(headers: Record<string, string | string[]>): void {
  propagation.inject(context.active(), headers);
}

/** Runs `work` in a span of its own, ended when it settles; an error marks the span and is rethrown. */
export async function withSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ? propagation.extract(ROOT_CONTEXT, { traceparent: options.parent }) : context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error: unknown) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Sending one email over SMTP, as a client span of the trace it belongs to (the gateway's mail and the families'). */
export function withSmtpSpan<T>(work: () => Promise<T>): Promise<T> {
  return withSpan('smtp send', { kind: SpanKind.CLIENT, attributes: { 'network.protocol.name': 'smtp' } }, work);
}

/** `work` bound to the trace context active now, to run later in it (after a commit, from a batch). */
export function bindToCurrentContext<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R {
  return context.bind(context.active(), work);
}

/**
 * Names the active server span after the route it matched (`POST /transport-bookings`, the
 * template, not the ids) and records http.route: the HTTP instrumentation knows only the method.
 */
export function nameServerSpan(method: string, route: string | undefined): void {
  if (!route) return;
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.updateName(`${method} ${route}`);
  span.setAttribute('http.route', route);
}

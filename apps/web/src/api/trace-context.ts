/**
 * The W3C trace context (https://www.w3.org/TR/trace-context/) the app sends with each API request,
 * so that the gateway's server span continues a trace the browser started: a fresh trace id and
 * span id per request, from crypto.getRandomValues.
 *
 * Not the OpenTelemetry web SDK: the parent's first visit loads about 37 kB of JavaScript (gzip),
 * a budget that is measured; the SDK would more than double it to write one header. The browser
 * records no span: its span id only names the parent the gateway's span points to.
 *
 * The sampled flag is set: the browser asks for the trace and the services decide. Locally the
 * services' default sampler (parentbased_always_on) records every such request; in production the
 * gateway samples by trace id (OTEL_TRACES_SAMPLER=traceidratio, docker/k8s) and so ignores this
 * flag, and the services behind it follow the gateway's decision (parentbased_traceidratio).
 */

const VERSION = '00';
const SAMPLED = '01';

/** Fills the array with random bytes (crypto.getRandomValues; a spec may pass its own). */
export type RandomFill = (array: Uint8Array<ArrayBuffer>) => unknown;

/** `bytes` random bytes as lowercase hex, never all zeros (an all-zero id is invalid). */
function randomHex(bytes: number, random: RandomFill): string {
  for (;;) {
    const values = new Uint8Array(bytes);
    random(values);
    if (values.some((value) => value !== 0)) return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
  }
}

/** A `traceparent` value for one request: version 00, a new trace id and span id, sampled. */
export function newTraceparent(random: RandomFill = (array) => crypto.getRandomValues(array)): string {
  return `${VERSION}-${randomHex(16, random)}-${randomHex(8, random)}-${SAMPLED}`;
}

/** The shape the gateway accepts (version 00): 32 and 16 lowercase hex digits, neither all zeros, and the flags. */
export const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

import type { IncomingHttpHeaders } from 'node:http';
import { IDENTITY_HEADER } from '@tutti/auth';
import { REQUEST_ID_HEADER } from '@tutti/platform';

export type OutgoingHeaders = Record<string, string | string[]>;

/** Headers that describe one connection (RFC 9110 §7.6.1), never forwarded across a hop. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

/**
 * Never taken from the caller: `host` is the upstream's, `expect` is answered by this hop, the
 * forwarding headers are rebuilt below, only the gateway may mint an identity token, and the trace
 * context is the gateway's own span (a child of the caller's traceparent), injected by the proxy.
 */
const REPLACED_ON_REQUEST = new Set([
  'host',
  'expect',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'traceparent',
  'tracestate',
  REQUEST_ID_HEADER,
  IDENTITY_HEADER,
]);

export interface Forwarding {
  requestId: string;
  /**
   * The caller's address as this gateway judges it: its socket's peer, or what a trusted proxy
   * (TRUSTED_PROXIES) forwarded. It is the whole `x-forwarded-for` the service sees, so that an
   * address a caller wrote into the header never reaches a service as if a proxy had vouched for it.
   */
  client: string | undefined;
  protocol: 'http' | 'https';
  host: string | undefined;
}

/** The caller's headers as the upstream should see them. */
export function upstreamRequestHeaders(incoming: IncomingHttpHeaders, forwarding: Forwarding): OutgoingHeaders {
  const dropped = connectionTokens(incoming.connection);
  const headers: OutgoingHeaders = {};
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || HOP_BY_HOP.has(name) || REPLACED_ON_REQUEST.has(name) || dropped?.has(name)) continue;
    headers[name] = value;
  }
  headers['x-forwarded-for'] = forwarding.client ?? 'unknown';
  headers['x-forwarded-proto'] = forwarding.protocol;
  if (forwarding.host) headers['x-forwarded-host'] = forwarding.host;
  headers[REQUEST_ID_HEADER] = forwarding.requestId;
  return headers;
}

/** The upstream's response headers as the caller should see them. */
export function downstreamResponseHeaders(upstream: IncomingHttpHeaders): OutgoingHeaders {
  const dropped = connectionTokens(upstream.connection);
  const headers: OutgoingHeaders = {};
  for (const name in upstream) {
    const value = upstream[name];
    if (value === undefined || HOP_BY_HOP.has(name) || dropped?.has(name)) continue;
    headers[name] = value;
  }
  return headers;
}

/** Extra hop-by-hop headers a sender named in `Connection` (rare: usually only keep-alive or close). */
function connectionTokens(connection: string | string[] | undefined): Set<string> | undefined {
  if (connection === undefined) return undefined;
  const tokens = (Array.isArray(connection) ? connection.join(',') : connection)
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '' && token !== 'keep-alive' && token !== 'close');
  return tokens.length > 0 ? new Set(tokens) : undefined;
}

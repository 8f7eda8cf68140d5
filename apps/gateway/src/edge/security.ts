import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { REQUEST_ID_HEADER } from '@tutti/platform';
import type { GatewayConfig } from '../config';

/**
 * On every answer, JSON included (the gateway's own API and every proxied one): nothing may run,
 * frame or sniff it. Pages (web app, Swagger UI) replace these with helmet's set, see page-security.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** Security headers on every response and CORS for the configured origins only. */
export async function registerEdgeSecurity(fastify: FastifyInstance, config: GatewayConfig): Promise<void> {
  const headers = Object.entries(API_SECURITY_HEADERS);
  // Constant headers, set once per request; set on the raw response so that a page's helmet hook, which runs later, wins.
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  const origins = config.corsOrigins;
  if (origins.length > 0) {
    await fastify.register(fastifyCors, {
      origin: origins,
      credentials: true,
      exposedHeaders: [REQUEST_ID_HEADER, 'retry-after', 'etag', 'location'],
      maxAge: 600,
    });
  }
}

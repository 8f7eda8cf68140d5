import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { Readable } from 'node:stream';
import type { Dispatcher, Pool } from 'undici';
import { injectTraceHeaders, SpanKind, withSpan } from '@tutti/platform';
import type { ProxiedService } from '../config';
import type { Upstreams } from '../upstreams/upstreams';
import { isBodyTooLarge, passThroughBody } from './body-passthrough';
import { attachIdentityToken, type IdentityHook } from './identity-hook';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers';
import { reasonOf, sendProblem } from './upstream-problem';

export interface ProxyPluginOptions {
  upstreams: Upstreams;
  services: readonly ProxiedService[];
  bodyLimitBytes: number;
  attachIdentity?: IdentityHook;
}

const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const RETRY_AFTER_SECONDS = '5';

/**
 * `/api/<service>/...` → `<service URL>/...`, as raw Fastify routes outside Nest's pipeline. Being
 * an encapsulated plugin, its body parsers (none: bodies stream through) and error handler apply
 * to these routes only.
 */
export async function proxyPlugin(fastify: FastifyInstance, options: ProxyPluginOptions): Promise<void> {
  const logger = new Logger('Proxy');
  const attachIdentity = options.attachIdentity ?? attachIdentityToken;

  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', passThroughBody(options.bodyLimitBytes));
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const status = isClientError(error) ? error.statusCode : 500;
    if (status === 500) logger.error({ err: error, requestId: request.id }, 'proxy failed');
    return sendProblem(
      request,
      reply,
      status,
      status === 500 ? `Something went wrong on our side. Quote request id ${request.id} if you report it.` : error.message,
    );
  });

  for (const service of options.services) {
    const prefix = `/api/${service}`;
    const handler = forwardTo(service, prefix.length, options.upstreams.pool(service), attachIdentity, logger);
    fastify.route({ method: METHODS, url: prefix, handler });
    fastify.route({ method: METHODS, url: `${prefix}/*`, handler });
  }

  const known = options.services.join(', ');
  const unknownService = async (request: FastifyRequest, reply: FastifyReply) => {
    const name = request.url.split(/[/?]/)[2] ?? '';
    return sendProblem(
      request,
      reply,
      404,
      name ? `There is no service called "${name}"; the services are ${known}.` : `Name a service: /api/<service>/..., one of ${known}.`,
    );
  };
  fastify.route({ method: METHODS, url: '/api', handler: unknownService });
  fastify.route({ method: METHODS, url: '/api/*', handler: unknownService });
}

function forwardTo(service: ProxiedService, prefixLength: number, pool: Pool, attachIdentity: IdentityHook, logger: Logger) {
  const unavailable = `The ${service} service is not answering; try again shortly.`;

  return async function forward(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const rest = request.url.slice(prefixLength);
    const path = rest === '' || rest[0] === '?' ? `/${rest}` : rest;
    const headers = upstreamRequestHeaders(request.headers, {
      requestId: String(request.id),
      client: request.ip,
      protocol: request.protocol,
      host: request.headers.host,
    });
    try {
      await attachIdentity(request, service, headers);
    } catch (error) {
      // A refusal (401, 403) carries its status and is answered by the error handler; anything else
      // means sign-in could not be checked, which the caller should retry rather than report.
      if (isClientError(error)) throw error;
      logger.error({ err: error, service, requestId: request.id }, 'could not attach the identity');
      reply.header('retry-after', RETRY_AFTER_SECONDS);
      return sendProblem(request, reply, 503, 'Sign-in checks are unavailable for a moment; try again shortly.');
    }

    let upstream: Dispatcher.ResponseData;
    try {
      // The hop to the service is a span of its own, whose context the service continues (traceparent).
      upstream = await withSpan(
        `proxy ${service}`,
        { kind: SpanKind.CLIENT, attributes: { 'http.request.method': request.method, 'server.address': service } },
        async (span) => {
          injectTraceHeaders(headers);
          const answer = await pool.request({
            method: request.method as Dispatcher.HttpMethod,
            path,
            headers,
            body: (request.body as Readable | undefined) ?? null,
          });
          span.setAttribute('http.response.status_code', answer.statusCode);
          return answer;
        },
      );
    } catch (error) {
      if (isBodyTooLarge(error)) return sendProblem(request, reply, 413, 'The request body is larger than this API accepts.');
      logger.warn({ service, requestId: request.id, reason: reasonOf(error) }, `${service} is not answering`);
      reply.header('retry-after', RETRY_AFTER_SECONDS);
      return sendProblem(request, reply, 503, unavailable, { service });
    }

    reply.code(upstream.statusCode).headers(downstreamResponseHeaders(upstream.headers));
    if (request.method === 'HEAD' || upstream.statusCode === 204 || upstream.statusCode === 304) {
      void upstream.body.dump();
      return reply.send();
    }
    return reply.send(upstream.body);
  };
}

function isClientError(error: unknown): error is { statusCode: number; message: string } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IDENTITY_HEADER } from '@tutti/auth';
import { problem } from '@tutti/platform';
import { RoleNotHeld, SignInRequired } from './identity-errors';
import { IdentityResolver } from './identity-resolver';

/**
 * Lets the gateway's own routes (/auth, /identity, /audit-log, …) use the same AccessGuard and
 * CurrentIdentity as every service: before Nest routes the request, the caller's access token is
 * resolved and, when valid, turned into an identity token for the audience `gateway`, which the
 * global AccessGuard then verifies like any service would. A bad or expired access token leaves the
 * request anonymous (public routes such as /auth/refresh still work; the others answer 401); a
 * role the caller does not hold is refused at once with 403. `/api/...` is the proxy's business.
 */
@Injectable()
export class GatewayIdentityHook implements OnModuleInit {
  private readonly logger = new Logger(GatewayIdentityHook.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly resolver: IdentityResolver,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return; // not an HTTP application (a script or a worker context)
    // @nestjs/platform-fastify pins its own copy of fastify; same API at run time, different types at compile time.
    const fastify = adapter.getInstance() as unknown as FastifyInstance;
    fastify.addHook('onRequest', (request, reply) => this.identify(request, reply));
  }

  async identify(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (isProxied(request.url)) return;
    delete request.headers[IDENTITY_HEADER]; // only this hook may put one there
    try {
      const identity = await this.resolver.resolve(request.headers);
      if (identity) request.headers[IDENTITY_HEADER] = await this.resolver.mintIdentityToken(identity, 'gateway');
    } catch (error) {
      if (error instanceof SignInRequired) return;
      const status = error instanceof RoleNotHeld ? 403 : 503;
      if (status === 503) this.logger.error({ err: error, requestId: request.id }, 'could not resolve the caller');
      const detail = error instanceof RoleNotHeld ? error.message : 'Sign-in checks are unavailable for a moment; try again shortly.';
      await reply
        .code(status)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .send({ ...problem(status, detail), instance: request.url.split('?')[0], requestId: String(request.id) });
    }
  }
}

function isProxied(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Where a request came from, for rate limits and the audit log. */
export interface RequestOrigin {
  /** The client's address (the gateway trusts X-Forwarded-For from its load balancer). */
  ip: string;
  requestId: string;
  userAgent: string | null;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip.slice(0, 64),
    requestId: String(request.id).slice(0, 64),
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}

export const Origin = createParamDecorator((_data: unknown, context: ExecutionContext): RequestOrigin =>
  originOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

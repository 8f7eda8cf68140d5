import { ForbiddenException, UnauthorizedException } from '@nestjs/common';

/**
 * 401: the access token is missing where needed, malformed, expired, forged, or its account or
 * session is no longer active. `statusCode` lets Fastify error handlers (the proxy's) answer it too.
 */
export class SignInRequired extends UnauthorizedException {
  readonly statusCode = 401;
}

/** 403: the caller asked (x-tutti-role) to act in a role they do not hold. */
export class RoleNotHeld extends ForbiddenException {
  readonly statusCode = 403;
}

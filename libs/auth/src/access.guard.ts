import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { hasRole, type Identity } from './identity';
import { IDENTITY_HEADER, IdentityTokenError, IdentityTokenVerifier } from './identity-token';

export type RequestWithIdentity = FastifyRequest & { identity?: Identity; raw: FastifyRequest['raw'] & { tenantId?: string } };

/**
 * Global guard: a route runs only if it declares an access policy and the caller satisfies it.
 * Non-public routes need an identity token minted by the gateway for this very service.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly tokens: IdentityTokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.tokens = new IdentityTokenVerifier(options.audience, options.identityPublicKey);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} has no access policy; refused`);
      throw new ForbiddenException('This route has no access policy.');
    }
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<RequestWithIdentity>();
    const identity = await this.verify(request.headers[IDENTITY_HEADER]);
    request.identity = identity;
    request.raw.tenantId = identity.tenantId;
    if (!hasRole(identity, ...policy.roles)) throw new ForbiddenException('Your role does not allow this.');
    return true;
  }

  private async verify(header: string | string[] | undefined): Promise<Identity> {
    if (typeof header !== 'string' || header.length === 0) throw new UnauthorizedException('Sign in first.');
    try {
      return await this.tokens.verify(header);
    } catch (error) {
      if (error instanceof IdentityTokenError) throw new UnauthorizedException('Your sign-in could not be verified; sign in again.');
      throw error;
    }
  }
}

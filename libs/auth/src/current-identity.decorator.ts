import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { RequestWithIdentity } from './access.guard';
import type { Identity } from './identity';

/** The verified caller of a non-public route. */
export const CurrentIdentity = createParamDecorator((_data: unknown, context: ExecutionContext): Identity => {
  const identity = context.switchToHttp().getRequest<RequestWithIdentity>().identity;
  if (!identity) throw new UnauthorizedException('Sign in first.');
  return identity;
});

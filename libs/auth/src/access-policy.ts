import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from './identity';

export const ACCESS_POLICY = 'tutti:access-policy';

/**
 * Who may call a route. Every route declares one (deny by default): a route without a policy is
 * refused at run time and fails the route-policy test. Roles open the door; what the caller may
 * see behind it is decided per object (see object-access.ts).
 */
export type AccessPolicy = { kind: 'public'; reason: string } | { kind: 'roles'; roles: readonly Role[] };

/** A route anyone may call, with the reason it is safe to be public. */
export const PublicRoute = (reason: string) => SetMetadata(ACCESS_POLICY, { kind: 'public', reason } satisfies AccessPolicy);

/** A route for callers holding (and acting in) one of these roles. */
export const Access = (...roles: [Role, ...Role[]]) => SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy);

/** A route for anyone signed in, whatever their role (e.g. "who am I"). */
export const AnySignedIn = () => SetMetadata(ACCESS_POLICY, { kind: 'roles', roles: ROLES } satisfies AccessPolicy);

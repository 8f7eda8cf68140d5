import { effectiveGrants, type Identity } from './identity';

/** The identity as an audit log names its actor: the user and the role they acted in. */
export function actorOf(identity: Identity): { userId: string; role: string | null } {
  return { userId: identity.userId, role: identity.activeRole ?? effectiveGrants(identity)[0]?.role ?? null };
}

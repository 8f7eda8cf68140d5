/** The roles of Tutti and the scope each is granted over. */
export const ROLES = ['programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

export type SchoolScopedRole = 'headteacher' | 'tutor' | 'school_staff';

export interface GuardedPupil {
  pupilId: string;
  schoolId: string;
  relationship: string;
  canBookTransport: boolean;
  canConsent: boolean;
}

/** One grant of a role to a person, with its scope. A person may hold several. */
export type Grant =
  | { role: 'programme_admin' }
  | { role: 'evaluator' }
  | { role: SchoolScopedRole; schoolIds: string[] }
  | { role: 'guardian'; pupils: GuardedPupil[] };

/**
 * Who is calling, as the gateway vouches for it on every request to a service. Services never
 * read a tenant or a user from anywhere else.
 */
export interface Identity {
  userId: string;
  tenantId: string;
  displayName: string;
  /** The role the person is acting in now, where they hold several; null when they have one. */
  activeRole: Role | null;
  grants: Grant[];
}

/** The grants in force: only the active role's when one is chosen. */
export function effectiveGrants(identity: Identity): Grant[] {
  return identity.activeRole ? identity.grants.filter((grant) => grant.role === identity.activeRole) : identity.grants;
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return effectiveGrants(identity).some((grant) => roles.includes(grant.role));
}

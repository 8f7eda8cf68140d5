import { NotFoundException } from '@nestjs/common';
import { effectiveGrants, type GuardedPupil, type Identity, type SchoolScopedRole } from './identity';

/** Every school of the tenant, for a programme admin. */
export const ALL_SCHOOLS = 'all' as const;
export type SchoolScope = typeof ALL_SCHOOLS | ReadonlySet<string>;

const SCHOOL_ROLES: readonly SchoolScopedRole[] = ['headteacher', 'tutor', 'school_staff'];

/** The schools whose records this caller may see as staff (not as a parent). */
export function staffSchoolScope(identity: Identity, roles: readonly SchoolScopedRole[] = SCHOOL_ROLES): SchoolScope {
  const grants = effectiveGrants(identity);
  if (grants.some((grant) => grant.role === 'programme_admin')) return ALL_SCHOOLS;
  const schools = new Set<string>();
  for (const grant of grants) {
    if ('schoolIds' in grant && roles.includes(grant.role)) grant.schoolIds.forEach((id) => schools.add(id));
  }
  return schools;
}

export function inSchoolScope(scope: SchoolScope, schoolId: string): boolean {
  return scope === ALL_SCHOOLS || scope.has(schoolId);
}

/** The children this caller is a guardian of (in the active role). */
export function guardedPupils(identity: Identity): GuardedPupil[] {
  return effectiveGrants(identity).flatMap((grant) => (grant.role === 'guardian' ? grant.pupils : []));
}

/**
 * May this caller see this pupil's record? Staff of the pupil's school, the programme admin, and
 * the pupil's own guardians. Evaluators see pseudonymised exports only, never a pupil record.
 */
export function canSeePupil(identity: Identity, pupil: { pupilId: string; schoolId: string; tenantId: string }): boolean {
  if (pupil.tenantId !== identity.tenantId) return false;
  if (inSchoolScope(staffSchoolScope(identity), pupil.schoolId)) return true;
  return guardedPupils(identity).some((guarded) => guarded.pupilId === pupil.pupilId);
}

/**
 * Answers "not found" for an object the caller may not see, so that a guess at another family's
 * id learns nothing, not even that it exists.
 */
export function notFoundUnless<T>(visible: boolean, object: T, what: string): T {
  if (!visible) throw new NotFoundException(`No such ${what}.`);
  return object;
}

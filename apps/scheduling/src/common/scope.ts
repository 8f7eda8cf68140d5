import { NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, hasRole, inSchoolScope, staffSchoolScope, type Identity, type SchoolScopedRole } from '@tutti/auth';

/** The school ids a staff caller may see, or null for all of the tenant's schools. */
export function schoolIdsInScope(identity: Identity, roles?: readonly SchoolScopedRole[]): string[] | null {
  const scope = staffSchoolScope(identity, roles);
  return scope === ALL_SCHOOLS ? null : [...scope];
}

/** 404 unless the caller is staff of this school (or the programme admin). */
export function requireSchoolInScope(identity: Identity, schoolId: string | null, what: string, roles?: readonly SchoolScopedRole[]): void {
  if (schoolId === null) {
    if (!hasRole(identity, 'programme_admin')) throw new NotFoundException(`No such ${what}.`);
    return;
  }
  if (!inSchoolScope(staffSchoolScope(identity, roles), schoolId)) throw new NotFoundException(`No such ${what}.`);
}

/** A pupil's characteristics (FSM / pupil premium, SEND, EAL, gender, ethnicity) and MIS reference are for the programme admin and the pupil's own headteacher only. */
export function maySeePupilFlags(identity: Identity, schoolId: string): boolean {
  return hasRole(identity, 'programme_admin') || inSchoolScope(staffSchoolScope(identity, ['headteacher']), schoolId);
}

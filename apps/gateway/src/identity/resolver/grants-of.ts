import { ROLES, type Grant, type GuardedPupil, type Role } from '@tutti/auth';

export interface GrantRowView {
  role: Role;
  schoolId: string | null;
}

/**
 * An account's grant rows and guardian links as the `Grant`s of an identity: one grant per role,
 * school-scoped roles with all their schools, the guardian grant with all linked pupils.
 */
export function grantsOf(rows: readonly GrantRowView[], pupils: readonly GuardedPupil[]): Grant[] {
  const grants: Grant[] = [];
  for (const role of ROLES) {
    const ofRole = rows.filter((row) => row.role === role);
    if (ofRole.length === 0) continue;
    switch (role) {
      case 'programme_admin':
      case 'evaluator':
        grants.push({ role });
        break;
      case 'headteacher':
      case 'tutor':
      case 'school_staff':
        grants.push({ role, schoolIds: [...new Set(ofRole.map((row) => row.schoolId).filter((id): id is string => id !== null))].sort() });
        break;
      case 'guardian':
        grants.push({ role, pupils: [...pupils] });
        break;
    }
  }
  return grants;
}

import { ALL_SCHOOLS, guardedPupils, hasRole, staffSchoolScope, type Identity } from '@tutti/auth';

/**
 * Which loans (pupil-level objects) a caller may see: all of the area's for the programme admin,
 * those of pupils at their schools for staff, their own children's for a guardian.
 */
export interface LoanVisibility {
  allSchools: boolean;
  schoolIds: string[];
  pupilIds: string[];
}

export function loanVisibility(identity: Identity): LoanVisibility {
  const scope = staffSchoolScope(identity);
  return {
    allSchools: scope === ALL_SCHOOLS,
    schoolIds: scope === ALL_SCHOOLS ? [] : [...scope],
    pupilIds: guardedPupils(identity).map((pupil) => pupil.pupilId),
  };
}

export function canSeeLoan(visibility: LoanVisibility, loan: { schoolId: string; pupilId: string }): boolean {
  return visibility.allSchools || visibility.schoolIds.includes(loan.schoolId) || visibility.pupilIds.includes(loan.pupilId);
}

/** Staff may act on a pupil of their schools; guardians never check out. */
export function canActForPupilAsStaff(identity: Identity, schoolId: string): boolean {
  const scope = staffSchoolScope(identity);
  return scope === ALL_SCHOOLS || scope.has(schoolId);
}

export const isProgrammeAdmin = (identity: Identity): boolean => hasRole(identity, 'programme_admin');

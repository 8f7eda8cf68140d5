import { ALL_SCHOOLS, guardedPupils, staffSchoolScope, type Identity } from '@tutti/auth';

/**
 * What a caller may see in this service, worked out once from the verified identity: the programme
 * admin sees the whole area, school staff their schools, guardians their own children.
 */
export interface Viewer {
  tenantId: string;
  admin: boolean;
  /** Schools whose performances, rosters and fairness figures the caller sees as staff. */
  staffSchoolIds: string[];
  /** Schools whose performances and venues the caller may manage as their headteacher. */
  headteacherSchoolIds: string[];
  guardedPupilIds: string[];
}

export function viewerOf(identity: Identity): Viewer {
  const staff = staffSchoolScope(identity);
  const heads = staffSchoolScope(identity, ['headteacher']);
  return {
    tenantId: identity.tenantId,
    admin: staff === ALL_SCHOOLS,
    staffSchoolIds: staff === ALL_SCHOOLS ? [] : [...staff],
    headteacherSchoolIds: heads === ALL_SCHOOLS ? [] : [...heads],
    guardedPupilIds: guardedPupils(identity).map((pupil) => pupil.pupilId),
  };
}

export const seesSchool = (viewer: Viewer, schoolId: string | null): boolean =>
  viewer.admin || (schoolId !== null && viewer.staffSchoolIds.includes(schoolId));
export const managesSchool = (viewer: Viewer, schoolId: string | null): boolean =>
  viewer.admin || (schoolId !== null && viewer.headteacherSchoolIds.includes(schoolId));

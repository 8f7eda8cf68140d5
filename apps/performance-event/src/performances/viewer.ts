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

export const seesSchool = (viewer: Viewer, schoolId: string | null): boolean => viewer.admin || (schoolId !== null && viewer.staffSchoolIds.includes(schoolId));
export const managesSchool = (viewer: Viewer, schoolId: string | null): boolean => viewer.admin || (schoolId !== null && viewer.headteacherSchoolIds.includes(schoolId));

/**
 * SQL condition: performance `p` is visible to the viewer. Staff see drafts of their schools'
 * performances (those hosted by, or with ensembles or performers from, their schools); guardians
 * see non-draft performances in which one of their children performs. Takes three parameters
 * starting at `$first`: admin flag, staff school ids, guarded pupil ids.
 */
export function visiblePerformanceSql(first: number): string {
  const [admin, schools, pupils] = [first, first + 1, first + 2].map((n) => `$${n}`);
  return `(
    ${admin}::boolean
    OR p.school_id = ANY(${schools}::uuid[])
    OR EXISTS (SELECT 1 FROM performance_ensembles pe JOIN replica_ensembles e ON e.tenant_id = pe.tenant_id AND e.ensemble_id = pe.ensemble_id
               WHERE pe.tenant_id = p.tenant_id AND pe.performance_id = p.id AND e.school_id = ANY(${schools}::uuid[]))
    OR EXISTS (SELECT 1 FROM roster_entries r WHERE r.tenant_id = p.tenant_id AND r.performance_id = p.id AND NOT r.removed AND r.school_id = ANY(${schools}::uuid[]))
    OR (p.status <> 'draft' AND EXISTS (SELECT 1 FROM roster_entries r WHERE r.tenant_id = p.tenant_id AND r.performance_id = p.id AND NOT r.removed AND r.pupil_id = ANY(${pupils}::uuid[])))
  )`;
}

export const visibilityParams = (viewer: Viewer): unknown[] => [viewer.admin, viewer.staffSchoolIds, viewer.guardedPupilIds];

/** SQL condition: roster row `r` (a child) is visible to the viewer; same three parameters. */
export function visibleRosterEntrySql(first: number): string {
  return `($${first}::boolean OR r.school_id = ANY($${first + 1}::uuid[]) OR r.pupil_id = ANY($${first + 2}::uuid[]))`;
}

import type { Identity } from '@tutti/auth';
import { personas } from '../identities';

/** Callers who must never reach the object under test, whatever the route. */
export const OUTSIDERS = ['anonymous', 'otherTenantAdmin', 'otherSchoolHeadteacher', 'unassignedTutor', 'otherFamilyGuardian'] as const;
export type Outsider = (typeof OUTSIDERS)[number];

/** Callers inside the object's tenant and school (or family): a route allows some of them. */
export const INSIDERS = ['admin', 'headteacher', 'tutor', 'schoolStaff', 'guardian', 'evaluator'] as const;
export type Insider = (typeof INSIDERS)[number];

export type MatrixPersona = Outsider | Insider;

/**
 * The ids the matrix's personas are built from: tenant A with school S1 (where the objects live)
 * and S2, pupil P1 in S1 (guardian G1) and a pupil of another family.
 */
export interface MatrixWorld {
  tenantId: string;
  schoolId: string;
  otherSchoolId: string;
  pupilId: string;
  /** A pupil of another family (best in the same school, so that only the family differs). */
  otherFamilyPupilId: string;
  otherFamilySchoolId: string;
  /** Strings that must never reach a caller who may not see P1 (ids, names). */
  secrets: string[];
}

export type MatrixIdentities = Record<Exclude<MatrixPersona, 'anonymous'>, Identity>;

/** One identity per persona of the matrix, as the gateway would vouch for them. */
export function matrixIdentities(world: MatrixWorld, otherTenantId: string): MatrixIdentities {
  const { tenantId, schoolId, otherSchoolId } = world;
  return {
    otherTenantAdmin: { ...personas.programmeAdmin(otherTenantId), displayName: 'Other Area Admin' },
    otherSchoolHeadteacher: personas.headteacher(tenantId, otherSchoolId),
    unassignedTutor: personas.tutor(tenantId, [otherSchoolId]),
    otherFamilyGuardian: personas.guardian(tenantId, [{ pupilId: world.otherFamilyPupilId, schoolId: world.otherFamilySchoolId }]),
    admin: personas.programmeAdmin(tenantId),
    headteacher: personas.headteacher(tenantId, schoolId),
    tutor: personas.tutor(tenantId, [schoolId]),
    schoolStaff: personas.schoolStaff(tenantId, schoolId),
    guardian: personas.guardian(tenantId, [{ pupilId: world.pupilId, schoolId }]),
    evaluator: personas.evaluator(tenantId),
  };
}

/** The role each persona acts in, to tell "refused by role" (403) from "refused by object" (403/404). */
export const PERSONA_ROLE: Record<Exclude<MatrixPersona, 'anonymous'>, string> = {
  otherTenantAdmin: 'programme_admin',
  otherSchoolHeadteacher: 'headteacher',
  unassignedTutor: 'tutor',
  otherFamilyGuardian: 'guardian',
  admin: 'programme_admin',
  headteacher: 'headteacher',
  tutor: 'tutor',
  schoolStaff: 'school_staff',
  guardian: 'guardian',
  evaluator: 'evaluator',
};

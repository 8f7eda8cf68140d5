import { ALL_SCHOOLS, guardedPupils, staffSchoolScope, type GuardedPupil, type Identity } from '@tutti/auth';

/**
 * What family-level rows (bookings, RSVPs) a caller may see: their own family's (rows they made or
 * that name one of their children) and, as staff, those of their schools' families.
 */
export interface FamilyScope {
  callerId: string;
  pupilIds: string[];
  /** Staff schools; null for the programme admin (every school). */
  schoolIds: string[] | null;
  seesAllSchools: boolean;
}

export function familyScopeOf(identity: Identity): FamilyScope {
  const schools = staffSchoolScope(identity);
  return {
    callerId: identity.userId,
    pupilIds: guardedPupils(identity).map((pupil) => pupil.pupilId),
    schoolIds: schools === ALL_SCHOOLS ? null : [...schools],
    seesAllSchools: schools === ALL_SCHOOLS,
  };
}

/**
 * SQL condition on a row alias with guardian_id, pupil_ids and school_ids; parameters start at
 * `$first` (caller, pupils, schools, all-schools).
 */
export function familyScopeCondition(alias: string, first: number): string {
  return `(${alias}.guardian_id = $${first} OR ${alias}.pupil_ids && $${first + 1}::uuid[] OR ${alias}.school_ids && $${first + 2}::uuid[] OR $${first + 3}::boolean)`;
}

/**
 * familyScopeCondition for transport bookings, which also know their guardian's children
 * (family_pupil_ids): the other guardian's booking of adults only is the family's too. It counts
 * against the family's seat limit, so both guardians see it and either may cancel it. A booking
 * naming only children who are not the caller's (the other guardian's child from another family)
 * stays out of sight.
 */
export function familyBookingScopeCondition(alias: string, first: number): string {
  return `(${familyScopeCondition(alias, first)} OR (cardinality(${alias}.pupil_ids) = 0 AND ${alias}.family_pupil_ids && $${first + 1}::uuid[]))`;
}

export function familyScopeParams(scope: FamilyScope): unknown[] {
  return [scope.callerId, scope.pupilIds, scope.schoolIds ?? [], scope.seesAllSchools];
}

/** The caller's children named in a request, each checked against the guardian grant. */
export function ownChildren(
  identity: Identity,
  pupilIds: string[],
  may: (pupil: GuardedPupil) => boolean,
): { allowed: GuardedPupil[]; refused: string[] } {
  const mine = new Map(guardedPupils(identity).map((pupil) => [pupil.pupilId, pupil]));
  const allowed: GuardedPupil[] = [];
  const refused: string[] = [];
  for (const id of pupilIds) {
    const pupil = mine.get(id);
    if (pupil && may(pupil)) allowed.push(pupil);
    else refused.push(id);
  }
  return { allowed, refused };
}

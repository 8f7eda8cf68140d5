import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, guardedPupils, inSchoolScope, staffSchoolScope, type GuardedPupil, type Identity } from '@tutti/auth';
import type { Queryable } from '@tutti/platform';
import { knownSchoolOf } from './pupil-access.queries';

/** The caller's own child, as their guardian grant names it; undefined for anyone else's. */
export function guardedPupil(identity: Identity, pupilId: string): GuardedPupil | undefined {
  return guardedPupils(identity).find((pupil) => pupil.pupilId === pupilId);
}

/**
 * A child the caller may act for: 404 when the pupil is not theirs (so a guess learns nothing),
 * 403 when they are linked but the grant does not allow this.
 */
export function actingGuardianOf(identity: Identity, pupilId: string, may: (pupil: GuardedPupil) => boolean, what: string): GuardedPupil {
  const pupil = guardedPupil(identity, pupilId);
  if (!pupil) throw new NotFoundException('No such pupil.');
  if (!may(pupil)) throw new ForbiddenException(`Your link to this pupil does not allow you to ${what}.`);
  return pupil;
}

/** May the caller read this pupil's family-level records: their own child, or staff of the pupil's school. 404 otherwise. */
export async function assertCanReadPupil(manager: Queryable, identity: Identity, pupilId: string): Promise<void> {
  if (guardedPupil(identity, pupilId)) return;
  const scope = staffSchoolScope(identity);
  if (scope !== ALL_SCHOOLS && scope.size === 0) throw new NotFoundException('No such pupil.');
  const schoolId = await knownSchoolOf(manager, identity.tenantId, pupilId);
  if (!schoolId || !inSchoolScope(scope, schoolId)) throw new NotFoundException('No such pupil.');
}

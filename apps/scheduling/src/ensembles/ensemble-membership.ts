import type { EntityManager } from 'typeorm';
import { emit } from '../common/events';
import { currentPupilMembers, endPupilCurrentMemberships, ensembleSchoolAndName } from './ensembles.queries';

/**
 * Ends a pupil's current memberships (those of one school's ensembles only, when a pupil moves
 * school) and reports each change. A membership that starts after the leaving date ends the day it began.
 */
export async function endPupilMemberships(
  manager: EntityManager,
  tenantId: string,
  pupilId: string,
  leftOn: string,
  onlyOfSchoolId?: string,
): Promise<number> {
  const ended = await endPupilCurrentMemberships(manager, tenantId, pupilId, leftOn, onlyOfSchoolId ?? null);
  for (const ensembleId of new Set(ended.map((membership) => membership.ensembleId)))
    await emitEnsembleSnapshot(manager, tenantId, ensembleId);
  for (const membership of ended) {
    await emit(manager, 'scheduling.ensemble-membership.changed', tenantId, {
      version: 1,
      ensembleId: membership.ensembleId,
      memberId: membership.id,
      pupilId: membership.pupilId,
      staffId: membership.staffId,
      change: 'left',
      instrument: membership.instrument,
      section: membership.section,
      on: membership.leftOn,
    });
  }
  return ended.length;
}

/** The ensemble's current pupils in full, so that a consumer that missed a change still converges. */
export async function emitEnsembleSnapshot(manager: EntityManager, tenantId: string, ensembleId: string): Promise<void> {
  const ensemble = await ensembleSchoolAndName(manager, tenantId, ensembleId);
  if (!ensemble) return;
  const members = await currentPupilMembers(manager, tenantId, ensembleId);
  await emit(manager, 'scheduling.ensemble.membership-changed', tenantId, {
    version: 1,
    ensembleId,
    schoolId: ensemble.schoolId,
    ensembleName: ensemble.name,
    members,
  });
}

import { rows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import { emit } from '../common/events';

interface EndedMembership {
  id: string;
  ensembleId: string;
  pupilId: string | null;
  staffId: string | null;
  instrument: string | null;
  section: string | null;
  leftOn: string;
}

/**
 * Ends a pupil's current memberships (those of one school's ensembles only, when a pupil moves
 * school) and reports each change. A membership that starts after the leaving date ends the day it began.
 */
export async function endPupilMemberships(manager: EntityManager, tenantId: string, pupilId: string, leftOn: string, onlyOfSchoolId?: string): Promise<number> {
  const ended = await rows<EndedMembership>(
    manager,
    `UPDATE ensemble_members m SET left_on = greatest(m.joined_on, $3::date)
     FROM ensembles e
     WHERE m.tenant_id = $1 AND m.pupil_id = $2 AND m.left_on IS NULL
       AND e.tenant_id = m.tenant_id AND e.id = m.ensemble_id AND ($4::uuid IS NULL OR e.school_id = $4)
     RETURNING m.id, m.ensemble_id AS "ensembleId", m.pupil_id AS "pupilId", m.staff_id AS "staffId", m.instrument, m.section,
               to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn"`,
    [tenantId, pupilId, leftOn, onlyOfSchoolId ?? null],
  );
  for (const ensembleId of new Set(ended.map((membership) => membership.ensembleId))) await emitEnsembleSnapshot(manager, tenantId, ensembleId);
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
  const [ensemble] = await rows<{ schoolId: string | null; name: string }>(manager, 'SELECT school_id AS "schoolId", name FROM ensembles WHERE tenant_id = $1 AND id = $2', [tenantId, ensembleId]);
  if (!ensemble) return;
  const members = await rows<{ pupilId: string; schoolId: string; displayName: string; instrument: string | null }>(
    manager,
    `SELECT m.pupil_id AS "pupilId", p.school_id AS "schoolId", p.first_name || ' ' || p.last_name AS "displayName", m.instrument
     FROM ensemble_members m JOIN pupils p ON p.tenant_id = m.tenant_id AND p.id = m.pupil_id
     WHERE m.tenant_id = $1 AND m.ensemble_id = $2 AND m.left_on IS NULL ORDER BY m.pupil_id`,
    [tenantId, ensembleId],
  );
  await emit(manager, 'scheduling.ensemble.membership-changed', tenantId, { version: 1, ensembleId, schoolId: ensemble.schoolId, ensembleName: ensemble.name, members });
}

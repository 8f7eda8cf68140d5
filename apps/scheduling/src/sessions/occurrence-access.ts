import { NotFoundException } from '@nestjs/common';
import { hasRole, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { oneRow } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

export interface OccurrenceRef {
  id: string;
  sessionId: string;
  ensembleId: string;
  schoolId: string | null;
  roomId: string | null;
  localDate: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  movedFrom: Date | null;
  timeZone: string;
  /** The caller is one of the occurrence's tutors. */
  assignedToCaller: boolean;
}

/**
 * view: staff of the school (any staff for area-wide ensembles) and the occurrence's own tutors;
 * register: staff of the school and the occurrence's own tutors (who take the register of an
 * area-wide ensemble whatever school its members come from); manage: admin and headteacher.
 */
export type OccurrencePurpose = 'view' | 'register' | 'manage';

export async function loadOccurrence(manager: EntityManager, identity: Identity, occurrenceId: string, purpose: OccurrencePurpose, lock = false): Promise<OccurrenceRef> {
  const found = await oneRow<OccurrenceRef>(
    manager,
    `SELECT o.id, o.session_id AS "sessionId", o.ensemble_id AS "ensembleId", o.school_id AS "schoolId", o.room_id AS "roomId",
            to_char(o.local_date, 'YYYY-MM-DD') AS "localDate", o.starts_at AS "startsAt", o.ends_at AS "endsAt", o.status, o.moved_from AS "movedFrom",
            s.time_zone AS "timeZone",
            EXISTS (SELECT 1 FROM occurrence_tutors ot JOIN staff st ON st.tenant_id = ot.tenant_id AND st.id = ot.staff_id
                    WHERE ot.tenant_id = o.tenant_id AND ot.occurrence_id = o.id AND st.user_id = $3) AS "assignedToCaller"
     FROM occurrences o JOIN sessions s ON s.tenant_id = o.tenant_id AND s.id = o.session_id
     WHERE o.tenant_id = $1 AND o.id = $2 ${lock ? 'FOR UPDATE OF o' : ''}`,
    [identity.tenantId, occurrenceId, identity.userId],
  );
  if (!found || !mayAccess(identity, found, purpose)) throw new NotFoundException('No such session.');
  return found;
}

function mayAccess(identity: Identity, occurrence: OccurrenceRef, purpose: OccurrencePurpose): boolean {
  if (hasRole(identity, 'programme_admin')) return true;
  if (purpose === 'manage') return occurrence.schoolId !== null && inSchoolScope(staffSchoolScope(identity, ['headteacher']), occurrence.schoolId);
  if (occurrence.assignedToCaller) return true;
  if (occurrence.schoolId === null) return purpose === 'view';
  return inSchoolScope(staffSchoolScope(identity), occurrence.schoolId);
}

import { NotFoundException } from '@nestjs/common';
import { hasRole, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import type { EntityManager } from 'typeorm';
import { occurrenceRef, type OccurrenceRef } from './sessions.queries';

/**
 * view: staff of the school (any staff for area-wide ensembles) and the occurrence's own tutors;
 * register: staff of the school and the occurrence's own tutors (who take the register of an
 * area-wide ensemble whatever school its members come from); manage: admin and headteacher.
 */
export type OccurrencePurpose = 'view' | 'register' | 'manage';

export async function loadOccurrence(
  manager: EntityManager,
  identity: Identity,
  occurrenceId: string,
  purpose: OccurrencePurpose,
  lock = false,
): Promise<OccurrenceRef> {
  const found = await occurrenceRef(manager, identity.tenantId, occurrenceId, identity.userId, lock);
  if (!found || !mayAccess(identity, found, purpose)) throw new NotFoundException('No such session.');
  return found;
}

function mayAccess(identity: Identity, occurrence: OccurrenceRef, purpose: OccurrencePurpose): boolean {
  if (hasRole(identity, 'programme_admin')) return true;
  if (purpose === 'manage')
    return occurrence.schoolId !== null && inSchoolScope(staffSchoolScope(identity, ['headteacher']), occurrence.schoolId);
  if (occurrence.assignedToCaller) return true;
  if (occurrence.schoolId === null) return purpose === 'view';
  return inSchoolScope(staffSchoolScope(identity), occurrence.schoolId);
}

import type { PupilDetailsChangedV1 } from '@tutti/contracts';
import type { EntityManager } from 'typeorm';
import { emitAll } from '../common/events';
import type { PupilDetails } from './pupils.queries';

/** Tells the services that keep pupils' names and year groups that these changed (in the transaction of the change). */
export async function emitDetailsChanged(manager: EntityManager, tenantId: string, pupils: readonly PupilDetails[]): Promise<void> {
  if (pupils.length === 0) return;
  await emitAll(
    manager,
    'scheduling.pupil.details-changed',
    tenantId,
    pupils.map((pupil): PupilDetailsChangedV1 => ({
      version: 1,
      pupilId: pupil.pupilId,
      schoolId: pupil.schoolId,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      yearGroup: pupil.yearGroup,
    })),
  );
}

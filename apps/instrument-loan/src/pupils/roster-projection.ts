import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { changePupilDetails, enrolPupil, movePupil, pupilLeft, upsertSchool } from './pupils.queries';

/**
 * What this service keeps of scheduling's roster: schools (for CSV owner URNs) and pupils (their
 * school, for staff access and active loans; their year group, for instrument sizes).
 */
@Injectable()
export class RosterProjection {
  @HandlesEvent('scheduling.school.created', 'scheduling.school.updated')
  async applySchool(
    event: EventEnvelope<'scheduling.school.created' | 'scheduling.school.updated'>,
    manager: EntityManager,
  ): Promise<void> {
    await upsertSchool(manager, event.tenantId, event.payload);
  }

  @HandlesEvent('scheduling.pupil.enrolled')
  async applyPupilEnrolled(event: EventEnvelope<'scheduling.pupil.enrolled'>, manager: EntityManager): Promise<void> {
    await enrolPupil(manager, event, event.payload);
  }

  @HandlesEvent('scheduling.pupil.moved')
  async applyPupilMoved(event: EventEnvelope<'scheduling.pupil.moved'>, manager: EntityManager): Promise<void> {
    // Its year group is not applied: year changes come as details-changed, ordered among the details.
    await movePupil(manager, event, event.payload);
  }

  @HandlesEvent('scheduling.pupil.details-changed')
  async applyPupilDetails(event: EventEnvelope<'scheduling.pupil.details-changed'>, manager: EntityManager): Promise<void> {
    await changePupilDetails(manager, event, event.payload);
  }

  @HandlesEvent('scheduling.pupil.left')
  async applyPupilLeft(event: EventEnvelope<'scheduling.pupil.left'>, manager: EntityManager): Promise<void> {
    await pupilLeft(manager, event, event.payload);
  }
}

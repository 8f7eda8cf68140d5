import type { EventHandlers } from '@tutti/messaging';
import { changePupilDetails, enrolPupil, movePupil, pupilLeft, upsertSchool } from './pupils.queries';

/**
 * What this service keeps of scheduling's roster: schools (for CSV owner URNs) and pupils (their
 * school, for staff access and active loans; their year group, for instrument sizes).
 */
export const ROSTER_PROJECTION_HANDLERS: EventHandlers = {
  'scheduling.school.created': async (event, manager) => {
    await upsertSchool(manager, event.tenantId, event.payload);
  },
  'scheduling.school.updated': async (event, manager) => {
    await upsertSchool(manager, event.tenantId, event.payload);
  },
  'scheduling.pupil.enrolled': async (event, manager) => {
    await enrolPupil(manager, event, event.payload);
  },
  'scheduling.pupil.moved': async (event, manager) => {
    // Its year group is not applied: year changes come as details-changed, ordered among the details.
    await movePupil(manager, event, event.payload);
  },
  'scheduling.pupil.details-changed': async (event, manager) => {
    await changePupilDetails(manager, event, event.payload);
  },
  'scheduling.pupil.left': async (event, manager) => {
    await pupilLeft(manager, event, event.payload);
  },
};


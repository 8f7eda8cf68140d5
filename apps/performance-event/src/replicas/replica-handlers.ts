import type { EventEnvelope, EventType } from '@tutti/contracts';
import type { EventHandlers } from '@tutti/messaging';
import {
  applyEnsembleSnapshot,
  deleteEnsembleMember,
  ensureEnsemble,
  markPupilLeft,
  movePupil,
  renamePupil,
  replaceEnsembleMembers,
  upsertConsent,
  upsertEnsembleMember,
  upsertPupil,
  upsertSchool,
  type EventMark,
} from './replicas.queries';

const markOf = (event: EventEnvelope<EventType>): EventMark => ({ occurredAt: event.occurredAt, eventId: event.id });

/**
 * What this service learns from others, kept in local replica tables. Every handler is safe to run
 * twice (the consumer also remembers event ids) and ignores an update older than the one it holds,
 * since events of different ids may arrive out of order.
 */
export const REPLICA_HANDLERS: EventHandlers = {
  'scheduling.school.created': async (event, manager) => {
    await upsertSchool(manager, event.tenantId, event.payload.schoolId, event.payload.name);
  },
  'scheduling.school.updated': async (event, manager) => {
    await upsertSchool(manager, event.tenantId, event.payload.schoolId, event.payload.name);
  },

  'scheduling.pupil.enrolled': async (event, manager) => {
    const { pupilId, schoolId, firstName, lastName } = event.payload;
    await upsertPupil(manager, event.tenantId, { pupilId, schoolId, displayName: `${firstName} ${lastName}`.trim(), clearsLeftOn: true }, markOf(event));
  },
  /** A move changes the place only: year groups come as details-changed (and this replica keeps none). */
  'scheduling.pupil.moved': async (event, manager) => {
    await movePupil(manager, event.tenantId, event.payload.pupilId, event.payload.toSchoolId, markOf(event));
  },
  'scheduling.pupil.details-changed': async (event, manager) => {
    const { pupilId, firstName, lastName } = event.payload;
    await renamePupil(manager, event.tenantId, pupilId, `${firstName} ${lastName}`.trim(), markOf(event));
  },
  'scheduling.pupil.left': async (event, manager) => {
    const { pupilId, schoolId, leftOn } = event.payload;
    await markPupilLeft(manager, event.tenantId, pupilId, schoolId, leftOn, markOf(event));
  },

  /** A full snapshot of one ensemble's pupils: replaces what we knew, unless we hold a newer one. */
  'scheduling.ensemble.membership-changed': async (event, manager) => {
    const { ensembleId, schoolId, ensembleName, members } = event.payload;
    if (!(await applyEnsembleSnapshot(manager, event.tenantId, ensembleId, schoolId, ensembleName ?? null, new Date(event.occurredAt)))) return;
    for (const member of members) {
      await upsertPupil(manager, event.tenantId, { pupilId: member.pupilId, schoolId: member.schoolId, displayName: member.displayName, clearsLeftOn: false }, markOf(event));
    }
    await replaceEnsembleMembers(manager, event.tenantId, ensembleId, members);
  },

  /** The per-member change scheduling publishes as it happens; pupils' names and schools come from enrolment. */
  'scheduling.ensemble-membership.changed': async (event, manager) => {
    const { ensembleId, pupilId, change, instrument } = event.payload;
    if (!pupilId) return;
    await ensureEnsemble(manager, event.tenantId, ensembleId);
    if (change === 'joined') await upsertEnsembleMember(manager, event.tenantId, ensembleId, pupilId, instrument);
    else await deleteEnsembleMember(manager, event.tenantId, ensembleId, pupilId);
  },

  'engagement.consent.changed': async (event, manager) => {
    const { pupilId, kind, granted, note } = event.payload;
    await upsertConsent(manager, event.tenantId, { pupilId, kind, granted, note, changedAt: new Date(event.occurredAt) });
  },
};

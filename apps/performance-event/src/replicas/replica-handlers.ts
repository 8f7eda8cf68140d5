import { Injectable } from '@nestjs/common';
import type { EventEnvelope, EventType } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
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
@Injectable()
export class ReplicaHandlers {
  @HandlesEvent('scheduling.school.created', 'scheduling.school.updated')
  async applySchool(
    event: EventEnvelope<'scheduling.school.created' | 'scheduling.school.updated'>,
    manager: EntityManager,
  ): Promise<void> {
    await upsertSchool(manager, event.tenantId, event.payload.schoolId, event.payload.name);
  }

  @HandlesEvent('scheduling.pupil.enrolled')
  async applyPupilEnrolled(event: EventEnvelope<'scheduling.pupil.enrolled'>, manager: EntityManager): Promise<void> {
    const { pupilId, schoolId, firstName, lastName } = event.payload;
    await upsertPupil(
      manager,
      event.tenantId,
      { pupilId, schoolId, displayName: `${firstName} ${lastName}`.trim(), clearsLeftOn: true },
      markOf(event),
    );
  }

  /** A move changes the place only: year groups come as details-changed (and this replica keeps none). */
  @HandlesEvent('scheduling.pupil.moved')
  async applyPupilMoved(event: EventEnvelope<'scheduling.pupil.moved'>, manager: EntityManager): Promise<void> {
    await movePupil(manager, event.tenantId, event.payload.pupilId, event.payload.toSchoolId, markOf(event));
  }

  @HandlesEvent('scheduling.pupil.details-changed')
  async applyPupilDetails(event: EventEnvelope<'scheduling.pupil.details-changed'>, manager: EntityManager): Promise<void> {
    const { pupilId, firstName, lastName } = event.payload;
    await renamePupil(manager, event.tenantId, pupilId, `${firstName} ${lastName}`.trim(), markOf(event));
  }

  @HandlesEvent('scheduling.pupil.left')
  async applyPupilLeft(event: EventEnvelope<'scheduling.pupil.left'>, manager: EntityManager): Promise<void> {
    const { pupilId, schoolId, leftOn } = event.payload;
    await markPupilLeft(manager, event.tenantId, pupilId, schoolId, leftOn, markOf(event));
  }

  /** A full snapshot of one ensemble's pupils: replaces what we knew, unless we hold a newer one. */
  @HandlesEvent('scheduling.ensemble.membership-changed')
  async applyEnsembleSnapshot(event: EventEnvelope<'scheduling.ensemble.membership-changed'>, manager: EntityManager): Promise<void> {
    const { ensembleId, schoolId, ensembleName, members } = event.payload;
    if (!(await applyEnsembleSnapshot(manager, event.tenantId, ensembleId, schoolId, ensembleName ?? null, new Date(event.occurredAt))))
      return;
    for (const member of members) {
      await upsertPupil(
        manager,
        event.tenantId,
        { pupilId: member.pupilId, schoolId: member.schoolId, displayName: member.displayName, clearsLeftOn: false },
        markOf(event),
      );
    }
    await replaceEnsembleMembers(manager, event.tenantId, ensembleId, members);
  }

  /** The per-member change scheduling publishes as it happens; pupils' names and schools come from enrolment. */
  @HandlesEvent('scheduling.ensemble-membership.changed')
  async applyEnsembleMemberChange(event: EventEnvelope<'scheduling.ensemble-membership.changed'>, manager: EntityManager): Promise<void> {
    const { ensembleId, pupilId, change, instrument } = event.payload;
    if (!pupilId) return;
    await ensureEnsemble(manager, event.tenantId, ensembleId);
    if (change === 'joined') await upsertEnsembleMember(manager, event.tenantId, ensembleId, pupilId, instrument);
    else await deleteEnsembleMember(manager, event.tenantId, ensembleId, pupilId);
  }

  @HandlesEvent('engagement.consent.changed')
  async applyConsent(event: EventEnvelope<'engagement.consent.changed'>, manager: EntityManager): Promise<void> {
    const { pupilId, kind, granted, note } = event.payload;
    await upsertConsent(manager, event.tenantId, { pupilId, kind, granted, note, changedAt: new Date(event.occurredAt) });
  }
}

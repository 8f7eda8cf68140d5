import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import {
  applyEnsembleSnapshot,
  classMembers,
  classSchool,
  ensembleMembers,
  ensembleRow,
  schoolKnown,
  setPupilPlace,
  setSchool,
  type AudienceMember,
} from './roster.queries';

/** A class or an ensemble as the replica knows it: its school (null: a cross-school ensemble) and its current pupils. */
export interface RosterAudience {
  schoolId: string | null;
  members: AudienceMember[];
}

/**
 * Parent engagement's replica of scheduling's roster: who is in which class and ensemble, by id
 * only (no names: engagement needs to know whom to reach, not who they are). Kept from
 * scheduling's events; every handler is safe to run twice and in any order.
 */
@Injectable()
export class RosterService {
  @HandlesEvent('scheduling.pupil.enrolled')
  async applyPupilEnrolled(event: EventEnvelope<'scheduling.pupil.enrolled'>, manager: EntityManager): Promise<void> {
    const { pupilId, schoolId, classId } = event.payload;
    await this.setPupil(manager, event, { pupilId, schoolId, classId, leftOn: null });
  }

  @HandlesEvent('scheduling.pupil.moved')
  async applyPupilMoved(event: EventEnvelope<'scheduling.pupil.moved'>, manager: EntityManager): Promise<void> {
    const { pupilId, toSchoolId, toClassId } = event.payload;
    await this.setPupil(manager, event, { pupilId, schoolId: toSchoolId, classId: toClassId, leftOn: null });
  }

  @HandlesEvent('scheduling.pupil.left')
  async applyPupilLeft(event: EventEnvelope<'scheduling.pupil.left'>, manager: EntityManager): Promise<void> {
    const { pupilId, schoolId, leftOn } = event.payload;
    await this.setPupil(manager, event, { pupilId, schoolId, classId: undefined, leftOn });
  }

  /** A snapshot of one ensemble's pupils replaces what we knew, unless we already hold a later one. */
  @HandlesEvent('scheduling.ensemble.membership-changed')
  async applyEnsembleMembers(event: EventEnvelope<'scheduling.ensemble.membership-changed'>, manager: EntityManager): Promise<void> {
    const { tenantId, payload } = event;
    await applyEnsembleSnapshot(manager, tenantId, {
      ensembleId: payload.ensembleId,
      schoolId: payload.schoolId,
      name: payload.ensembleName ?? null,
      members: payload.members,
      eventAt: event.occurredAt,
      eventId: event.id,
    });
  }

  /**
   * A school scheduling created or changed is one of the area's from then on, families or not (a
   * new school can be given its Reply-To at once). A redelivered or older event changes nothing.
   */
  @HandlesEvent('scheduling.school.created', 'scheduling.school.updated')
  async applySchool(
    event: EventEnvelope<'scheduling.school.created' | 'scheduling.school.updated'>,
    manager: EntityManager,
  ): Promise<void> {
    await setSchool(manager, event.tenantId, { schoolId: event.payload.schoolId, eventAt: event.occurredAt, eventId: event.id });
  }

  /**
   * Whether a school id is one of this area's schools as far as this service knows them: a school
   * scheduling has told us of. Another area's school (or a made-up id) is not, so that an id in a
   * body cannot reach outside the caller's area.
   */
  async knowsSchool(manager: Pick<EntityManager, 'query'>, tenantId: string, schoolId: string): Promise<boolean> {
    return schoolKnown(manager, tenantId, schoolId);
  }

  /** A class's school and current pupils; undefined for a class no scheduling event has named. */
  async classAudience(manager: EntityManager, tenantId: string, classId: string): Promise<RosterAudience | undefined> {
    const schoolId = await classSchool(manager, tenantId, classId);
    if (!schoolId) return undefined;
    return { schoolId, members: await classMembers(manager, tenantId, classId) };
  }

  /**
   * An ensemble's school and current pupils, each with their current school (as their own latest
   * event says, else as the snapshot did); pupils who have left are not members, even if a snapshot
   * still names them. Undefined for an ensemble no snapshot has described.
   */
  async ensembleAudience(manager: EntityManager, tenantId: string, ensembleId: string): Promise<RosterAudience | undefined> {
    const found = await ensembleRow(manager, tenantId, ensembleId);
    if (!found) return undefined;
    return { schoolId: found.school_id, members: await ensembleMembers(manager, tenantId, ensembleId) };
  }

  private async setPupil(
    manager: EntityManager,
    event: EventEnvelope<'scheduling.pupil.enrolled' | 'scheduling.pupil.moved' | 'scheduling.pupil.left'>,
    place: { pupilId: string; schoolId: string; classId: string | null | undefined; leftOn: string | null },
  ): Promise<void> {
    // Families follow their child's move now, not when a guardian next signs in: the new school's
    // staff see the family and its announcements reach them. The replica row, newest event first, says where.
    await setPupilPlace(manager, event.tenantId, { ...place, eventAt: event.occurredAt, eventId: event.id });
  }
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { eventIsNewerSql } from '@tutti/messaging';
import { oneRow, rows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

/** A pupil now in a class or ensemble, with their school and their families' guardians (none yet: empty). */
export interface AudienceMember {
  pupilId: string;
  schoolId: string;
  guardianIds: string[];
}

/** A class or an ensemble as the replica knows it: its school (null: a cross-school ensemble) and its current pupils. */
export interface RosterAudience {
  schoolId: string | null;
  members: AudienceMember[];
}

/**
 * A pupil's place, set from one scheduling event unless the row was last set from a later one:
 * events are ordered by occurred-at, then by id (UUIDv7, in publishing order within a transaction).
 * `class_id` and `left_on` are written only where the event says them (`keepClass`: a leaving
 * pupil keeps the class they were in, if we knew it).
 */
const SET_PUPIL = `
  INSERT INTO roster_pupils (tenant_id, pupil_id, school_id, class_id, left_on, event_at, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (tenant_id, pupil_id) DO UPDATE SET
    school_id = EXCLUDED.school_id,
    class_id = CASE WHEN $8::boolean THEN roster_pupils.class_id ELSE EXCLUDED.class_id END,
    left_on = EXCLUDED.left_on, event_at = EXCLUDED.event_at, event_id = EXCLUDED.event_id
  WHERE ${eventIsNewerSql('roster_pupils.event', 'EXCLUDED.event_at', 'EXCLUDED.event_id')}`;

/** Current members (left pupils excluded) with their current school and their families, for one class or ensemble. */
const MEMBERS_WITH_FAMILIES = (members: string) => `
  SELECT m.pupil_id AS "pupilId", m.school_id AS "schoolId",
         COALESCE(array_agg(DISTINCT f.guardian_id) FILTER (WHERE f.guardian_id IS NOT NULL), '{}') AS "guardianIds"
    FROM (${members}) m
    LEFT JOIN family_children f ON f.tenant_id = $1 AND f.pupil_id = m.pupil_id
   GROUP BY m.pupil_id, m.school_id
   ORDER BY m.pupil_id`;

/**
 * Parent engagement's replica of scheduling's roster: who is in which class and ensemble, by id
 * only (no names: engagement needs to know whom to reach, not who they are). Kept from
 * scheduling's events; every handler is safe to run twice and in any order.
 */
@Injectable()
export class RosterService {
  async applyPupilEnrolled(event: EventEnvelope<'scheduling.pupil.enrolled'>, manager: EntityManager): Promise<void> {
    const { pupilId, schoolId, classId } = event.payload;
    await this.setPupil(manager, event, { pupilId, schoolId, classId, leftOn: null });
  }

  async applyPupilMoved(event: EventEnvelope<'scheduling.pupil.moved'>, manager: EntityManager): Promise<void> {
    const { pupilId, toSchoolId, toClassId } = event.payload;
    await this.setPupil(manager, event, { pupilId, schoolId: toSchoolId, classId: toClassId, leftOn: null });
  }

  async applyPupilLeft(event: EventEnvelope<'scheduling.pupil.left'>, manager: EntityManager): Promise<void> {
    const { pupilId, schoolId, leftOn } = event.payload;
    await this.setPupil(manager, event, { pupilId, schoolId, classId: undefined, leftOn });
  }

  /** A snapshot of one ensemble's pupils replaces what we knew, unless we already hold a later one. */
  async applyEnsembleMembers(event: EventEnvelope<'scheduling.ensemble.membership-changed'>, manager: EntityManager): Promise<void> {
    const { tenantId, payload } = event;
    const applied = await oneRow<{ ensemble_id: string }>(
      manager,
      `INSERT INTO roster_ensembles (tenant_id, ensemble_id, school_id, name, snapshot_at, snapshot_event_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, ensemble_id) DO UPDATE SET school_id = EXCLUDED.school_id, name = COALESCE(EXCLUDED.name, roster_ensembles.name),
         snapshot_at = EXCLUDED.snapshot_at, snapshot_event_id = EXCLUDED.snapshot_event_id
       WHERE (roster_ensembles.snapshot_at, roster_ensembles.snapshot_event_id) < (EXCLUDED.snapshot_at, EXCLUDED.snapshot_event_id)
       RETURNING ensemble_id`,
      [tenantId, payload.ensembleId, payload.schoolId, payload.ensembleName ?? null, event.occurredAt, event.id],
    );
    if (!applied) return;
    await manager.query('DELETE FROM roster_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2', [tenantId, payload.ensembleId]);
    await manager.query(
      `INSERT INTO roster_ensemble_members (tenant_id, ensemble_id, pupil_id, school_id)
       SELECT $1, $2, m.pupil_id, m.school_id FROM unnest($3::uuid[], $4::uuid[]) AS m (pupil_id, school_id) ON CONFLICT DO NOTHING`,
      [tenantId, payload.ensembleId, payload.members.map((member) => member.pupilId), payload.members.map((member) => member.schoolId)],
    );
  }

  /**
   * Whether a school id is one of this area's schools as far as this service knows them: a school
   * some family, pupil, class or ensemble of the area belongs to. Another area's school (or a made-up
   * id) is not, so that an id in a body cannot reach outside the caller's area.
   */
  async knowsSchool(manager: Pick<EntityManager, 'query'>, tenantId: string, schoolId: string): Promise<boolean> {
    const found = await oneRow<{ known: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM family_children WHERE tenant_id = $1 AND school_id = $2)
           OR EXISTS (SELECT 1 FROM roster_classes WHERE tenant_id = $1 AND school_id = $2)
           OR EXISTS (SELECT 1 FROM roster_ensembles WHERE tenant_id = $1 AND school_id = $2)
           OR EXISTS (SELECT 1 FROM roster_pupils WHERE tenant_id = $1 AND school_id = $2) AS known`,
      [tenantId, schoolId],
    );
    return found?.known === true;
  }

  /** A class's school and current pupils; undefined for a class no scheduling event has named. */
  async classAudience(manager: EntityManager, tenantId: string, classId: string): Promise<RosterAudience | undefined> {
    const found = await oneRow<{ school_id: string }>(manager, 'SELECT school_id FROM roster_classes WHERE tenant_id = $1 AND class_id = $2', [tenantId, classId]);
    if (!found) return undefined;
    const members = await rows<AudienceMember>(
      manager,
      MEMBERS_WITH_FAMILIES('SELECT p.pupil_id, p.school_id FROM roster_pupils p WHERE p.tenant_id = $1 AND p.class_id = $2 AND p.left_on IS NULL'),
      [tenantId, classId],
    );
    return { schoolId: found.school_id, members };
  }

  /**
   * An ensemble's school and current pupils, each with their current school (as their own latest
   * event says, else as the snapshot did); pupils who have left are not members, even if a snapshot
   * still names them. Undefined for an ensemble no snapshot has described.
   */
  async ensembleAudience(manager: EntityManager, tenantId: string, ensembleId: string): Promise<RosterAudience | undefined> {
    const found = await oneRow<{ school_id: string | null }>(manager, 'SELECT school_id FROM roster_ensembles WHERE tenant_id = $1 AND ensemble_id = $2', [tenantId, ensembleId]);
    if (!found) return undefined;
    const members = await rows<AudienceMember>(
      manager,
      MEMBERS_WITH_FAMILIES(
        `SELECT m.pupil_id, COALESCE(p.school_id, m.school_id) AS school_id
           FROM roster_ensemble_members m LEFT JOIN roster_pupils p ON p.tenant_id = m.tenant_id AND p.pupil_id = m.pupil_id
          WHERE m.tenant_id = $1 AND m.ensemble_id = $2 AND p.left_on IS NULL`,
      ),
      [tenantId, ensembleId],
    );
    return { schoolId: found.school_id, members };
  }

  private async setPupil(
    manager: EntityManager,
    event: EventEnvelope<'scheduling.pupil.enrolled' | 'scheduling.pupil.moved' | 'scheduling.pupil.left'>,
    place: { pupilId: string; schoolId: string; classId: string | null | undefined; leftOn: string | null },
  ): Promise<void> {
    const { tenantId } = event;
    await manager.query(SET_PUPIL, [tenantId, place.pupilId, place.schoolId, place.classId ?? null, place.leftOn, event.occurredAt, event.id, place.classId === undefined]);
    // Families follow their child's move now, not when a guardian next signs in: the new school's
    // staff see the family and its announcements reach them. The replica row, newest event first, says where.
    await manager.query(
      `UPDATE family_children c SET school_id = p.school_id FROM roster_pupils p
        WHERE p.tenant_id = $1 AND p.pupil_id = $2 AND c.tenant_id = p.tenant_id AND c.pupil_id = p.pupil_id AND c.school_id <> p.school_id`,
      [tenantId, place.pupilId],
    );
    // A class belongs to one school for good: any event naming it tells us which, however late it comes.
    if (place.classId) {
      await manager.query('INSERT INTO roster_classes (tenant_id, class_id, school_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [tenantId, place.classId, place.schoolId]);
    }
  }
}

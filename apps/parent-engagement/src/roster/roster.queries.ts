import { eventIsNewerSql } from '@tutti/messaging';
import { oneRow, rows, type Queryable } from '@tutti/platform';

/** A pupil now in a class or ensemble, with their school and their families' guardians (none yet: empty). */
export interface AudienceMember {
  pupilId: string;
  schoolId: string;
  guardianIds: string[];
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

/** A pupil's place as one scheduling event gives it, with the event's time and id. */
export interface PupilPlace {
  pupilId: string;
  schoolId: string;
  /** undefined: the event does not say (a leaving pupil keeps the class we knew). */
  classId: string | null | undefined;
  leftOn: string | null;
  eventAt: string;
  eventId: string;
}

/**
 * Sets the pupil's place unless a later event set it; then their families' children rows follow the
 * replica's school, and a class named is recorded with its school (a class belongs to one school for good).
 */
export async function setPupilPlace(db: Queryable, tenantId: string, place: PupilPlace): Promise<void> {
  await db.query(SET_PUPIL, [
    tenantId,
    place.pupilId,
    place.schoolId,
    place.classId ?? null,
    place.leftOn,
    place.eventAt,
    place.eventId,
    place.classId === undefined,
  ]);
  await db.query(
    `UPDATE family_children c SET school_id = p.school_id FROM roster_pupils p
      WHERE p.tenant_id = $1 AND p.pupil_id = $2 AND c.tenant_id = p.tenant_id AND c.pupil_id = p.pupil_id AND c.school_id <> p.school_id`,
    [tenantId, place.pupilId],
  );
  if (place.classId) {
    await db.query('INSERT INTO roster_classes (tenant_id, class_id, school_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      tenantId,
      place.classId,
      place.schoolId,
    ]);
  }
}

export interface EnsembleSnapshot {
  ensembleId: string;
  schoolId: string | null;
  name: string | null;
  members: { pupilId: string; schoolId: string }[];
  eventAt: string;
  eventId: string;
}

/** Replaces the ensemble and its members with the snapshot, unless a later snapshot was applied; whether it was. */
export async function applyEnsembleSnapshot(db: Queryable, tenantId: string, snapshot: EnsembleSnapshot): Promise<boolean> {
  const applied = await oneRow<{ ensemble_id: string }>(
    db,
    `INSERT INTO roster_ensembles (tenant_id, ensemble_id, school_id, name, snapshot_at, snapshot_event_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, ensemble_id) DO UPDATE SET school_id = EXCLUDED.school_id, name = COALESCE(EXCLUDED.name, roster_ensembles.name),
       snapshot_at = EXCLUDED.snapshot_at, snapshot_event_id = EXCLUDED.snapshot_event_id
     WHERE (roster_ensembles.snapshot_at, roster_ensembles.snapshot_event_id) < (EXCLUDED.snapshot_at, EXCLUDED.snapshot_event_id)
     RETURNING ensemble_id`,
    [tenantId, snapshot.ensembleId, snapshot.schoolId, snapshot.name, snapshot.eventAt, snapshot.eventId],
  );
  if (!applied) return false;
  await db.query('DELETE FROM roster_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2', [tenantId, snapshot.ensembleId]);
  await db.query(
    `INSERT INTO roster_ensemble_members (tenant_id, ensemble_id, pupil_id, school_id)
     SELECT $1, $2, m.pupil_id, m.school_id FROM unnest($3::uuid[], $4::uuid[]) AS m (pupil_id, school_id) ON CONFLICT DO NOTHING`,
    [tenantId, snapshot.ensembleId, snapshot.members.map((member) => member.pupilId), snapshot.members.map((member) => member.schoolId)],
  );
  return true;
}

/**
 * Records a school of the area as one scheduling event (created or updated) gives it, unless the row
 * was last set from a later event; whether it was set. Ids only: a school's name is scheduling's.
 */
export async function setSchool(
  db: Queryable,
  tenantId: string,
  school: { schoolId: string; eventAt: string; eventId: string },
): Promise<boolean> {
  const set = await oneRow<{ school_id: string }>(
    db,
    `INSERT INTO roster_schools (tenant_id, school_id, event_at, event_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, school_id) DO UPDATE SET event_at = EXCLUDED.event_at, event_id = EXCLUDED.event_id
     WHERE ${eventIsNewerSql('roster_schools.event', 'EXCLUDED.event_at', 'EXCLUDED.event_id')}
     RETURNING school_id`,
    [tenantId, school.schoolId, school.eventAt, school.eventId],
  );
  return set !== undefined;
}

/** Whether the school is one of the area's, as scheduling's school events (or the migration's copy of those known before) say. */
export async function schoolKnown(db: Queryable, tenantId: string, schoolId: string): Promise<boolean> {
  const found = await oneRow<{ known: boolean }>(
    db,
    'SELECT EXISTS (SELECT 1 FROM roster_schools WHERE tenant_id = $1 AND school_id = $2) AS known',
    [tenantId, schoolId],
  );
  return found?.known === true;
}

/** The class's school; undefined for a class no scheduling event has named. */
export async function classSchool(db: Queryable, tenantId: string, classId: string): Promise<string | undefined> {
  return (
    await oneRow<{ school_id: string }>(db, 'SELECT school_id FROM roster_classes WHERE tenant_id = $1 AND class_id = $2', [
      tenantId,
      classId,
    ])
  )?.school_id;
}

/** The class's current pupils with their families. */
export function classMembers(db: Queryable, tenantId: string, classId: string): Promise<AudienceMember[]> {
  return rows<AudienceMember>(
    db,
    MEMBERS_WITH_FAMILIES(
      'SELECT p.pupil_id, p.school_id FROM roster_pupils p WHERE p.tenant_id = $1 AND p.class_id = $2 AND p.left_on IS NULL',
    ),
    [tenantId, classId],
  );
}

/** The ensemble as a snapshot described it (its school: null for a cross-school one); undefined when none has. */
export function ensembleRow(db: Queryable, tenantId: string, ensembleId: string): Promise<{ school_id: string | null } | undefined> {
  return oneRow<{ school_id: string | null }>(db, 'SELECT school_id FROM roster_ensembles WHERE tenant_id = $1 AND ensemble_id = $2', [
    tenantId,
    ensembleId,
  ]);
}

/** The ensemble's current pupils (those who left excluded), each at their current school, with their families. */
export function ensembleMembers(db: Queryable, tenantId: string, ensembleId: string): Promise<AudienceMember[]> {
  return rows<AudienceMember>(
    db,
    MEMBERS_WITH_FAMILIES(
      `SELECT m.pupil_id, COALESCE(p.school_id, m.school_id) AS school_id
         FROM roster_ensemble_members m LEFT JOIN roster_pupils p ON p.tenant_id = m.tenant_id AND p.pupil_id = m.pupil_id
        WHERE m.tenant_id = $1 AND m.ensemble_id = $2 AND p.left_on IS NULL`,
    ),
    [tenantId, ensembleId],
  );
}

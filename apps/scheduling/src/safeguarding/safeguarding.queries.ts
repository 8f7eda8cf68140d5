import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { StaffKind } from '../staff/staff.model';
import type { ClearanceFacts, DbsLevel } from './safeguarding.model';

/** A member of staff's safeguarding record (dates as ISO days). */
export interface SafeguardingRow {
  staffId: string;
  dbsNumber: string | null;
  dbsLevel: DbsLevel | null;
  dbsIssuedOn: string | null;
  updateServiceCheckedOn: string | null;
  /** Derived by the table: 3 years after the later of the issue and the last Update Service check. */
  dbsExpiresOn: string | null;
  trainingCompletedOn: string | null;
  trainingLevel: string | null;
  trainingExpiresOn: string | null;
  version: number;
  updatedAt: Date;
}

export interface SafeguardingFields {
  dbsNumber: string | null;
  dbsLevel: DbsLevel | null;
  dbsIssuedOn: string | null;
  updateServiceCheckedOn: string | null;
  trainingCompletedOn: string | null;
  trainingLevel: string | null;
  trainingExpiresOn: string | null;
}

const RECORD_COLUMNS = `r.staff_id AS "staffId", r.dbs_number AS "dbsNumber", r.dbs_level AS "dbsLevel",
  to_char(r.dbs_issued_on, 'YYYY-MM-DD') AS "dbsIssuedOn", to_char(r.update_service_checked_on, 'YYYY-MM-DD') AS "updateServiceCheckedOn",
  to_char(r.dbs_expires_on, 'YYYY-MM-DD') AS "dbsExpiresOn", to_char(r.training_completed_on, 'YYYY-MM-DD') AS "trainingCompletedOn",
  r.training_level AS "trainingLevel", to_char(r.training_expires_on, 'YYYY-MM-DD') AS "trainingExpiresOn", r.version, r.updated_at AS "updatedAt"`;

export function safeguardingRecord(db: Queryable, tenantId: string, staffId: string): Promise<SafeguardingRow | undefined> {
  return oneRow<SafeguardingRow>(db, `SELECT ${RECORD_COLUMNS} FROM safeguarding_records r WHERE r.tenant_id = $1 AND r.staff_id = $2`, [
    tenantId,
    staffId,
  ]);
}

/** The records of these members of staff (none for those without one), each row locked until the transaction ends. */
export function lockSafeguardingRecords(db: Queryable, tenantId: string, staffIds: string[]): Promise<SafeguardingRow[]> {
  return rows<SafeguardingRow>(
    db,
    `SELECT ${RECORD_COLUMNS} FROM safeguarding_records r WHERE r.tenant_id = $1 AND r.staff_id = ANY($2::uuid[]) FOR SHARE`,
    [tenantId, staffIds],
  );
}

/** A member of staff with a safeguarding record: what `scheduling.safeguarding.changed` tells of them. */
export interface StaffClearanceFacts extends ClearanceFacts {
  id: string;
  kind: StaffKind;
  displayName: string;
}

/**
 * The next batch of the area's members of staff who have a safeguarding record, after `afterId` (by
 * staff id), each record share-locked (NOWAIT: fails at once on a record being changed).
 */
export function staffClearancesBatch(
  db: Queryable,
  tenantId: string,
  afterId: string | null,
  batchSize: number,
): Promise<StaffClearanceFacts[]> {
  return rows<StaffClearanceFacts>(
    db,
    `SELECT s.id, s.kind, s.display_name AS "displayName", r.dbs_level AS "dbsLevel",
            to_char(r.dbs_expires_on, 'YYYY-MM-DD') AS "dbsExpiresOn", to_char(r.training_expires_on, 'YYYY-MM-DD') AS "trainingExpiresOn"
       FROM safeguarding_records r JOIN staff s ON s.tenant_id = r.tenant_id AND s.id = r.staff_id
      WHERE r.tenant_id = $1 AND ($2::uuid IS NULL OR r.staff_id > $2) ORDER BY r.staff_id LIMIT $3 FOR SHARE OF r NOWAIT`,
    [tenantId, afterId, batchSize],
  );
}

/**
 * Writes the whole record if it is at `expectedVersion` (0: there is none yet); answers the record
 * written, or undefined when that did not hold. One statement decides who was first.
 */
export function writeSafeguardingRecord(
  db: Queryable,
  tenantId: string,
  staffId: string,
  expectedVersion: number,
  fields: SafeguardingFields,
): Promise<SafeguardingRow | undefined> {
  const values = [
    tenantId,
    staffId,
    fields.dbsNumber,
    fields.dbsLevel,
    fields.dbsIssuedOn,
    fields.updateServiceCheckedOn,
    fields.trainingCompletedOn,
    fields.trainingLevel,
    fields.trainingExpiresOn,
  ];
  if (expectedVersion === 0)
    return oneRow<SafeguardingRow>(
      db,
      `INSERT INTO safeguarding_records AS r (tenant_id, staff_id, dbs_number, dbs_level, dbs_issued_on, update_service_checked_on,
           training_completed_on, training_level, training_expires_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING ${RECORD_COLUMNS}`,
      values,
    );
  return oneRow<SafeguardingRow>(
    db,
    `UPDATE safeguarding_records r SET dbs_number = $3, dbs_level = $4, dbs_issued_on = $5, update_service_checked_on = $6,
         training_completed_on = $7, training_level = $8, training_expires_on = $9, version = version + 1, updated_at = now()
       WHERE r.tenant_id = $1 AND r.staff_id = $2 AND r.version = $10 RETURNING ${RECORD_COLUMNS}`,
    [...values, expectedVersion],
  );
}

/** The record's version now: 0 when there is none. */
export async function safeguardingVersion(db: Queryable, tenantId: string, staffId: string): Promise<number> {
  const found = await oneRow<{ version: number }>(db, 'SELECT version FROM safeguarding_records WHERE tenant_id = $1 AND staff_id = $2', [
    tenantId,
    staffId,
  ]);
  return found?.version ?? 0;
}

/** A member of staff with children now or to come, whose clearance runs out before `flagBefore` (or who has none). */
export interface FlaggedAssignmentRow {
  staffId: string;
  displayName: string;
  kind: StaffKind;
  dbsLevel: DbsLevel | null;
  dbsExpiresOn: string | null;
  trainingExpiresOn: string | null;
  /** Ensembles they are a current staff member of. */
  ensembleIds: string[];
  /** Scheduled sessions from now on that they tutor. */
  upcomingSessions: number;
  nextSessionAt: Date | null;
}

/**
 * Staff with current assignments (a staff membership of an ensemble not ended, or a scheduled
 * session still to come) whose DBS check or training is missing, below the level for children, or
 * runs out before `flagBefore`; soonest first, then by name.
 */
export function flaggedAssignments(
  db: Queryable,
  tenantId: string,
  flagBefore: string,
  levelForChildren: DbsLevel,
  now: Date,
  staffId: string | null = null,
): Promise<FlaggedAssignmentRow[]> {
  return rows<FlaggedAssignmentRow>(
    db,
    `WITH assigned AS (
       SELECT m.staff_id FROM ensemble_members m
         WHERE m.tenant_id = $1 AND m.staff_id IS NOT NULL AND m.left_on IS NULL AND ($5::uuid IS NULL OR m.staff_id = $5)
       UNION
       SELECT ot.staff_id FROM occurrence_tutors ot
         JOIN occurrences o ON o.tenant_id = ot.tenant_id AND o.id = ot.occurrence_id AND o.status = 'scheduled'
         WHERE ot.tenant_id = $1 AND ot.starts_at >= $4 AND ($5::uuid IS NULL OR ot.staff_id = $5)
     )
     SELECT s.id AS "staffId", s.display_name AS "displayName", s.kind, r.dbs_level AS "dbsLevel",
            to_char(r.dbs_expires_on, 'YYYY-MM-DD') AS "dbsExpiresOn", to_char(r.training_expires_on, 'YYYY-MM-DD') AS "trainingExpiresOn",
            coalesce((SELECT array_agg(m.ensemble_id ORDER BY m.ensemble_id) FROM ensemble_members m
                       WHERE m.tenant_id = s.tenant_id AND m.staff_id = s.id AND m.left_on IS NULL), '{}') AS "ensembleIds",
            upcoming.count::int AS "upcomingSessions", upcoming.next AS "nextSessionAt"
       FROM assigned a
       JOIN staff s ON s.tenant_id = $1 AND s.id = a.staff_id
       LEFT JOIN safeguarding_records r ON r.tenant_id = s.tenant_id AND r.staff_id = s.id
       CROSS JOIN LATERAL (
         SELECT count(*) AS count, min(ot.starts_at) AS next FROM occurrence_tutors ot
           JOIN occurrences o ON o.tenant_id = ot.tenant_id AND o.id = ot.occurrence_id AND o.status = 'scheduled'
           WHERE ot.tenant_id = s.tenant_id AND ot.staff_id = s.id AND ot.starts_at >= $4
       ) upcoming
      WHERE r.staff_id IS NULL OR r.dbs_level IS DISTINCT FROM $3 OR r.dbs_expires_on IS NULL OR r.training_expires_on IS NULL
         OR least(r.dbs_expires_on, r.training_expires_on) <= $2::date
      ORDER BY least(r.dbs_expires_on, r.training_expires_on) NULLS FIRST, s.display_name, s.id`,
    [tenantId, flagBefore, levelForChildren, now, staffId],
  );
}

/** Names of these members of staff the area has, by id. */
export function staffNames(db: Queryable, tenantId: string, staffIds: string[]): Promise<{ id: string; displayName: string }[]> {
  return rows<{ id: string; displayName: string }>(
    db,
    'SELECT id, display_name AS "displayName" FROM staff WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
    [tenantId, staffIds],
  );
}

import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { Characteristics } from '../characteristics/characteristics.model';
import { everyWordIn, NAME_FOLD } from '../common/common.queries';
import type { PupilStatus } from './pupil.model';

export interface PupilRow {
  id: string;
  schoolId: string;
  classId: string | null;
  firstName: string;
  lastName: string;
  yearGroup: number;
  status: PupilStatus;
  leftOn: string | null;
  misRef: string | null;
  destinationSchool: string | null;
  destinationSchoolId: string | null;
  version: number;
}

/** What the services keeping a copy of pupils (instrument sizes, performance rosters) show of them. */
export interface PupilDetails {
  pupilId: string;
  schoolId: string;
  firstName: string;
  lastName: string;
  yearGroup: number;
}

export interface PupilFields extends Characteristics {
  schoolId: string;
  classId: string | null;
  firstName: string;
  lastName: string;
  yearGroup: number;
  misRef: string | null;
  destinationSchool: string | null;
}

/** What an edit changes: undefined keeps a field. */
export interface PupilChanges {
  firstName?: string;
  lastName?: string;
  yearGroup?: number;
  destinationSchool?: string;
  /** null clears it. */
  destinationSchoolId?: string | null;
}

export interface PupilsFilter {
  /** Every pupil of the area (else those at `schoolIds` and those in `pupilIds`). */
  allSchools: boolean;
  schoolIds: string[];
  pupilIds: string[];
  schoolId: string | null;
  classId: string | null;
  status: string | null;
  /** Words each part of the pupil's first or last name, as nameSearchWords folds them (empty: any name). */
  nameWords: string[];
}

const PUPIL_COLUMNS = `p.id, p.school_id AS "schoolId", p.class_id AS "classId", p.first_name AS "firstName", p.last_name AS "lastName",
  p.year_group AS "yearGroup", p.status, to_char(p.left_on, 'YYYY-MM-DD') AS "leftOn", p.mis_ref AS "misRef",
  p.destination_school AS "destinationSchool", p.destination_school_id AS "destinationSchoolId", p.version`;

/** The school of a pupil, or undefined when the area has no such pupil. */
export async function pupilSchoolId(db: Queryable, tenantId: string, pupilId: string): Promise<string | undefined> {
  const pupil = await oneRow<{ schoolId: string }>(db, 'SELECT school_id AS "schoolId" FROM pupils WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    pupilId,
  ]);
  return pupil?.schoolId;
}

export async function insertPupil(db: Queryable, tenantId: string, pupilId: string, pupil: PupilFields): Promise<void> {
  await db.query(
    `INSERT INTO pupils (id, tenant_id, school_id, class_id, first_name, last_name, year_group, mis_ref, pupil_premium, send, eal, gender, ethnicity_group, destination_school)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      pupilId,
      tenantId,
      pupil.schoolId,
      pupil.classId,
      pupil.firstName,
      pupil.lastName,
      pupil.yearGroup,
      pupil.misRef,
      pupil.pupilPremium,
      pupil.send,
      pupil.eal,
      pupil.gender,
      pupil.ethnicityGroup,
      pupil.destinationSchool,
    ],
  );
}

/** A page of the pupils the filter lets in, by (last name, first name, id) after the cursor's. */
export function pupilsPage(
  db: Queryable,
  tenantId: string,
  filter: PupilsFilter,
  after: readonly unknown[] | null,
  limit: number,
): Promise<PupilRow[]> {
  return rows<PupilRow>(
    db,
    `SELECT ${PUPIL_COLUMNS} FROM pupils p
       WHERE p.tenant_id = $1
         AND ($2::boolean OR p.school_id = ANY($3::uuid[]) OR p.id = ANY($4::uuid[]))
         AND ($5::uuid IS NULL OR p.school_id = $5) AND ($6::uuid IS NULL OR p.class_id = $6) AND ($7::text IS NULL OR p.status = $7)
         AND ($8::text IS NULL OR (p.last_name, p.first_name, p.id) > ($8, $9, $10::uuid))
         AND ${everyWordIn(`p.first_name || ' ' || p.last_name`, '$12', '$13', '$14')}
       ORDER BY p.last_name, p.first_name, p.id LIMIT $11`,
    [
      tenantId,
      filter.allSchools,
      filter.schoolIds,
      filter.pupilIds,
      filter.schoolId,
      filter.classId,
      filter.status,
      after?.[0] ?? null,
      after?.[1] ?? null,
      after?.[2] ?? null,
      limit,
      filter.nameWords,
      NAME_FOLD.accented,
      NAME_FOLD.plain,
    ],
  );
}

export function pupilById(db: Queryable, tenantId: string, pupilId: string): Promise<PupilRow | undefined> {
  return oneRow<PupilRow>(db, `SELECT ${PUPIL_COLUMNS} FROM pupils p WHERE p.tenant_id = $1 AND p.id = $2`, [tenantId, pupilId]);
}

/**
 * The edited pupil's details and whether its name or year group changed, or undefined when it is not at
 * `expectedVersion` (or not there). The row is locked first so that the before and after are of the same row.
 */
export async function updatePupil(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  expectedVersion: number,
  changes: PupilChanges,
): Promise<(PupilDetails & { detailsChanged: boolean }) | undefined> {
  const [updated] = await rows<PupilDetails & { detailsChanged: boolean }>(
    db,
    `WITH before AS (SELECT first_name, last_name, year_group FROM pupils WHERE tenant_id = $1 AND id = $2 FOR UPDATE)
         UPDATE pupils p SET first_name = coalesce($3, p.first_name), last_name = coalesce($4, p.last_name), year_group = coalesce($5, p.year_group),
           destination_school = coalesce($7, p.destination_school),
           destination_school_id = CASE WHEN $8::boolean THEN $9::uuid ELSE p.destination_school_id END, updated_at = now(), version = p.version + 1
          FROM before b WHERE p.tenant_id = $1 AND p.id = $2 AND p.version = $6
         RETURNING p.id AS "pupilId", p.school_id AS "schoolId", p.first_name AS "firstName", p.last_name AS "lastName", p.year_group AS "yearGroup",
                   (p.first_name, p.last_name, p.year_group) IS DISTINCT FROM (b.first_name, b.last_name, b.year_group) AS "detailsChanged"`,
    [
      tenantId,
      pupilId,
      changes.firstName ?? null,
      changes.lastName ?? null,
      changes.yearGroup ?? null,
      expectedVersion,
      changes.destinationSchool ?? null,
      changes.destinationSchoolId !== undefined,
      changes.destinationSchoolId ?? null,
    ],
  );
  return updated;
}

export async function movePupil(db: Queryable, tenantId: string, pupilId: string, schoolId: string, classId: string | null): Promise<void> {
  await db.query(
    'UPDATE pupils SET school_id = $3, class_id = $4, updated_at = now(), version = version + 1 WHERE tenant_id = $1 AND id = $2',
    [tenantId, pupilId, schoolId, classId],
  );
}

export async function markPupilLeft(db: Queryable, tenantId: string, pupilId: string, leftOn: string): Promise<void> {
  await db.query(
    `UPDATE pupils SET status = 'left', left_on = $3, updated_at = now(), version = version + 1 WHERE tenant_id = $1 AND id = $2`,
    [tenantId, pupilId, leftOn],
  );
}

/** Records the school's roll-over for the academic year; false when it was done already. */
export async function claimRollOver(db: Queryable, tenantId: string, schoolId: string, academicYear: string): Promise<boolean> {
  const first = await oneRow(
    db,
    'INSERT INTO roll_overs (tenant_id, school_id, academic_year) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1 AS ok',
    [tenantId, schoolId, academicYear],
  );
  return first !== undefined;
}

/** The school's active pupils in `lastYearGroup` or above leave on `leftOn`, as leavers or alumni; answers their ids. */
export async function markLeavers(
  db: Queryable,
  tenantId: string,
  schoolId: string,
  leftOn: string,
  lastYearGroup: number,
  status: 'leaver' | 'alumni',
): Promise<string[]> {
  const leavers = await rows<{ id: string }>(
    db,
    `UPDATE pupils SET status = $5, left_on = $3, updated_at = now(), version = version + 1
         WHERE tenant_id = $1 AND school_id = $2 AND status = 'active' AND year_group >= $4 RETURNING id`,
    [tenantId, schoolId, leftOn, lastYearGroup, status],
  );
  return leavers.map((leaver) => leaver.id);
}

/** The school's active pupils move up a year; answers their new details. */
export function moveActivePupilsUp(db: Queryable, tenantId: string, schoolId: string): Promise<PupilDetails[]> {
  return rows<PupilDetails>(
    db,
    `UPDATE pupils SET year_group = year_group + 1, updated_at = now(), version = version + 1 WHERE tenant_id = $1 AND school_id = $2 AND status = 'active'
         RETURNING id AS "pupilId", school_id AS "schoolId", first_name AS "firstName", last_name AS "lastName", year_group AS "yearGroup"`,
    [tenantId, schoolId],
  );
}

/** The pupil's school and status, or undefined when the area has no such pupil. */
export function pupilSchoolAndStatus(
  db: Queryable,
  tenantId: string,
  pupilId: string,
): Promise<{ schoolId: string; status: string } | undefined> {
  return oneRow<{ schoolId: string; status: string }>(
    db,
    'SELECT school_id AS "schoolId", status FROM pupils WHERE tenant_id = $1 AND id = $2',
    [tenantId, pupilId],
  );
}

/**
 * Points the destination of the school's pupils with these MIS references at a secondary school of the area
 * whose name (case aside) or URN is their destination's text; only where none is set yet (a hand-set one
 * stands) and only when exactly one secondary school matches. Answers the pupils changed.
 */
export async function matchDestinationSchools(db: Queryable, tenantId: string, schoolId: string, misRefs: string[]): Promise<string[]> {
  const matched = await rows<{ id: string }>(
    db,
    `UPDATE pupils p SET destination_school_id = m.school_id, updated_at = now(), version = p.version + 1
       FROM (SELECT q.id, min(s.id::text)::uuid AS school_id
               FROM pupils q JOIN schools s ON s.tenant_id = q.tenant_id AND s.phase = 'secondary'
                AND (lower(s.name) = lower(btrim(q.destination_school)) OR s.urn = btrim(q.destination_school))
              WHERE q.tenant_id = $1 AND q.school_id = $2 AND q.mis_ref = ANY($3::text[]) AND q.destination_school_id IS NULL
              GROUP BY q.id HAVING count(*) = 1) m
      WHERE p.tenant_id = $1 AND p.id = m.id RETURNING p.id`,
    [tenantId, schoolId, misRefs],
  );
  return matched.map((pupil) => pupil.id);
}

import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { SchoolPhase } from '../schools/school.model';

export interface ComparisonSchoolFields {
  urn: string;
  name: string;
  phase: SchoolPhase;
  pupils: number;
  percentFsm: number | null;
  percentSend: number | null;
  percentEal: number | null;
  cohortYear: string | null;
}

export interface ComparisonSchoolRow extends ComparisonSchoolFields {
  id: string;
  version: number;
}

/** What an edit changes: undefined keeps a field; null clears a percentage or the year. */
export type ComparisonSchoolChanges = Partial<ComparisonSchoolFields>;

const COLUMNS = `id, urn, name, phase, pupils, percent_fsm::float8 AS "percentFsm", percent_send::float8 AS "percentSend",
  percent_eal::float8 AS "percentEal", cohort_year AS "cohortYear", version`;

/** The new comparison school, or undefined when the area already has one with this URN. */
export function insertComparisonSchool(
  db: Queryable,
  tenantId: string,
  id: string,
  school: ComparisonSchoolFields,
): Promise<ComparisonSchoolRow | undefined> {
  return oneRow<ComparisonSchoolRow>(
    db,
    `INSERT INTO comparison_schools (tenant_id, id, urn, name, phase, pupils, percent_fsm, percent_send, percent_eal, cohort_year)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id, urn) DO NOTHING RETURNING ${COLUMNS}`,
    [
      tenantId,
      id,
      school.urn,
      school.name,
      school.phase,
      school.pupils,
      school.percentFsm,
      school.percentSend,
      school.percentEal,
      school.cohortYear,
    ],
  );
}

/** The edited comparison school, or undefined when it is not at `expectedVersion` (or not there). A URN taken is a unique violation. */
export function updateComparisonSchool(
  db: Queryable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: ComparisonSchoolChanges,
): Promise<ComparisonSchoolRow | undefined> {
  const given = (key: keyof ComparisonSchoolFields) => changes[key] !== undefined;
  return oneRow<ComparisonSchoolRow>(
    db,
    `UPDATE comparison_schools SET urn = coalesce($3, urn), name = coalesce($4, name), phase = coalesce($5, phase), pupils = coalesce($6, pupils),
            percent_fsm = CASE WHEN $7::boolean THEN $8 ELSE percent_fsm END,
            percent_send = CASE WHEN $9::boolean THEN $10 ELSE percent_send END,
            percent_eal = CASE WHEN $11::boolean THEN $12 ELSE percent_eal END,
            cohort_year = CASE WHEN $13::boolean THEN $14 ELSE cohort_year END,
            version = version + 1
      WHERE tenant_id = $1 AND id = $2 AND version = $15 RETURNING ${COLUMNS}`,
    [
      tenantId,
      id,
      changes.urn ?? null,
      changes.name ?? null,
      changes.phase ?? null,
      changes.pupils ?? null,
      given('percentFsm'),
      changes.percentFsm ?? null,
      given('percentSend'),
      changes.percentSend ?? null,
      given('percentEal'),
      changes.percentEal ?? null,
      given('cohortYear'),
      changes.cohortYear ?? null,
      expectedVersion,
    ],
  );
}

export function comparisonSchoolById(db: Queryable, tenantId: string, id: string): Promise<ComparisonSchoolRow | undefined> {
  return oneRow<ComparisonSchoolRow>(db, `SELECT ${COLUMNS} FROM comparison_schools WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
}

/** The comparison school holding this URN in the area, if any. */
export function comparisonSchoolByUrn(db: Queryable, tenantId: string, urn: string): Promise<{ id: string } | undefined> {
  return oneRow<{ id: string }>(db, 'SELECT id FROM comparison_schools WHERE tenant_id = $1 AND urn = $2', [tenantId, urn]);
}

/** The programme school holding this URN in the area, if any: it cannot be its own comparison. */
export function programmeSchoolByUrn(db: Queryable, tenantId: string, urn: string): Promise<{ id: string } | undefined> {
  return oneRow<{ id: string }>(db, 'SELECT id FROM schools WHERE tenant_id = $1 AND urn = $2', [tenantId, urn]);
}

/** A page of comparison schools by name after the cursor's (name, id). */
export function comparisonSchoolsPage(
  db: Queryable,
  tenantId: string,
  after: readonly unknown[] | null,
  limit: number,
): Promise<ComparisonSchoolRow[]> {
  return rows<ComparisonSchoolRow>(
    db,
    `SELECT ${COLUMNS} FROM comparison_schools
      WHERE tenant_id = $1 AND ($2::text IS NULL OR (name, id) > ($2, $3::uuid))
      ORDER BY name, id LIMIT $4`,
    [tenantId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

/** Every comparison school of the area, by URN (for the evaluation export). */
export function allComparisonSchools(db: Queryable, tenantId: string): Promise<ComparisonSchoolRow[]> {
  return rows<ComparisonSchoolRow>(db, `SELECT ${COLUMNS} FROM comparison_schools WHERE tenant_id = $1 ORDER BY urn`, [tenantId]);
}

/** Deletes the comparison school; false when the area has none of this id. */
export async function deleteComparisonSchool(db: Queryable, tenantId: string, id: string): Promise<boolean> {
  const deleted = await rows<{ id: string }>(db, 'DELETE FROM comparison_schools WHERE tenant_id = $1 AND id = $2 RETURNING id', [
    tenantId,
    id,
  ]);
  return deleted.length > 0;
}

/** A programme school's cohort in an academic year: its pupils on roll at some point of it, counted by characteristic. */
export interface ProgrammeCohortRow {
  schoolId: string;
  urn: string | null;
  name: string;
  phase: SchoolPhase;
  pupilIds: string[];
  fsmYes: number;
  fsmNo: number;
  sendYes: number;
  sendNo: number;
  ealYes: number;
  ealNo: number;
}

/**
 * Every programme school of the area with the pupils on its roll from `from` on (a pupil who left
 * before it is not counted; an alumnus counts for the school they left from), counted by FSM/pupil premium, SEND (SEN support or EHCP against none) and EAL; unknown
 * values are in neither count.
 */
export function programmeCohorts(db: Queryable, tenantId: string, from: string): Promise<ProgrammeCohortRow[]> {
  return rows<ProgrammeCohortRow>(
    db,
    `SELECT s.id AS "schoolId", s.urn, s.name, s.phase,
            coalesce(array_agg(p.id) FILTER (WHERE p.id IS NOT NULL), '{}') AS "pupilIds",
            count(*) FILTER (WHERE p.pupil_premium = 'yes')::int AS "fsmYes",
            count(*) FILTER (WHERE p.pupil_premium = 'no')::int AS "fsmNo",
            count(*) FILTER (WHERE p.send IN ('sen_support', 'ehcp'))::int AS "sendYes",
            count(*) FILTER (WHERE p.send = 'none')::int AS "sendNo",
            count(*) FILTER (WHERE p.eal = 'yes')::int AS "ealYes",
            count(*) FILTER (WHERE p.eal = 'no')::int AS "ealNo"
       FROM schools s
       LEFT JOIN pupils p ON p.tenant_id = s.tenant_id AND p.school_id = s.id AND (p.left_on IS NULL OR p.left_on >= $2::date)
      WHERE s.tenant_id = $1
      GROUP BY s.id
      ORDER BY s.urn NULLS LAST, s.name, s.id`,
    [tenantId, from],
  );
}

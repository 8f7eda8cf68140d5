import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { SchoolPhase } from './school.model';

export interface SchoolRow {
  id: string;
  name: string;
  urn: string | null;
  phase: SchoolPhase;
  /** A secondary school that is a partner of the programme: its staff see their incoming pupils. */
  partner: boolean;
  version: number;
}

export interface SchoolFields {
  name: string;
  urn: string | null;
  phase: SchoolPhase;
  partner: boolean;
}

/** What an edit changes: undefined keeps a field; urn null clears it. */
export type SchoolChanges = Partial<SchoolFields>;

const SCHOOL_COLUMNS = 'id, name, urn, phase, partner, version';

export async function insertSchool(db: Queryable, tenantId: string, schoolId: string, school: SchoolFields): Promise<SchoolRow> {
  const row = await oneRow<SchoolRow>(
    db,
    `INSERT INTO schools (id, tenant_id, name, urn, phase, partner) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SCHOOL_COLUMNS}`,
    [schoolId, tenantId, school.name, school.urn, school.phase, school.partner],
  );
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The edited school, or undefined when it is not at `expectedVersion` (or not there). */
export function updateSchool(
  db: Queryable,
  tenantId: string,
  schoolId: string,
  expectedVersion: number,
  changes: SchoolChanges,
): Promise<SchoolRow | undefined> {
  return oneRow<SchoolRow>(
    db,
    `UPDATE schools SET name = coalesce($3, name), urn = CASE WHEN $4::boolean THEN $5 ELSE urn END, phase = coalesce($6, phase),
       partner = coalesce($8, partner), version = version + 1
     WHERE tenant_id = $1 AND id = $2 AND version = $7 RETURNING ${SCHOOL_COLUMNS}`,
    [
      tenantId,
      schoolId,
      changes.name ?? null,
      changes.urn !== undefined,
      changes.urn ?? null,
      changes.phase ?? null,
      expectedVersion,
      changes.partner ?? null,
    ],
  );
}

/** A page of schools by name after the cursor's (name, id); `schoolIds` null for all of them. */
export function schoolsPage(
  db: Queryable,
  tenantId: string,
  schoolIds: string[] | null,
  after: readonly unknown[] | null,
  limit: number,
): Promise<SchoolRow[]> {
  return rows<SchoolRow>(
    db,
    `SELECT ${SCHOOL_COLUMNS} FROM schools
     WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2)) AND ($3::text IS NULL OR (name, id) > ($3, $4::uuid))
     ORDER BY name, id LIMIT $5`,
    [tenantId, schoolIds, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

export function schoolById(db: Queryable, tenantId: string, schoolId: string): Promise<SchoolRow | undefined> {
  return oneRow<SchoolRow>(db, `SELECT ${SCHOOL_COLUMNS} FROM schools WHERE tenant_id = $1 AND id = $2`, [tenantId, schoolId]);
}

export async function schoolExists(db: Queryable, tenantId: string, schoolId: string): Promise<boolean> {
  return (await oneRow(db, 'SELECT 1 AS ok FROM schools WHERE tenant_id = $1 AND id = $2', [tenantId, schoolId])) !== undefined;
}

/** Which of `schoolIds` the area has. */
export async function existingSchoolIds(db: Queryable, tenantId: string, schoolIds: string[]): Promise<string[]> {
  const known = await rows<{ id: string }>(db, 'SELECT id FROM schools WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [
    tenantId,
    schoolIds,
  ]);
  return known.map((row) => row.id);
}

export async function schoolName(db: Queryable, tenantId: string, schoolId: string): Promise<string | undefined> {
  const school = await oneRow<{ name: string }>(db, 'SELECT name FROM schools WHERE tenant_id = $1 AND id = $2', [tenantId, schoolId]);
  return school?.name;
}

/** The schools in scope (null: all) by name. */
export function schoolNames(db: Queryable, tenantId: string, schoolIds: string[] | null): Promise<{ id: string; name: string }[]> {
  return rows<{ id: string; name: string }>(
    db,
    'SELECT id, name FROM schools WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2)) ORDER BY name, id',
    [tenantId, schoolIds],
  );
}

export async function allSchoolIds(db: Queryable, tenantId: string): Promise<string[]> {
  const schools = await rows<{ id: string }>(db, 'SELECT id FROM schools WHERE tenant_id = $1', [tenantId]);
  return schools.map((school) => school.id);
}

/** Every school of the area with its URN. */
export function schoolUrns(db: Queryable, tenantId: string): Promise<{ id: string; urn: string | null }[]> {
  return rows<{ id: string; urn: string | null }>(db, 'SELECT id, urn FROM schools WHERE tenant_id = $1', [tenantId]);
}

/** The school's phase, its row locked for the rest of the transaction; undefined when the area has no such school. */
export async function lockSchoolPhase(db: Queryable, tenantId: string, schoolId: string): Promise<SchoolPhase | undefined> {
  const school = await oneRow<{ phase: SchoolPhase }>(db, 'SELECT phase FROM schools WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [
    tenantId,
    schoolId,
  ]);
  return school?.phase;
}

/** The school's phase, or undefined when the area has no such school. */
export async function schoolPhase(db: Queryable, tenantId: string, schoolId: string): Promise<SchoolPhase | undefined> {
  const school = await oneRow<{ phase: SchoolPhase }>(db, 'SELECT phase FROM schools WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    schoolId,
  ]);
  return school?.phase;
}

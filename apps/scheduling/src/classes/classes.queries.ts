import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface ClassRow {
  id: string;
  schoolId: string;
  name: string;
  yearGroup: number;
  version: number;
}

const CLASS_COLUMNS = 'id, school_id AS "schoolId", name, year_group AS "yearGroup", version';

export async function insertClass(
  db: Queryable,
  tenantId: string,
  classId: string,
  input: { schoolId: string; name: string; yearGroup: number },
): Promise<ClassRow> {
  const created = await oneRow<ClassRow>(
    db,
    `INSERT INTO classes (id, tenant_id, school_id, name, year_group) VALUES ($1, $2, $3, $4, $5) RETURNING ${CLASS_COLUMNS}`,
    [classId, tenantId, input.schoolId, input.name, input.yearGroup],
  );
  if (!created) throw new Error('insert returned nothing');
  return created;
}

/** A page of unarchived classes by name after the cursor's (name, id), of the schools in scope (null: all) and of one school if given. */
export function classesPage(
  db: Queryable,
  tenantId: string,
  schoolIds: string[] | null,
  schoolId: string | null,
  after: readonly unknown[] | null,
  limit: number,
): Promise<ClassRow[]> {
  return rows<ClassRow>(
    db,
    `SELECT ${CLASS_COLUMNS} FROM classes
       WHERE tenant_id = $1 AND archived_at IS NULL AND ($2::uuid[] IS NULL OR school_id = ANY($2)) AND ($3::uuid IS NULL OR school_id = $3)
         AND ($4::text IS NULL OR (name, id) > ($4, $5::uuid))
       ORDER BY name, id LIMIT $6`,
    [tenantId, schoolIds, schoolId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

export function classById(db: Queryable, tenantId: string, classId: string): Promise<ClassRow | undefined> {
  return oneRow<ClassRow>(db, `SELECT ${CLASS_COLUMNS} FROM classes WHERE tenant_id = $1 AND id = $2`, [tenantId, classId]);
}

/** The edited class, or undefined when it is not at `expectedVersion` (or not there). */
export function updateClass(
  db: Queryable,
  tenantId: string,
  classId: string,
  expectedVersion: number,
  changes: { name?: string; yearGroup?: number },
): Promise<ClassRow | undefined> {
  return oneRow<ClassRow>(
    db,
    `UPDATE classes SET name = coalesce($3, name), year_group = coalesce($4, year_group), version = version + 1
       WHERE tenant_id = $1 AND id = $2 AND version = $5 RETURNING ${CLASS_COLUMNS}`,
    [tenantId, classId, changes.name ?? null, changes.yearGroup ?? null, expectedVersion],
  );
}

/** The school of a class (archived or not), or undefined when the area has no such class. */
export async function classSchoolId(db: Queryable, tenantId: string, classId: string): Promise<string | undefined> {
  const found = await oneRow<{ schoolId: string }>(db, 'SELECT school_id AS "schoolId" FROM classes WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    classId,
  ]);
  return found?.schoolId;
}

/** The school of an unarchived class, or undefined when the area has no such class (or it is archived). */
export async function activeClassSchoolId(db: Queryable, tenantId: string, classId: string): Promise<string | undefined> {
  const found = await oneRow<{ schoolId: string }>(
    db,
    'SELECT school_id AS "schoolId" FROM classes WHERE tenant_id = $1 AND id = $2 AND archived_at IS NULL',
    [tenantId, classId],
  );
  return found?.schoolId;
}

/** The roll-over's classes: those in the school's last year group (or past it) are archived, the rest move up a year. */
export async function rollClassesOver(db: Queryable, tenantId: string, schoolId: string, lastYearGroup: number): Promise<void> {
  await db.query(
    `UPDATE classes SET archived_at = now(), version = version + 1 WHERE tenant_id = $1 AND school_id = $2 AND archived_at IS NULL AND year_group >= $3`,
    [tenantId, schoolId, lastYearGroup],
  );
  await db.query(
    `UPDATE classes SET year_group = year_group + 1, version = version + 1 WHERE tenant_id = $1 AND school_id = $2 AND archived_at IS NULL`,
    [tenantId, schoolId],
  );
}

/** The school's unarchived classes with these names. */
export function classesNamed(db: Queryable, tenantId: string, schoolId: string, names: string[]): Promise<{ id: string; name: string }[]> {
  return rows<{ id: string; name: string }>(
    db,
    'SELECT id, name FROM classes WHERE tenant_id = $1 AND school_id = $2 AND archived_at IS NULL AND name = ANY($3::text[])',
    [tenantId, schoolId, names],
  );
}

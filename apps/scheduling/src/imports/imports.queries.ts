import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { Characteristics } from '../characteristics/characteristics.model';

export interface ImportRow {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  classesCreated: number;
  newClasses: { className: string; rows: number[] }[];
  problems: unknown[];
  startedAt: Date;
}

/** A pupil of the school as the MIS import compares it with the file. */
export interface ExistingPupilRow extends MisPupilFields {
  id: string;
  misRef: string;
}

export interface ChunkCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  classesCreated: number;
}

/** What the file says of a pupil already there. */
export interface MisPupilFields extends Characteristics {
  firstName: string;
  lastName: string;
  yearGroup: number;
  classId: string | null;
  destinationSchool: string | null;
}

const IMPORT_COLUMNS = `id, status, total_rows AS "totalRows", processed_rows AS "processedRows", created, updated, unchanged,
  classes_created AS "classesCreated", new_classes AS "newClasses", problems, started_at AS "startedAt"`;

export async function insertImport(
  db: Queryable,
  tenantId: string,
  importId: string,
  started: { schoolId: string; startedBy: string; totalRows: number; problems: unknown[]; newClasses: unknown[] },
): Promise<void> {
  await db.query(
    `INSERT INTO roster_imports (id, tenant_id, school_id, started_by, status, total_rows, problems, new_classes) VALUES ($1, $2, $3, $4, 'running', $5, $6, $7)`,
    [
      importId,
      tenantId,
      started.schoolId,
      started.startedBy,
      started.totalRows,
      JSON.stringify(started.problems),
      JSON.stringify(started.newClasses),
    ],
  );
}

/** Adds a committed chunk's counts to the import's progress. */
export async function addImportProgress(db: Queryable, tenantId: string, importId: string, chunk: ChunkCounts): Promise<void> {
  await db.query(
    `UPDATE roster_imports SET processed_rows = processed_rows + $3, created = created + $4, updated = updated + $5, unchanged = unchanged + $6,
               classes_created = classes_created + $7 WHERE tenant_id = $1 AND id = $2`,
    [tenantId, importId, chunk.rows, chunk.created, chunk.updated, chunk.unchanged, chunk.classesCreated],
  );
}

export async function completeImport(db: Queryable, tenantId: string, importId: string): Promise<void> {
  await db.query(
    `UPDATE roster_imports SET status = 'completed', processed_rows = total_rows, finished_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, importId],
  );
}

export async function failImport(db: Queryable, tenantId: string, importId: string): Promise<void> {
  await db.query(`UPDATE roster_imports SET status = 'failed', finished_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, importId]);
}

export function importById(db: Queryable, tenantId: string, importId: string): Promise<(ImportRow & { schoolId: string }) | undefined> {
  return oneRow<ImportRow & { schoolId: string }>(
    db,
    `SELECT ${IMPORT_COLUMNS}, school_id AS "schoolId" FROM roster_imports WHERE tenant_id = $1 AND id = $2`,
    [tenantId, importId],
  );
}

/** A page of the imports of the schools in scope (null: all), newest first, before the cursor's id. */
export function importsPage(
  db: Queryable,
  tenantId: string,
  schoolIds: string[] | null,
  after: readonly unknown[] | null,
  limit: number,
): Promise<ImportRow[]> {
  return rows<ImportRow>(
    db,
    `SELECT ${IMPORT_COLUMNS} FROM roster_imports WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR school_id = ANY($2)) AND ($3::uuid IS NULL OR id < $3)
       ORDER BY id DESC LIMIT $4`,
    [tenantId, schoolIds, after?.[0] ?? null, limit],
  );
}

/** The school's pupils with these MIS references, locked FOR UPDATE when `lock` (a write, not a dry run). */
export function pupilsByMisRef(
  db: Queryable,
  tenantId: string,
  schoolId: string,
  misRefs: string[],
  lock: boolean,
): Promise<ExistingPupilRow[]> {
  return rows<ExistingPupilRow>(
    db,
    `SELECT id, mis_ref AS "misRef", first_name AS "firstName", last_name AS "lastName", year_group AS "yearGroup", class_id AS "classId",
              pupil_premium AS "pupilPremium", send, eal, gender, ethnicity_group AS "ethnicityGroup",
              destination_school AS "destinationSchool"
       FROM pupils WHERE tenant_id = $1 AND school_id = $2 AND mis_ref = ANY($3::text[]) ${lock ? 'FOR UPDATE' : ''}`,
    [tenantId, schoolId, misRefs],
  );
}

export async function updatePupilFromMis(db: Queryable, tenantId: string, pupilId: string, next: MisPupilFields): Promise<void> {
  await db.query(
    `UPDATE pupils SET first_name = $3, last_name = $4, year_group = $5, class_id = $6, pupil_premium = $7, send = $8, eal = $9, gender = $10, ethnicity_group = $11,
              destination_school = $12, updated_at = now(), version = version + 1
         WHERE tenant_id = $1 AND id = $2`,
    [
      tenantId,
      pupilId,
      next.firstName,
      next.lastName,
      next.yearGroup,
      next.classId,
      next.pupilPremium,
      next.send,
      next.eal,
      next.gender,
      next.ethnicityGroup,
      next.destinationSchool,
    ],
  );
}

import { oneRow, rows, type Queryable } from '@tutti/platform';
import { everyWordIn, NAME_FOLD } from '../common/common.queries';
import type { StaffKind } from './staff.model';

export interface StaffRow {
  id: string;
  kind: StaffKind;
  displayName: string;
  email: string | null;
  employer: string | null;
  instruments: string[];
  userId: string | null;
  schoolIds: string[];
  version: number;
}

export interface StaffFields {
  userId: string | null;
  kind: StaffKind;
  displayName: string;
  email: string | null;
  employer: string | null;
  instruments: string[];
}

/** What an edit changes: undefined keeps a field. */
export interface StaffChanges {
  displayName?: string;
  email?: string;
  employer?: string;
  instruments?: string[];
  userId?: string;
}

const STAFF_COLUMNS = `s.id, s.kind, s.display_name AS "displayName", s.email, s.employer, s.instruments, s.user_id AS "userId", s.version,
  coalesce((SELECT array_agg(ss.school_id ORDER BY ss.school_id) FROM staff_schools ss WHERE ss.tenant_id = s.tenant_id AND ss.staff_id = s.id), '{}') AS "schoolIds"`;

export async function insertStaff(db: Queryable, tenantId: string, staffId: string, staff: StaffFields): Promise<void> {
  await db.query(
    'INSERT INTO staff (id, tenant_id, user_id, kind, display_name, email, employer, instruments) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [staffId, tenantId, staff.userId, staff.kind, staff.displayName, staff.email, staff.employer, staff.instruments],
  );
}

/** Whether the staff record was at `expectedVersion` (and there) and is now edited. */
export async function updateStaff(
  db: Queryable,
  tenantId: string,
  staffId: string,
  expectedVersion: number,
  changes: StaffChanges,
): Promise<boolean> {
  const updated = await oneRow(
    db,
    `UPDATE staff SET display_name = coalesce($3, display_name), email = coalesce($4, email), employer = coalesce($5, employer),
           instruments = coalesce($6, instruments), user_id = coalesce($7, user_id), version = version + 1
         WHERE tenant_id = $1 AND id = $2 AND version = $8 RETURNING id`,
    [
      tenantId,
      staffId,
      changes.displayName ?? null,
      changes.email ?? null,
      changes.employer ?? null,
      changes.instruments ?? null,
      changes.userId ?? null,
      expectedVersion,
    ],
  );
  return updated !== undefined;
}

/**
 * A page of staff by display name after the cursor's (name, id), at the schools in scope (null: all), at one school
 * and of one kind if given, whose display name holds every one of `nameWords` (nameSearchWords; empty: any name).
 */
export function staffPage(
  db: Queryable,
  tenantId: string,
  schoolIds: string[] | null,
  filter: { schoolId: string | null; kind: string | null; nameWords: string[] },
  after: readonly unknown[] | null,
  limit: number,
): Promise<StaffRow[]> {
  return rows<StaffRow>(
    db,
    `SELECT ${STAFF_COLUMNS} FROM staff s
       WHERE s.tenant_id = $1
         AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM staff_schools ss WHERE ss.tenant_id = s.tenant_id AND ss.staff_id = s.id AND ss.school_id = ANY($2)))
         AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM staff_schools ss WHERE ss.tenant_id = s.tenant_id AND ss.staff_id = s.id AND ss.school_id = $3))
         AND ($4::text IS NULL OR s.kind = $4)
         AND ($5::text IS NULL OR (s.display_name, s.id) > ($5, $6::uuid))
         AND ${everyWordIn('s.display_name', '$8', '$9', '$10')}
       ORDER BY s.display_name, s.id LIMIT $7`,
    [
      tenantId,
      schoolIds,
      filter.schoolId,
      filter.kind,
      after?.[0] ?? null,
      after?.[1] ?? null,
      limit,
      filter.nameWords,
      NAME_FOLD.accented,
      NAME_FOLD.plain,
    ],
  );
}

export function staffById(db: Queryable, tenantId: string, staffId: string): Promise<StaffRow | undefined> {
  return oneRow<StaffRow>(db, `SELECT ${STAFF_COLUMNS} FROM staff s WHERE s.tenant_id = $1 AND s.id = $2`, [tenantId, staffId]);
}

export function staffByUser(db: Queryable, tenantId: string, userId: string): Promise<StaffRow | undefined> {
  return oneRow<StaffRow>(db, `SELECT ${STAFF_COLUMNS} FROM staff s WHERE s.tenant_id = $1 AND s.user_id = $2`, [tenantId, userId]);
}

/** Replaces the schools a member of staff works at. */
export async function setStaffSchools(db: Queryable, tenantId: string, staffId: string, schoolIds: string[]): Promise<void> {
  await db.query('DELETE FROM staff_schools WHERE tenant_id = $1 AND staff_id = $2', [tenantId, staffId]);
  await db.query('INSERT INTO staff_schools (tenant_id, staff_id, school_id) SELECT $1, $2, unnest($3::uuid[])', [
    tenantId,
    staffId,
    schoolIds,
  ]);
}

/** Which of `staffIds` the area has. */
export async function existingStaffIds(db: Queryable, tenantId: string, staffIds: string[]): Promise<string[]> {
  const known = await rows<{ id: string }>(db, 'SELECT id FROM staff WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [tenantId, staffIds]);
  return known.map((row) => row.id);
}

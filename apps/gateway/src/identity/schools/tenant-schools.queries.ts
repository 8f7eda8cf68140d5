import { rows, type Queryable } from '@tutti/platform';

/** Adds the school to the area's copy, or renames it. */
export async function recordTenantSchool(db: Queryable, tenantId: string, schoolId: string, name: string): Promise<void> {
  await db.query(
    `INSERT INTO tenant_schools (tenant_id, school_id, name) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, school_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`,
    [tenantId, schoolId, name],
  );
}

/** Which of these ids are schools of the area. */
export async function knownSchoolIds(db: Queryable, tenantId: string, schoolIds: readonly string[]): Promise<Set<string>> {
  const found = await rows<{ schoolId: string }>(
    db,
    `SELECT school_id AS "schoolId" FROM tenant_schools WHERE tenant_id = $1 AND school_id = ANY($2::uuid[])`,
    [tenantId, [...schoolIds]],
  );
  return new Set(found.map((row) => row.schoolId));
}

import { oneRow, type Queryable } from '@tutti/platform';

/** The school of a pupil, or undefined when the area has no such pupil. */
export async function pupilSchoolId(db: Queryable, tenantId: string, pupilId: string): Promise<string | undefined> {
  const pupil = await oneRow<{ schoolId: string }>(db, 'SELECT school_id AS "schoolId" FROM pupils WHERE tenant_id = $1 AND id = $2', [tenantId, pupilId]);
  return pupil?.schoolId;
}

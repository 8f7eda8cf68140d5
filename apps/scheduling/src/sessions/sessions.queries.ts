import { oneRow, type Queryable } from '@tutti/platform';

/** Whether the area has the occurrence, and its school (null for one at no school). */
export function occurrenceSchool(db: Queryable, tenantId: string, occurrenceId: string): Promise<{ schoolId: string | null } | undefined> {
  return oneRow<{ schoolId: string | null }>(db, 'SELECT school_id AS "schoolId" FROM occurrences WHERE tenant_id = $1 AND id = $2', [tenantId, occurrenceId]);
}

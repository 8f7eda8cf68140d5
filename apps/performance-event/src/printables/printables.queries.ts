import { rows, type Queryable } from '@tutti/platform';

/** The names of the area's schools (from scheduling's events), by school id. */
export async function schoolNames(db: Queryable, tenantId: string): Promise<Map<string, string>> {
  const found = await rows<{ school_id: string; name: string }>(db, 'SELECT school_id, name FROM replica_schools WHERE tenant_id = $1', [
    tenantId,
  ]);
  return new Map(found.map((school) => [school.school_id, school.name]));
}

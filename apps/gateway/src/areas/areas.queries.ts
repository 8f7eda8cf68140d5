import { rows, type Queryable } from '@tutti/platform';

export interface AreaRow {
  id: string;
  slug: string;
  name: string;
}

/** Areas by name then id, after the cursor's (name, id) when given; `limit` rows at most. */
export function areasByName(db: Queryable, after: readonly [string, string] | undefined, limit: number): Promise<AreaRow[]> {
  return after
    ? rows<AreaRow>(db, `SELECT id, slug, name FROM tenants WHERE (name, id) > ($1, $2) ORDER BY name, id LIMIT $3`, [
        after[0],
        after[1],
        limit,
      ])
    : rows<AreaRow>(db, `SELECT id, slug, name FROM tenants ORDER BY name, id LIMIT $1`, [limit]);
}

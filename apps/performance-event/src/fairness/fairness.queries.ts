import { rows, type Queryable } from '@tutti/platform';
import type { Viewer } from '../performances/viewer';

/**
 * Common table expressions counting, per pupil, the performances of a period they were on the
 * roster of: `performed` (completed), `upcoming` (published, not yet completed) and `featured`
 * (soloist turns in the running order of either). Cancelled and draft performances do not count.
 * Parameters: `$t` tenant, `$from`, `$to` (instants bounding the performance's start).
 */
export function participationCtes(t: number, from: number, to: number): string {
  return `
    ${countedPerformancesCte(t, from, to)},
    participation AS (
      SELECT r.pupil_id,
             count(*) FILTER (WHERE cp.status = 'completed')::int AS performed,
             count(*) FILTER (WHERE cp.status = 'published')::int AS upcoming
      FROM roster_entries r JOIN counted_performances cp ON cp.id = r.performance_id
      WHERE r.tenant_id = $${t} AND NOT r.removed
      GROUP BY r.pupil_id
    ),
    featured_turns AS (
      SELECT s.pupil_id, count(*)::int AS featured
      FROM running_order_items i
      JOIN counted_performances cp ON cp.id = i.performance_id
      CROSS JOIN LATERAL unnest(i.soloist_pupil_ids) AS s (pupil_id)
      WHERE i.tenant_id = $${t}
        AND EXISTS (SELECT 1 FROM roster_entries r WHERE r.tenant_id = i.tenant_id AND r.performance_id = i.performance_id AND r.pupil_id = s.pupil_id AND NOT r.removed)
      GROUP BY s.pupil_id
    )`;
}

/** `counted_performances`: the published and completed performances starting in [`$from`, `$to`). */
export function countedPerformancesCte(t: number, from: number, to: number): string {
  return `
    counted_performances AS (
      SELECT p.id, p.status FROM performances p
      WHERE p.tenant_id = $${t} AND p.status IN ('published', 'completed') AND p.starts_at >= $${from} AND p.starts_at < $${to}
    )`;
}

export interface SchoolFairnessRow {
  school_id: string;
  school_name: string | null;
  pupils: number;
  performed: number;
  offered: number;
}

export interface PupilFairnessRow {
  pupil_id: string;
  display_name: string;
  performed: number;
  upcoming: number;
  featured: number;
}

/** Per school the viewer sees as staff: its pupils, those who performed and those offered a chance in [from, to); after the cursor's school id. */
export function schoolFairness(
  db: Queryable,
  tenantId: string,
  viewer: Viewer,
  from: Date,
  to: Date,
  after: readonly unknown[] | null,
  limit: number,
): Promise<SchoolFairnessRow[]> {
  return rows<SchoolFairnessRow>(
    db,
    `WITH ${participationCtes(1, 2, 3)}
     SELECT p.school_id, s.name AS school_name, count(*)::int AS pupils,
            count(*) FILTER (WHERE coalesce(pa.performed, 0) > 0)::int AS performed,
            count(*) FILTER (WHERE coalesce(pa.performed, 0) + coalesce(pa.upcoming, 0) > 0)::int AS offered
     FROM replica_pupils p
     LEFT JOIN participation pa ON pa.pupil_id = p.pupil_id
     LEFT JOIN replica_schools s ON s.tenant_id = p.tenant_id AND s.school_id = p.school_id
     WHERE p.tenant_id = $1 AND p.left_on IS NULL AND ($4::boolean OR p.school_id = ANY($5::uuid[]))
       AND ($6::uuid IS NULL OR p.school_id > $6::uuid)
     GROUP BY p.school_id, s.name
     ORDER BY p.school_id LIMIT $7`,
    [tenantId, from, to, viewer.admin, viewer.staffSchoolIds, after?.[0] ?? null, limit],
  );
}

/** A school's pupils with their chances in [from, to), fewest performances first; after the cursor's (performed, display name, pupil id). */
export function pupilFairness(
  db: Queryable,
  tenantId: string,
  schoolId: string,
  from: Date,
  to: Date,
  notYetPerformed: boolean,
  after: readonly unknown[] | null,
  limit: number,
): Promise<PupilFairnessRow[]> {
  return rows<PupilFairnessRow>(
    db,
    `WITH ${participationCtes(1, 2, 3)},
     pupils AS (
       SELECT p.pupil_id, p.display_name, coalesce(pa.performed, 0) AS performed, coalesce(pa.upcoming, 0) AS upcoming, coalesce(f.featured, 0) AS featured
       FROM replica_pupils p
       LEFT JOIN participation pa ON pa.pupil_id = p.pupil_id
       LEFT JOIN featured_turns f ON f.pupil_id = p.pupil_id
       WHERE p.tenant_id = $1 AND p.school_id = $4 AND p.left_on IS NULL
     )
     SELECT * FROM pupils
     WHERE (NOT $5::boolean OR performed = 0)
       AND ($6::int IS NULL OR (performed, display_name, pupil_id) > ($6::int, $7::text, $8::uuid))
     ORDER BY performed, display_name, pupil_id LIMIT $9`,
    [tenantId, from, to, schoolId, notYetPerformed, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
  );
}

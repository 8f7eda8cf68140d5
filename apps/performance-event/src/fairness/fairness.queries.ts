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

import { PLANNING_TIME_ZONE, rows, type Queryable } from '@tutti/platform';
import { countedPerformancesCte } from '../fairness/fairness.queries';

/** A pupil on the roster of a completed performance, as the fair-chance figures count it. */
export interface PerformedRow {
  pupil_id: string;
  school_id: string;
  performance_date: string;
  performance_id: string;
  audience: string;
  ensemble_id: string | null;
  ensemble_name: string | null;
}

/** Who performed in the completed performances starting in [from, until), with the day in the planning time zone. */
export function performedBetween(db: Queryable, tenantId: string, from: Date, until: Date): Promise<PerformedRow[]> {
  return rows<PerformedRow>(
    db,
    `WITH ${countedPerformancesCte(1, 2, 3)}
     SELECT r.pupil_id, r.school_id, to_char(p.starts_at AT TIME ZONE '${PLANNING_TIME_ZONE}', 'YYYY-MM-DD') AS performance_date, p.id AS performance_id, p.audience,
            r.ensemble_id, e.name AS ensemble_name
     FROM counted_performances cp
     JOIN performances p ON p.tenant_id = $1 AND p.id = cp.id
     JOIN roster_entries r ON r.tenant_id = $1 AND r.performance_id = cp.id AND NOT r.removed
     LEFT JOIN replica_ensembles e ON e.tenant_id = r.tenant_id AND e.ensemble_id = r.ensemble_id
     WHERE cp.status = 'completed'`,
    [tenantId, from, until],
  );
}

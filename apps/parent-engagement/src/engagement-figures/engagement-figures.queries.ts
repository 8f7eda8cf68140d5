import { rows, type Queryable } from '@tutti/platform';
import { DEFAULT_TIME_ZONE } from '../tenant-settings/tenant-settings.queries';

export interface SchoolEngagementRow {
  schoolId: string;
  familiesEngaged: number;
  firstTime: number;
  returning: number;
  attendedPerformance: number;
  usedTransport: number;
}

/**
 * Per school, the families that took part between two local dates (the area's time zone): signed up
 * to a session, said they would come to a performance, or held a confirmed bus seat to one, for a
 * child at that school; first-time or returning, and how many came to a performance or on the bus.
 */
export function schoolEngagement(
  db: Queryable,
  tenantId: string,
  term: { from: string; to: string },
  schools: { allSchools: boolean; schoolIds: string[]; schoolId: string | null },
): Promise<SchoolEngagementRow[]> {
  return rows<SchoolEngagementRow>(
    db,
    `WITH bounds AS (
       SELECT ($2::date)::timestamp AT TIME ZONE zone AS starts, ($3::date + 1)::timestamp AT TIME ZONE zone AS ends
         FROM (SELECT COALESCE((SELECT time_zone FROM tenant_settings WHERE tenant_id = $1), '${DEFAULT_TIME_ZONE}') AS zone) AS tz
     ), engagement AS (
       SELECT g.guardian_id, s.school_id, s.starts_at AS at, false AS at_performance, false AS on_bus
         FROM session_signups g JOIN family_sessions s ON s.tenant_id = g.tenant_id AND s.id = g.session_id
        WHERE g.tenant_id = $1 AND g.status = 'signed_up'
       UNION ALL
       SELECT v.guardian_id, x.school_id, p.starts_at, v.checked_in_at IS NOT NULL, false
         FROM rsvps v JOIN performances p ON p.tenant_id = v.tenant_id AND p.id = v.performance_id, unnest(v.school_ids) AS x(school_id)
        WHERE v.tenant_id = $1 AND v.attending AND p.status = 'published'
       UNION ALL
       SELECT b.guardian_id, x.school_id, p.starts_at, b.checked_in_at IS NOT NULL, b.checked_in_at IS NOT NULL
         FROM transport_bookings b
         JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
         JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id, unnest(b.school_ids) AS x(school_id)
        WHERE b.tenant_id = $1 AND b.status = 'confirmed'
     ), per_family AS (
       SELECT e.school_id, e.guardian_id,
              bool_or(e.at >= b.starts AND e.at < b.ends) AS engaged,
              bool_or(e.at < b.starts) AS earlier,
              bool_or(e.at_performance AND e.at >= b.starts AND e.at < b.ends) AS attended_performance,
              bool_or(e.on_bus AND e.at >= b.starts AND e.at < b.ends) AS used_transport
         FROM engagement e CROSS JOIN bounds b
        WHERE e.at < b.ends AND ($4::boolean OR e.school_id = ANY($5::uuid[])) AND ($6::uuid IS NULL OR e.school_id = $6)
        GROUP BY e.school_id, e.guardian_id
     )
     SELECT school_id AS "schoolId",
            count(*) FILTER (WHERE engaged)::int AS "familiesEngaged",
            count(*) FILTER (WHERE engaged AND NOT earlier)::int AS "firstTime",
            count(*) FILTER (WHERE engaged AND earlier)::int AS "returning",
            count(*) FILTER (WHERE attended_performance)::int AS "attendedPerformance",
            count(*) FILTER (WHERE used_transport)::int AS "usedTransport"
       FROM per_family GROUP BY school_id HAVING bool_or(engaged) ORDER BY school_id`,
    [tenantId, term.from, term.to, schools.allSchools, schools.schoolIds, schools.schoolId],
  );
}

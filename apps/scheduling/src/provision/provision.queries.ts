import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface PupilMinutesRow {
  pupilId: string;
  name: string;
  schoolId: string;
  classId: string | null;
  className: string | null;
  yearGroup: number;
  curriculum: number;
  after_school: number;
  weekend: number;
  holiday: number;
  sessionsAttended: number;
  sessionsRegistered: number;
}

export interface SessionCountRow {
  schoolId: string;
  planned: number;
  delivered: number;
  cancelled: number;
}

/** The Monday-to-Sunday week holding `day` (YYYY-MM-DD). */
export async function weekOf(db: Queryable, day: string): Promise<{ from: string; to: string }> {
  const range = await oneRow<{ from: string; to: string }>(
    db,
    `SELECT to_char(d, 'YYYY-MM-DD') AS "from", to_char(d + 6, 'YYYY-MM-DD') AS "to" FROM (SELECT $1::date - (extract(isodow FROM $1::date)::int - 1) AS d) w`,
    [day],
  );
  if (!range) throw new Error('week query returned nothing');
  return range;
}

/** The period counted up to today if it is still under way, and its teaching weeks so far (weeks with a weekday outside the area's holidays). */
export function countedTeachingWeeks(
  db: Queryable,
  tenantId: string,
  from: string,
  to: string,
): Promise<{ counted_to: string; weeks: number } | undefined> {
  return oneRow<{ counted_to: string; weeks: number }>(
    db,
    `WITH bounds AS (SELECT to_char(LEAST($3::date, (now() AT TIME ZONE 'Europe/London')::date), 'YYYY-MM-DD') AS counted_to)
       SELECT b.counted_to,
              (SELECT count(DISTINCT date_trunc('week', g.d))::int FROM generate_series($2::date, b.counted_to::date, interval '1 day') AS g(d)
                WHERE extract(isodow FROM g.d) < 6
                  AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.tenant_id = $1 AND h.school_id IS NULL AND h.starts_on <= g.d::date AND h.ends_on >= g.d::date)) AS weeks
         FROM bounds b`,
    [tenantId, from, to],
  );
}

/** Every pupil on the schools' roll during from..to, with the minutes they attended and their register marks. */
export function pupilMinutes(db: Queryable, tenantId: string, schoolIds: string[], from: string, to: string): Promise<PupilMinutesRow[]> {
  return rows<PupilMinutesRow>(
    db,
    `SELECT p.id AS "pupilId", p.first_name || ' ' || p.last_name AS name, p.school_id AS "schoolId", p.class_id AS "classId", c.name AS "className", p.year_group AS "yearGroup",
              coalesce(sum(x.minutes) FILTER (WHERE x.attended AND x.strand = 'curriculum'), 0)::int AS curriculum,
              coalesce(sum(x.minutes) FILTER (WHERE x.attended AND x.strand = 'after_school'), 0)::int AS after_school,
              coalesce(sum(x.minutes) FILTER (WHERE x.attended AND x.strand = 'weekend'), 0)::int AS weekend,
              coalesce(sum(x.minutes) FILTER (WHERE x.attended AND x.strand = 'holiday'), 0)::int AS holiday,
              count(*) FILTER (WHERE x.attended)::int AS "sessionsAttended",
              count(x.attended)::int AS "sessionsRegistered"
       FROM pupils p
       LEFT JOIN classes c ON c.tenant_id = p.tenant_id AND c.id = p.class_id
       LEFT JOIN LATERAL (
         SELECT e.strand, a.status IN ('present', 'late') AS attended, extract(epoch FROM o.ends_at - o.starts_at) / 60 AS minutes
         FROM attendance a
         JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
         JOIN ensembles e ON e.tenant_id = o.tenant_id AND e.id = o.ensemble_id
         WHERE a.tenant_id = p.tenant_id AND a.pupil_id = p.id
           AND o.status = 'scheduled' AND o.local_date BETWEEN $3::date AND $4::date
       ) x ON true
       WHERE p.tenant_id = $1 AND p.school_id = ANY($2::uuid[]) AND (p.left_on IS NULL OR p.left_on >= $3::date)
       GROUP BY p.id, c.name
       ORDER BY p.last_name, p.first_name, p.id`,
    [tenantId, schoolIds, from, to],
  );
}

/** The sessions planned, delivered and cancelled at each of the schools during from..to. */
export function sessionCounts(db: Queryable, tenantId: string, schoolIds: string[], from: string, to: string): Promise<SessionCountRow[]> {
  return rows<SessionCountRow>(
    db,
    `SELECT school_id AS "schoolId", count(*)::int AS planned,
              count(*) FILTER (WHERE status = 'scheduled' AND delivered_at IS NOT NULL)::int AS delivered,
              count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
       FROM occurrences WHERE tenant_id = $1 AND school_id = ANY($2::uuid[]) AND local_date BETWEEN $3::date AND $4::date
       GROUP BY school_id`,
    [tenantId, schoolIds, from, to],
  );
}

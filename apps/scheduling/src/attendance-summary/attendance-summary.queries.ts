import { rows, type Queryable } from '@tutti/platform';

/** A week's register marks at scheduled sessions, by status. */
export interface AttendanceWeekRow {
  weekStarting: string;
  marks: number;
  present: number;
  late: number;
  absent: number;
  excused: number;
}

/** The register marks of the school's pupils at scheduled sessions during from..to, week by week. */
export function schoolAttendanceByWeek(
  db: Queryable,
  tenantId: string,
  schoolId: string,
  from: string,
  to: string,
): Promise<AttendanceWeekRow[]> {
  return rows<AttendanceWeekRow>(
    db,
    `SELECT to_char(date_trunc('week', o.local_date), 'YYYY-MM-DD') AS "weekStarting", count(*)::int AS marks,
              count(*) FILTER (WHERE a.status = 'present')::int AS present, count(*) FILTER (WHERE a.status = 'late')::int AS late,
              count(*) FILTER (WHERE a.status = 'absent')::int AS absent, count(*) FILTER (WHERE a.status = 'excused')::int AS excused
       FROM attendance a
       JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
       JOIN pupils p ON p.tenant_id = a.tenant_id AND p.id = a.pupil_id
       WHERE a.tenant_id = $1 AND p.school_id = $2 AND o.status = 'scheduled' AND o.local_date BETWEEN $3::date AND $4::date
       GROUP BY 1 ORDER BY 1`,
    [tenantId, schoolId, from, to],
  );
}

import { rows, type Queryable } from '@tutti/platform';

/** One class's teaching week: its pupils on roll that week and their average attended minutes. */
export interface ClassWeekRow {
  classId: string;
  className: string;
  schoolId: string;
  schoolName: string;
  /** The Monday of the week (YYYY-MM-DD). */
  weekOf: string;
  pupils: number;
  averageMinutes: number;
}

/** A class's run of low weeks as recorded (open while `clearedWeek` is null). */
export interface IntensityWarningRow {
  classId: string;
  className: string;
  schoolId: string;
  sinceWeek: string;
  lastLowWeek: string;
  lowWeeks: number;
  notifiedAt: Date;
}

/**
 * The teaching weeks from `fromMonday` to `toMonday` (a weekday inside a term and outside the
 * area's holidays) and, for every class of a school with sessions in those weeks, the minutes of
 * sessions its pupils attended (present or late) each week, averaged over the pupils on roll that
 * week (a pupil who left counts until the week they left). A class with no pupils is left out.
 * Set-based: the window's sessions are found by start time (occurrences_tenant_starts, a day's
 * margin each side for the time zone), their marks through attendance_tenant_occurrence, summed
 * once per pupil and week; no lookup per pupil.
 */
export function classWeeklyMinutes(db: Queryable, tenantId: string, fromMonday: string, toMonday: string): Promise<ClassWeekRow[]> {
  return rows<ClassWeekRow>(
    db,
    `WITH weeks AS (
       SELECT DISTINCT date_trunc('week', g.d)::date AS monday
         FROM generate_series($2::date, $3::date + 6, interval '1 day') AS g(d)
        WHERE extract(isodow FROM g.d) < 6
          AND EXISTS (SELECT 1 FROM terms t WHERE t.tenant_id = $1 AND t.starts_on <= g.d::date AND t.ends_on >= g.d::date)
          AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.tenant_id = $1 AND h.school_id IS NULL AND h.starts_on <= g.d::date AND h.ends_on >= g.d::date)
     ),
     taking_part AS (
       SELECT c.id, c.name, c.school_id, s.name AS school_name
         FROM classes c
         JOIN schools s ON s.tenant_id = c.tenant_id AND s.id = c.school_id
        WHERE c.tenant_id = $1 AND c.archived_at IS NULL
          AND EXISTS (SELECT 1 FROM occurrences o WHERE o.tenant_id = $1 AND o.school_id = c.school_id AND o.local_date BETWEEN $2::date AND $3::date + 6)
     ),
     attended AS (
       SELECT a.pupil_id, date_trunc('week', o.local_date)::date AS monday, sum(extract(epoch FROM o.ends_at - o.starts_at) / 60) AS minutes
         FROM occurrences o
         JOIN attendance a ON a.tenant_id = o.tenant_id AND a.occurrence_id = o.id
        WHERE o.tenant_id = $1 AND o.status = 'scheduled' AND o.starts_at >= $2::date - 1 AND o.starts_at < $3::date + 8
          AND o.local_date BETWEEN $2::date AND $3::date + 6
          AND a.pupil_id IS NOT NULL AND a.status IN ('present', 'late')
        GROUP BY a.pupil_id, date_trunc('week', o.local_date)
     )
     SELECT tp.id AS "classId", tp.name AS "className", tp.school_id AS "schoolId", tp.school_name AS "schoolName",
            to_char(w.monday, 'YYYY-MM-DD') AS "weekOf", count(*)::int AS pupils,
            round(avg(coalesce(x.minutes, 0))::numeric, 1)::float8 AS "averageMinutes"
       FROM taking_part tp
       CROSS JOIN weeks w
       JOIN pupils p ON p.tenant_id = $1 AND p.class_id = tp.id AND (p.left_on IS NULL OR p.left_on >= w.monday)
       LEFT JOIN attended x ON x.pupil_id = p.id AND x.monday = w.monday
      GROUP BY tp.id, tp.name, tp.school_id, tp.school_name, w.monday
      ORDER BY tp.id, w.monday`,
    [tenantId, fromMonday, toMonday],
  );
}

/** Whether `monday`'s week is a teaching week of the area (a weekday inside a term and outside its holidays). */
export async function isTeachingWeek(db: Queryable, tenantId: string, monday: string): Promise<boolean> {
  const [row] = await rows<{ teaching: boolean }>(
    db,
    `SELECT EXISTS (
       SELECT 1 FROM generate_series($2::date, $2::date + 4, interval '1 day') AS g(d)
        WHERE EXISTS (SELECT 1 FROM terms t WHERE t.tenant_id = $1 AND t.starts_on <= g.d::date AND t.ends_on >= g.d::date)
          AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.tenant_id = $1 AND h.school_id IS NULL AND h.starts_on <= g.d::date AND h.ends_on >= g.d::date)
     ) AS teaching`,
    [tenantId, monday],
  );
  return row?.teaching ?? false;
}

/**
 * Records a class's run of low weeks: a new run is inserted (answering true: the headteachers are
 * to be told), the class's open run is extended (answering false). One open run per class, held
 * by a unique index, so that a check run twice or by two workers at once warns once.
 */
export async function recordLowRun(
  db: Queryable,
  tenantId: string,
  run: { classId: string; sinceWeek: string; lastLowWeek: string; lowWeeks: number },
): Promise<boolean> {
  const [row] = await rows<{ inserted: boolean }>(
    db,
    `INSERT INTO intensity_warnings AS w (tenant_id, class_id, since_week, last_low_week, low_weeks) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, class_id) WHERE cleared_week IS NULL
     DO UPDATE SET last_low_week = greatest(w.last_low_week, excluded.last_low_week), low_weeks = greatest(w.low_weeks, excluded.low_weeks)
     RETURNING (xmax = 0) AS inserted`,
    [tenantId, run.classId, run.sinceWeek, run.lastLowWeek, run.lowWeeks],
  );
  return row?.inserted ?? false;
}

/** Ends the open runs of these classes whose last low week came before `monday` (a week back at or above the target). */
export async function clearLowRuns(db: Queryable, tenantId: string, classIds: string[], monday: string): Promise<number> {
  if (classIds.length === 0) return 0;
  const cleared = await rows<{ class_id: string }>(
    db,
    `UPDATE intensity_warnings SET cleared_week = $3::date
      WHERE tenant_id = $1 AND class_id = ANY($2::uuid[]) AND cleared_week IS NULL AND last_low_week < $3::date
      RETURNING class_id`,
    [tenantId, classIds, monday],
  );
  return cleared.length;
}

/** The open runs of the schools' classes: the dashboard's badge. */
export function openIntensityWarnings(db: Queryable, tenantId: string, schoolIds: string[]): Promise<IntensityWarningRow[]> {
  return rows<IntensityWarningRow>(
    db,
    `SELECT w.class_id AS "classId", c.name AS "className", c.school_id AS "schoolId",
            to_char(w.since_week, 'YYYY-MM-DD') AS "sinceWeek", to_char(w.last_low_week, 'YYYY-MM-DD') AS "lastLowWeek",
            w.low_weeks AS "lowWeeks", w.notified_at AS "notifiedAt"
       FROM intensity_warnings w
       JOIN classes c ON c.tenant_id = w.tenant_id AND c.id = w.class_id
      WHERE w.tenant_id = $1 AND w.cleared_week IS NULL AND c.school_id = ANY($2::uuid[])
      ORDER BY c.name, w.class_id`,
    [tenantId, schoolIds],
  );
}

/** Every area scheduling knows of (announced by the gateway): whose weekly check is planned. */
export function knownAreas(db: Queryable): Promise<{ tenantId: string }[]> {
  return rows<{ tenantId: string }>(db, 'SELECT tenant_id AS "tenantId" FROM tenant_settings ORDER BY tenant_id');
}

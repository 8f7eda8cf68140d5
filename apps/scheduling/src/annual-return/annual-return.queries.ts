import { rows, type Queryable } from '@tutti/platform';
import type { Characteristics } from '../characteristics/characteristics.model';

/** The academic year a return covers, 1 September to 31 August, as `2025-26`. */
export interface AcademicYear {
  name: string;
  from: string;
  to: string;
}

export type Continuation = 'continuing' | 'not_continuing' | 'not_yet_known';

/** A pupil who received whole-class ensemble teaching in the year. */
export interface WcetPupilRow extends Characteristics {
  pupilId: string;
  /** Their year group in that academic year. */
  yearGroup: number;
  /** The terms in which they attended a whole-class session. */
  terms: number;
  continuation: Continuation;
}

export interface RegularPlayerRow {
  pupilId: string;
  kind: string;
  level: string | null;
}

export interface ExamGradeRow {
  grade: number;
  entries: number;
  passes: number;
}

export interface SchoolWorkedWithRow {
  id: string;
  name: string;
  urn: string | null;
  phase: string;
}

/**
 * A pupil's year group in the academic year: the one recorded now, less each roll-over of their
 * (current) school into a later academic year that happened while they were on roll.
 */
const YEAR_GROUP_IN_YEAR = `p.year_group - (
    SELECT count(*) FROM roll_overs r
     WHERE r.tenant_id = p.tenant_id AND r.school_id = p.school_id AND r.academic_year > $4
       AND (p.left_on IS NULL OR make_date(substr(r.academic_year, 1, 4)::int, 9, 1) <= p.left_on))::int`;

/** Present or late at a scheduled session: attended (absent and excused are not). */
const ATTENDED = `a.status IN ('present', 'late')`;

/**
 * Sessions of the year's date range, found through the occurrence index by start time (a day's
 * margin each side for the time zone) and then by local date, and their register marks through the
 * (occurrence, pupil) index: never a scan of the whole attendance table.
 */
const IN_YEAR = `o.status = 'scheduled' AND o.starts_at >= $2::date - 1 AND o.starts_at < $3::date + 2 AND o.local_date BETWEEN $2::date AND $3::date`;

/**
 * Every pupil who attended a whole-class ensemble session in the year, with their year group then,
 * the number of terms with such a session, their characteristics, and whether they played in any
 * other pupils' ensemble (choir, orchestra, band, family ensemble) in the term after their last
 * whole-class term: not yet known while that term has not ended (or is not in the calendar) and
 * they have not played in it yet. $1 tenant, $2..$3 the year's dates, $4 its name (2025-26), $5 the area's today.
 */
export const WCET_PUPILS_SQL = `WITH wcet AS (
       SELECT a.pupil_id, o.local_date
         FROM ensembles e
         JOIN occurrences o ON o.tenant_id = e.tenant_id AND o.ensemble_id = e.id
         JOIN attendance a ON a.tenant_id = o.tenant_id AND a.occurrence_id = o.id
        WHERE e.tenant_id = $1 AND e.kind = 'whole_class' AND ${IN_YEAR} AND a.pupil_id IS NOT NULL AND ${ATTENDED}
     ), per_pupil AS (
       SELECT w.pupil_id, count(DISTINCT t.id)::int AS terms, max(coalesce(t.ends_on, w.local_date)) AS wcet_until
         FROM wcet w LEFT JOIN terms t ON t.tenant_id = $1 AND w.local_date BETWEEN t.starts_on AND t.ends_on
        GROUP BY w.pupil_id
     ), next_term AS (
       SELECT pp.pupil_id, nt.starts_on, nt.ends_on
         FROM per_pupil pp
         LEFT JOIN LATERAL (SELECT t.starts_on, t.ends_on FROM terms t WHERE t.tenant_id = $1 AND t.starts_on > pp.wcet_until ORDER BY t.starts_on LIMIT 1) nt ON true
     ), played AS (
       -- Every pupil's other-ensemble sessions over the span of the next terms, through the occurrence indexes, once for all.
       SELECT DISTINCT a.pupil_id, o.local_date
         FROM ensembles e
         JOIN occurrences o ON o.tenant_id = e.tenant_id AND o.ensemble_id = e.id
         JOIN attendance a ON a.tenant_id = o.tenant_id AND a.occurrence_id = o.id
        WHERE e.tenant_id = $1 AND e.kind NOT IN ('whole_class', 'staff_ensemble') AND o.status = 'scheduled' AND a.pupil_id IS NOT NULL AND ${ATTENDED}
          AND o.local_date BETWEEN (SELECT min(starts_on) FROM next_term) AND (SELECT max(ends_on) FROM next_term)
          AND o.starts_at >= (SELECT min(starts_on) FROM next_term) - 1 AND o.starts_at < (SELECT max(ends_on) FROM next_term) + 2
     )
     SELECT p.id AS "pupilId", ${YEAR_GROUP_IN_YEAR} AS "yearGroup", pp.terms,
            p.pupil_premium AS "pupilPremium", p.send, p.eal, p.gender, p.ethnicity_group AS "ethnicityGroup",
            CASE WHEN EXISTS (SELECT 1 FROM played pl WHERE pl.pupil_id = p.id AND pl.local_date BETWEEN nt.starts_on AND nt.ends_on) THEN 'continuing'
                 WHEN nt.ends_on IS NULL OR nt.ends_on >= $5::date THEN 'not_yet_known' ELSE 'not_continuing' END AS continuation
       FROM per_pupil pp
       JOIN next_term nt ON nt.pupil_id = pp.pupil_id
       JOIN pupils p ON p.tenant_id = $1 AND p.id = pp.pupil_id
      ORDER BY p.id`;

/** WCET_PUPILS_SQL for the area's year. */
export function wcetPupils(db: Queryable, tenantId: string, year: AcademicYear, today: string): Promise<WcetPupilRow[]> {
  return rows<WcetPupilRow>(db, WCET_PUPILS_SQL, [tenantId, year.from, year.to, year.name, today]);
}

/** $1 tenant, $2..$3 the year's dates, $4 the sessions a regular player attends at least. */
export const REGULAR_PLAYERS_SQL = `SELECT a.pupil_id AS "pupilId", e.kind, e.level
       FROM ensembles e
       JOIN occurrences o ON o.tenant_id = e.tenant_id AND o.ensemble_id = e.id
       JOIN attendance a ON a.tenant_id = o.tenant_id AND a.occurrence_id = o.id
      WHERE e.tenant_id = $1 AND e.kind NOT IN ('whole_class', 'staff_ensemble') AND ${IN_YEAR} AND a.pupil_id IS NOT NULL AND ${ATTENDED}
      GROUP BY a.pupil_id, e.kind, e.level
     HAVING count(*) >= $4
      ORDER BY e.kind, e.level, a.pupil_id`;

/** Pupils who attended at least `minSessions` sessions in the year of ensembles of one kind and level (other than whole-class and staff ensembles). */
export function regularPlayers(db: Queryable, tenantId: string, year: AcademicYear, minSessions: number): Promise<RegularPlayerRow[]> {
  return rows<RegularPlayerRow>(db, REGULAR_PLAYERS_SQL, [tenantId, year.from, year.to, minSessions]);
}

/** Graded exam entries of the year (by exam date, else entry date), withdrawn ones left out, and passes (pass, merit or distinction), by grade. */
export function examsByGrade(db: Queryable, tenantId: string, year: AcademicYear): Promise<ExamGradeRow[]> {
  return rows<ExamGradeRow>(
    db,
    `SELECT grade, count(*)::int AS entries, count(*) FILTER (WHERE result IN ('pass', 'merit', 'distinction'))::int AS passes
       FROM exam_entries
      WHERE tenant_id = $1 AND coalesce(exam_on, entered_on) BETWEEN $2::date AND $3::date AND result IS DISTINCT FROM 'withdrawn'
      GROUP BY grade ORDER BY grade`,
    [tenantId, year.from, year.to],
  );
}

/** One graded exam entry of the year (as examsByGrade counts them): whose, which grade, and whether it passed. */
export interface ExamEntryPupilRow {
  pupilId: string;
  grade: number;
  passed: boolean;
}

/** The entries examsByGrade counts, one by one: the pupils behind the exam figures. */
export function examEntryPupils(db: Queryable, tenantId: string, year: AcademicYear): Promise<ExamEntryPupilRow[]> {
  return rows<ExamEntryPupilRow>(
    db,
    `SELECT pupil_id AS "pupilId", grade, coalesce(result IN ('pass', 'merit', 'distinction'), false) AS passed
       FROM exam_entries
      WHERE tenant_id = $1 AND coalesce(exam_on, entered_on) BETWEEN $2::date AND $3::date AND result IS DISTINCT FROM 'withdrawn'
      ORDER BY grade, pupil_id`,
    [tenantId, year.from, year.to],
  );
}

/** $1 tenant, $2..$3 the year's dates. */
export const SCHOOLS_WORKED_WITH_SQL = `SELECT s.id, s.name, s.urn, s.phase FROM schools s
      WHERE s.tenant_id = $1 AND EXISTS (
        SELECT 1 FROM occurrences o JOIN attendance a ON a.tenant_id = o.tenant_id AND a.occurrence_id = o.id
         WHERE o.tenant_id = s.tenant_id AND o.school_id = s.id AND ${IN_YEAR} AND a.pupil_id IS NOT NULL AND ${ATTENDED})
      ORDER BY s.name, s.id`;

/** The schools where at least one pupil attended a session in the year. */
export function schoolsWorkedWith(db: Queryable, tenantId: string, year: AcademicYear): Promise<SchoolWorkedWithRow[]> {
  return rows<SchoolWorkedWithRow>(db, SCHOOLS_WORKED_WITH_SQL, [tenantId, year.from, year.to]);
}

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
     ), per_term AS (
       -- Per pupil and term first (a hash aggregate of ~3 rows a pupil): count(DISTINCT) over the ~900,000 marks of a
       -- 100-school area sorted them all, on disk.
       SELECT w.pupil_id, t.id AS term_id, max(coalesce(t.ends_on, w.local_date)) AS until
         FROM wcet w LEFT JOIN terms t ON t.tenant_id = $1 AND w.local_date BETWEEN t.starts_on AND t.ends_on
        GROUP BY w.pupil_id, t.id
     ), per_pupil AS (
       SELECT pupil_id, count(term_id)::int AS terms, max(until) AS wcet_until FROM per_term GROUP BY pupil_id
     ), next_term AS (
       SELECT pp.pupil_id, nt.starts_on, nt.ends_on
         FROM per_pupil pp
         LEFT JOIN LATERAL (SELECT t.starts_on, t.ends_on FROM terms t WHERE t.tenant_id = $1 AND t.starts_on > pp.wcet_until ORDER BY t.starts_on LIMIT 1) nt ON true
     ), played AS MATERIALIZED (
       -- Every pupil's other-ensemble sessions over the span of the next terms, through the occurrence indexes, once for all
       -- (MATERIALIZED: inlined, it ran once per pupil, 30,000 times for a 100-school area).
       SELECT DISTINCT a.pupil_id, o.local_date
         FROM ensembles e
         JOIN occurrences o ON o.tenant_id = e.tenant_id AND o.ensemble_id = e.id
         JOIN attendance a ON a.tenant_id = o.tenant_id AND a.occurrence_id = o.id
        WHERE e.tenant_id = $1 AND e.kind NOT IN ('whole_class', 'staff_ensemble') AND o.status = 'scheduled' AND a.pupil_id IS NOT NULL AND ${ATTENDED}
          AND o.local_date BETWEEN (SELECT min(starts_on) FROM next_term) AND (SELECT max(ends_on) FROM next_term)
          AND o.starts_at >= (SELECT min(starts_on) FROM next_term) - 1 AND o.starts_at < (SELECT max(ends_on) FROM next_term) + 2
     ), continuing AS (
       SELECT DISTINCT nt.pupil_id FROM next_term nt JOIN played pl ON pl.pupil_id = nt.pupil_id AND pl.local_date BETWEEN nt.starts_on AND nt.ends_on
     )
     SELECT p.id AS "pupilId", ${YEAR_GROUP_IN_YEAR} AS "yearGroup", pp.terms,
            p.pupil_premium AS "pupilPremium", p.send, p.eal, p.gender, p.ethnicity_group AS "ethnicityGroup",
            CASE WHEN c.pupil_id IS NOT NULL THEN 'continuing'
                 WHEN nt.ends_on IS NULL OR nt.ends_on >= $5::date THEN 'not_yet_known' ELSE 'not_continuing' END AS continuation
       FROM per_pupil pp
       JOIN next_term nt ON nt.pupil_id = pp.pupil_id
       JOIN pupils p ON p.tenant_id = $1 AND p.id = pp.pupil_id
       LEFT JOIN continuing c ON c.pupil_id = pp.pupil_id
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

/** A pupil who performed in a performance of the year (scheduling's copy of performance-event's completed performances). */
export interface PerformerRow {
  pupilId: string;
  performanceId: string;
}

/** A performance that took place in the year. */
export interface PerformanceGivenRow {
  performanceId: string;
  audience: 'public' | 'school_community';
}

/**
 * A family's yes to a performance that took place in the year (an RSVP), or their attendance at a
 * family session of the year: `guardianId` is the family.
 */
export interface FamilyEngagementRow {
  kind: 'rsvp' | 'family_session';
  guardianId: string;
  checkedIn: boolean;
  expectedPeople: number;
  arrivedPeople: number | null;
}

/** The copy's performances starting in the year, by their local date in the area's time zone (a day's margin each side for the index). */
const PERFORMANCE_IN_YEAR = `g.tenant_id = $1 AND g.starts_at >= $2::date - 1 AND g.starts_at < $3::date + 2
       AND (g.starts_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date`;

/** Performances marked completed in performance-event that started in the year. */
export function performancesGiven(db: Queryable, tenantId: string, year: AcademicYear, timeZone: string): Promise<PerformanceGivenRow[]> {
  return rows<PerformanceGivenRow>(
    db,
    `SELECT g.performance_id AS "performanceId", g.audience FROM performances_given g WHERE ${PERFORMANCE_IN_YEAR} ORDER BY g.starts_at, g.performance_id`,
    [tenantId, year.from, year.to, timeZone],
  );
}

/** Who performed in those performances (pupils scheduling knows in the area), one row per pupil and performance. */
export function performers(db: Queryable, tenantId: string, year: AcademicYear, timeZone: string): Promise<PerformerRow[]> {
  return rows<PerformerRow>(
    db,
    `SELECT r.pupil_id AS "pupilId", r.performance_id AS "performanceId"
       FROM performances_given g
       JOIN performance_performers r ON r.tenant_id = g.tenant_id AND r.performance_id = g.performance_id
       JOIN pupils p ON p.tenant_id = r.tenant_id AND p.id = r.pupil_id
      WHERE ${PERFORMANCE_IN_YEAR}
      ORDER BY r.pupil_id, r.performance_id`,
    [tenantId, year.from, year.to, timeZone],
  );
}

/**
 * Families' yes answers to the year's performances that took place (an RSVP to a performance later
 * cancelled, or not yet held, is not audience), and their attendance at the year's family sessions.
 */
export function familyEngagement(db: Queryable, tenantId: string, year: AcademicYear, timeZone: string): Promise<FamilyEngagementRow[]> {
  return rows<FamilyEngagementRow>(
    db,
    `SELECT f.kind, f.guardian_id AS "guardianId", f.checked_in AS "checkedIn", f.expected_people AS "expectedPeople", f.arrived_people AS "arrivedPeople"
       FROM performances_given g
       JOIN family_engagement f ON f.tenant_id = g.tenant_id AND f.kind = 'rsvp' AND f.occasion_id = g.performance_id
      WHERE ${PERFORMANCE_IN_YEAR} AND f.took_part
     UNION ALL
     SELECT f.kind, f.guardian_id, f.checked_in, f.expected_people, f.arrived_people
       FROM family_engagement f
      WHERE f.tenant_id = $1 AND f.kind = 'family_session' AND f.took_part
        AND f.occurs_at >= $2::date - 1 AND f.occurs_at < $3::date + 2 AND (f.occurs_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date
      ORDER BY 1, 2`,
    [tenantId, year.from, year.to, timeZone],
  );
}

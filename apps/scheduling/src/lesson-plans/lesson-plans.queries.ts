import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface LessonPlanRow {
  id: string;
  classId: string;
  termId: string;
  occurrenceId: string | null;
  sessionStartsAt: Date | null;
  subject: string;
  topic: string;
  musicalActivity: string;
  classTeacherId: string;
  classTeacherName: string;
  tutorId: string;
  tutorName: string;
  version: number;
}

export interface LessonPlanFields {
  classId: string;
  termId: string;
  occurrenceId: string | null;
  subject: string;
  topic: string;
  musicalActivity: string;
  classTeacherId: string;
  tutorId: string;
}

/** What an edit changes: undefined keeps a field. */
export interface LessonPlanChanges {
  occurrenceId?: string;
  subject?: string;
  topic?: string;
  musicalActivity?: string;
}

const PLAN_COLUMNS = `lp.id, lp.class_id AS "classId", lp.term_id AS "termId", lp.occurrence_id AS "occurrenceId", o.starts_at AS "sessionStartsAt",
  lp.subject, lp.topic, lp.musical_activity AS "musicalActivity", lp.class_teacher_id AS "classTeacherId", ct.display_name AS "classTeacherName",
  lp.tutor_id AS "tutorId", tu.display_name AS "tutorName", lp.version`;
const PLAN_JOINS = `JOIN staff ct ON ct.tenant_id = lp.tenant_id AND ct.id = lp.class_teacher_id
  JOIN staff tu ON tu.tenant_id = lp.tenant_id AND tu.id = lp.tutor_id
  LEFT JOIN occurrences o ON o.tenant_id = lp.tenant_id AND o.id = lp.occurrence_id`;

export async function insertLessonPlan(db: Queryable, tenantId: string, planId: string, plan: LessonPlanFields): Promise<void> {
  await db.query(
    `INSERT INTO lesson_plans (id, tenant_id, class_id, term_id, occurrence_id, subject, topic, musical_activity, class_teacher_id, tutor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      planId,
      tenantId,
      plan.classId,
      plan.termId,
      plan.occurrenceId,
      plan.subject,
      plan.topic,
      plan.musicalActivity,
      plan.classTeacherId,
      plan.tutorId,
    ],
  );
}

/** Whether the plan was at `expectedVersion` (and there) and is now edited. */
export async function updateLessonPlan(
  db: Queryable,
  tenantId: string,
  planId: string,
  expectedVersion: number,
  changes: LessonPlanChanges,
): Promise<boolean> {
  const updated = await oneRow(
    db,
    `UPDATE lesson_plans SET occurrence_id = coalesce($3, occurrence_id), subject = coalesce($4, subject), topic = coalesce($5, topic),
           musical_activity = coalesce($6, musical_activity), updated_at = now(), version = version + 1
         WHERE tenant_id = $1 AND id = $2 AND version = $7 RETURNING id`,
    [
      tenantId,
      planId,
      changes.occurrenceId ?? null,
      changes.subject ?? null,
      changes.topic ?? null,
      changes.musicalActivity ?? null,
      expectedVersion,
    ],
  );
  return updated !== undefined;
}

/** A page of a class's plans (of one term if given) in id order after the cursor's id. */
export function lessonPlansPage(
  db: Queryable,
  tenantId: string,
  classId: string,
  termId: string | null,
  after: readonly unknown[] | null,
  limit: number,
): Promise<LessonPlanRow[]> {
  return rows<LessonPlanRow>(
    db,
    `SELECT ${PLAN_COLUMNS} FROM lesson_plans lp ${PLAN_JOINS}
       WHERE lp.tenant_id = $1 AND lp.class_id = $2 AND ($3::uuid IS NULL OR lp.term_id = $3)
         AND ($4::uuid IS NULL OR lp.id > $4)
       ORDER BY lp.id LIMIT $5`,
    [tenantId, classId, termId, after?.[0] ?? null, limit],
  );
}

export function lessonPlanById(db: Queryable, tenantId: string, planId: string): Promise<LessonPlanRow | undefined> {
  return oneRow<LessonPlanRow>(db, `SELECT ${PLAN_COLUMNS} FROM lesson_plans lp ${PLAN_JOINS} WHERE lp.tenant_id = $1 AND lp.id = $2`, [
    tenantId,
    planId,
  ]);
}

/** Which of `staffIds` work at the school, with their kind. */
export function staffAtSchool(
  db: Queryable,
  tenantId: string,
  staffIds: string[],
  schoolId: string,
): Promise<{ id: string; kind: string }[]> {
  return rows<{ id: string; kind: string }>(
    db,
    `SELECT s.id, s.kind FROM staff s JOIN staff_schools ss ON ss.tenant_id = s.tenant_id AND ss.staff_id = s.id AND ss.school_id = $3
       WHERE s.tenant_id = $1 AND s.id = ANY($2::uuid[])`,
    [tenantId, staffIds, schoolId],
  );
}

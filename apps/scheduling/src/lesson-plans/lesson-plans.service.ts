import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, oneRow, rows, toPage, ValidationProblem, type FieldError } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { requireSchoolInScope } from '../common/scope';
import type { CreateLessonPlanDto, LessonPlanDto, LessonPlanListQueryDto, LessonPlanPageDto, UpdateLessonPlanDto } from './dto/lesson-plan.dto';

const PLAN_COLUMNS = `lp.id, lp.class_id AS "classId", lp.term_id AS "termId", lp.occurrence_id AS "occurrenceId", o.starts_at AS "sessionStartsAt",
  lp.subject, lp.topic, lp.musical_activity AS "musicalActivity", lp.class_teacher_id AS "classTeacherId", ct.display_name AS "classTeacherName",
  lp.tutor_id AS "tutorId", tu.display_name AS "tutorName", lp.version`;
const PLAN_JOINS = `JOIN staff ct ON ct.tenant_id = lp.tenant_id AND ct.id = lp.class_teacher_id
  JOIN staff tu ON tu.tenant_id = lp.tenant_id AND tu.id = lp.tutor_id
  LEFT JOIN occurrences o ON o.tenant_id = lp.tenant_id AND o.id = lp.occurrence_id`;

type PlanRow = Omit<LessonPlanDto, 'sessionStartsAt'> & { sessionStartsAt: Date | null };

@Injectable()
export class LessonPlansService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateLessonPlanDto): Promise<LessonPlanDto> {
    const schoolId = await this.classSchool(identity, input.classId);
    return this.db.transaction(async (manager) => {
      if (!(await oneRow(manager, 'SELECT 1 AS ok FROM terms WHERE tenant_id = $1 AND id = $2', [identity.tenantId, input.termId]))) throw new NotFoundException('No such term.');
      await this.requireAuthorsAndSession(manager, identity.tenantId, schoolId, input);
      const id = newId();
      await manager.query(
        `INSERT INTO lesson_plans (id, tenant_id, class_id, term_id, occurrence_id, subject, topic, musical_activity, class_teacher_id, tutor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, identity.tenantId, input.classId, input.termId, input.occurrenceId ?? null, input.subject, input.topic, input.musicalActivity, input.classTeacherId, input.tutorId],
      );
      return this.plan(manager, identity.tenantId, id);
    });
  }

  /** Edits the plan if it is still at the version the caller read (else 412): class teacher and tutor write it together. */
  async update(identity: Identity, planId: string, expectedVersion: number, input: UpdateLessonPlanDto): Promise<LessonPlanDto> {
    const existing = await this.get(identity, planId);
    const schoolId = await this.classSchool(identity, existing.classId);
    return this.db.transaction(async (manager) => {
      if (input.occurrenceId) await this.requireAuthorsAndSession(manager, identity.tenantId, schoolId, { ...existing, occurrenceId: input.occurrenceId });
      const updated = await oneRow(
        manager,
        `UPDATE lesson_plans SET occurrence_id = coalesce($3, occurrence_id), subject = coalesce($4, subject), topic = coalesce($5, topic),
           musical_activity = coalesce($6, musical_activity), updated_at = now(), version = version + 1
         WHERE tenant_id = $1 AND id = $2 AND version = $7 RETURNING id`,
        [identity.tenantId, planId, input.occurrenceId ?? null, input.subject ?? null, input.topic ?? null, input.musicalActivity ?? null, expectedVersion],
      );
      if (!updated) throw await refusedEdit(manager, 'lesson_plans', identity.tenantId, planId, 'lesson plan');
      return this.plan(manager, identity.tenantId, planId);
    });
  }

  async get(identity: Identity, planId: string): Promise<LessonPlanDto> {
    const plan = await this.plan(this.db.manager, identity.tenantId, planId);
    await this.classSchool(identity, plan.classId, 'lesson plan');
    return plan;
  }

  /** A class's plans, in the order they were made, optionally of one term. */
  async list(identity: Identity, query: LessonPlanListQueryDto): Promise<LessonPlanPageDto> {
    await this.classSchool(identity, query.classId);
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await rows<PlanRow>(
      this.db,
      `SELECT ${PLAN_COLUMNS} FROM lesson_plans lp ${PLAN_JOINS}
       WHERE lp.tenant_id = $1 AND lp.class_id = $2 AND ($3::uuid IS NULL OR lp.term_id = $3)
         AND ($4::uuid IS NULL OR lp.id > $4)
       ORDER BY lp.id LIMIT $5`,
      [identity.tenantId, query.classId, query.termId ?? null, after?.[0] ?? null, query.limit + 1],
    );
    // Ids are UUIDv7, so id order is the order the plans were made.
    return toPage(found, query.limit, toDto, (row) => [row.id]);
  }

  private async classSchool(identity: Identity, classId: string, what = 'class'): Promise<string> {
    const found = await oneRow<{ schoolId: string }>(this.db, 'SELECT school_id AS "schoolId" FROM classes WHERE tenant_id = $1 AND id = $2', [identity.tenantId, classId]);
    if (!found) throw new NotFoundException(`No such ${what}.`);
    requireSchoolInScope(identity, found.schoolId, what);
    return found.schoolId;
  }

  /** Both authors work at the class's school, one as school staff and one as a tutor; the session is the school's. */
  private async requireAuthorsAndSession(manager: EntityManager, tenantId: string, schoolId: string, input: Pick<CreateLessonPlanDto, 'classTeacherId' | 'tutorId' | 'occurrenceId'>): Promise<void> {
    const authors = await rows<{ id: string; kind: string }>(
      manager,
      `SELECT s.id, s.kind FROM staff s JOIN staff_schools ss ON ss.tenant_id = s.tenant_id AND ss.staff_id = s.id AND ss.school_id = $3
       WHERE s.tenant_id = $1 AND s.id = ANY($2::uuid[])`,
      [tenantId, [input.classTeacherId, input.tutorId], schoolId],
    );
    const errors: FieldError[] = [];
    if (!authors.some((a) => a.id === input.classTeacherId && a.kind === 'school_staff')) errors.push({ field: 'classTeacherId', rule: 'schoolStaff', message: 'classTeacherId must be school staff of the class’s school' });
    if (!authors.some((a) => a.id === input.tutorId && a.kind === 'tutor')) errors.push({ field: 'tutorId', rule: 'tutor', message: 'tutorId must be a tutor working at the class’s school' });
    if (input.occurrenceId) {
      const occurrence = await oneRow<{ schoolId: string | null }>(manager, 'SELECT school_id AS "schoolId" FROM occurrences WHERE tenant_id = $1 AND id = $2', [tenantId, input.occurrenceId]);
      if (!occurrence || occurrence.schoolId !== schoolId) errors.push({ field: 'occurrenceId', rule: 'sameSchool', message: 'occurrenceId must be a session at the class’s school' });
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  private async plan(manager: EntityManager, tenantId: string, planId: string): Promise<LessonPlanDto> {
    const found = await oneRow<PlanRow>(manager, `SELECT ${PLAN_COLUMNS} FROM lesson_plans lp ${PLAN_JOINS} WHERE lp.tenant_id = $1 AND lp.id = $2`, [tenantId, planId]);
    if (!found) throw new NotFoundException('No such lesson plan.');
    return toDto(found);
  }
}

function toDto({ sessionStartsAt, ...row }: PlanRow): LessonPlanDto {
  return { ...row, sessionStartsAt: sessionStartsAt?.toISOString() ?? null };
}

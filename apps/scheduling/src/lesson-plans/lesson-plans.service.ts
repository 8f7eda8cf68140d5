import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, onceForKey, toPage, ValidationProblem, type FieldError } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { requireSchoolInScope } from '../common/scope';
import { classSchoolId } from '../classes/classes.queries';
import { occurrenceSchool } from '../sessions/sessions.queries';
import { termExists } from '../terms/terms.queries';
import type {
  CreateLessonPlanDto,
  LessonPlanDto,
  LessonPlanListQueryDto,
  LessonPlanPageDto,
  UpdateLessonPlanDto,
} from './dto/lesson-plan.dto';
import {
  insertLessonPlan,
  lessonPlanById,
  lessonPlansPage,
  staffAtSchool,
  updateLessonPlan,
  type LessonPlanRow,
} from './lesson-plans.queries';

@Injectable()
export class LessonPlansService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Writes the plan once per caller and Idempotency-Key: a retry answers the first plan, the same key with another body is a 422. */
  async create(identity: Identity, input: CreateLessonPlanDto, idempotencyKey?: string): Promise<LessonPlanDto> {
    const schoolId = await this.classSchool(identity, input.classId);
    const tenantId = identity.tenantId;
    return this.db.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId, callerId: identity.userId, operation: 'lesson-plans.create', key: idempotencyKey, request: input },
        async () => {
          if (!(await termExists(manager, tenantId, input.termId))) throw new NotFoundException('No such term.');
          await this.requireAuthorsAndSession(manager, tenantId, schoolId, input);
          const id = newId();
          await insertLessonPlan(manager, tenantId, id, {
            classId: input.classId,
            termId: input.termId,
            occurrenceId: input.occurrenceId ?? null,
            subject: input.subject,
            topic: input.topic,
            musicalActivity: input.musicalActivity,
            classTeacherId: input.classTeacherId,
            tutorId: input.tutorId,
          });
          return this.plan(manager, tenantId, id);
        },
      ),
    );
  }

  /** Edits the plan if it is still at the version the caller read (else 412): class teacher and tutor write it together. */
  async update(identity: Identity, planId: string, expectedVersion: number, input: UpdateLessonPlanDto): Promise<LessonPlanDto> {
    const existing = await this.get(identity, planId);
    const schoolId = await this.classSchool(identity, existing.classId);
    return this.db.transaction(async (manager) => {
      if (input.occurrenceId)
        await this.requireAuthorsAndSession(manager, identity.tenantId, schoolId, { ...existing, occurrenceId: input.occurrenceId });
      const updated = await updateLessonPlan(manager, identity.tenantId, planId, expectedVersion, input);
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
    const found = await lessonPlansPage(this.db.manager, identity.tenantId, query.classId, query.termId ?? null, after, query.limit + 1);
    // Ids are UUIDv7, so id order is the order the plans were made.
    return toPage(found, query.limit, toDto, (row) => [row.id]);
  }

  private async classSchool(identity: Identity, classId: string, what = 'class'): Promise<string> {
    const schoolId = await classSchoolId(this.db.manager, identity.tenantId, classId);
    if (!schoolId) throw new NotFoundException(`No such ${what}.`);
    requireSchoolInScope(identity, schoolId, what);
    return schoolId;
  }

  /** Both authors work at the class's school, one as school staff and one as a tutor; the session is the school's. */
  private async requireAuthorsAndSession(
    manager: EntityManager,
    tenantId: string,
    schoolId: string,
    input: Pick<CreateLessonPlanDto, 'classTeacherId' | 'tutorId' | 'occurrenceId'>,
  ): Promise<void> {
    const authors = await staffAtSchool(manager, tenantId, [input.classTeacherId, input.tutorId], schoolId);
    const errors: FieldError[] = [];
    if (!authors.some((a) => a.id === input.classTeacherId && a.kind === 'school_staff'))
      errors.push({ field: 'classTeacherId', rule: 'schoolStaff', message: 'classTeacherId must be school staff of the class’s school' });
    if (!authors.some((a) => a.id === input.tutorId && a.kind === 'tutor'))
      errors.push({ field: 'tutorId', rule: 'tutor', message: 'tutorId must be a tutor working at the class’s school' });
    if (input.occurrenceId) {
      const occurrence = await occurrenceSchool(manager, tenantId, input.occurrenceId);
      if (!occurrence || occurrence.schoolId !== schoolId)
        errors.push({ field: 'occurrenceId', rule: 'sameSchool', message: 'occurrenceId must be a session at the class’s school' });
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  private async plan(manager: EntityManager, tenantId: string, planId: string): Promise<LessonPlanDto> {
    const found = await lessonPlanById(manager, tenantId, planId);
    if (!found) throw new NotFoundException('No such lesson plan.');
    return toDto(found);
  }
}

function toDto({ sessionStartsAt, ...row }: LessonPlanRow): LessonPlanDto {
  return { ...row, sessionStartsAt: sessionStartsAt?.toISOString() ?? null };
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canSeePupil, type Identity } from '@tutti/auth';
import { decodeCursor, isIsoDate, newId, onceForKey, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import { pupilSchoolId } from '../pupils/pupils.queries';
import type {
  CreateExamEntryDto,
  ExamEntryDto,
  ExamEntryListQueryDto,
  ExamEntryPageDto,
  ExamResultDto,
  LevelMoveDto,
  ParticipationDto,
  ProgressionDto,
} from './dto/progression.dto';
import {
  examEntriesPage,
  examEntryById,
  insertExamEntry,
  pupilExamEntries,
  pupilMembershipHistory,
  pupilSessionsAttendedByStrand,
  recordExamResult,
} from './progression.queries';

@Injectable()
export class ProgressionService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async enter(identity: Identity, pupilId: string, input: CreateExamEntryDto, idempotencyKey: string | undefined): Promise<ExamEntryDto> {
    await this.staffPupil(this.db.manager, identity, pupilId);
    return this.db.transaction((manager) =>
      onceForKey(
        manager,
        {
          tenantId: identity.tenantId,
          callerId: identity.userId,
          operation: `pupils.${pupilId}.exam-entries.create`,
          key: idempotencyKey,
          request: input,
        },
        async () => {
          const id = newId();
          await insertExamEntry(manager, identity.tenantId, id, {
            pupilId,
            board: input.board,
            grade: input.grade,
            instrument: input.instrument,
            enteredOn: input.enteredOn,
            examOn: input.examOn ?? null,
          });
          return this.entry(manager, identity.tenantId, id);
        },
      ),
    );
  }

  /** Records (or corrects) the result if the entry is still at the version the caller read (else 412). */
  async recordResult(identity: Identity, entryId: string, expectedVersion: number, input: ExamResultDto): Promise<ExamEntryDto> {
    const entry = await this.entry(this.db.manager, identity.tenantId, entryId);
    await this.staffPupil(this.db.manager, identity, entry.pupilId);
    const updated = await recordExamResult(this.db.manager, identity.tenantId, entryId, expectedVersion, {
      result: input.result,
      marks: input.marks ?? null,
      examOn: input.examOn ?? null,
    });
    if (!updated) throw await refusedEdit(this.db.manager, 'exam_entries', identity.tenantId, entryId, 'exam entry');
    return updated;
  }

  /** Newest first (exam date, then entered); the cursor is the last item's [exam date or 'undated', id]. */
  async list(identity: Identity, query: ExamEntryListQueryDto): Promise<ExamEntryPageDto> {
    if (query.schoolId) requireSchoolInScope(identity, query.schoolId, 'school');
    const found = await examEntriesPage(
      this.db.manager,
      identity.tenantId,
      schoolIdsInScope(identity),
      query.schoolId ?? null,
      examEntryCursor(query.cursor),
      query.limit + 1,
    );
    return toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.examOn ?? UNDATED, row.id],
    );
  }

  /** Exams, ensembles over time with the moves between levels, and sessions attended by strand. */
  async progression(identity: Identity, pupilId: string): Promise<ProgressionDto> {
    const schoolId = await pupilSchoolId(this.db.manager, identity.tenantId, pupilId);
    if (!schoolId || !canSeePupil(identity, { pupilId, schoolId, tenantId: identity.tenantId }))
      throw new NotFoundException('No such pupil.');
    const examEntries = await pupilExamEntries(this.db.manager, identity.tenantId, pupilId);
    const ensembles = await pupilMembershipHistory(this.db.manager, identity.tenantId, pupilId);
    const levelMoves: LevelMoveDto[] = [];
    let currentLevel: string | null = null;
    for (const membership of ensembles) {
      if (membership.level === null || membership.level === currentLevel) continue;
      levelMoves.push({
        on: membership.joinedOn,
        fromLevel: currentLevel,
        toLevel: membership.level,
        ensembleName: membership.ensembleName,
      });
      currentLevel = membership.level;
    }
    const attended = await pupilSessionsAttendedByStrand(this.db.manager, identity.tenantId, pupilId);
    const sessionsAttended: ParticipationDto = { curriculum: 0, after_school: 0, weekend: 0, holiday: 0 };
    for (const row of attended) sessionsAttended[row.strand] = row.sessions;
    return { pupilId, examEntries, ensembles, levelMoves, sessionsAttended };
  }

  private async staffPupil(manager: EntityManager, identity: Identity, pupilId: string): Promise<void> {
    const schoolId = await pupilSchoolId(manager, identity.tenantId, pupilId);
    if (!schoolId) throw new NotFoundException('No such pupil.');
    requireSchoolInScope(identity, schoolId, 'pupil', ['headteacher', 'tutor']);
  }

  private async entry(manager: EntityManager, tenantId: string, entryId: string): Promise<ExamEntryDto> {
    const found = await examEntryById(manager, tenantId, entryId);
    if (!found) throw new NotFoundException('No such exam entry.');
    return found;
  }
}

/** The cursor's exam-date part of an entry with no exam date yet. */
const UNDATED = 'undated';

function examEntryCursor(cursor: string | undefined): { examOn: string | null; id: string } | null {
  const after = decodeCursor(cursor, ['text', 'uuid']);
  if (!after) return null;
  const [examOn, id] = after as [string, string];
  if (examOn !== UNDATED && !isIsoDate(examOn))
    throw new ValidationProblem([{ field: 'cursor', rule: 'cursor', message: 'cursor must be a nextCursor value returned by this list' }]);
  return { examOn: examOn === UNDATED ? null : examOn, id };
}

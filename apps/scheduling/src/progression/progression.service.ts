import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canSeePupil, type Identity } from '@tutti/auth';
import { decodeCursor, newId, onceForKey, oneRow, rows, toPage } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import type { CreateExamEntryDto, ExamEntryDto, ExamEntryListQueryDto, ExamEntryPageDto, ExamResultDto, LevelMoveDto, MembershipHistoryDto, ParticipationDto, ProgressionDto } from './dto/progression.dto';

const ENTRY_COLUMNS = `x.id, x.pupil_id AS "pupilId", x.board, x.grade, x.instrument, to_char(x.entered_on, 'YYYY-MM-DD') AS "enteredOn",
  to_char(x.exam_on, 'YYYY-MM-DD') AS "examOn", x.result, x.marks, x.version`;

@Injectable()
export class ProgressionService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async enter(identity: Identity, pupilId: string, input: CreateExamEntryDto, idempotencyKey: string | undefined): Promise<ExamEntryDto> {
    await this.staffPupil(this.db.manager, identity, pupilId);
    return this.db.transaction((manager) =>
      onceForKey(manager, { tenantId: identity.tenantId, callerId: identity.userId, operation: `pupils.${pupilId}.exam-entries.create`, key: idempotencyKey, request: input }, async () => {
        const id = newId();
        await manager.query(
          'INSERT INTO exam_entries (id, tenant_id, pupil_id, board, grade, instrument, entered_on, exam_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [id, identity.tenantId, pupilId, input.board, input.grade, input.instrument, input.enteredOn, input.examOn ?? null],
        );
        return this.entry(manager, identity.tenantId, id);
      }),
    );
  }

  /** Records (or corrects) the result if the entry is still at the version the caller read (else 412). */
  async recordResult(identity: Identity, entryId: string, expectedVersion: number, input: ExamResultDto): Promise<ExamEntryDto> {
    const entry = await this.entry(this.db.manager, identity.tenantId, entryId);
    await this.staffPupil(this.db.manager, identity, entry.pupilId);
    const updated = await oneRow<ExamEntryDto>(
      this.db,
      `UPDATE exam_entries x SET result = $3, marks = $4, exam_on = coalesce($5, exam_on), version = version + 1
       WHERE tenant_id = $1 AND id = $2 AND version = $6 RETURNING ${ENTRY_COLUMNS}`,
      [identity.tenantId, entryId, input.result, input.marks ?? null, input.examOn ?? null, expectedVersion],
    );
    if (!updated) throw await refusedEdit(this.db.manager, 'exam_entries', identity.tenantId, entryId, 'exam entry');
    return updated;
  }

  async list(identity: Identity, query: ExamEntryListQueryDto): Promise<ExamEntryPageDto> {
    if (query.schoolId) requireSchoolInScope(identity, query.schoolId, 'school');
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await rows<ExamEntryDto>(
      this.db,
      `SELECT ${ENTRY_COLUMNS} FROM exam_entries x JOIN pupils p ON p.tenant_id = x.tenant_id AND p.id = x.pupil_id
       WHERE x.tenant_id = $1 AND ($2::uuid[] IS NULL OR p.school_id = ANY($2)) AND ($3::uuid IS NULL OR p.school_id = $3) AND ($4::uuid IS NULL OR x.id > $4)
       ORDER BY x.id LIMIT $5`,
      [identity.tenantId, schoolIdsInScope(identity), query.schoolId ?? null, after?.[0] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => row, (row) => [row.id]);
  }

  /** Exams, ensembles over time with the moves between levels, and sessions attended by strand. */
  async progression(identity: Identity, pupilId: string): Promise<ProgressionDto> {
    const pupil = await oneRow<{ schoolId: string }>(this.db, 'SELECT school_id AS "schoolId" FROM pupils WHERE tenant_id = $1 AND id = $2', [identity.tenantId, pupilId]);
    if (!pupil || !canSeePupil(identity, { pupilId, schoolId: pupil.schoolId, tenantId: identity.tenantId })) throw new NotFoundException('No such pupil.');
    const examEntries = await rows<ExamEntryDto>(this.db, `SELECT ${ENTRY_COLUMNS} FROM exam_entries x WHERE x.tenant_id = $1 AND x.pupil_id = $2 ORDER BY x.entered_on, x.id`, [identity.tenantId, pupilId]);
    const ensembles = await rows<MembershipHistoryDto>(
      this.db,
      `SELECT e.id AS "ensembleId", e.name AS "ensembleName", e.kind, e.strand, e.level, m.instrument,
              to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn", to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn"
       FROM ensemble_members m JOIN ensembles e ON e.tenant_id = m.tenant_id AND e.id = m.ensemble_id
       WHERE m.tenant_id = $1 AND m.pupil_id = $2 ORDER BY m.joined_on, e.name`,
      [identity.tenantId, pupilId],
    );
    const levelMoves: LevelMoveDto[] = [];
    let currentLevel: string | null = null;
    for (const membership of ensembles) {
      if (membership.level === null || membership.level === currentLevel) continue;
      levelMoves.push({ on: membership.joinedOn, fromLevel: currentLevel, toLevel: membership.level, ensembleName: membership.ensembleName });
      currentLevel = membership.level;
    }
    const attended = await rows<{ strand: keyof ParticipationDto; sessions: number }>(
      this.db,
      `SELECT e.strand, count(*)::int AS sessions FROM attendance a
       JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
       JOIN ensembles e ON e.tenant_id = o.tenant_id AND e.id = o.ensemble_id
       WHERE a.tenant_id = $1 AND a.pupil_id = $2 AND a.status IN ('present', 'late') AND o.status = 'scheduled' GROUP BY e.strand`,
      [identity.tenantId, pupilId],
    );
    const sessionsAttended: ParticipationDto = { curriculum: 0, after_school: 0, weekend: 0, holiday: 0 };
    for (const row of attended) sessionsAttended[row.strand] = row.sessions;
    return { pupilId, examEntries, ensembles, levelMoves, sessionsAttended };
  }

  private async staffPupil(manager: EntityManager, identity: Identity, pupilId: string): Promise<void> {
    const pupil = await oneRow<{ schoolId: string }>(manager, 'SELECT school_id AS "schoolId" FROM pupils WHERE tenant_id = $1 AND id = $2', [identity.tenantId, pupilId]);
    if (!pupil) throw new NotFoundException('No such pupil.');
    requireSchoolInScope(identity, pupil.schoolId, 'pupil', ['headteacher', 'tutor']);
  }

  private async entry(manager: EntityManager, tenantId: string, entryId: string): Promise<ExamEntryDto> {
    const found = await oneRow<ExamEntryDto>(manager, `SELECT ${ENTRY_COLUMNS} FROM exam_entries x WHERE x.tenant_id = $1 AND x.id = $2`, [tenantId, entryId]);
    if (!found) throw new NotFoundException('No such exam entry.');
    return found;
  }
}

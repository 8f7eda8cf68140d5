import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { ConflictProblem, etagOf, oneRow, ProblemException, rows, staleEdit, ValidationProblem, type FieldError } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { emit } from '../common/events';
import { loadOccurrence, type OccurrenceRef } from '../sessions/occurrence-access';
import type { RegisterDto, RegisterEntryDto, RehearsalNoteDto, RehearsalNoteResponseDto, SubmitRegisterDto } from './dto/register.dto';
import { LATEST_SUBMISSION_SQL, REGISTER_ENTRIES_SQL } from './register.queries';

interface MemberOnDay {
  pupilId: string | null;
  staffId: string | null;
}

@Injectable()
export class RegisterService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(identity: Identity, occurrenceId: string): Promise<RegisterDto> {
    const occurrence = await loadOccurrence(this.db.manager, identity, occurrenceId, 'register');
    return this.register(this.db.manager, identity.tenantId, occurrence);
  }

  /**
   * Takes the whole register in one request. A new submission replaces the previous marks; the
   * same submission sent again (a phone retrying after losing signal) changes nothing.
   */
  async submit(identity: Identity, occurrenceId: string, input: SubmitRegisterDto): Promise<{ replayed: boolean; register: RegisterDto }> {
    return this.db.transaction(async (manager) => {
      const occurrence = await loadOccurrence(manager, identity, occurrenceId, 'register', true);
      const previous = await oneRow<{ occurrenceId: string }>(manager, 'SELECT occurrence_id AS "occurrenceId" FROM register_submissions WHERE id = $1 AND tenant_id = $2', [input.submissionId, identity.tenantId]);
      if (previous) {
        if (previous.occurrenceId !== occurrenceId) throw new ConflictProblem('This submissionId was used for another session.', [{ submissionId: input.submissionId, occurrenceId: previous.occurrenceId }]);
        return { replayed: true, register: await this.register(manager, identity.tenantId, occurrence) };
      }
      if (occurrence.status === 'cancelled') throw new ConflictProblem('This session was cancelled; it has no register.', [{ occurrenceId, status: 'cancelled' }]);
      await this.requireMembers(manager, identity.tenantId, occurrence, input);

      await manager.query('INSERT INTO register_submissions (id, tenant_id, occurrence_id, submitted_by) VALUES ($1, $2, $3, $4)', [input.submissionId, identity.tenantId, occurrenceId, identity.userId]);
      await manager.query('DELETE FROM attendance WHERE tenant_id = $1 AND occurrence_id = $2', [identity.tenantId, occurrenceId]);
      const taken = await rows<{ id: string }>(
        manager,
        `INSERT INTO attendance (id, tenant_id, occurrence_id, pupil_id, staff_id, status, submission_id)
         SELECT m.id, $1, $2, m.pupil_id, m.staff_id, m.status, $3 FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[]) AS m(id, pupil_id, staff_id, status)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [identity.tenantId, occurrenceId, input.submissionId, input.marks.map((m) => m.markId), input.marks.map((m) => m.pupilId ?? null), input.marks.map((m) => m.staffId ?? null), input.marks.map((m) => m.status)],
      );
      if (taken.length !== input.marks.length) {
        const reused = input.marks.filter((mark) => !taken.some((row) => row.id === mark.markId)).map((mark) => mark.markId);
        throw new ConflictProblem('Some markIds were already used for other marks; send new ones.', reused.map((markId) => ({ markId })));
      }
      await manager.query('UPDATE occurrences SET delivered_at = coalesce(delivered_at, now()) WHERE tenant_id = $1 AND id = $2', [identity.tenantId, occurrenceId]);
      await emit(manager, 'scheduling.attendance.recorded', identity.tenantId, {
        version: 1,
        occurrenceId,
        ensembleId: occurrence.ensembleId,
        schoolId: occurrence.schoolId,
        startsAt: occurrence.startsAt.toISOString(),
        marks: input.marks.map((mark) => ({ pupilId: mark.pupilId ?? null, staffId: mark.staffId ?? null, status: mark.status })),
      });
      return { replayed: false, register: await this.register(manager, identity.tenantId, occurrence) };
    });
  }

  /**
   * Writes the session's note: the first without If-Match, every later one naming the version it
   * was based on, so that two tutors of the session saving from their phones never silently
   * overwrite each other (412 when it is stale; 428 when a note was written since the caller looked).
   */
  async putNote(identity: Identity, occurrenceId: string, expectedVersion: number | null, input: RehearsalNoteDto): Promise<RehearsalNoteResponseDto> {
    await loadOccurrence(this.db.manager, identity, occurrenceId, 'register');
    const values = [identity.tenantId, occurrenceId, input.repertoire, input.focus ?? null, input.notes ?? null, identity.userId];
    if (expectedVersion === null) {
      const created = await oneRow(
        this.db,
        `INSERT INTO rehearsal_notes (tenant_id, occurrence_id, repertoire, focus, notes, author_user_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, occurrence_id) DO NOTHING RETURNING occurrence_id`,
        values,
      );
      if (!created) {
        const current = await this.noteVersion(identity.tenantId, occurrenceId);
        throw new ProblemException(
          HttpStatus.PRECONDITION_REQUIRED,
          'This session has a rehearsal note already (perhaps written since you looked): read it, then send If-Match with its ETag to change it.',
          current === null ? {} : { currentETag: etagOf(current) },
        );
      }
    } else {
      const updated = await oneRow(
        this.db,
        `UPDATE rehearsal_notes SET repertoire = $3, focus = $4, notes = $5, author_user_id = $6, updated_at = now(), version = version + 1
         WHERE tenant_id = $1 AND occurrence_id = $2 AND version = $7 RETURNING occurrence_id`,
        [...values, expectedVersion],
      );
      if (!updated) {
        const current = await this.noteVersion(identity.tenantId, occurrenceId);
        if (current !== null) throw staleEdit('rehearsal note', current);
        throw new ProblemException(HttpStatus.PRECONDITION_FAILED, 'This session has no rehearsal note to change: send the note without If-Match to write the first one.');
      }
    }
    return this.getNote(identity, occurrenceId);
  }

  private async noteVersion(tenantId: string, occurrenceId: string): Promise<number | null> {
    const note = await oneRow<{ version: number }>(this.db, 'SELECT version FROM rehearsal_notes WHERE tenant_id = $1 AND occurrence_id = $2', [tenantId, occurrenceId]);
    return note?.version ?? null;
  }

  async getNote(identity: Identity, occurrenceId: string): Promise<RehearsalNoteResponseDto> {
    await loadOccurrence(this.db.manager, identity, occurrenceId, 'view');
    const note = await oneRow<RehearsalNoteResponseDto & { updatedAt: Date }>(
      this.db,
      `SELECT occurrence_id AS "occurrenceId", repertoire, focus, notes, author_user_id AS "authorUserId", updated_at AS "updatedAt", version
       FROM rehearsal_notes WHERE tenant_id = $1 AND occurrence_id = $2`,
      [identity.tenantId, occurrenceId],
    );
    if (!note) throw new NotFoundException('No rehearsal note for this session yet.');
    return { ...note, focus: note.focus ?? undefined, notes: note.notes ?? undefined, updatedAt: note.updatedAt.toISOString() };
  }

  /** Everyone who was a member on the day of the session, with their mark if taken. */
  private async register(manager: EntityManager, tenantId: string, occurrence: OccurrenceRef): Promise<RegisterDto> {
    const entries = await rows<RegisterEntryDto>(
      manager,
      REGISTER_ENTRIES_SQL,
      [tenantId, occurrence.id, occurrence.ensembleId, occurrence.localDate],
    );
    const submission = await oneRow<{ id: string; submittedAt: Date }>(
      manager,
      LATEST_SUBMISSION_SQL,
      [tenantId, occurrence.id],
    );
    return { occurrenceId: occurrence.id, submissionId: submission?.id ?? null, submittedAt: submission?.submittedAt.toISOString() ?? null, entries };
  }

  private async requireMembers(manager: EntityManager, tenantId: string, occurrence: OccurrenceRef, input: SubmitRegisterDto): Promise<void> {
    const members = await rows<MemberOnDay>(
      manager,
      `SELECT pupil_id AS "pupilId", staff_id AS "staffId" FROM ensemble_members
       WHERE tenant_id = $1 AND ensemble_id = $2 AND joined_on <= $3::date AND (left_on IS NULL OR left_on >= $3::date)`,
      [tenantId, occurrence.ensembleId, occurrence.localDate],
    );
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.marks.forEach((mark, index) => {
      const field = `marks[${index}]`;
      if ((mark.pupilId === undefined) === (mark.staffId === undefined)) {
        errors.push({ field: `${field}.pupilId`, rule: 'exactlyOne', message: 'give exactly one of pupilId and staffId' });
        return;
      }
      const who = mark.pupilId ?? mark.staffId ?? '';
      if (seen.has(who) || seen.has(mark.markId)) errors.push({ field, rule: 'unique', message: `${field} repeats a member or a markId` });
      seen.add(who);
      seen.add(mark.markId);
      const isMember = members.some((member) => (mark.pupilId ? member.pupilId === mark.pupilId : member.staffId === mark.staffId));
      if (!isMember) errors.push({ field: mark.pupilId ? `${field}.pupilId` : `${field}.staffId`, rule: 'member', message: 'not a member of this ensemble on the day of the session' });
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
  }
}

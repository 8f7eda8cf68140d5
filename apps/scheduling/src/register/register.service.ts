import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { ConflictProblem, etagOf, ProblemException, staleEdit, ValidationProblem, type FieldError } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { emit } from '../common/events';
import { loadOccurrence } from '../sessions/occurrence-access';
import type { OccurrenceRef } from '../sessions/sessions.queries';
import type { RegisterDto, RehearsalNoteDto, RehearsalNoteResponseDto, SubmitRegisterDto } from './dto/register.dto';
import {
  deleteOccurrenceMarks,
  ensembleMembersOnDay,
  insertMarks,
  insertRehearsalNote,
  insertSubmission,
  latestSubmission,
  markOccurrenceDelivered,
  registerEntries,
  rehearsalNote,
  rehearsalNoteVersion,
  submissionById,
  updateRehearsalNote,
} from './register.queries';

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
      const previous = await submissionById(manager, identity.tenantId, input.submissionId);
      if (previous) {
        if (previous.occurrenceId !== occurrenceId)
          throw new ConflictProblem('This submissionId was used for another session.', [
            { submissionId: input.submissionId, occurrenceId: previous.occurrenceId },
          ]);
        return { replayed: true, register: await this.register(manager, identity.tenantId, occurrence) };
      }
      if (occurrence.status === 'cancelled')
        throw new ConflictProblem('This session was cancelled; it has no register.', [{ occurrenceId, status: 'cancelled' }]);
      await this.requireMembers(manager, identity.tenantId, occurrence, input);

      await insertSubmission(manager, identity.tenantId, input.submissionId, occurrenceId, identity.userId);
      await deleteOccurrenceMarks(manager, identity.tenantId, occurrenceId);
      const taken = await insertMarks(
        manager,
        identity.tenantId,
        occurrenceId,
        input.submissionId,
        input.marks.map((mark) => ({
          markId: mark.markId,
          pupilId: mark.pupilId ?? null,
          staffId: mark.staffId ?? null,
          status: mark.status,
        })),
      );
      if (taken.length !== input.marks.length) {
        const reused = input.marks.filter((mark) => !taken.includes(mark.markId)).map((mark) => mark.markId);
        throw new ConflictProblem(
          'Some markIds were already used for other marks; send new ones.',
          reused.map((markId) => ({ markId })),
        );
      }
      await markOccurrenceDelivered(manager, identity.tenantId, occurrenceId);
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
  async putNote(
    identity: Identity,
    occurrenceId: string,
    expectedVersion: number | null,
    input: RehearsalNoteDto,
  ): Promise<RehearsalNoteResponseDto> {
    await loadOccurrence(this.db.manager, identity, occurrenceId, 'register');
    const note = { repertoire: input.repertoire, focus: input.focus ?? null, notes: input.notes ?? null, authorUserId: identity.userId };
    if (expectedVersion === null) {
      const created = await insertRehearsalNote(this.db.manager, identity.tenantId, occurrenceId, note);
      if (!created) {
        const current = await this.noteVersion(identity.tenantId, occurrenceId);
        throw new ProblemException(
          HttpStatus.PRECONDITION_REQUIRED,
          'This session has a rehearsal note already (perhaps written since you looked): read it, then send If-Match with its ETag to change it.',
          current === null ? {} : { currentETag: etagOf(current) },
        );
      }
    } else {
      const updated = await updateRehearsalNote(this.db.manager, identity.tenantId, occurrenceId, expectedVersion, note);
      if (!updated) {
        const current = await this.noteVersion(identity.tenantId, occurrenceId);
        if (current !== null) throw staleEdit('rehearsal note', current);
        throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          'This session has no rehearsal note to change: send the note without If-Match to write the first one.',
        );
      }
    }
    return this.getNote(identity, occurrenceId);
  }

  private noteVersion(tenantId: string, occurrenceId: string): Promise<number | null> {
    return rehearsalNoteVersion(this.db.manager, tenantId, occurrenceId);
  }

  async getNote(identity: Identity, occurrenceId: string): Promise<RehearsalNoteResponseDto> {
    await loadOccurrence(this.db.manager, identity, occurrenceId, 'view');
    const note = await rehearsalNote(this.db.manager, identity.tenantId, occurrenceId);
    if (!note) throw new NotFoundException('No rehearsal note for this session yet.');
    return { ...note, focus: note.focus ?? undefined, notes: note.notes ?? undefined, updatedAt: note.updatedAt.toISOString() };
  }

  /** Everyone who was a member on the day of the session, with their mark if taken. */
  private async register(manager: EntityManager, tenantId: string, occurrence: OccurrenceRef): Promise<RegisterDto> {
    const entries = await registerEntries(manager, tenantId, occurrence);
    const submission = await latestSubmission(manager, tenantId, occurrence.id);
    return {
      occurrenceId: occurrence.id,
      submissionId: submission?.id ?? null,
      submittedAt: submission?.submittedAt.toISOString() ?? null,
      entries,
    };
  }

  private async requireMembers(
    manager: EntityManager,
    tenantId: string,
    occurrence: OccurrenceRef,
    input: SubmitRegisterDto,
  ): Promise<void> {
    const members = await ensembleMembersOnDay(manager, tenantId, occurrence.ensembleId, occurrence.localDate);
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
      if (!isMember)
        errors.push({
          field: mark.pupilId ? `${field}.pupilId` : `${field}.staffId`,
          rule: 'member',
          message: 'not a member of this ensemble on the day of the session',
        });
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
  }
}

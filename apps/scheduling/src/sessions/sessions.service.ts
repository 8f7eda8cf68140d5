import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SCHOOLS, hasRole, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { decodeCursor, newId, onceForKey, PLANNING_TIME_ZONE, todayIn, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { emit } from '../common/events';
import { lockTimetable } from '../common/common.queries';
import { refuseClashes } from './clashes';
import type {
  AssignTutorsDto,
  CancelOccurrenceDto,
  CreateSessionDto,
  MoveOccurrenceDto,
  MySessionsDto,
  MySessionsQueryDto,
  OccurrenceDto,
  OccurrenceListQueryDto,
  OccurrencePageDto,
  SessionDto,
  SessionListQueryDto,
  SessionPageDto,
} from './dto/session.dto';
import { ensembleSchoolAndName } from '../ensembles/ensembles.queries';
import { roomSchoolId } from '../rooms/rooms.queries';
import { existingStaffIds } from '../staff/staff.queries';
import { tenantTimeZone } from '../tenant-settings/tenant-settings.queries';
import { termDates } from '../terms/terms.queries';
import { refuseUncleared } from '../safeguarding/clearance-check';
import { loadOccurrence } from './occurrence-access';
import {
  bumpOccurrenceVersion,
  calendarRange,
  cancelOccurrence,
  insertOccurrences,
  insertSession,
  insertSessionTutors,
  moveOccurrence,
  myOccurrences,
  occurrenceById,
  occurrencesPage,
  planOccurrences,
  replaceOccurrenceTutors,
  sessionById,
  sessionsPage,
  type OccurrenceRow,
} from './sessions.queries';

function toOccurrenceDto(row: OccurrenceRow): OccurrenceDto {
  return {
    ...row,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    movedFrom: row.movedFrom?.toISOString() ?? null,
  };
}

@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateSessionDto, idempotencyKey: string | undefined): Promise<SessionDto> {
    requireRecurrenceFields(input);
    const sessionId = await this.db.transaction(async (manager) =>
      onceForKey(
        manager,
        { tenantId: identity.tenantId, callerId: identity.userId, operation: 'sessions.create', key: idempotencyKey, request: input },
        async () => {
          await lockTimetable(manager, identity.tenantId);
          const ensemble = await ensembleSchoolAndName(manager, identity.tenantId, input.ensembleId);
          if (!ensemble || !mayPlanFor(identity, ensemble.schoolId)) throw new NotFoundException('No such ensemble.');
          if (input.roomId) await requireRoomFor(manager, identity.tenantId, input.roomId, ensemble.schoolId);
          const tutorIds = [...new Set(input.tutorIds ?? [])];
          await requireStaff(manager, identity.tenantId, tutorIds);
          await refuseUncleared(manager, identity.tenantId, tutorIds, 'a tutor');
          const timeZone = await timeZoneOf(manager, identity.tenantId);
          const { firstOn, lastOn } = await this.dateRange(manager, identity.tenantId, input);
          const planned = await planOccurrences(manager, {
            tenantId: identity.tenantId,
            schoolId: ensemble.schoolId,
            firstOn,
            lastOn,
            weekday: input.recurrence === 'weekly' ? (input.weekday ?? null) : null,
            startTime: input.startTime,
            durationMinutes: input.durationMinutes,
            timeZone,
          });
          if (planned.length === 0)
            throw new ValidationProblem([
              { field: 'weekday', rule: 'hasDates', message: 'no school day in this range falls on this weekday outside holidays' },
            ]);

          const id = newId();
          await insertSession(manager, identity.tenantId, id, {
            ensembleId: input.ensembleId,
            schoolId: ensemble.schoolId,
            roomId: input.roomId ?? null,
            termId: input.termId ?? null,
            title: input.title ?? ensemble.name,
            recurrence: input.recurrence,
            weekday: input.recurrence === 'weekly' ? (input.weekday ?? null) : null,
            startTime: input.startTime,
            durationMinutes: input.durationMinutes,
            firstOn,
            lastOn,
            timeZone,
          });
          const occurrenceIds = planned.map(() => newId());
          const session = {
            ensembleId: input.ensembleId,
            schoolId: ensemble.schoolId,
            roomId: input.roomId ?? null,
            clashOverride: input.override ?? false,
          };
          await insertOccurrences(manager, identity.tenantId, id, session, occurrenceIds, planned);
          if (tutorIds.length > 0) {
            await insertSessionTutors(manager, identity.tenantId, id, tutorIds);
          }
          await refuseClashes(manager, identity.tenantId, occurrenceIds, input.override ?? false);
          return id;
        },
      ),
    );
    return this.get(identity, sessionId);
  }

  async get(identity: Identity, sessionId: string): Promise<SessionDto> {
    const found = await sessionById(this.db.manager, identity.tenantId, sessionId);
    if (!found || (found.schoolId !== null && !inSchoolScope(staffSchoolScope(identity), found.schoolId)))
      throw new NotFoundException('No such session.');
    return found;
  }

  async list(identity: Identity, query: SessionListQueryDto): Promise<SessionPageDto> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const scope = staffSchoolScope(identity);
    const seen = { allSchools: scope === ALL_SCHOOLS, schoolIds: scope === ALL_SCHOOLS ? [] : [...scope] };
    const found = await sessionsPage(this.db.manager, identity.tenantId, seen, query.ensembleId ?? null, after, query.limit + 1);
    return toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.id],
    );
  }

  async occurrences(identity: Identity, query: OccurrenceListQueryDto): Promise<OccurrencePageDto> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const scope = staffSchoolScope(identity);
    const seen = { allSchools: scope === ALL_SCHOOLS, schoolIds: scope === ALL_SCHOOLS ? [] : [...scope] };
    const filter = {
      from: query.from ?? null,
      to: query.to ?? null,
      sessionId: query.sessionId ?? null,
      ensembleId: query.ensembleId ?? null,
      schoolId: query.schoolId ?? null,
    };
    const found = await occurrencesPage(this.db.manager, identity.tenantId, seen, filter, after, query.limit + 1);
    return toPage(found, query.limit, toOccurrenceDto, (row) => [row.startsAt.toISOString(), row.id]);
  }

  async occurrence(identity: Identity, occurrenceId: string): Promise<OccurrenceDto> {
    await loadOccurrence(this.db.manager, identity, occurrenceId, 'view');
    return this.occurrenceDto(this.db.manager, identity.tenantId, occurrenceId);
  }

  /** The caller's own sessions, across all their schools, on one day or in one week of the area's calendar. */
  async mine(identity: Identity, query: MySessionsQueryDto): Promise<MySessionsDto> {
    const timeZone = await timeZoneOf(this.db.manager, identity.tenantId);
    const day = query.date ?? todayIn(timeZone);
    const range = await calendarRange(this.db.manager, day, query.period);
    const found = await myOccurrences(this.db.manager, identity.tenantId, identity.userId, range.from, range.to, timeZone);
    return { from: range.from, to: range.to, items: found.map(toOccurrenceDto) };
  }

  async cancel(identity: Identity, occurrenceId: string, input: CancelOccurrenceDto): Promise<OccurrenceDto> {
    return this.db.transaction(async (manager) => {
      const occurrence = await loadOccurrence(manager, identity, occurrenceId, 'manage', true);
      if (occurrence.status === 'scheduled') {
        await cancelOccurrence(manager, identity.tenantId, occurrenceId, input.reason ?? null);
        await emit(manager, 'scheduling.session.cancelled', identity.tenantId, {
          version: 1,
          occurrenceId,
          sessionId: occurrence.sessionId,
          ensembleId: occurrence.ensembleId,
          schoolId: occurrence.schoolId,
          startsAt: occurrence.startsAt.toISOString(),
          endsAt: occurrence.endsAt.toISOString(),
          previousStartsAt: null,
          reason: input.reason ?? null,
        });
      }
      return this.occurrenceDto(manager, identity.tenantId, occurrenceId);
    });
  }

  async move(identity: Identity, occurrenceId: string, input: MoveOccurrenceDto): Promise<OccurrenceDto> {
    return this.db.transaction(async (manager) => {
      await lockTimetable(manager, identity.tenantId);
      const occurrence = await loadOccurrence(manager, identity, occurrenceId, 'manage', true);
      if (occurrence.status === 'cancelled')
        throw new ValidationProblem([{ field: 'occurrenceId', rule: 'scheduled', message: 'a cancelled session cannot be moved' }]);
      const roomId = input.roomId ?? occurrence.roomId;
      if (input.roomId) await requireRoomFor(manager, identity.tenantId, input.roomId, occurrence.schoolId);
      const startsAt = new Date(input.startsAt);
      const minutes = input.durationMinutes ?? Math.round((occurrence.endsAt.getTime() - occurrence.startsAt.getTime()) / 60_000);
      const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
      await moveOccurrence(manager, identity.tenantId, occurrenceId, {
        startsAt,
        endsAt,
        roomId,
        timeZone: occurrence.timeZone,
        clashOverride: input.override ?? false,
      });
      await refuseClashes(manager, identity.tenantId, [occurrenceId], input.override ?? false);
      await emit(manager, 'scheduling.session.moved', identity.tenantId, {
        version: 1,
        occurrenceId,
        sessionId: occurrence.sessionId,
        ensembleId: occurrence.ensembleId,
        schoolId: occurrence.schoolId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        previousStartsAt: occurrence.startsAt.toISOString(),
        reason: null,
      });
      return this.occurrenceDto(manager, identity.tenantId, occurrenceId);
    });
  }

  /**
   * Replaces the tutors of one occurrence if it is still at the version the caller read (else 412:
   * two managers replacing the set at once would each drop the other's choice); a tutor booked
   * elsewhere at the time is a 409.
   */
  async assignTutors(identity: Identity, occurrenceId: string, expectedVersion: number, input: AssignTutorsDto): Promise<OccurrenceDto> {
    return this.db.transaction(async (manager) => {
      await lockTimetable(manager, identity.tenantId);
      const occurrence = await loadOccurrence(manager, identity, occurrenceId, 'manage', true);
      const staffIds = [...new Set(input.staffIds)];
      await requireStaff(manager, identity.tenantId, staffIds, 'staffIds');
      await refuseUncleared(manager, identity.tenantId, staffIds, 'a tutor');
      if (!(await bumpOccurrenceVersion(manager, identity.tenantId, occurrenceId, expectedVersion)))
        throw await refusedEdit(manager, 'occurrences', identity.tenantId, occurrenceId, 'session');
      await replaceOccurrenceTutors(manager, identity.tenantId, occurrence, staffIds);
      await refuseClashes(manager, identity.tenantId, [occurrenceId], input.override ?? false, ['tutor']);
      return this.occurrenceDto(manager, identity.tenantId, occurrenceId);
    });
  }

  private async occurrenceDto(manager: EntityManager, tenantId: string, occurrenceId: string): Promise<OccurrenceDto> {
    const row = await occurrenceById(manager, tenantId, occurrenceId);
    if (!row) throw new NotFoundException('No such session.');
    return toOccurrenceDto(row);
  }

  private async dateRange(manager: EntityManager, tenantId: string, input: CreateSessionDto): Promise<{ firstOn: string; lastOn: string }> {
    if (input.recurrence === 'once') return { firstOn: input.firstOn as string, lastOn: input.firstOn as string };
    const term = await termDates(manager, tenantId, input.termId as string);
    if (!term) throw new NotFoundException('No such term.');
    const firstOn = input.firstOn && input.firstOn > term.from ? input.firstOn : term.from;
    const lastOn = input.lastOn && input.lastOn < term.to ? input.lastOn : term.to;
    if (lastOn < firstOn)
      throw new ValidationProblem([{ field: 'lastOn', rule: 'withinTerm', message: 'firstOn and lastOn must leave some of the term' }]);
    return { firstOn, lastOn };
  }
}

function requireRecurrenceFields(input: CreateSessionDto): void {
  if (input.recurrence === 'weekly') {
    const missing = [!input.termId && 'termId', input.weekday === undefined && 'weekday'].filter((field): field is string =>
      Boolean(field),
    );
    if (missing.length > 0)
      throw new ValidationProblem(
        missing.map((field) => ({ field, rule: 'required', message: `${field} is required for a weekly session` })),
      );
  } else if (!input.firstOn) {
    throw new ValidationProblem([{ field: 'firstOn', rule: 'required', message: 'firstOn (the date) is required for a one-off session' }]);
  }
}

function mayPlanFor(identity: Identity, schoolId: string | null): boolean {
  if (hasRole(identity, 'programme_admin')) return true;
  return schoolId !== null && inSchoolScope(staffSchoolScope(identity, ['headteacher']), schoolId);
}

async function requireRoomFor(manager: EntityManager, tenantId: string, roomId: string, schoolId: string | null): Promise<void> {
  const roomSchool = await roomSchoolId(manager, tenantId, roomId);
  if (!roomSchool) throw new NotFoundException('No such room.');
  if (schoolId !== null && roomSchool !== schoolId)
    throw new ValidationProblem([{ field: 'roomId', rule: 'sameSchool', message: 'roomId must be a room of the ensemble’s school' }]);
}

async function requireStaff(manager: EntityManager, tenantId: string, staffIds: string[], field = 'tutorIds'): Promise<void> {
  if (staffIds.length === 0) return;
  const known = await existingStaffIds(manager, tenantId, staffIds);
  const missing = staffIds.filter((id) => !known.includes(id));
  if (missing.length > 0)
    throw new ValidationProblem(missing.map((id) => ({ field, rule: 'exists', message: `tutor ${id} does not exist` })));
}

async function timeZoneOf(manager: EntityManager, tenantId: string): Promise<string> {
  return (await tenantTimeZone(manager, tenantId)) ?? PLANNING_TIME_ZONE;
}

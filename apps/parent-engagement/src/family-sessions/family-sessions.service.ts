import { Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, guardedPupils, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { decodeCursor, newId, notFoundField, onceForKey, toPage, ValidationProblem, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../common/conflicts';
import { ownChildren } from '../common/family-scope';
import { publishAttendanceMarked } from '../engagement-evidence/engagement-evidence';
import { FamiliesService } from '../families/families.service';
import { RosterService } from '../roster/roster.service';
import type {
  CreateFamilySessionDto,
  CreateSignUpDto,
  FamilySessionDto,
  FamilySessionListQueryDto,
  FamilySessionQueryDto,
  SignUpDto,
} from './dto/family-session.dto';
import * as sessions from './family-sessions.queries';
import type { SchoolsSeen, SessionRow, SignUpRow } from './family-sessions.queries';

/**
 * Family music sessions and workshops at a school: staff put them on, families sign up (places
 * decided by one conditional UPDATE of places_taken, with a CHECK as the last word), staff mark
 * who came.
 */
@Injectable()
export class FamilySessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly families: FamiliesService,
    private readonly roster: RosterService,
  ) {}

  async create(identity: Identity, dto: CreateFamilySessionDto, idempotencyKey: string | undefined): Promise<FamilySessionDto> {
    const scope = staffSchoolScope(identity);
    if (!inSchoolScope(scope, dto.schoolId)) throw notFoundField('schoolId', 'school among yours');
    if (new Date(dto.endsAt) <= new Date(dto.startsAt))
      throw new ValidationProblem([{ field: 'endsAt', rule: 'after', message: 'endsAt must be after startsAt' }]);
    const tenantId = identity.tenantId;
    return this.dataSource.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId, callerId: identity.userId, operation: 'create-family-session', key: idempotencyKey, request: dto },
        async () => {
          // Staff's schools come vouched for in their identity; the programme admin may name any school, but only one of their own area.
          if (scope === ALL_SCHOOLS && !(await this.roster.knowsSchool(manager, tenantId, dto.schoolId)))
            throw notFoundField('schoolId', 'school of your area');
          const row = await sessions.insertSession(manager, tenantId, {
            id: newId(),
            kind: dto.kind,
            title: dto.title,
            schoolId: dto.schoolId,
            startsAt: dto.startsAt,
            endsAt: dto.endsAt,
            capacity: dto.capacity,
            createdBy: identity.userId,
          });
          return toSessionDto(row);
        },
      ),
    );
  }

  async get(identity: Identity, sessionId: string): Promise<FamilySessionDto> {
    return toSessionDto(await this.visibleSession(this.dataSource.manager, identity, sessionId));
  }

  /** Sessions still to come at the caller's schools (staff) or their children's schools (guardian), soonest first. */
  async list(identity: Identity, query: FamilySessionListQueryDto): Promise<Page<FamilySessionDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const page = query.when === 'past' ? sessions.pastSessionsPage : sessions.upcomingSessionsPage;
    const found = await page(this.dataSource, identity.tenantId, visibleSchools(identity), {
      schoolId: query.schoolId ?? null,
      after,
      limit: query.limit + 1,
    });
    return toPage(found, query.limit, toSessionDto, (row) => [row.starts_at.toISOString(), row.id]);
  }

  async signUp(identity: Identity, sessionId: string, dto: CreateSignUpDto, idempotencyKey: string | undefined): Promise<SignUpDto> {
    const { allowed, refused } = ownChildren(identity, dto.pupilIds, () => true);
    if (refused.length > 0)
      throw new ValidationProblem([{ field: 'pupilIds', rule: 'ownChildren', message: 'pupilIds may name only your own children' }]);
    if (dto.pupilIds.length > dto.places)
      throw new ValidationProblem([
        { field: 'places', rule: 'coversChildren', message: 'places must count every child named in pupilIds' },
      ]);
    const tenantId = identity.tenantId;
    return this.dataSource.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId, callerId: identity.userId, operation: 'session-sign-up', key: idempotencyKey, request: { sessionId, ...dto } },
        async () => {
          await this.families.ensureFamily(manager, identity);
          const session = await this.visibleSession(manager, identity, sessionId);
          if (session.starts_at <= new Date()) throw conflict('session-started', 'This session has already started.', { sessionId });
          // Re-signing after a cancellation reuses the family's row (its attendance mark taken back); an active sign-up is left alone.
          const markTakenBack = await sessions.cancelledSignUpWasMarked(manager, tenantId, sessionId, identity.userId);
          const signUp = await sessions.insertSignUp(manager, tenantId, {
            id: newId(),
            sessionId,
            guardianId: identity.userId,
            guardianName: identity.displayName,
            pupilIds: dto.pupilIds,
            schoolIds: [...new Set([session.school_id, ...allowed.map((p) => p.schoolId)])],
            places: dto.places,
          });
          if (!signUp) throw conflict('already-signed-up', 'Your family is already signed up to this session.', { sessionId });
          if (!(await sessions.takeSessionPlaces(manager, tenantId, sessionId, dto.places))) {
            throw conflict('session-full', 'There are not enough places left in this session.', { sessionId, requested: dto.places });
          }
          // Scheduling's evidence copy still counts the old mark: tell it the mark is gone (attended: null).
          if (markTakenBack) await publishAttendanceMarked(manager, tenantId, signUp.id);
          return toSignUpDto(signUp);
        },
      ),
    );
  }

  async signUps(identity: Identity, sessionId: string, query: FamilySessionQueryDto): Promise<Page<SignUpDto>> {
    await this.visibleSession(this.dataSource.manager, identity, sessionId);
    const seesAll = staffSchoolScope(identity) === ALL_SCHOOLS || (await this.isStaffOfSession(identity, sessionId));
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await sessions.signUpsPage(this.dataSource, identity.tenantId, sessionId, {
      all: seesAll,
      guardianId: identity.userId,
      after: after?.[0] ?? null,
      limit: query.limit + 1,
    });
    return toPage(found, query.limit, toSignUpDto, (row) => [row.id]);
  }

  /** Cancelling gives the places back, in the same transaction. */
  async cancel(identity: Identity, signUpId: string): Promise<SignUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const seen = await this.visibleSignUp(manager, identity, signUpId);
      const cancelled = await sessions.cancelSignUp(manager, identity.tenantId, seen.id);
      if (!cancelled) return toSignUpDto(seen);
      await sessions.releaseSessionPlaces(manager, identity.tenantId, cancelled.session_id, cancelled.places);
      return toSignUpDto(cancelled);
    });
  }

  async markAttendance(identity: Identity, signUpId: string, attended: boolean): Promise<SignUpDto> {
    const seen = await this.visibleSignUp(this.dataSource.manager, identity, signUpId);
    if (!(await this.isStaffOfSession(identity, seen.session_id))) throw new NotFoundException('No such sign-up.');
    return this.dataSource.transaction(async (manager) => {
      const marked = await sessions.markSignUpAttendance(manager, identity.tenantId, signUpId, attended);
      if (!marked) throw conflict('sign-up-cancelled', 'This sign-up was cancelled.', { signUpId });
      await publishAttendanceMarked(manager, identity.tenantId, marked.id);
      return toSignUpDto(marked);
    });
  }

  private async isStaffOfSession(identity: Identity, sessionId: string): Promise<boolean> {
    const schoolId = await sessions.sessionSchool(this.dataSource, identity.tenantId, sessionId);
    return !!schoolId && inSchoolScope(staffSchoolScope(identity), schoolId);
  }

  private async visibleSession(manager: Pick<EntityManager, 'query'>, identity: Identity, sessionId: string): Promise<SessionRow> {
    const row = await sessions.visibleSession(manager, identity.tenantId, visibleSchools(identity), sessionId);
    if (!row) throw new NotFoundException('No such session.');
    return row;
  }

  /** A sign-up the caller may act on: their own family's, or one at a session of their schools. */
  private async visibleSignUp(manager: Pick<EntityManager, 'query'>, identity: Identity, signUpId: string): Promise<SignUpRow> {
    const scope = staffSchoolScope(identity);
    const schools: SchoolsSeen = { all: scope === ALL_SCHOOLS, schoolIds: scope === ALL_SCHOOLS ? [] : [...scope] };
    const row = await sessions.visibleSignUp(manager, identity.tenantId, identity.userId, schools, signUpId);
    if (!row) throw new NotFoundException('No such sign-up.');
    return row;
  }
}

/** Schools whose sessions the caller sees: as staff, and as a parent of a pupil there. */
function visibleSchools(identity: Identity): SchoolsSeen {
  const scope = staffSchoolScope(identity);
  if (scope === ALL_SCHOOLS) return { all: true, schoolIds: [] };
  return { all: false, schoolIds: [...new Set([...scope, ...guardedPupils(identity).map((pupil) => pupil.schoolId)])] };
}

function toSessionDto(row: SessionRow): FamilySessionDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    schoolId: row.school_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    capacity: row.capacity,
    placesLeft: row.capacity - row.places_taken,
  };
}

function toSignUpDto(row: SignUpRow): SignUpDto {
  return {
    id: row.id,
    sessionId: row.session_id,
    guardianName: row.guardian_name,
    places: row.places,
    pupilIds: row.pupil_ids,
    status: row.status,
    attended: row.attended,
  };
}

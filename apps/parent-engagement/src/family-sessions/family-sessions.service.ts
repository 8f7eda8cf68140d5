import { Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, guardedPupils, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { decodeCursor, newId, notFoundField, onceForKey, oneRow, rows, toPage, ValidationProblem, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../common/conflicts';
import { ownChildren } from '../common/family-scope';
import { FamiliesService } from '../families/families.service';
import { RosterService } from '../roster/roster.service';
import type { CreateFamilySessionDto, CreateSignUpDto, FamilySessionDto, FamilySessionQueryDto, SessionKind, SignUpDto } from './dto/family-session.dto';

interface SessionRow {
  id: string;
  kind: SessionKind;
  title: string;
  school_id: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  places_taken: number;
}

interface SignUpRow {
  id: string;
  session_id: string;
  guardian_id: string;
  guardian_name: string;
  places: number;
  pupil_ids: string[];
  status: string;
  attended: boolean | null;
}

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
    if (new Date(dto.endsAt) <= new Date(dto.startsAt)) throw new ValidationProblem([{ field: 'endsAt', rule: 'after', message: 'endsAt must be after startsAt' }]);
    const tenantId = identity.tenantId;
    return this.dataSource.transaction((manager) =>
      onceForKey(manager, { tenantId, callerId: identity.userId, operation: 'create-family-session', key: idempotencyKey, request: dto }, async () => {
        // Staff's schools come vouched for in their identity; the programme admin may name any school, but only one of their own area.
        if (scope === ALL_SCHOOLS && !(await this.roster.knowsSchool(manager, tenantId, dto.schoolId))) throw notFoundField('schoolId', 'school of your area');
        const row = await oneRow<SessionRow>(
          manager,
          `INSERT INTO family_sessions (tenant_id, id, kind, title, school_id, starts_at, ends_at, capacity, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
          [tenantId, newId(), dto.kind, dto.title, dto.schoolId, dto.startsAt, dto.endsAt, dto.capacity, identity.userId],
        );
        if (!row) throw new Error('INSERT … RETURNING gave no row');
        return toSessionDto(row);
      }),
    );
  }

  async get(identity: Identity, sessionId: string): Promise<FamilySessionDto> {
    return toSessionDto(await this.visibleSession(this.dataSource.manager, identity, sessionId));
  }

  /** Sessions still to come at the caller's schools (staff) or their children's schools (guardian), soonest first. */
  async list(identity: Identity, query: FamilySessionQueryDto): Promise<Page<FamilySessionDto>> {
    const { all, schoolIds } = visibleSchools(identity);
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const found = await rows<SessionRow>(
      this.dataSource,
      `SELECT * FROM family_sessions
        WHERE tenant_id = $1 AND ends_at > now() AND ($2::boolean OR school_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR school_id = $4)
          AND ($5::timestamptz IS NULL OR (starts_at, id) > ($5::timestamptz, $6::uuid))
        ORDER BY starts_at, id LIMIT $7`,
      [identity.tenantId, all, schoolIds, query.schoolId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, toSessionDto, (row) => [row.starts_at.toISOString(), row.id]);
  }

  async signUp(identity: Identity, sessionId: string, dto: CreateSignUpDto, idempotencyKey: string | undefined): Promise<SignUpDto> {
    const { allowed, refused } = ownChildren(identity, dto.pupilIds, () => true);
    if (refused.length > 0) throw new ValidationProblem([{ field: 'pupilIds', rule: 'ownChildren', message: 'pupilIds may name only your own children' }]);
    if (dto.pupilIds.length > dto.places) throw new ValidationProblem([{ field: 'places', rule: 'coversChildren', message: 'places must count every child named in pupilIds' }]);
    const tenantId = identity.tenantId;
    return this.dataSource.transaction((manager) =>
      onceForKey(manager, { tenantId, callerId: identity.userId, operation: 'session-sign-up', key: idempotencyKey, request: { sessionId, ...dto } }, async () => {
        await this.families.ensureFamily(manager, identity);
        const session = await this.visibleSession(manager, identity, sessionId);
        if (session.starts_at <= new Date()) throw conflict('session-started', 'This session has already started.', { sessionId });
        // Re-signing after a cancellation reuses the family's row; an active sign-up is left alone.
        const signUp = await oneRow<SignUpRow>(
          manager,
          `INSERT INTO session_signups (tenant_id, id, session_id, guardian_id, guardian_name, pupil_ids, school_ids, places, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'signed_up')
           ON CONFLICT (tenant_id, session_id, guardian_id) DO UPDATE SET status = 'signed_up', places = EXCLUDED.places, pupil_ids = EXCLUDED.pupil_ids,
             school_ids = EXCLUDED.school_ids, guardian_name = EXCLUDED.guardian_name, attended = NULL, attendance_marked_at = NULL, updated_at = now()
           WHERE session_signups.status = 'cancelled'
           RETURNING *`,
          [tenantId, newId(), sessionId, identity.userId, identity.displayName, dto.pupilIds, [...new Set([session.school_id, ...allowed.map((p) => p.schoolId)])], dto.places],
        );
        if (!signUp) throw conflict('already-signed-up', 'Your family is already signed up to this session.', { sessionId });
        const taken = await oneRow<{ id: string }>(
          manager,
          `UPDATE family_sessions SET places_taken = places_taken + $3 WHERE tenant_id = $1 AND id = $2 AND capacity - places_taken >= $3 RETURNING id`,
          [tenantId, sessionId, dto.places],
        );
        if (!taken) throw conflict('session-full', 'There are not enough places left in this session.', { sessionId, requested: dto.places });
        return toSignUpDto(signUp);
      }),
    );
  }

  async signUps(identity: Identity, sessionId: string, query: FamilySessionQueryDto): Promise<Page<SignUpDto>> {
    await this.visibleSession(this.dataSource.manager, identity, sessionId);
    const seesAll = staffSchoolScope(identity) === ALL_SCHOOLS || (await this.isStaffOfSession(identity, sessionId));
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await rows<SignUpRow>(
      this.dataSource,
      `SELECT * FROM session_signups WHERE tenant_id = $1 AND session_id = $2 AND ($3::boolean OR guardian_id = $4)
          AND ($5::uuid IS NULL OR id > $5) ORDER BY id LIMIT $6`,
      [identity.tenantId, sessionId, seesAll, identity.userId, after?.[0] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, toSignUpDto, (row) => [row.id]);
  }

  /** Cancelling gives the places back, in the same transaction. */
  async cancel(identity: Identity, signUpId: string): Promise<SignUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const seen = await this.visibleSignUp(manager, identity, signUpId);
      const cancelled = await oneRow<SignUpRow>(
        manager,
        `UPDATE session_signups SET status = 'cancelled', updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'signed_up' RETURNING *`,
        [identity.tenantId, seen.id],
      );
      if (!cancelled) return toSignUpDto(seen);
      await manager.query('UPDATE family_sessions SET places_taken = places_taken - $3 WHERE tenant_id = $1 AND id = $2', [identity.tenantId, cancelled.session_id, cancelled.places]);
      return toSignUpDto(cancelled);
    });
  }

  async markAttendance(identity: Identity, signUpId: string, attended: boolean): Promise<SignUpDto> {
    const seen = await this.visibleSignUp(this.dataSource.manager, identity, signUpId);
    if (!(await this.isStaffOfSession(identity, seen.session_id))) throw new NotFoundException('No such sign-up.');
    const marked = await oneRow<SignUpRow>(
      this.dataSource,
      `UPDATE session_signups SET attended = $3, attendance_marked_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'signed_up' RETURNING *`,
      [identity.tenantId, signUpId, attended],
    );
    if (!marked) throw conflict('sign-up-cancelled', 'This sign-up was cancelled.', { signUpId });
    return toSignUpDto(marked);
  }

  private async isStaffOfSession(identity: Identity, sessionId: string): Promise<boolean> {
    const session = await oneRow<{ school_id: string }>(this.dataSource, 'SELECT school_id FROM family_sessions WHERE tenant_id = $1 AND id = $2', [identity.tenantId, sessionId]);
    return !!session && inSchoolScope(staffSchoolScope(identity), session.school_id);
  }

  private async visibleSession(manager: Pick<EntityManager, 'query'>, identity: Identity, sessionId: string): Promise<SessionRow> {
    const { all, schoolIds } = visibleSchools(identity);
    const row = await oneRow<SessionRow>(
      manager,
      'SELECT * FROM family_sessions WHERE tenant_id = $1 AND id = $2 AND ($3::boolean OR school_id = ANY($4::uuid[]))',
      [identity.tenantId, sessionId, all, schoolIds],
    );
    if (!row) throw new NotFoundException('No such session.');
    return row;
  }

  /** A sign-up the caller may act on: their own family's, or one at a session of their schools. */
  private async visibleSignUp(manager: Pick<EntityManager, 'query'>, identity: Identity, signUpId: string): Promise<SignUpRow> {
    const scope = staffSchoolScope(identity);
    const row = await oneRow<SignUpRow>(
      manager,
      `SELECT g.* FROM session_signups g JOIN family_sessions s ON s.tenant_id = g.tenant_id AND s.id = g.session_id
        WHERE g.tenant_id = $1 AND g.id = $2 AND (g.guardian_id = $3 OR $4::boolean OR s.school_id = ANY($5::uuid[]))`,
      [identity.tenantId, signUpId, identity.userId, scope === ALL_SCHOOLS, scope === ALL_SCHOOLS ? [] : [...scope]],
    );
    if (!row) throw new NotFoundException('No such sign-up.');
    return row;
  }
}

/** Schools whose sessions the caller sees: as staff, and as a parent of a pupil there. */
function visibleSchools(identity: Identity): { all: boolean; schoolIds: string[] } {
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
  return { id: row.id, sessionId: row.session_id, guardianName: row.guardian_name, places: row.places, pupilIds: row.pupil_ids, status: row.status, attended: row.attended };
}

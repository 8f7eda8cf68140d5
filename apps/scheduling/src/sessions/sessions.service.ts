import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SCHOOLS, hasRole, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { decodeCursor, newId, onceForKey, oneRow, PLANNING_TIME_ZONE, rows, todayIn, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { emit } from '../common/events';
import { lockTimetable } from '../common/timetable-lock';
import { refuseClashes } from './clashes';
import type { AssignTutorsDto, CancelOccurrenceDto, CreateSessionDto, MoveOccurrenceDto, MySessionsDto, MySessionsQueryDto, OccurrenceDto, OccurrenceListQueryDto, OccurrencePageDto, SessionDto, SessionListQueryDto, SessionPageDto } from './dto/session.dto';
import { loadOccurrence } from './occurrence-access';

const SESSION_COLUMNS = `s.id, s.ensemble_id AS "ensembleId", s.school_id AS "schoolId", s.room_id AS "roomId", s.term_id AS "termId", s.title, s.recurrence,
  s.weekday, to_char(s.start_time, 'HH24:MI') AS "startTime", s.duration_minutes AS "durationMinutes",
  to_char(s.first_on, 'YYYY-MM-DD') AS "firstOn", to_char(s.last_on, 'YYYY-MM-DD') AS "lastOn", s.time_zone AS "timeZone",
  coalesce((SELECT array_agg(st.staff_id ORDER BY st.staff_id) FROM session_tutors st WHERE st.tenant_id = s.tenant_id AND st.session_id = s.id), '{}') AS "tutorIds",
  (SELECT count(*)::int FROM occurrences o WHERE o.tenant_id = s.tenant_id AND o.session_id = s.id) AS "occurrenceCount"`;

export const OCCURRENCE_COLUMNS = `o.id, o.session_id AS "sessionId", o.ensemble_id AS "ensembleId", s.title, o.school_id AS "schoolId", sc.name AS "schoolName",
  o.room_id AS "roomId", r.name AS "roomName", to_char(o.local_date, 'YYYY-MM-DD') AS "localDate", o.starts_at AS "startsAt", o.ends_at AS "endsAt",
  o.status, o.cancel_reason AS "cancelReason", o.moved_from AS "movedFrom", o.delivered_at IS NOT NULL AS "registerTaken", o.version,
  coalesce((SELECT array_agg(ot2.staff_id ORDER BY ot2.staff_id) FROM occurrence_tutors ot2 WHERE ot2.tenant_id = o.tenant_id AND ot2.occurrence_id = o.id), '{}') AS "tutorIds"`;

export const OCCURRENCE_JOINS = `JOIN sessions s ON s.tenant_id = o.tenant_id AND s.id = o.session_id
  LEFT JOIN schools sc ON sc.tenant_id = o.tenant_id AND sc.id = o.school_id
  LEFT JOIN rooms r ON r.tenant_id = o.tenant_id AND r.id = o.room_id`;

/**
 * The tutor's day (and week): $1 tenant, $2 user, $3–$4 local dates, $5 time zone. Every step is an
 * index lookup led by tenant_id: staff by user, then occurrence_tutors (tenant_id, staff_id, starts_at).
 */
export const MY_OCCURRENCES_SQL = `SELECT ${OCCURRENCE_COLUMNS}
  FROM staff me
  JOIN occurrence_tutors ot ON ot.tenant_id = me.tenant_id AND ot.staff_id = me.id
    AND ot.starts_at >= ($3::date::timestamp AT TIME ZONE $5) AND ot.starts_at < (($4::date + 1)::timestamp AT TIME ZONE $5)
  JOIN occurrences o ON o.tenant_id = ot.tenant_id AND o.id = ot.occurrence_id
  ${OCCURRENCE_JOINS}
  WHERE me.tenant_id = $1 AND me.user_id = $2
  ORDER BY o.starts_at, o.id LIMIT 500`;

type OccurrenceRow = Omit<OccurrenceDto, 'startsAt' | 'endsAt' | 'movedFrom'> & { startsAt: Date; endsAt: Date; movedFrom: Date | null };

export function toOccurrenceDto(row: OccurrenceRow): OccurrenceDto {
  return { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), movedFrom: row.movedFrom?.toISOString() ?? null };
}

interface PlannedOccurrence {
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateSessionDto, idempotencyKey: string | undefined): Promise<SessionDto> {
    requireRecurrenceFields(input);
    const sessionId = await this.db.transaction(async (manager) =>
      onceForKey(manager, { tenantId: identity.tenantId, callerId: identity.userId, operation: 'sessions.create', key: idempotencyKey, request: input }, async () => {
        await lockTimetable(manager, identity.tenantId);
        const ensemble = await oneRow<{ schoolId: string | null; name: string }>(manager, 'SELECT school_id AS "schoolId", name FROM ensembles WHERE tenant_id = $1 AND id = $2', [identity.tenantId, input.ensembleId]);
        if (!ensemble || !mayPlanFor(identity, ensemble.schoolId)) throw new NotFoundException('No such ensemble.');
        if (input.roomId) await requireRoomFor(manager, identity.tenantId, input.roomId, ensemble.schoolId);
        const tutorIds = [...new Set(input.tutorIds ?? [])];
        await requireStaff(manager, identity.tenantId, tutorIds);
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
        if (planned.length === 0) throw new ValidationProblem([{ field: 'weekday', rule: 'hasDates', message: 'no school day in this range falls on this weekday outside holidays' }]);

        const id = newId();
        await manager.query(
          `INSERT INTO sessions (id, tenant_id, ensemble_id, school_id, room_id, term_id, title, recurrence, weekday, start_time, duration_minutes, first_on, last_on, time_zone)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [id, identity.tenantId, input.ensembleId, ensemble.schoolId, input.roomId ?? null, input.termId ?? null, input.title ?? ensemble.name, input.recurrence, input.recurrence === 'weekly' ? input.weekday : null, input.startTime, input.durationMinutes, firstOn, lastOn, timeZone],
        );
        const occurrenceIds = planned.map(() => newId());
        await manager.query(
          `INSERT INTO occurrences (id, tenant_id, session_id, ensemble_id, school_id, room_id, local_date, starts_at, ends_at, clash_override)
           SELECT o.id, $1, $2, $3, $4, $5, o.local_date, o.starts_at, o.ends_at, $9
           FROM unnest($6::uuid[], $7::date[], $8::timestamptz[], $10::timestamptz[]) AS o(id, local_date, starts_at, ends_at)`,
          [identity.tenantId, id, input.ensembleId, ensemble.schoolId, input.roomId ?? null, occurrenceIds, planned.map((p) => p.localDate), planned.map((p) => p.startsAt), input.override ?? false, planned.map((p) => p.endsAt)],
        );
        if (tutorIds.length > 0) {
          await manager.query('INSERT INTO session_tutors (tenant_id, session_id, staff_id) SELECT $1, $2, unnest($3::uuid[])', [identity.tenantId, id, tutorIds]);
          await manager.query(
            `INSERT INTO occurrence_tutors (tenant_id, occurrence_id, staff_id, starts_at, ends_at)
             SELECT o.tenant_id, o.id, t.staff_id, o.starts_at, o.ends_at FROM occurrences o CROSS JOIN unnest($3::uuid[]) AS t(staff_id)
             WHERE o.tenant_id = $1 AND o.session_id = $2`,
            [identity.tenantId, id, tutorIds],
          );
        }
        await refuseClashes(manager, identity.tenantId, occurrenceIds, input.override ?? false);
        return id;
      }),
    );
    return this.get(identity, sessionId);
  }

  async get(identity: Identity, sessionId: string): Promise<SessionDto> {
    const found = await oneRow<SessionDto>(this.db, `SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.tenant_id = $1 AND s.id = $2`, [identity.tenantId, sessionId]);
    if (!found || (found.schoolId !== null && !inSchoolScope(staffSchoolScope(identity), found.schoolId))) throw new NotFoundException('No such session.');
    return found;
  }

  async list(identity: Identity, query: SessionListQueryDto): Promise<SessionPageDto> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const scope = staffSchoolScope(identity);
    const found = await rows<SessionDto>(
      this.db,
      `SELECT ${SESSION_COLUMNS} FROM sessions s
       WHERE s.tenant_id = $1 AND (s.school_id IS NULL OR $2::boolean OR s.school_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR s.ensemble_id = $4)
         AND ($5::uuid IS NULL OR s.id > $5) ORDER BY s.id LIMIT $6`,
      [identity.tenantId, scope === ALL_SCHOOLS, scope === ALL_SCHOOLS ? [] : [...scope], query.ensembleId ?? null, after?.[0] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => row, (row) => [row.id]);
  }

  async occurrences(identity: Identity, query: OccurrenceListQueryDto): Promise<OccurrencePageDto> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const scope = staffSchoolScope(identity);
    const found = await rows<OccurrenceRow>(
      this.db,
      `SELECT ${OCCURRENCE_COLUMNS} FROM occurrences o ${OCCURRENCE_JOINS}
       WHERE o.tenant_id = $1 AND (o.school_id IS NULL OR $2::boolean OR o.school_id = ANY($3::uuid[]))
         AND ($4::timestamptz IS NULL OR o.starts_at >= $4) AND ($5::timestamptz IS NULL OR o.starts_at < $5)
         AND ($6::uuid IS NULL OR o.session_id = $6) AND ($7::uuid IS NULL OR o.ensemble_id = $7) AND ($8::uuid IS NULL OR o.school_id = $8)
         AND ($9::timestamptz IS NULL OR (o.starts_at, o.id) > ($9::timestamptz, $10::uuid))
       ORDER BY o.starts_at, o.id LIMIT $11`,
      [identity.tenantId, scope === ALL_SCHOOLS, scope === ALL_SCHOOLS ? [] : [...scope], query.from ?? null, query.to ?? null, query.sessionId ?? null, query.ensembleId ?? null, query.schoolId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
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
    const range = await oneRow<{ from: string; to: string }>(
      this.db,
      `SELECT to_char(d.first, 'YYYY-MM-DD') AS "from", to_char(d.first + (CASE WHEN $2 = 'week' THEN 6 ELSE 0 END), 'YYYY-MM-DD') AS "to"
       FROM (SELECT CASE WHEN $2 = 'week' THEN $1::date - (extract(isodow FROM $1::date)::int - 1) ELSE $1::date END AS first) d`,
      [day, query.period],
    );
    if (!range) throw new Error('date range query returned nothing');
    const found = await rows<OccurrenceRow>(this.db, MY_OCCURRENCES_SQL, [identity.tenantId, identity.userId, range.from, range.to, timeZone]);
    return { from: range.from, to: range.to, items: found.map(toOccurrenceDto) };
  }

  async cancel(identity: Identity, occurrenceId: string, input: CancelOccurrenceDto): Promise<OccurrenceDto> {
    return this.db.transaction(async (manager) => {
      const occurrence = await loadOccurrence(manager, identity, occurrenceId, 'manage', true);
      if (occurrence.status === 'scheduled') {
        await manager.query(`UPDATE occurrences SET status = 'cancelled', cancel_reason = $3, version = version + 1 WHERE tenant_id = $1 AND id = $2`, [identity.tenantId, occurrenceId, input.reason ?? null]);
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
      if (occurrence.status === 'cancelled') throw new ValidationProblem([{ field: 'occurrenceId', rule: 'scheduled', message: 'a cancelled session cannot be moved' }]);
      const roomId = input.roomId ?? occurrence.roomId;
      if (input.roomId) await requireRoomFor(manager, identity.tenantId, input.roomId, occurrence.schoolId);
      const startsAt = new Date(input.startsAt);
      const minutes = input.durationMinutes ?? Math.round((occurrence.endsAt.getTime() - occurrence.startsAt.getTime()) / 60_000);
      const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
      await manager.query(
        `UPDATE occurrences SET starts_at = $3, ends_at = $4, room_id = $5, local_date = ($3::timestamptz AT TIME ZONE $6)::date,
           moved_from = coalesce(moved_from, starts_at), clash_override = $7, version = version + 1 WHERE tenant_id = $1 AND id = $2`,
        [identity.tenantId, occurrenceId, startsAt, endsAt, roomId, occurrence.timeZone, input.override ?? false],
      );
      await manager.query('UPDATE occurrence_tutors SET starts_at = $3, ends_at = $4 WHERE tenant_id = $1 AND occurrence_id = $2', [identity.tenantId, occurrenceId, startsAt, endsAt]);
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
      const bumped = await oneRow(manager, 'UPDATE occurrences SET version = version + 1 WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING id', [identity.tenantId, occurrenceId, expectedVersion]);
      if (!bumped) throw await refusedEdit(manager, 'occurrences', identity.tenantId, occurrenceId, 'session');
      await manager.query('DELETE FROM occurrence_tutors WHERE tenant_id = $1 AND occurrence_id = $2', [identity.tenantId, occurrenceId]);
      await manager.query(
        'INSERT INTO occurrence_tutors (tenant_id, occurrence_id, staff_id, starts_at, ends_at) SELECT $1, $2, unnest($3::uuid[]), $4, $5',
        [identity.tenantId, occurrenceId, staffIds, occurrence.startsAt, occurrence.endsAt],
      );
      await refuseClashes(manager, identity.tenantId, [occurrenceId], input.override ?? false, ['tutor']);
      return this.occurrenceDto(manager, identity.tenantId, occurrenceId);
    });
  }

  private async occurrenceDto(manager: EntityManager, tenantId: string, occurrenceId: string): Promise<OccurrenceDto> {
    const row = await oneRow<OccurrenceRow>(manager, `SELECT ${OCCURRENCE_COLUMNS} FROM occurrences o ${OCCURRENCE_JOINS} WHERE o.tenant_id = $1 AND o.id = $2`, [tenantId, occurrenceId]);
    if (!row) throw new NotFoundException('No such session.');
    return toOccurrenceDto(row);
  }

  private async dateRange(manager: EntityManager, tenantId: string, input: CreateSessionDto): Promise<{ firstOn: string; lastOn: string }> {
    if (input.recurrence === 'once') return { firstOn: input.firstOn as string, lastOn: input.firstOn as string };
    const term = await oneRow<{ startsOn: string; endsOn: string }>(
      manager,
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM terms WHERE tenant_id = $1 AND id = $2`,
      [tenantId, input.termId],
    );
    if (!term) throw new NotFoundException('No such term.');
    const firstOn = input.firstOn && input.firstOn > term.startsOn ? input.firstOn : term.startsOn;
    const lastOn = input.lastOn && input.lastOn < term.endsOn ? input.lastOn : term.endsOn;
    if (lastOn < firstOn) throw new ValidationProblem([{ field: 'lastOn', rule: 'withinTerm', message: 'firstOn and lastOn must leave some of the term' }]);
    return { firstOn, lastOn };
  }
}

export interface OccurrencePlan {
  tenantId: string;
  schoolId: string | null;
  firstOn: string;
  lastOn: string;
  /** ISO weekday for weekly sessions; null for a one-off, which runs even on a holiday (holiday courses). */
  weekday: number | null;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
}

/**
 * The dates and UTC times of a session: each local date at the same wall-clock time in the area's
 * zone (15:30 stays 15:30 either side of a clock change), skipping area holidays, bank holidays
 * and the school's INSET days.
 */
export async function planOccurrences(manager: Pick<EntityManager, 'query'>, plan: OccurrencePlan): Promise<PlannedOccurrence[]> {
  return rows<PlannedOccurrence>(
    manager,
    `SELECT to_char(d, 'YYYY-MM-DD') AS "localDate",
            (d + $6::time) AT TIME ZONE $8 AS "startsAt",
            (d + $6::time) AT TIME ZONE $8 + make_interval(mins => $7) AS "endsAt"
     FROM generate_series($3::date, $4::date, interval '1 day') AS g(day), LATERAL (SELECT g.day::date AS d) x
     WHERE ($5::int IS NULL AND d = $3::date)
        OR (extract(isodow FROM d) = $5 AND NOT EXISTS (
              SELECT 1 FROM holidays h
              WHERE h.tenant_id = $1 AND h.starts_on <= d AND h.ends_on >= d AND (h.school_id IS NULL OR h.school_id = $2)))
     ORDER BY d`,
    [plan.tenantId, plan.schoolId, plan.firstOn, plan.lastOn, plan.weekday, plan.startTime, plan.durationMinutes, plan.timeZone],
  );
}

function requireRecurrenceFields(input: CreateSessionDto): void {
  if (input.recurrence === 'weekly') {
    const missing = [!input.termId && 'termId', input.weekday === undefined && 'weekday'].filter((field): field is string => Boolean(field));
    if (missing.length > 0) throw new ValidationProblem(missing.map((field) => ({ field, rule: 'required', message: `${field} is required for a weekly session` })));
  } else if (!input.firstOn) {
    throw new ValidationProblem([{ field: 'firstOn', rule: 'required', message: 'firstOn (the date) is required for a one-off session' }]);
  }
}

function mayPlanFor(identity: Identity, schoolId: string | null): boolean {
  if (hasRole(identity, 'programme_admin')) return true;
  return schoolId !== null && inSchoolScope(staffSchoolScope(identity, ['headteacher']), schoolId);
}

async function requireRoomFor(manager: EntityManager, tenantId: string, roomId: string, schoolId: string | null): Promise<void> {
  const room = await oneRow<{ schoolId: string }>(manager, 'SELECT school_id AS "schoolId" FROM rooms WHERE tenant_id = $1 AND id = $2', [tenantId, roomId]);
  if (!room) throw new NotFoundException('No such room.');
  if (schoolId !== null && room.schoolId !== schoolId) throw new ValidationProblem([{ field: 'roomId', rule: 'sameSchool', message: 'roomId must be a room of the ensemble’s school' }]);
}

async function requireStaff(manager: EntityManager, tenantId: string, staffIds: string[], field = 'tutorIds'): Promise<void> {
  if (staffIds.length === 0) return;
  const known = await rows<{ id: string }>(manager, 'SELECT id FROM staff WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [tenantId, staffIds]);
  const missing = staffIds.filter((id) => !known.some((row) => row.id === id));
  if (missing.length > 0) throw new ValidationProblem(missing.map((id) => ({ field, rule: 'exists', message: `tutor ${id} does not exist` })));
}

export async function timeZoneOf(manager: Pick<EntityManager, 'query'>, tenantId: string): Promise<string> {
  const settings = await oneRow<{ timeZone: string }>(manager, 'SELECT time_zone AS "timeZone" FROM tenant_settings WHERE tenant_id = $1', [tenantId]);
  return settings?.timeZone ?? PLANNING_TIME_ZONE;
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SCHOOLS, hasRole, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { ConflictProblem, decodeCursor, newId, onceForKey, oneRow, PLANNING_TIME_ZONE, rows, todayIn, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { emit } from '../common/events';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import { lockTimetable } from '../common/timetable-lock';
import { findNewMemberClashes, refuseListed } from '../sessions/clashes';
import { emitEnsembleSnapshot } from './ensemble-membership';
import type { AddMemberDto, CreateEnsembleDto, EndMembershipDto, EnsembleDto, EnsembleListQueryDto, EnsemblePageDto, MemberDto, MemberListQueryDto, MemberPageDto, UpdateEnsembleDto } from './dto/ensemble.dto';

const ENSEMBLE_COLUMNS = 'id, school_id AS "schoolId", name, kind, strand, level, version';
const MEMBER_COLUMNS = `m.id, m.ensemble_id AS "ensembleId", m.pupil_id AS "pupilId", m.staff_id AS "staffId",
  coalesce(p.first_name || ' ' || p.last_name, s.display_name) AS name, m.instrument, m.section,
  to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn", to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn"`;

@Injectable()
export class EnsemblesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateEnsembleDto): Promise<EnsembleDto> {
    requireSchoolInScope(identity, input.schoolId ?? null, 'school', ['headteacher']);
    if (input.schoolId && !(await oneRow(this.db, 'SELECT 1 AS ok FROM schools WHERE tenant_id = $1 AND id = $2', [identity.tenantId, input.schoolId]))) {
      throw new NotFoundException('No such school.');
    }
    const created = await oneRow<EnsembleDto>(
      this.db,
      `INSERT INTO ensembles (id, tenant_id, school_id, name, kind, strand, level) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ENSEMBLE_COLUMNS}`,
      [newId(), identity.tenantId, input.schoolId ?? null, input.name, input.kind, input.strand, input.level ?? null],
    );
    if (!created) throw new Error('insert returned nothing');
    return created;
  }

  async list(identity: Identity, query: EnsembleListQueryDto): Promise<EnsemblePageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const found = await rows<EnsembleDto>(
      this.db,
      `SELECT ${ENSEMBLE_COLUMNS} FROM ensembles
       WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR school_id IS NULL OR school_id = ANY($2)) AND ($3::uuid IS NULL OR school_id = $3)
         AND ($4::text IS NULL OR strand = $4) AND ($5::text IS NULL OR (name, id) > ($5, $6::uuid))
       ORDER BY name, id LIMIT $7`,
      [identity.tenantId, schoolIdsInScope(identity), query.schoolId ?? null, query.strand ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => row, (row) => [row.name, row.id]);
  }

  /** School ensembles are seen by that school's staff; area-wide ones by all staff of the area. */
  async get(identity: Identity, ensembleId: string, manager: EntityManager = this.db.manager): Promise<EnsembleDto> {
    const found = await oneRow<EnsembleDto>(manager, `SELECT ${ENSEMBLE_COLUMNS} FROM ensembles WHERE tenant_id = $1 AND id = $2`, [identity.tenantId, ensembleId]);
    if (!found || (found.schoolId && !inSchoolScope(staffSchoolScope(identity), found.schoolId))) throw new NotFoundException('No such ensemble.');
    return found;
  }

  /** Edits the ensemble if it is still at the version the caller read (else 412). */
  async update(identity: Identity, ensembleId: string, expectedVersion: number, input: UpdateEnsembleDto): Promise<EnsembleDto> {
    const existing = await this.get(identity, ensembleId);
    requireSchoolInScope(identity, existing.schoolId, 'ensemble', ['headteacher']);
    const updated = await oneRow<EnsembleDto>(
      this.db,
      `UPDATE ensembles SET name = coalesce($3, name), strand = coalesce($4, strand), level = coalesce($5, level), version = version + 1
       WHERE tenant_id = $1 AND id = $2 AND version = $6 RETURNING ${ENSEMBLE_COLUMNS}`,
      [identity.tenantId, ensembleId, input.name ?? null, input.strand ?? null, input.level ?? null, expectedVersion],
    );
    if (!updated) throw await refusedEdit(this.db.manager, 'ensembles', identity.tenantId, ensembleId, 'ensemble');
    return updated;
  }

  async addMember(identity: Identity, ensembleId: string, input: AddMemberDto, idempotencyKey: string | undefined): Promise<MemberDto> {
    if ((input.pupilId === undefined) === (input.staffId === undefined)) {
      throw new ValidationProblem([{ field: 'pupilId', rule: 'exactlyOne', message: 'give exactly one of pupilId and staffId' }]);
    }
    return this.db.transaction(async (manager) =>
      onceForKey(manager, { tenantId: identity.tenantId, callerId: identity.userId, operation: `ensembles.${ensembleId}.members.add`, key: idempotencyKey, request: input }, async () => {
        const ensemble = await this.get(identity, ensembleId, manager);
        await this.requireMayManageMembers(manager, identity, ensemble, input);
        const joinedOn = input.joinedOn ?? (await this.today(manager, identity.tenantId));
        const already = await oneRow<{ id: string }>(
          manager,
          `SELECT id FROM ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2 AND left_on IS NULL AND (pupil_id = $3 OR staff_id = $4) FOR UPDATE`,
          [identity.tenantId, ensembleId, input.pupilId ?? null, input.staffId ?? null],
        );
        if (already) throw new ConflictProblem('Already a member of this ensemble.', [{ kind: 'membership', memberId: already.id }]);
        if (input.pupilId && !input.override) {
          await lockTimetable(manager, identity.tenantId);
          refuseListed(await findNewMemberClashes(manager, identity.tenantId, ensembleId, input.pupilId, joinedOn));
        }
        const id = newId();
        await manager.query(
          'INSERT INTO ensemble_members (id, tenant_id, ensemble_id, pupil_id, staff_id, instrument, section, joined_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [id, identity.tenantId, ensembleId, input.pupilId ?? null, input.staffId ?? null, input.instrument ?? null, input.section ?? null, joinedOn],
        );
        await emit(manager, 'scheduling.ensemble-membership.changed', identity.tenantId, {
          version: 1,
          ensembleId,
          memberId: id,
          pupilId: input.pupilId ?? null,
          staffId: input.staffId ?? null,
          change: 'joined',
          instrument: input.instrument ?? null,
          section: input.section ?? null,
          on: joinedOn,
        });
        await emitEnsembleSnapshot(manager, identity.tenantId, ensembleId);
        return this.member(manager, identity.tenantId, id);
      }),
    );
  }

  async endMembership(identity: Identity, ensembleId: string, memberId: string, input: EndMembershipDto): Promise<MemberDto> {
    return this.db.transaction(async (manager) => {
      const ensemble = await this.get(identity, ensembleId, manager);
      requireSchoolInScope(identity, ensemble.schoolId, 'ensemble', ['headteacher']);
      const member = await this.member(manager, identity.tenantId, memberId);
      if (member.ensembleId !== ensembleId) throw new NotFoundException('No such member.');
      if (member.leftOn) return member;
      if (input.leftOn < member.joinedOn) throw new ValidationProblem([{ field: 'leftOn', rule: 'afterJoining', message: `leftOn must not be before ${member.joinedOn}` }]);
      await manager.query('UPDATE ensemble_members SET left_on = $3 WHERE tenant_id = $1 AND id = $2', [identity.tenantId, memberId, input.leftOn]);
      await emit(manager, 'scheduling.ensemble-membership.changed', identity.tenantId, {
        version: 1,
        ensembleId,
        memberId,
        pupilId: member.pupilId,
        staffId: member.staffId,
        change: 'left',
        instrument: member.instrument,
        section: member.section,
        on: input.leftOn,
      });
      await emitEnsembleSnapshot(manager, identity.tenantId, ensembleId);
      return this.member(manager, identity.tenantId, memberId);
    });
  }

  /** Members in name order; pupils of schools outside the caller's scope are not shown. */
  async members(identity: Identity, ensembleId: string, query: MemberListQueryDto): Promise<MemberPageDto> {
    await this.get(identity, ensembleId);
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const scope = staffSchoolScope(identity);
    const found = await rows<MemberDto>(
      this.db,
      `SELECT * FROM (
         SELECT ${MEMBER_COLUMNS}, p.school_id AS "pupilSchoolId" FROM ensemble_members m
         LEFT JOIN pupils p ON p.tenant_id = m.tenant_id AND p.id = m.pupil_id
         LEFT JOIN staff s ON s.tenant_id = m.tenant_id AND s.id = m.staff_id
         WHERE m.tenant_id = $1 AND m.ensemble_id = $2 AND ($3::boolean OR m.left_on IS NULL)
           AND (m.pupil_id IS NULL OR $4::boolean OR p.school_id = ANY($5::uuid[]))
       ) members
       WHERE ($6::text IS NULL OR (name, id) > ($6, $7::uuid))
       ORDER BY name, id LIMIT $8`,
      [identity.tenantId, ensembleId, query.includeFormer === 'true', scope === ALL_SCHOOLS, scope === ALL_SCHOOLS ? [] : [...scope], after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, ({ pupilSchoolId: _school, ...member }: MemberDto & { pupilSchoolId?: string }) => member, (row) => [row.name, row.id]);
  }

  private async member(manager: EntityManager, tenantId: string, memberId: string): Promise<MemberDto> {
    const found = await oneRow<MemberDto>(
      manager,
      `SELECT ${MEMBER_COLUMNS} FROM ensemble_members m
       LEFT JOIN pupils p ON p.tenant_id = m.tenant_id AND p.id = m.pupil_id
       LEFT JOIN staff s ON s.tenant_id = m.tenant_id AND s.id = m.staff_id
       WHERE m.tenant_id = $1 AND m.id = $2`,
      [tenantId, memberId],
    );
    if (!found) throw new NotFoundException('No such member.');
    return found;
  }

  /**
   * School ensembles: the admin or that school's headteacher, for that school's pupils and staff.
   * Area-wide ensembles: the admin, or a headteacher adding a pupil of their own school.
   */
  private async requireMayManageMembers(manager: EntityManager, identity: Identity, ensemble: EnsembleDto, input: AddMemberDto): Promise<void> {
    const headteacherScope = staffSchoolScope(identity, ['headteacher']);
    if (input.pupilId) {
      const pupil = await oneRow<{ schoolId: string; status: string }>(manager, 'SELECT school_id AS "schoolId", status FROM pupils WHERE tenant_id = $1 AND id = $2', [identity.tenantId, input.pupilId]);
      if (!pupil || !inSchoolScope(staffSchoolScope(identity), pupil.schoolId)) throw new NotFoundException('No such pupil.');
      if (pupil.status !== 'active') throw new ValidationProblem([{ field: 'pupilId', rule: 'active', message: 'this pupil has left' }]);
      if (ensemble.schoolId && pupil.schoolId !== ensemble.schoolId) throw new ValidationProblem([{ field: 'pupilId', rule: 'sameSchool', message: 'pupilId must be a pupil of the ensemble’s school' }]);
      if (!hasRole(identity, 'programme_admin') && !inSchoolScope(headteacherScope, ensemble.schoolId ?? pupil.schoolId)) throw new NotFoundException('No such ensemble.');
      return;
    }
    const staff = await oneRow<{ schoolIds: string[] }>(
      manager,
      `SELECT coalesce(array_agg(ss.school_id) FILTER (WHERE ss.school_id IS NOT NULL), '{}') AS "schoolIds" FROM staff s
       LEFT JOIN staff_schools ss ON ss.tenant_id = s.tenant_id AND ss.staff_id = s.id WHERE s.tenant_id = $1 AND s.id = $2 GROUP BY s.id`,
      [identity.tenantId, input.staffId],
    );
    if (!staff) throw new NotFoundException('No such member of staff.');
    if (hasRole(identity, 'programme_admin')) return;
    if (!ensemble.schoolId || !inSchoolScope(headteacherScope, ensemble.schoolId)) throw new NotFoundException('No such ensemble.');
  }

  private async today(manager: EntityManager, tenantId: string): Promise<string> {
    const settings = await oneRow<{ timeZone: string }>(manager, 'SELECT time_zone AS "timeZone" FROM tenant_settings WHERE tenant_id = $1', [tenantId]);
    return todayIn(settings?.timeZone ?? PLANNING_TIME_ZONE);
  }
}

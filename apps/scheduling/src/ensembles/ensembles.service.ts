import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SCHOOLS, hasRole, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { ConflictProblem, decodeCursor, newId, onceForKey, PLANNING_TIME_ZONE, todayIn, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { emit } from '../common/events';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import { lockTimetable } from '../common/common.queries';
import { findNewMemberClashes, refuseListed } from '../sessions/clashes';
import { pupilSchoolAndStatus } from '../pupils/pupils.queries';
import { schoolExists } from '../schools/schools.queries';
import { tenantTimeZone } from '../tenant-settings/tenant-settings.queries';
import { refuseUncleared } from '../safeguarding/clearance-check';
import { emitEnsembleSnapshot } from './ensemble-membership';
import {
  endMembership,
  ensembleById,
  ensemblesPage,
  insertEnsemble,
  insertMember,
  lockCurrentMembership,
  memberById,
  membersPage,
  staffSchoolIds,
  updateEnsemble,
} from './ensembles.queries';
import type {
  AddMemberDto,
  CreateEnsembleDto,
  EndMembershipDto,
  EnsembleDto,
  EnsembleListQueryDto,
  EnsemblePageDto,
  MemberDto,
  MemberListQueryDto,
  MemberPageDto,
  UpdateEnsembleDto,
} from './dto/ensemble.dto';

@Injectable()
export class EnsemblesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateEnsembleDto): Promise<EnsembleDto> {
    requireSchoolInScope(identity, input.schoolId ?? null, 'school', ['headteacher']);
    if (input.schoolId && !(await schoolExists(this.db.manager, identity.tenantId, input.schoolId))) {
      throw new NotFoundException('No such school.');
    }
    return insertEnsemble(this.db.manager, identity.tenantId, newId(), {
      schoolId: input.schoolId ?? null,
      name: input.name,
      kind: input.kind,
      strand: input.strand,
      level: input.level ?? null,
    });
  }

  async list(identity: Identity, query: EnsembleListQueryDto): Promise<EnsemblePageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const filter = { schoolId: query.schoolId ?? null, strand: query.strand ?? null };
    const found = await ensemblesPage(this.db.manager, identity.tenantId, schoolIdsInScope(identity), filter, after, query.limit + 1);
    return toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.name, row.id],
    );
  }

  /** School ensembles are seen by that school's staff; area-wide ones by all staff of the area. */
  async get(identity: Identity, ensembleId: string, manager: EntityManager = this.db.manager): Promise<EnsembleDto> {
    const found = await ensembleById(manager, identity.tenantId, ensembleId);
    if (!found || (found.schoolId && !inSchoolScope(staffSchoolScope(identity), found.schoolId)))
      throw new NotFoundException('No such ensemble.');
    return found;
  }

  /** Edits the ensemble if it is still at the version the caller read (else 412). */
  async update(identity: Identity, ensembleId: string, expectedVersion: number, input: UpdateEnsembleDto): Promise<EnsembleDto> {
    const existing = await this.get(identity, ensembleId);
    requireSchoolInScope(identity, existing.schoolId, 'ensemble', ['headteacher']);
    const updated = await updateEnsemble(this.db.manager, identity.tenantId, ensembleId, expectedVersion, input);
    if (!updated) throw await refusedEdit(this.db.manager, 'ensembles', identity.tenantId, ensembleId, 'ensemble');
    return updated;
  }

  async addMember(identity: Identity, ensembleId: string, input: AddMemberDto, idempotencyKey: string | undefined): Promise<MemberDto> {
    if ((input.pupilId === undefined) === (input.staffId === undefined)) {
      throw new ValidationProblem([{ field: 'pupilId', rule: 'exactlyOne', message: 'give exactly one of pupilId and staffId' }]);
    }
    if (input.leavingEnsembleId !== undefined && (input.pupilId === undefined || input.leavingEnsembleId === ensembleId)) {
      throw new ValidationProblem([
        {
          field: 'leavingEnsembleId',
          rule: 'otherEnsembleOfPupil',
          message: 'leavingEnsembleId goes with a pupil, and names another ensemble',
        },
      ]);
    }
    return this.db.transaction(async (manager) =>
      onceForKey(
        manager,
        {
          tenantId: identity.tenantId,
          callerId: identity.userId,
          operation: `ensembles.${ensembleId}.members.add`,
          key: idempotencyKey,
          request: input,
        },
        async () => {
          const ensemble = await this.get(identity, ensembleId, manager);
          await this.requireMayManageMembers(manager, identity, ensemble, input);
          const joinedOn = input.joinedOn ?? (await this.today(manager, identity.tenantId));
          const already = await lockCurrentMembership(manager, identity.tenantId, ensembleId, input.pupilId ?? null, input.staffId ?? null);
          if (already) throw new ConflictProblem('Already a member of this ensemble.', [{ kind: 'membership', memberId: already }]);
          if (input.staffId) await refuseUncleared(manager, identity.tenantId, [input.staffId], 'a staff member of an ensemble');
          // Left before the clash check, so that the ensemble being left no longer counts as a clash.
          if (input.pupilId && input.leavingEnsembleId) {
            await this.leaveForMove(manager, identity, input.leavingEnsembleId, input.pupilId, joinedOn);
          }
          if (input.pupilId && !input.override) {
            await lockTimetable(manager, identity.tenantId);
            refuseListed(await findNewMemberClashes(manager, identity.tenantId, ensembleId, input.pupilId, joinedOn));
          }
          const id = newId();
          await insertMember(manager, identity.tenantId, id, {
            ensembleId,
            pupilId: input.pupilId ?? null,
            staffId: input.staffId ?? null,
            instrument: input.instrument ?? null,
            section: input.section ?? null,
            joinedOn,
          });
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
        },
      ),
    );
  }

  async endMembership(identity: Identity, ensembleId: string, memberId: string, input: EndMembershipDto): Promise<MemberDto> {
    return this.db.transaction(async (manager) => {
      const ensemble = await this.get(identity, ensembleId, manager);
      requireSchoolInScope(identity, ensemble.schoolId, 'ensemble', ['headteacher']);
      const member = await this.member(manager, identity.tenantId, memberId);
      if (member.ensembleId !== ensembleId) throw new NotFoundException('No such member.');
      if (member.leftOn) return member;
      if (input.leftOn < member.joinedOn)
        throw new ValidationProblem([{ field: 'leftOn', rule: 'afterJoining', message: `leftOn must not be before ${member.joinedOn}` }]);
      await this.end(manager, identity.tenantId, member, input.leftOn);
      return this.member(manager, identity.tenantId, memberId);
    });
  }

  /** The pupil's current membership of the ensemble a level move leaves, ended the day they join the other. */
  private async leaveForMove(manager: EntityManager, identity: Identity, ensembleId: string, pupilId: string, on: string): Promise<void> {
    const ensemble = await this.get(identity, ensembleId, manager);
    requireSchoolInScope(identity, ensemble.schoolId, 'ensemble', ['headteacher']);
    const memberId = await lockCurrentMembership(manager, identity.tenantId, ensembleId, pupilId, null);
    if (!memberId) {
      throw new ValidationProblem([
        { field: 'leavingEnsembleId', rule: 'currentMember', message: 'the pupil is not a current member of that ensemble' },
      ]);
    }
    const member = await this.member(manager, identity.tenantId, memberId);
    if (on < member.joinedOn) {
      throw new ValidationProblem([
        {
          field: 'joinedOn',
          rule: 'afterJoining',
          message: `joinedOn must not be before ${member.joinedOn}, when they joined the ensemble they leave`,
        },
      ]);
    }
    await this.end(manager, identity.tenantId, member, on);
  }

  private async end(manager: EntityManager, tenantId: string, member: MemberDto, leftOn: string): Promise<void> {
    await endMembership(manager, tenantId, member.id, leftOn);
    await emit(manager, 'scheduling.ensemble-membership.changed', tenantId, {
      version: 1,
      ensembleId: member.ensembleId,
      memberId: member.id,
      pupilId: member.pupilId,
      staffId: member.staffId,
      change: 'left',
      instrument: member.instrument,
      section: member.section,
      on: leftOn,
    });
    await emitEnsembleSnapshot(manager, tenantId, member.ensembleId);
  }

  /** Members in name order; pupils of schools outside the caller's scope are not shown. */
  async members(identity: Identity, ensembleId: string, query: MemberListQueryDto): Promise<MemberPageDto> {
    await this.get(identity, ensembleId);
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const scope = staffSchoolScope(identity);
    const filter = {
      includeFormer: query.includeFormer === 'true',
      allSchools: scope === ALL_SCHOOLS,
      schoolIds: scope === ALL_SCHOOLS ? [] : [...scope],
    };
    const found = await membersPage(this.db.manager, identity.tenantId, ensembleId, filter, after, query.limit + 1);
    return toPage(
      found,
      query.limit,
      ({ pupilSchoolId: _school, ...member }) => member,
      (row) => [row.name, row.id],
    );
  }

  private async member(manager: EntityManager, tenantId: string, memberId: string): Promise<MemberDto> {
    const found = await memberById(manager, tenantId, memberId);
    if (!found) throw new NotFoundException('No such member.');
    return found;
  }

  /**
   * School ensembles: the admin or that school's headteacher, for that school's pupils and staff.
   * Area-wide ensembles: the admin, or a headteacher adding a pupil of their own school.
   */
  private async requireMayManageMembers(
    manager: EntityManager,
    identity: Identity,
    ensemble: EnsembleDto,
    input: AddMemberDto,
  ): Promise<void> {
    const headteacherScope = staffSchoolScope(identity, ['headteacher']);
    if (input.pupilId) {
      const pupil = await pupilSchoolAndStatus(manager, identity.tenantId, input.pupilId);
      if (!pupil || !inSchoolScope(staffSchoolScope(identity), pupil.schoolId)) throw new NotFoundException('No such pupil.');
      if (pupil.status !== 'active') throw new ValidationProblem([{ field: 'pupilId', rule: 'active', message: 'this pupil has left' }]);
      if (ensemble.schoolId && pupil.schoolId !== ensemble.schoolId)
        throw new ValidationProblem([
          { field: 'pupilId', rule: 'sameSchool', message: 'pupilId must be a pupil of the ensemble’s school' },
        ]);
      if (!hasRole(identity, 'programme_admin') && !inSchoolScope(headteacherScope, ensemble.schoolId ?? pupil.schoolId))
        throw new NotFoundException('No such ensemble.');
      return;
    }
    const staff = input.staffId === undefined ? undefined : await staffSchoolIds(manager, identity.tenantId, input.staffId);
    if (!staff) throw new NotFoundException('No such member of staff.');
    if (hasRole(identity, 'programme_admin')) return;
    if (!ensemble.schoolId || !inSchoolScope(headteacherScope, ensemble.schoolId)) throw new NotFoundException('No such ensemble.');
  }

  private async today(manager: EntityManager, tenantId: string): Promise<string> {
    return todayIn((await tenantTimeZone(manager, tenantId)) ?? PLANNING_TIME_ZONE);
  }
}

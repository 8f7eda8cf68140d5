import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SCHOOLS, canSeePupil, guardedPupils, staffSchoolScope, type Identity } from '@tutti/auth';
import { decodeCursor, newId, onceForKey, PLANNING_TIME_ZONE, todayIn, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { refusedEdit } from '../common/edit-versions';
import { auditContext, emit } from '../common/events';
import { maySeePupilFlags, requireSchoolInScope } from '../common/scope';
import { endPupilMemberships } from '../ensembles/ensemble-membership';
import { activeClassSchoolId, rollClassesOver } from '../classes/classes.queries';
import { lockSchoolPhase, schoolExists, schoolPhase } from '../schools/schools.queries';
import { tenantTimeZone } from '../tenant-settings/tenant-settings.queries';
import { characteristicsGiven, UNKNOWN_CHARACTERISTICS } from '../characteristics/characteristics.model';
import { emitDetailsChanged } from './pupil-details-changed';
import {
  claimRollOver,
  insertPupil,
  markLeavers,
  markPupilLeft,
  moveActivePupilsUp,
  movePupil,
  pupilById,
  pupilsPage,
  updatePupil,
  type PupilRow,
} from './pupils.queries';
import { nameSearchWords } from '../common/common.queries';
import type { SchoolPhase } from '../schools/school.model';
import type {
  CreatePupilDto,
  LeavePupilDto,
  MovePupilDto,
  PupilDto,
  PupilListQueryDto,
  PupilPageDto,
  RollOverDto,
  RollOverResultDto,
  UpdatePupilDto,
} from './dto/pupil.dto';

/** The last year group of a school of this phase: its pupils leave at the roll-over. */
const LAST_YEAR_GROUP: Record<SchoolPhase, number> = { infant: 2, junior: 6, primary: 6, secondary: 13, all_through: 13, special: 13 };

@Injectable()
export class PupilsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreatePupilDto, idempotencyKey: string | undefined, origin: AuditOrigin): Promise<PupilDto> {
    requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
    return this.db.transaction(async (manager) =>
      onceForKey(
        manager,
        { tenantId: identity.tenantId, callerId: identity.userId, operation: 'pupils.create', key: idempotencyKey, request: input },
        async () => {
          await this.requireSchool(manager, identity.tenantId, input.schoolId);
          if (input.classId) await this.requireClassOfSchool(manager, identity.tenantId, input.classId, input.schoolId);
          const id = newId();
          await insertPupil(manager, identity.tenantId, id, {
            schoolId: input.schoolId,
            classId: input.classId ?? null,
            firstName: input.firstName,
            lastName: input.lastName,
            yearGroup: input.yearGroup,
            misRef: input.misRef ?? null,
            destinationSchool: input.destinationSchool ?? null,
            ...UNKNOWN_CHARACTERISTICS,
            ...characteristicsGiven(input),
          });
          await emit(manager, 'scheduling.pupil.enrolled', identity.tenantId, {
            version: 1,
            pupilId: id,
            schoolId: input.schoolId,
            classId: input.classId ?? null,
            yearGroup: input.yearGroup,
            firstName: input.firstName,
            lastName: input.lastName,
          });
          await recordAudit(manager, auditContext(identity, origin), { action: 'create', subjectType: 'pupil', subjectId: id });
          return present(await this.load(manager, identity.tenantId, id), true);
        },
      ),
    );
  }

  async list(identity: Identity, query: PupilListQueryDto, origin: AuditOrigin): Promise<PupilPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'text', 'uuid']);
    const scope = staffSchoolScope(identity);
    const allSchools = scope === ALL_SCHOOLS;
    const filter = {
      allSchools,
      schoolIds: allSchools ? [] : [...scope],
      pupilIds: guardedPupils(identity).map((pupil) => pupil.pupilId),
      schoolId: query.schoolId ?? null,
      classId: query.classId ?? null,
      status: query.status ?? null,
      nameWords: nameSearchWords(query.q),
    };
    const found = await pupilsPage(this.db.manager, identity.tenantId, filter, after, query.limit + 1);
    const page = toPage(
      found,
      query.limit,
      (row) => present(row, maySeePupilFlags(identity, row.schoolId)),
      (row) => [row.lastName, row.firstName, row.id],
    );
    await this.auditReads(
      identity,
      origin,
      page.items.map((item) => ({ pupilId: item.id, withFlags: maySeePupilFlags(identity, item.schoolId) })),
    );
    return page;
  }

  async get(identity: Identity, pupilId: string, origin: AuditOrigin): Promise<PupilDto> {
    const row = await this.visible(identity, pupilId);
    const withFlags = maySeePupilFlags(identity, row.schoolId);
    await this.auditReads(identity, origin, [{ pupilId, withFlags }]);
    return present(row, withFlags);
  }

  /** Edits the record if it is still at the version the caller read (else 412: two headteachers' edits never silently overwrite each other). */
  async update(
    identity: Identity,
    pupilId: string,
    expectedVersion: number,
    input: UpdatePupilDto,
    origin: AuditOrigin,
  ): Promise<PupilDto> {
    const existing = await this.visible(identity, pupilId);
    requireSchoolInScope(identity, existing.schoolId, 'pupil', ['headteacher']);
    await this.db.transaction(async (manager) => {
      if (input.destinationSchoolId) await this.requireSecondarySchool(manager, identity.tenantId, input.destinationSchoolId);
      const updated = await updatePupil(manager, identity.tenantId, pupilId, expectedVersion, input);
      if (!updated) throw await refusedEdit(manager, 'pupils', identity.tenantId, pupilId, 'pupil');
      if (updated.detailsChanged) await emitDetailsChanged(manager, identity.tenantId, [updated]);
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'pupil',
        subjectId: pupilId,
        detail: { fields: Object.keys(input) },
      });
    });
    return this.changed(identity, pupilId);
  }

  async move(identity: Identity, pupilId: string, input: MovePupilDto, origin: AuditOrigin): Promise<PupilDto> {
    const existing = await this.visible(identity, pupilId);
    requireSchoolInScope(identity, existing.schoolId, 'pupil', ['headteacher']);
    if (existing.status !== 'active')
      throw new ValidationProblem([{ field: 'pupilId', rule: 'active', message: 'a pupil who has left cannot be moved' }]);
    const toSchoolId = input.schoolId ?? existing.schoolId;
    requireSchoolInScope(identity, toSchoolId, 'school', ['headteacher']);
    const schoolChanges = toSchoolId !== existing.schoolId;
    const toClassId = input.classId !== undefined ? input.classId : schoolChanges ? null : existing.classId;
    await this.db.transaction(async (manager) => {
      await this.requireSchool(manager, identity.tenantId, toSchoolId);
      if (toClassId) await this.requireClassOfSchool(manager, identity.tenantId, toClassId, toSchoolId);
      await movePupil(manager, identity.tenantId, pupilId, toSchoolId, toClassId);
      if (schoolChanges)
        await endPupilMemberships(manager, identity.tenantId, pupilId, await this.today(manager, identity.tenantId), existing.schoolId);
      await emit(manager, 'scheduling.pupil.moved', identity.tenantId, {
        version: 1,
        pupilId,
        fromSchoolId: existing.schoolId,
        toSchoolId,
        fromClassId: existing.classId,
        toClassId,
        yearGroup: existing.yearGroup,
      });
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'pupil',
        subjectId: pupilId,
        detail: { change: 'move', toSchoolId, toClassId },
      });
    });
    return this.changed(identity, pupilId);
  }

  async leave(identity: Identity, pupilId: string, input: LeavePupilDto, origin: AuditOrigin): Promise<PupilDto> {
    const existing = await this.visible(identity, pupilId);
    requireSchoolInScope(identity, existing.schoolId, 'pupil', ['headteacher']);
    if (existing.status !== 'active') return this.get(identity, pupilId, origin);
    await this.db.transaction(async (manager) => {
      await markPupilLeft(manager, identity.tenantId, pupilId, input.leftOn);
      await endPupilMemberships(manager, identity.tenantId, pupilId, input.leftOn);
      await emit(manager, 'scheduling.pupil.left', identity.tenantId, {
        version: 1,
        pupilId,
        schoolId: existing.schoolId,
        leftOn: input.leftOn,
        reason: 'left',
      });
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'pupil',
        subjectId: pupilId,
        detail: { change: 'leave', leftOn: input.leftOn },
      });
    });
    return this.changed(identity, pupilId);
  }

  /** Moves every pupil of a school up a year; the last year group become leavers. Once per academic year. */
  async rollOver(identity: Identity, schoolId: string, input: RollOverDto, origin: AuditOrigin): Promise<RollOverResultDto> {
    requireSchoolInScope(identity, schoolId, 'school', ['headteacher']);
    return this.db.transaction(async (manager) => {
      const phase = await lockSchoolPhase(manager, identity.tenantId, schoolId);
      if (!phase) throw new NotFoundException('No such school.');
      if (!(await claimRollOver(manager, identity.tenantId, schoolId, input.academicYear)))
        return { academicYear: input.academicYear, movedUp: 0, leavers: 0, applied: false };
      const last = LAST_YEAR_GROUP[phase];
      // Leaving primary for secondary school, a pupil stays with the programme as alumni: only their school's ensembles end.
      const toSecondary = phase === 'primary' || phase === 'junior';
      const leavers = await markLeavers(manager, identity.tenantId, schoolId, input.leaversLeftOn, last, toSecondary ? 'alumni' : 'leaver');
      for (const leaver of leavers) {
        await endPupilMemberships(manager, identity.tenantId, leaver, input.leaversLeftOn, toSecondary ? schoolId : undefined);
        // Alumni are not told as left: consumers would drop them from area-wide ensembles, rosters and loans.
        if (toSecondary)
          await emit(manager, 'scheduling.pupil.became-alumni', identity.tenantId, {
            version: 1,
            pupilId: leaver,
            schoolId,
            leftOn: input.leaversLeftOn,
          });
        else
          await emit(manager, 'scheduling.pupil.left', identity.tenantId, {
            version: 1,
            pupilId: leaver,
            schoolId,
            leftOn: input.leaversLeftOn,
            reason: 'leaver',
          });
      }
      const movedUp = await moveActivePupilsUp(manager, identity.tenantId, schoolId);
      await emitDetailsChanged(manager, identity.tenantId, movedUp);
      await recordAudit(manager, auditContext(identity, origin), [
        ...leavers.map((pupil) => ({
          action: 'update' as const,
          subjectType: 'pupil' as const,
          subjectId: pupil,
          detail: { change: 'roll-over', leftOn: input.leaversLeftOn },
        })),
        ...movedUp.map((pupil) => ({
          action: 'update' as const,
          subjectType: 'pupil' as const,
          subjectId: pupil.pupilId,
          detail: { change: 'roll-over' },
        })),
      ]);
      // Classes move up with their cohort; a class past the school's last year is archived.
      await rollClassesOver(manager, identity.tenantId, schoolId, last);
      return { academicYear: input.academicYear, movedUp: movedUp.length, leavers: leavers.length, applied: true };
    });
  }

  private async visible(identity: Identity, pupilId: string): Promise<PupilRow> {
    const row = await this.load(this.db.manager, identity.tenantId, pupilId);
    if (!canSeePupil(identity, { pupilId: row.id, schoolId: row.schoolId, tenantId: identity.tenantId }))
      throw new NotFoundException('No such pupil.');
    return row;
  }

  private async load(manager: EntityManager, tenantId: string, pupilId: string): Promise<PupilRow> {
    const row = await pupilById(manager, tenantId, pupilId);
    if (!row) throw new NotFoundException('No such pupil.');
    return row;
  }

  /** Every read of a pupil record goes to the audit log, with whether the MIS reference was shown. */
  private async auditReads(identity: Identity, origin: AuditOrigin, reads: { pupilId: string; withFlags: boolean }[]): Promise<void> {
    if (reads.length === 0) return;
    await this.db.transaction((manager) =>
      recordAudit(
        manager,
        auditContext(identity, origin),
        reads.map((read) => ({ action: 'read', subjectType: 'pupil', subjectId: read.pupilId, detail: { withFlags: read.withFlags } })),
      ),
    );
  }

  /** The record as it is after the caller's change (already audited as that change). */
  private async changed(identity: Identity, pupilId: string): Promise<PupilDto> {
    const row = await this.visible(identity, pupilId);
    return present(row, maySeePupilFlags(identity, row.schoolId));
  }

  private async requireSchool(manager: EntityManager, tenantId: string, schoolId: string): Promise<void> {
    if (!(await schoolExists(manager, tenantId, schoolId))) throw new NotFoundException('No such school.');
  }

  /** A destination is a secondary school of the area: 404 when the area has no such school, 400 naming the field when it is not secondary. */
  private async requireSecondarySchool(manager: EntityManager, tenantId: string, schoolId: string): Promise<void> {
    const phase = await schoolPhase(manager, tenantId, schoolId);
    if (!phase) throw new NotFoundException('No such school.');
    if (phase !== 'secondary')
      throw new ValidationProblem([
        { field: 'destinationSchoolId', rule: 'secondary', message: 'destinationSchoolId must be a secondary school of the area' },
      ]);
  }

  private async requireClassOfSchool(manager: EntityManager, tenantId: string, classId: string, schoolId: string): Promise<void> {
    const classSchoolId = await activeClassSchoolId(manager, tenantId, classId);
    if (!classSchoolId) throw new NotFoundException('No such class.');
    if (classSchoolId !== schoolId)
      throw new ValidationProblem([{ field: 'classId', rule: 'sameSchool', message: 'classId must be a class of the pupil’s school' }]);
  }

  private async today(manager: EntityManager, tenantId: string): Promise<string> {
    return todayIn((await tenantTimeZone(manager, tenantId)) ?? PLANNING_TIME_ZONE);
  }
}

function present(row: PupilRow, withFlags: boolean): PupilDto {
  if (withFlags) return row;
  const { misRef: _misRef, ...rest } = row;
  return rest;
}

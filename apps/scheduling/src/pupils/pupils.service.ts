import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SCHOOLS, canSeePupil, guardedPupils, staffSchoolScope, type Identity } from '@tutti/auth';
import { decodeCursor, newId, onceForKey, oneRow, PLANNING_TIME_ZONE, rows, todayIn, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { refusedEdit } from '../common/edit-versions';
import { auditContext, emit } from '../common/events';
import { maySeePupilFlags, requireSchoolInScope } from '../common/scope';
import { endPupilMemberships } from '../ensembles/ensemble-membership';
import { emitDetailsChanged, type PupilDetails } from './pupil-details-changed';
import type { SchoolPhase } from '../schools/school.model';
import type { CreatePupilDto, LeavePupilDto, MovePupilDto, PupilDto, PupilListQueryDto, PupilPageDto, RollOverDto, RollOverResultDto, UpdatePupilDto } from './dto/pupil.dto';

export const PUPIL_COLUMNS = `p.id, p.school_id AS "schoolId", p.class_id AS "classId", p.first_name AS "firstName", p.last_name AS "lastName",
  p.year_group AS "yearGroup", p.status, to_char(p.left_on, 'YYYY-MM-DD') AS "leftOn", p.mis_ref AS "misRef",
  p.pupil_premium AS "pupilPremium", p.send, p.eal, p.version`;

type PupilRow = Required<PupilDto>;

/** The last year group of a school of this phase: its pupils leave at the roll-over. */
const LAST_YEAR_GROUP: Record<SchoolPhase, number> = { infant: 2, junior: 6, primary: 6, secondary: 13, all_through: 13, special: 13 };

@Injectable()
export class PupilsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreatePupilDto, idempotencyKey: string | undefined, origin: AuditOrigin): Promise<PupilDto> {
    requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
    return this.db.transaction(async (manager) =>
      onceForKey(manager, { tenantId: identity.tenantId, callerId: identity.userId, operation: 'pupils.create', key: idempotencyKey, request: input }, async () => {
        await this.requireSchool(manager, identity.tenantId, input.schoolId);
        if (input.classId) await this.requireClassOfSchool(manager, identity.tenantId, input.classId, input.schoolId);
        const id = newId();
        await manager.query(
          `INSERT INTO pupils (id, tenant_id, school_id, class_id, first_name, last_name, year_group, mis_ref, pupil_premium, send, eal)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [id, identity.tenantId, input.schoolId, input.classId ?? null, input.firstName, input.lastName, input.yearGroup, input.misRef ?? null, input.pupilPremium ?? false, input.send ?? false, input.eal ?? false],
        );
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
      }),
    );
  }

  async list(identity: Identity, query: PupilListQueryDto, origin: AuditOrigin): Promise<PupilPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'text', 'uuid']);
    const scope = staffSchoolScope(identity);
    const allSchools = scope === ALL_SCHOOLS;
    const found = await rows<PupilRow>(
      this.db,
      `SELECT ${PUPIL_COLUMNS} FROM pupils p
       WHERE p.tenant_id = $1
         AND ($2::boolean OR p.school_id = ANY($3::uuid[]) OR p.id = ANY($4::uuid[]))
         AND ($5::uuid IS NULL OR p.school_id = $5) AND ($6::uuid IS NULL OR p.class_id = $6) AND ($7::text IS NULL OR p.status = $7)
         AND ($8::text IS NULL OR (p.last_name, p.first_name, p.id) > ($8, $9, $10::uuid))
       ORDER BY p.last_name, p.first_name, p.id LIMIT $11`,
      [
        identity.tenantId,
        allSchools,
        allSchools ? [] : [...scope],
        guardedPupils(identity).map((pupil) => pupil.pupilId),
        query.schoolId ?? null,
        query.classId ?? null,
        query.status ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        query.limit + 1,
      ],
    );
    const page = toPage(found, query.limit, (row) => present(row, maySeePupilFlags(identity, row.schoolId)), (row) => [row.lastName, row.firstName, row.id]);
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
  async update(identity: Identity, pupilId: string, expectedVersion: number, input: UpdatePupilDto, origin: AuditOrigin): Promise<PupilDto> {
    const existing = await this.visible(identity, pupilId);
    requireSchoolInScope(identity, existing.schoolId, 'pupil', ['headteacher']);
    const changesFlags = input.pupilPremium !== undefined || input.send !== undefined || input.eal !== undefined;
    if (changesFlags && !maySeePupilFlags(identity, existing.schoolId)) throw new ForbiddenException('Only the programme admin and headteachers may set these flags.');
    await this.db.transaction(async (manager) => {
      const [updated] = await rows<PupilDetails & { detailsChanged: boolean }>(
        manager,
        `WITH before AS (SELECT first_name, last_name, year_group FROM pupils WHERE tenant_id = $1 AND id = $2 FOR UPDATE)
         UPDATE pupils p SET first_name = coalesce($3, p.first_name), last_name = coalesce($4, p.last_name), year_group = coalesce($5, p.year_group),
           pupil_premium = coalesce($6, p.pupil_premium), send = coalesce($7, p.send), eal = coalesce($8, p.eal), updated_at = now(), version = p.version + 1
          FROM before b WHERE p.tenant_id = $1 AND p.id = $2 AND p.version = $9
         RETURNING p.id AS "pupilId", p.school_id AS "schoolId", p.first_name AS "firstName", p.last_name AS "lastName", p.year_group AS "yearGroup",
                   (p.first_name, p.last_name, p.year_group) IS DISTINCT FROM (b.first_name, b.last_name, b.year_group) AS "detailsChanged"`,
        [identity.tenantId, pupilId, input.firstName ?? null, input.lastName ?? null, input.yearGroup ?? null, input.pupilPremium ?? null, input.send ?? null, input.eal ?? null, expectedVersion],
      );
      if (!updated) throw await refusedEdit(manager, 'pupils', identity.tenantId, pupilId, 'pupil');
      if (updated.detailsChanged) await emitDetailsChanged(manager, identity.tenantId, [updated]);
      await recordAudit(manager, auditContext(identity, origin), { action: 'update', subjectType: 'pupil', subjectId: pupilId, detail: { fields: Object.keys(input) } });
    });
    return this.changed(identity, pupilId);
  }

  async move(identity: Identity, pupilId: string, input: MovePupilDto, origin: AuditOrigin): Promise<PupilDto> {
    const existing = await this.visible(identity, pupilId);
    requireSchoolInScope(identity, existing.schoolId, 'pupil', ['headteacher']);
    if (existing.status !== 'active') throw new ValidationProblem([{ field: 'pupilId', rule: 'active', message: 'a pupil who has left cannot be moved' }]);
    const toSchoolId = input.schoolId ?? existing.schoolId;
    requireSchoolInScope(identity, toSchoolId, 'school', ['headteacher']);
    const schoolChanges = toSchoolId !== existing.schoolId;
    const toClassId = input.classId !== undefined ? input.classId : schoolChanges ? null : existing.classId;
    await this.db.transaction(async (manager) => {
      await this.requireSchool(manager, identity.tenantId, toSchoolId);
      if (toClassId) await this.requireClassOfSchool(manager, identity.tenantId, toClassId, toSchoolId);
      await manager.query('UPDATE pupils SET school_id = $3, class_id = $4, updated_at = now(), version = version + 1 WHERE tenant_id = $1 AND id = $2', [identity.tenantId, pupilId, toSchoolId, toClassId]);
      if (schoolChanges) await endPupilMemberships(manager, identity.tenantId, pupilId, await this.today(manager, identity.tenantId), existing.schoolId);
      await emit(manager, 'scheduling.pupil.moved', identity.tenantId, {
        version: 1,
        pupilId,
        fromSchoolId: existing.schoolId,
        toSchoolId,
        fromClassId: existing.classId,
        toClassId,
        yearGroup: existing.yearGroup,
      });
      await recordAudit(manager, auditContext(identity, origin), { action: 'update', subjectType: 'pupil', subjectId: pupilId, detail: { change: 'move', toSchoolId, toClassId } });
    });
    return this.changed(identity, pupilId);
  }

  async leave(identity: Identity, pupilId: string, input: LeavePupilDto, origin: AuditOrigin): Promise<PupilDto> {
    const existing = await this.visible(identity, pupilId);
    requireSchoolInScope(identity, existing.schoolId, 'pupil', ['headteacher']);
    if (existing.status !== 'active') return this.get(identity, pupilId, origin);
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE pupils SET status = 'left', left_on = $3, updated_at = now(), version = version + 1 WHERE tenant_id = $1 AND id = $2`, [identity.tenantId, pupilId, input.leftOn]);
      await endPupilMemberships(manager, identity.tenantId, pupilId, input.leftOn);
      await emit(manager, 'scheduling.pupil.left', identity.tenantId, { version: 1, pupilId, schoolId: existing.schoolId, leftOn: input.leftOn, reason: 'left' });
      await recordAudit(manager, auditContext(identity, origin), { action: 'update', subjectType: 'pupil', subjectId: pupilId, detail: { change: 'leave', leftOn: input.leftOn } });
    });
    return this.changed(identity, pupilId);
  }

  /** Moves every pupil of a school up a year; the last year group become leavers. Once per academic year. */
  async rollOver(identity: Identity, schoolId: string, input: RollOverDto, origin: AuditOrigin): Promise<RollOverResultDto> {
    requireSchoolInScope(identity, schoolId, 'school', ['headteacher']);
    return this.db.transaction(async (manager) => {
      const school = await oneRow<{ phase: SchoolPhase }>(manager, 'SELECT phase FROM schools WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [identity.tenantId, schoolId]);
      if (!school) throw new NotFoundException('No such school.');
      const first = await oneRow(manager, 'INSERT INTO roll_overs (tenant_id, school_id, academic_year) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1 AS ok', [identity.tenantId, schoolId, input.academicYear]);
      if (!first) return { academicYear: input.academicYear, movedUp: 0, leavers: 0, applied: false };
      const last = LAST_YEAR_GROUP[school.phase];
      const leavers = await rows<{ id: string }>(
        manager,
        `UPDATE pupils SET status = 'leaver', left_on = $3, updated_at = now(), version = version + 1
         WHERE tenant_id = $1 AND school_id = $2 AND status = 'active' AND year_group >= $4 RETURNING id`,
        [identity.tenantId, schoolId, input.leaversLeftOn, last],
      );
      for (const leaver of leavers) {
        await endPupilMemberships(manager, identity.tenantId, leaver.id, input.leaversLeftOn);
        await emit(manager, 'scheduling.pupil.left', identity.tenantId, { version: 1, pupilId: leaver.id, schoolId, leftOn: input.leaversLeftOn, reason: 'leaver' });
      }
      const movedUp = await rows<PupilDetails>(
        manager,
        `UPDATE pupils SET year_group = year_group + 1, updated_at = now(), version = version + 1 WHERE tenant_id = $1 AND school_id = $2 AND status = 'active'
         RETURNING id AS "pupilId", school_id AS "schoolId", first_name AS "firstName", last_name AS "lastName", year_group AS "yearGroup"`,
        [identity.tenantId, schoolId],
      );
      await emitDetailsChanged(manager, identity.tenantId, movedUp);
      await recordAudit(manager, auditContext(identity, origin), [
        ...leavers.map((pupil) => ({ action: 'update' as const, subjectType: 'pupil' as const, subjectId: pupil.id, detail: { change: 'roll-over', leftOn: input.leaversLeftOn } })),
        ...movedUp.map((pupil) => ({ action: 'update' as const, subjectType: 'pupil' as const, subjectId: pupil.pupilId, detail: { change: 'roll-over' } })),
      ]);
      // Classes move up with their cohort; a class past the school's last year is archived.
      await manager.query(`UPDATE classes SET archived_at = now(), version = version + 1 WHERE tenant_id = $1 AND school_id = $2 AND archived_at IS NULL AND year_group >= $3`, [identity.tenantId, schoolId, last]);
      await manager.query(`UPDATE classes SET year_group = year_group + 1, version = version + 1 WHERE tenant_id = $1 AND school_id = $2 AND archived_at IS NULL`, [identity.tenantId, schoolId]);
      return { academicYear: input.academicYear, movedUp: movedUp.length, leavers: leavers.length, applied: true };
    });
  }

  private async visible(identity: Identity, pupilId: string): Promise<PupilRow> {
    const row = await this.load(this.db.manager, identity.tenantId, pupilId);
    if (!canSeePupil(identity, { pupilId: row.id, schoolId: row.schoolId, tenantId: identity.tenantId })) throw new NotFoundException('No such pupil.');
    return row;
  }

  private async load(manager: EntityManager, tenantId: string, pupilId: string): Promise<PupilRow> {
    const row = await oneRow<PupilRow>(manager, `SELECT ${PUPIL_COLUMNS} FROM pupils p WHERE p.tenant_id = $1 AND p.id = $2`, [tenantId, pupilId]);
    if (!row) throw new NotFoundException('No such pupil.');
    return row;
  }

  /** Every read of a pupil record goes to the audit log, with whether the sensitive flags were shown. */
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
    if (!(await oneRow(manager, 'SELECT 1 AS ok FROM schools WHERE tenant_id = $1 AND id = $2', [tenantId, schoolId]))) throw new NotFoundException('No such school.');
  }

  private async requireClassOfSchool(manager: EntityManager, tenantId: string, classId: string, schoolId: string): Promise<void> {
    const found = await oneRow<{ schoolId: string }>(manager, 'SELECT school_id AS "schoolId" FROM classes WHERE tenant_id = $1 AND id = $2 AND archived_at IS NULL', [tenantId, classId]);
    if (!found) throw new NotFoundException('No such class.');
    if (found.schoolId !== schoolId) throw new ValidationProblem([{ field: 'classId', rule: 'sameSchool', message: 'classId must be a class of the pupil’s school' }]);
  }

  private async today(manager: EntityManager, tenantId: string): Promise<string> {
    const settings = await oneRow<{ timeZone: string }>(manager, 'SELECT time_zone AS "timeZone" FROM tenant_settings WHERE tenant_id = $1', [tenantId]);
    return todayIn(settings?.timeZone ?? PLANNING_TIME_ZONE);
  }
}

function present(row: PupilRow, withFlags: boolean): PupilDto {
  if (withFlags) return row;
  const { pupilPremium: _pp, send: _send, eal: _eal, misRef: _misRef, ...rest } = row;
  return rest;
}

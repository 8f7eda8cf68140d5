import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasRole, type Identity } from '@tutti/auth';
import { decodeCursor, newId, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { nameSearchWords } from '../common/common.queries';
import { refusedEdit } from '../common/edit-versions';
import { auditContext } from '../common/events';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import { existingSchoolIds } from '../schools/schools.queries';
import type { CreateStaffDto, StaffDto, StaffListQueryDto, StaffPageDto, UpdateStaffDto } from './dto/staff.dto';
import { insertStaff, setStaffSchools, staffById, staffByUser, staffPage, updateStaff } from './staff.queries';

@Injectable()
export class StaffService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateStaffDto, origin: AuditOrigin): Promise<StaffDto> {
    this.requireMayManage(identity, input.kind, input.schoolIds);
    const id = newId();
    await this.db.transaction(async (manager) => {
      await insertStaff(manager, identity.tenantId, id, {
        userId: input.userId ?? null,
        kind: input.kind,
        displayName: input.displayName,
        email: input.email ?? null,
        employer: input.employer ?? null,
        instruments: input.instruments ?? [],
      });
      await setStaffSchools(manager, identity.tenantId, id, await this.knownSchools(manager, identity.tenantId, input.schoolIds));
      await recordAudit(manager, auditContext(identity, origin), { action: 'create', subjectType: 'staff', subjectId: id });
    });
    return this.visible(identity, id);
  }

  /** Edits the staff record (and its schools) if it is still at the version the caller read (else 412). */
  async update(
    identity: Identity,
    staffId: string,
    expectedVersion: number,
    input: UpdateStaffDto,
    origin: AuditOrigin,
  ): Promise<StaffDto> {
    const existing = await this.visible(identity, staffId);
    this.requireMayManage(identity, existing.kind, input.schoolIds ?? existing.schoolIds);
    await this.db.transaction(async (manager) => {
      const schoolIds = input.schoolIds && (await this.knownSchools(manager, identity.tenantId, input.schoolIds));
      const updated = await updateStaff(manager, identity.tenantId, staffId, expectedVersion, input);
      if (!updated) throw await refusedEdit(manager, 'staff', identity.tenantId, staffId, 'member of staff');
      if (schoolIds) await setStaffSchools(manager, identity.tenantId, staffId, schoolIds);
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'staff',
        subjectId: staffId,
        detail: { fields: Object.keys(input) },
      });
    });
    return this.visible(identity, staffId);
  }

  async list(identity: Identity, query: StaffListQueryDto, origin: AuditOrigin): Promise<StaffPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const filter = { schoolId: query.schoolId ?? null, kind: query.kind ?? null, nameWords: nameSearchWords(query.q) };
    const found = await staffPage(this.db.manager, identity.tenantId, schoolIdsInScope(identity), filter, after, query.limit + 1);
    const page = toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.displayName, row.id],
    );
    await this.auditReads(identity, origin, page.items);
    return page;
  }

  async get(identity: Identity, staffId: string, origin: AuditOrigin): Promise<StaffDto> {
    const found = await this.visible(identity, staffId);
    await this.auditReads(identity, origin, [found]);
    return found;
  }

  async me(identity: Identity, origin: AuditOrigin): Promise<StaffDto> {
    const found = await staffByUser(this.db.manager, identity.tenantId, identity.userId);
    if (!found) throw new NotFoundException('You have no staff record in this area.');
    await this.auditReads(identity, origin, [found]);
    return found;
  }

  /** The member of staff, if the caller may see them (else 404). */
  async visible(identity: Identity, staffId: string): Promise<StaffDto> {
    const found = await staffById(this.db.manager, identity.tenantId, staffId);
    const scope = schoolIdsInScope(identity);
    const visible = found && (scope === null || found.userId === identity.userId || found.schoolIds.some((id) => scope.includes(id)));
    if (!found || !visible) throw new NotFoundException('No such member of staff.');
    return found;
  }

  private async auditReads(identity: Identity, origin: AuditOrigin, read: StaffDto[]): Promise<void> {
    if (read.length === 0) return;
    await this.db.transaction((manager) =>
      recordAudit(
        manager,
        auditContext(identity, origin),
        read.map((staff) => ({ action: 'read', subjectType: 'staff', subjectId: staff.id })),
      ),
    );
  }

  /** The programme admin manages everyone; a headteacher only the school staff of their own school. */
  private requireMayManage(identity: Identity, kind: string, schoolIds: string[]): void {
    if (hasRole(identity, 'programme_admin')) return;
    if (kind !== 'school_staff') throw new NotFoundException('No such member of staff.');
    for (const schoolId of schoolIds) requireSchoolInScope(identity, schoolId, 'school', ['headteacher']);
  }

  /** The schools named, once each; a 400 naming any the area does not have. */
  private async knownSchools(manager: EntityManager, tenantId: string, schoolIds: string[]): Promise<string[]> {
    const unique = [...new Set(schoolIds)];
    const known = await existingSchoolIds(manager, tenantId, unique);
    const missing = unique.filter((id) => !known.includes(id));
    if (missing.length > 0)
      throw new ValidationProblem(missing.map((id) => ({ field: 'schoolIds', rule: 'exists', message: `school ${id} does not exist` })));
    return unique;
  }
}

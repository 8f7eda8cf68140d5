import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasRole, type Identity } from '@tutti/auth';
import { decodeCursor, newId, oneRow, rows, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { refusedEdit } from '../common/edit-versions';
import { auditContext } from '../common/events';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import type { CreateStaffDto, StaffDto, StaffListQueryDto, StaffPageDto, UpdateStaffDto } from './dto/staff.dto';

const STAFF_COLUMNS = `s.id, s.kind, s.display_name AS "displayName", s.email, s.employer, s.instruments, s.user_id AS "userId", s.version,
  coalesce((SELECT array_agg(ss.school_id ORDER BY ss.school_id) FROM staff_schools ss WHERE ss.tenant_id = s.tenant_id AND ss.staff_id = s.id), '{}') AS "schoolIds"`;

@Injectable()
export class StaffService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateStaffDto, origin: AuditOrigin): Promise<StaffDto> {
    this.requireMayManage(identity, input.kind, input.schoolIds);
    const id = newId();
    await this.db.transaction(async (manager) => {
      await manager.query(
        'INSERT INTO staff (id, tenant_id, user_id, kind, display_name, email, employer, instruments) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [id, identity.tenantId, input.userId ?? null, input.kind, input.displayName, input.email ?? null, input.employer ?? null, input.instruments ?? []],
      );
      await this.setSchools(manager, identity.tenantId, id, await this.knownSchools(manager, identity.tenantId, input.schoolIds));
      await recordAudit(manager, auditContext(identity, origin), { action: 'create', subjectType: 'staff', subjectId: id });
    });
    return this.visible(identity, id);
  }

  /** Edits the staff record (and its schools) if it is still at the version the caller read (else 412). */
  async update(identity: Identity, staffId: string, expectedVersion: number, input: UpdateStaffDto, origin: AuditOrigin): Promise<StaffDto> {
    const existing = await this.visible(identity, staffId);
    this.requireMayManage(identity, existing.kind, input.schoolIds ?? existing.schoolIds);
    await this.db.transaction(async (manager) => {
      const schoolIds = input.schoolIds && (await this.knownSchools(manager, identity.tenantId, input.schoolIds));
      const updated = await oneRow(
        manager,
        `UPDATE staff SET display_name = coalesce($3, display_name), email = coalesce($4, email), employer = coalesce($5, employer),
           instruments = coalesce($6, instruments), user_id = coalesce($7, user_id), version = version + 1
         WHERE tenant_id = $1 AND id = $2 AND version = $8 RETURNING id`,
        [identity.tenantId, staffId, input.displayName ?? null, input.email ?? null, input.employer ?? null, input.instruments ?? null, input.userId ?? null, expectedVersion],
      );
      if (!updated) throw await refusedEdit(manager, 'staff', identity.tenantId, staffId, 'member of staff');
      if (schoolIds) await this.setSchools(manager, identity.tenantId, staffId, schoolIds);
      await recordAudit(manager, auditContext(identity, origin), { action: 'update', subjectType: 'staff', subjectId: staffId, detail: { fields: Object.keys(input) } });
    });
    return this.visible(identity, staffId);
  }

  async list(identity: Identity, query: StaffListQueryDto, origin: AuditOrigin): Promise<StaffPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const found = await rows<StaffDto>(
      this.db,
      `SELECT ${STAFF_COLUMNS} FROM staff s
       WHERE s.tenant_id = $1
         AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM staff_schools ss WHERE ss.tenant_id = s.tenant_id AND ss.staff_id = s.id AND ss.school_id = ANY($2)))
         AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM staff_schools ss WHERE ss.tenant_id = s.tenant_id AND ss.staff_id = s.id AND ss.school_id = $3))
         AND ($4::text IS NULL OR s.kind = $4)
         AND ($5::text IS NULL OR (s.display_name, s.id) > ($5, $6::uuid))
       ORDER BY s.display_name, s.id LIMIT $7`,
      [identity.tenantId, schoolIdsInScope(identity), query.schoolId ?? null, query.kind ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    const page = toPage(found, query.limit, (row) => row, (row) => [row.displayName, row.id]);
    await this.auditReads(identity, origin, page.items);
    return page;
  }

  async get(identity: Identity, staffId: string, origin: AuditOrigin): Promise<StaffDto> {
    const found = await this.visible(identity, staffId);
    await this.auditReads(identity, origin, [found]);
    return found;
  }

  async me(identity: Identity, origin: AuditOrigin): Promise<StaffDto> {
    const found = await oneRow<StaffDto>(this.db, `SELECT ${STAFF_COLUMNS} FROM staff s WHERE s.tenant_id = $1 AND s.user_id = $2`, [identity.tenantId, identity.userId]);
    if (!found) throw new NotFoundException('You have no staff record in this area.');
    await this.auditReads(identity, origin, [found]);
    return found;
  }

  private async visible(identity: Identity, staffId: string): Promise<StaffDto> {
    const found = await oneRow<StaffDto>(this.db, `SELECT ${STAFF_COLUMNS} FROM staff s WHERE s.tenant_id = $1 AND s.id = $2`, [identity.tenantId, staffId]);
    const scope = schoolIdsInScope(identity);
    const visible = found && (scope === null || found.userId === identity.userId || found.schoolIds.some((id) => scope.includes(id)));
    if (!found || !visible) throw new NotFoundException('No such member of staff.');
    return found;
  }

  private async auditReads(identity: Identity, origin: AuditOrigin, read: StaffDto[]): Promise<void> {
    if (read.length === 0) return;
    await this.db.transaction((manager) => recordAudit(manager, auditContext(identity, origin), read.map((staff) => ({ action: 'read', subjectType: 'staff', subjectId: staff.id }))));
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
    const known = await rows<{ id: string }>(manager, 'SELECT id FROM schools WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [tenantId, unique]);
    const missing = unique.filter((id) => !known.some((row) => row.id === id));
    if (missing.length > 0) throw new ValidationProblem(missing.map((id) => ({ field: 'schoolIds', rule: 'exists', message: `school ${id} does not exist` })));
    return unique;
  }

  private async setSchools(manager: EntityManager, tenantId: string, staffId: string, schoolIds: string[]): Promise<void> {
    await manager.query('DELETE FROM staff_schools WHERE tenant_id = $1 AND staff_id = $2', [tenantId, staffId]);
    await manager.query('INSERT INTO staff_schools (tenant_id, staff_id, school_id) SELECT $1, $2, unnest($3::uuid[])', [tenantId, staffId, schoolIds]);
  }
}

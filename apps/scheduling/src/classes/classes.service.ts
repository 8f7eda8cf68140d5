import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, oneRow, rows, toPage } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import type { ClassDto, ClassListQueryDto, ClassPageDto, CreateClassDto, UpdateClassDto } from './dto/class.dto';

export const CLASS_COLUMNS = 'id, school_id AS "schoolId", name, year_group AS "yearGroup", version';

@Injectable()
export class ClassesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateClassDto): Promise<ClassDto> {
    requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
    await this.requireSchool(identity.tenantId, input.schoolId);
    const created = await oneRow<ClassDto>(
      this.db,
      `INSERT INTO classes (id, tenant_id, school_id, name, year_group) VALUES ($1, $2, $3, $4, $5) RETURNING ${CLASS_COLUMNS}`,
      [newId(), identity.tenantId, input.schoolId, input.name, input.yearGroup],
    );
    if (!created) throw new Error('insert returned nothing');
    return created;
  }

  async list(identity: Identity, query: ClassListQueryDto): Promise<ClassPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const found = await rows<ClassDto>(
      this.db,
      `SELECT ${CLASS_COLUMNS} FROM classes
       WHERE tenant_id = $1 AND archived_at IS NULL AND ($2::uuid[] IS NULL OR school_id = ANY($2)) AND ($3::uuid IS NULL OR school_id = $3)
         AND ($4::text IS NULL OR (name, id) > ($4, $5::uuid))
       ORDER BY name, id LIMIT $6`,
      [identity.tenantId, schoolIdsInScope(identity), query.schoolId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => row, (row) => [row.name, row.id]);
  }

  async get(identity: Identity, classId: string): Promise<ClassDto> {
    const found = await oneRow<ClassDto>(this.db, `SELECT ${CLASS_COLUMNS} FROM classes WHERE tenant_id = $1 AND id = $2`, [identity.tenantId, classId]);
    if (!found) throw new NotFoundException('No such class.');
    requireSchoolInScope(identity, found.schoolId, 'class');
    return found;
  }

  /** Edits the class if it is still at the version the caller read (else 412). */
  async update(identity: Identity, classId: string, expectedVersion: number, input: UpdateClassDto): Promise<ClassDto> {
    const existing = await this.get(identity, classId);
    requireSchoolInScope(identity, existing.schoolId, 'class', ['headteacher']);
    const updated = await oneRow<ClassDto>(
      this.db,
      `UPDATE classes SET name = coalesce($3, name), year_group = coalesce($4, year_group), version = version + 1
       WHERE tenant_id = $1 AND id = $2 AND version = $5 RETURNING ${CLASS_COLUMNS}`,
      [identity.tenantId, classId, input.name ?? null, input.yearGroup ?? null, expectedVersion],
    );
    if (!updated) throw await refusedEdit(this.db.manager, 'classes', identity.tenantId, classId, 'class');
    return updated;
  }

  private async requireSchool(tenantId: string, schoolId: string): Promise<void> {
    const school = await oneRow(this.db, 'SELECT 1 FROM schools WHERE tenant_id = $1 AND id = $2', [tenantId, schoolId]);
    if (!school) throw new NotFoundException('No such school.');
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, oneRow, rows, toPage } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { emit } from '../common/events';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import type { CreateSchoolDto, SchoolDto, SchoolListQueryDto, SchoolPageDto, UpdateSchoolDto } from './dto/school.dto';

const SCHOOL_COLUMNS = 'id, name, urn, phase, version';

@Injectable()
export class SchoolsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(tenantId: string, input: CreateSchoolDto): Promise<SchoolDto> {
    return this.db.transaction(async (manager) => {
      const school = await oneRow<SchoolDto>(
        manager,
        `INSERT INTO schools (id, tenant_id, name, urn, phase) VALUES ($1, $2, $3, $4, $5) RETURNING ${SCHOOL_COLUMNS}`,
        [newId(), tenantId, input.name, input.urn ?? null, input.phase],
      );
      if (!school) throw new Error('insert returned nothing');
      await emit(manager, 'scheduling.school.created', tenantId, { version: 1, schoolId: school.id, name: school.name, urn: school.urn, phase: school.phase });
      return school;
    });
  }

  /** Edits the school if it is still at the version the caller read (else 412). */
  async update(tenantId: string, schoolId: string, expectedVersion: number, input: UpdateSchoolDto): Promise<SchoolDto> {
    return this.db.transaction(async (manager) => {
      const school = await oneRow<SchoolDto>(
        manager,
        `UPDATE schools SET name = coalesce($3, name), urn = CASE WHEN $4::boolean THEN $5 ELSE urn END, phase = coalesce($6, phase), version = version + 1
         WHERE tenant_id = $1 AND id = $2 AND version = $7 RETURNING ${SCHOOL_COLUMNS}`,
        [tenantId, schoolId, input.name ?? null, input.urn !== undefined, input.urn ?? null, input.phase ?? null, expectedVersion],
      );
      if (!school) throw await refusedEdit(manager, 'schools', tenantId, schoolId, 'school');
      await emit(manager, 'scheduling.school.updated', tenantId, { version: 1, schoolId: school.id, name: school.name, urn: school.urn, phase: school.phase });
      return school;
    });
  }

  async list(identity: Identity, query: SchoolListQueryDto): Promise<SchoolPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const scope = schoolIdsInScope(identity);
    const found = await rows<SchoolDto>(
      this.db,
      `SELECT ${SCHOOL_COLUMNS} FROM schools
       WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2)) AND ($3::text IS NULL OR (name, id) > ($3, $4::uuid))
       ORDER BY name, id LIMIT $5`,
      [identity.tenantId, scope, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => row, (row) => [row.name, row.id]);
  }

  async get(identity: Identity, schoolId: string): Promise<SchoolDto> {
    requireSchoolInScope(identity, schoolId, 'school');
    const school = await oneRow<SchoolDto>(this.db, `SELECT ${SCHOOL_COLUMNS} FROM schools WHERE tenant_id = $1 AND id = $2`, [identity.tenantId, schoolId]);
    if (!school) throw new NotFoundException('No such school.');
    return school;
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { emit } from '../common/events';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import type { CreateSchoolDto, SchoolDto, SchoolListQueryDto, SchoolPageDto, UpdateSchoolDto } from './dto/school.dto';
import { insertSchool, schoolById, schoolsPage, updateSchool } from './schools.queries';

@Injectable()
export class SchoolsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(tenantId: string, input: CreateSchoolDto): Promise<SchoolDto> {
    return this.db.transaction(async (manager) => {
      const school = await insertSchool(manager, tenantId, newId(), {
        name: input.name,
        urn: input.urn ?? null,
        phase: input.phase,
        partner: input.partner ?? false,
      });
      requirePartnerIsSecondary(school);
      await emit(manager, 'scheduling.school.created', tenantId, {
        version: 1,
        schoolId: school.id,
        name: school.name,
        urn: school.urn,
        phase: school.phase,
      });
      return school;
    });
  }

  /** Edits the school if it is still at the version the caller read (else 412). */
  async update(tenantId: string, schoolId: string, expectedVersion: number, input: UpdateSchoolDto): Promise<SchoolDto> {
    return this.db.transaction(async (manager) => {
      const school = await updateSchool(manager, tenantId, schoolId, expectedVersion, input);
      if (!school) throw await refusedEdit(manager, 'schools', tenantId, schoolId, 'school');
      requirePartnerIsSecondary(school);
      await emit(manager, 'scheduling.school.updated', tenantId, {
        version: 1,
        schoolId: school.id,
        name: school.name,
        urn: school.urn,
        phase: school.phase,
      });
      return school;
    });
  }

  async list(identity: Identity, query: SchoolListQueryDto): Promise<SchoolPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const scope = schoolIdsInScope(identity);
    const found = await schoolsPage(this.db.manager, identity.tenantId, scope, after, query.limit + 1);
    return toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.name, row.id],
    );
  }

  async get(identity: Identity, schoolId: string): Promise<SchoolDto> {
    requireSchoolInScope(identity, schoolId, 'school');
    const school = await schoolById(this.db.manager, identity.tenantId, schoolId);
    if (!school) throw new NotFoundException('No such school.');
    return school;
  }
}

/** Only a secondary school can be a partner (400 naming `partner`, the transaction rolled back). */
function requirePartnerIsSecondary(school: SchoolDto): void {
  if (school.partner && school.phase !== 'secondary')
    throw new ValidationProblem([{ field: 'partner', rule: 'secondary', message: 'partner is for secondary schools only' }]);
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, toPage } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import { schoolExists } from '../schools/schools.queries';
import { classById, classesPage, insertClass, updateClass } from './classes.queries';
import type { ClassDto, ClassListQueryDto, ClassPageDto, CreateClassDto, UpdateClassDto } from './dto/class.dto';

@Injectable()
export class ClassesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateClassDto): Promise<ClassDto> {
    requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
    if (!(await schoolExists(this.db.manager, identity.tenantId, input.schoolId))) throw new NotFoundException('No such school.');
    return insertClass(this.db.manager, identity.tenantId, newId(), input);
  }

  async list(identity: Identity, query: ClassListQueryDto): Promise<ClassPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const found = await classesPage(
      this.db.manager,
      identity.tenantId,
      schoolIdsInScope(identity),
      query.schoolId ?? null,
      after,
      query.limit + 1,
    );
    return toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.name, row.id],
    );
  }

  async get(identity: Identity, classId: string): Promise<ClassDto> {
    const found = await classById(this.db.manager, identity.tenantId, classId);
    if (!found) throw new NotFoundException('No such class.');
    requireSchoolInScope(identity, found.schoolId, 'class');
    return found;
  }

  /** Edits the class if it is still at the version the caller read (else 412). */
  async update(identity: Identity, classId: string, expectedVersion: number, input: UpdateClassDto): Promise<ClassDto> {
    const existing = await this.get(identity, classId);
    requireSchoolInScope(identity, existing.schoolId, 'class', ['headteacher']);
    const updated = await updateClass(this.db.manager, identity.tenantId, classId, expectedVersion, input);
    if (!updated) throw await refusedEdit(this.db.manager, 'classes', identity.tenantId, classId, 'class');
    return updated;
  }
}

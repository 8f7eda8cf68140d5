import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { ConflictProblem, decodeCursor, newId, onceForKey, toPage, type Queryable } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import type {
  ComparisonSchoolDto,
  ComparisonSchoolListQueryDto,
  ComparisonSchoolPageDto,
  CreateComparisonSchoolDto,
  UpdateComparisonSchoolDto,
} from './dto/comparison-school.dto';
import {
  comparisonSchoolById,
  comparisonSchoolByUrn,
  comparisonSchoolsPage,
  deleteComparisonSchool,
  insertComparisonSchool,
  programmeSchoolByUrn,
  updateComparisonSchool,
} from './comparison-schools.queries';

const UNIQUE_VIOLATION = '23505';

/**
 * Schools outside the programme that the evaluation compares programme schools with: a URN, a name,
 * a phase and aggregates of their cohort, written by programme admins, read by them and evaluators.
 * A URN is one comparison school per area, and never a programme school of the area (409 naming the holder).
 */
@Injectable()
export class ComparisonSchoolsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateComparisonSchoolDto, idempotencyKey: string | undefined): Promise<ComparisonSchoolDto> {
    const tenantId = identity.tenantId;
    return this.db.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId, callerId: identity.userId, operation: 'comparison-schools.create', key: idempotencyKey, request: input },
        async () => {
          await refuseProgrammeUrn(manager, tenantId, input.urn);
          const created = await insertComparisonSchool(manager, tenantId, newId(), {
            urn: input.urn,
            name: input.name,
            phase: input.phase,
            pupils: input.pupils,
            percentFsm: input.percentFsm ?? null,
            percentSend: input.percentSend ?? null,
            percentEal: input.percentEal ?? null,
            cohortYear: input.cohortYear ?? null,
          });
          if (!created) throw await urnTaken(manager, tenantId, input.urn);
          return created;
        },
      ),
    );
  }

  async list(tenantId: string, query: ComparisonSchoolListQueryDto): Promise<ComparisonSchoolPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const found = await comparisonSchoolsPage(this.db.manager, tenantId, after, query.limit + 1);
    return toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.name, row.id],
    );
  }

  async get(tenantId: string, id: string): Promise<ComparisonSchoolDto> {
    const school = await comparisonSchoolById(this.db.manager, tenantId, id);
    if (!school) throw new NotFoundException('No such comparison school.');
    return school;
  }

  /** Edits the comparison school if it is still at the version the caller read (else 412; 404 when gone; 409 for a URN taken). */
  async update(tenantId: string, id: string, expectedVersion: number, input: UpdateComparisonSchoolDto): Promise<ComparisonSchoolDto> {
    return this.db.transaction(async (manager) => {
      if (input.urn !== undefined) {
        await refuseProgrammeUrn(manager, tenantId, input.urn);
        const holder = await comparisonSchoolByUrn(manager, tenantId, input.urn);
        if (holder && holder.id !== id) throw await urnTaken(manager, tenantId, input.urn);
      }
      let updated;
      try {
        updated = await updateComparisonSchool(manager, tenantId, id, expectedVersion, input);
      } catch (error) {
        // Another admin gave the URN to another comparison school between the check and the update.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && input.urn !== undefined)
          throw await urnTaken(this.db.manager, tenantId, input.urn);
        throw error;
      }
      if (!updated) throw await refusedEdit(manager, 'comparison_schools', tenantId, id, 'comparison school');
      return updated;
    });
  }

  async remove(tenantId: string, id: string): Promise<void> {
    if (!(await deleteComparisonSchool(this.db.manager, tenantId, id))) throw new NotFoundException('No such comparison school.');
  }
}

async function refuseProgrammeUrn(db: Queryable, tenantId: string, urn: string): Promise<void> {
  const school = await programmeSchoolByUrn(db, tenantId, urn);
  if (school)
    throw new ConflictProblem(`URN ${urn} is a school of the programme in this area; it cannot be a comparison school.`, [
      { kind: 'programme-school', urn, schoolId: school.id },
    ]);
}

async function urnTaken(db: Queryable, tenantId: string, urn: string): Promise<ConflictProblem> {
  const holder = await comparisonSchoolByUrn(db, tenantId, urn);
  return new ConflictProblem(`The area already has a comparison school with URN ${urn}.`, [
    { kind: 'comparison-school', urn, comparisonSchoolId: holder?.id ?? null },
  ]);
}

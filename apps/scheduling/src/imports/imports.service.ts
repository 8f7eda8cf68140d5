import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, parseCsv, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit, type AuditContext, type AuditOrigin, type AuditSubject } from '@tutti/messaging';
import { auditContext, emit } from '../common/events';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import type { ImportListQueryDto, ImportPageDto, ImportSummaryDto, NewClassDto, PupilImportDto } from './dto/import.dto';
import { readMisExport, type MisPupil, type RowProblem } from './mis-row';
import { UNKNOWN_CHARACTERISTICS } from '../characteristics/characteristics.model';
import { emitDetailsChanged } from '../pupils/pupil-details-changed';
import { classesNamed, insertClass } from '../classes/classes.queries';
import { insertPupil, matchDestinationSchools } from '../pupils/pupils.queries';
import { schoolExists } from '../schools/schools.queries';
import {
  addImportProgress,
  completeImport,
  failImport,
  importById,
  importsPage,
  insertImport,
  pupilsByMisRef,
  updatePupilFromMis,
  type ImportRow,
} from './imports.queries';

/** Rows written per transaction; progress is committed after each chunk. */
export const IMPORT_CHUNK_SIZE = 500;

interface ChunkOutcome {
  created: number;
  updated: number;
  unchanged: number;
  classesCreated: number;
}

/** The classes a file names that its school does not have: those the importer asked to create, and the others (typos until said otherwise). */
interface ClassPlan {
  create: NewClassDto[];
  unknown: NewClassDto[];
}

/**
 * Pupils and classes from a school MIS export. The pupil's MIS reference (UPN or admission number)
 * is the key, so importing the same file again changes nothing and a changed row updates its pupil.
 * Pupils absent from the file are left alone: an export may cover part of a school.
 */
@Injectable()
export class ImportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async importPupils(identity: Identity, input: PupilImportDto, origin: AuditOrigin): Promise<ImportSummaryDto> {
    requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
    if (!(await schoolExists(this.db.manager, identity.tenantId, input.schoolId))) throw new NotFoundException('No such school.');
    const parsed = parseCsv(input.csv);
    if ('error' in parsed) throw new ValidationProblem([{ field: 'csv', rule: 'csv', message: parsed.error }]);
    const checked = readMisExport(parsed.records.map((record) => record.fields));
    const classes = await this.planClasses(identity.tenantId, input.schoolId, checked.pupils, input.createClasses ?? []);
    const creatable = new Set(classes.create.map((created) => created.className));
    const dataRows = checked.dataRows;
    if (input.dryRun) {
      // A row naming a class nobody asked for is reported as that row's problem; the import itself would refuse the whole file.
      const unknownRows = new Set(classes.unknown.flatMap((unknown) => unknown.rows));
      const pupils = checked.pupils.filter((pupil) => !unknownRows.has(pupil.row));
      const problems = [
        ...checked.problems,
        ...classes.unknown.flatMap(({ className, rows: named }) =>
          named.map((row) => ({ row, column: checked.classColumn ?? 'class', reason: unknownClassReason(className) })),
        ),
      ].sort((a, b) => a.row - b.row);
      const outcome = await this.db.transaction((manager) =>
        this.applyChunk(manager, identity.tenantId, input.schoolId, pupils, creatable, undefined),
      );
      const skipped = new Set(problems.map((problem) => problem.row)).size;
      return {
        id: null,
        dryRun: true,
        status: 'checked',
        totalRows: dataRows,
        processedRows: dataRows,
        ...outcome,
        newClasses: classes.create,
        skipped,
        problems,
        columns: checked.columns,
      };
    }
    if (classes.unknown.length > 0) throw unknownClasses(classes.unknown);

    const { pupils, problems } = checked;
    const importId = newId();
    await insertImport(this.db.manager, identity.tenantId, importId, {
      schoolId: input.schoolId,
      startedBy: identity.userId,
      totalRows: dataRows,
      problems,
      newClasses: classes.create,
    });
    try {
      for (let start = 0; start < pupils.length; start += IMPORT_CHUNK_SIZE) {
        const chunk = pupils.slice(start, start + IMPORT_CHUNK_SIZE);
        await this.db.transaction(async (manager) => {
          const outcome = await this.applyChunk(manager, identity.tenantId, input.schoolId, chunk, creatable, {
            context: auditContext(identity, origin),
            importId,
          });
          await addImportProgress(manager, identity.tenantId, importId, { rows: chunk.length, ...outcome });
        });
      }
      await completeImport(this.db.manager, identity.tenantId, importId);
    } catch (error) {
      await failImport(this.db.manager, identity.tenantId, importId);
      throw error;
    }
    return this.get(identity, importId);
  }

  async get(identity: Identity, importId: string): Promise<ImportSummaryDto> {
    const found = await importById(this.db.manager, identity.tenantId, importId);
    if (!found) throw new NotFoundException('No such import.');
    requireSchoolInScope(identity, found.schoolId, 'import', ['headteacher']);
    return toSummary(found);
  }

  async list(identity: Identity, query: ImportListQueryDto): Promise<ImportPageDto> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await importsPage(
      this.db.manager,
      identity.tenantId,
      schoolIdsInScope(identity, ['headteacher']),
      after,
      query.limit + 1,
    );
    return toPage(found, query.limit, toSummary, (row) => [row.id]);
  }

  /** Which classes the file names that the school does not have (not archived), with the rows naming each, split by whether the importer asked to create them. */
  private async planClasses(tenantId: string, schoolId: string, pupils: MisPupil[], createClasses: string[]): Promise<ClassPlan> {
    const rowsByClass = new Map<string, number[]>();
    for (const pupil of pupils) {
      if (pupil.className === null) continue;
      const named = rowsByClass.get(pupil.className);
      if (named) named.push(pupil.row);
      else rowsByClass.set(pupil.className, [pupil.row]);
    }
    const existing = await classesNamed(this.db.manager, tenantId, schoolId, [...rowsByClass.keys()]);
    const known = new Set(existing.map((row) => row.name));
    const wanted = new Set(createClasses);
    const plan: ClassPlan = { create: [], unknown: [] };
    for (const [className, named] of rowsByClass) {
      if (!known.has(className)) (wanted.has(className) ? plan.create : plan.unknown).push({ className, rows: named });
    }
    return plan;
  }

  /**
   * Applies a chunk of the file, creating the missing classes it names (only those in `creatable`);
   * without `written` (a dry run) only counts what would change. Each pupil created or changed is audited.
   */
  private async applyChunk(
    manager: EntityManager,
    tenantId: string,
    schoolId: string,
    chunk: MisPupil[],
    creatable: ReadonlySet<string>,
    written: { context: AuditContext; importId: string } | undefined,
  ): Promise<ChunkOutcome> {
    const write = written !== undefined;
    const audited: AuditSubject[] = [];
    const classNames = [...new Set(chunk.map((pupil) => pupil.className).filter((name): name is string => name !== null))];
    const classes = await classesNamed(manager, tenantId, schoolId, classNames);
    const classIds = new Map(classes.map((row) => [row.name, row.id]));
    let classesCreated = 0;
    const uncreatable = classNames.filter((name) => !classIds.has(name) && !creatable.has(name));
    // Only when a class of the school was archived between the check of the file and this chunk.
    if (uncreatable.length > 0)
      throw unknownClasses(
        uncreatable.map((className) => ({
          className,
          rows: chunk.filter((pupil) => pupil.className === className).map((pupil) => pupil.row),
        })),
      );
    for (const name of classNames) {
      if (classIds.has(name)) continue;
      classesCreated++;
      const id = newId();
      classIds.set(name, id);
      if (write) {
        const yearGroup = chunk.find((pupil) => pupil.className === name)?.yearGroup ?? 0;
        await insertClass(manager, tenantId, id, { schoolId, name, yearGroup });
      }
    }

    const existing = await pupilsByMisRef(
      manager,
      tenantId,
      schoolId,
      chunk.map((pupil) => pupil.misRef),
      write,
    );
    const byRef = new Map(existing.map((row) => [row.misRef, row]));
    const outcome: ChunkOutcome = { created: 0, updated: 0, unchanged: 0, classesCreated };
    for (const pupil of chunk) {
      const classId = pupil.className ? (classIds.get(pupil.className) ?? null) : null;
      const current = byRef.get(pupil.misRef);
      if (!current) {
        outcome.created++;
        if (write)
          audited.push({
            action: 'create',
            subjectType: 'pupil',
            subjectId: await this.create(manager, tenantId, schoolId, pupil, classId),
            detail: { importId: written.importId },
          });
        continue;
      }
      const next = {
        firstName: pupil.firstName,
        lastName: pupil.lastName,
        yearGroup: pupil.yearGroup,
        classId,
        destinationSchool: pupil.destinationSchool ?? current.destinationSchool,
        pupilPremium: pupil.characteristics.pupilPremium ?? current.pupilPremium,
        send: pupil.characteristics.send ?? current.send,
        eal: pupil.characteristics.eal ?? current.eal,
        gender: pupil.characteristics.gender ?? current.gender,
        ethnicityGroup: pupil.characteristics.ethnicityGroup ?? current.ethnicityGroup,
      };
      const fields = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== current[key]);
      if (fields.length === 0) {
        outcome.unchanged++;
        continue;
      }
      outcome.updated++;
      if (!write) continue;
      audited.push({
        action: 'update',
        subjectType: 'pupil',
        subjectId: current.id,
        detail: { change: 'mis-import', importId: written.importId, fields },
      });
      await updatePupilFromMis(manager, tenantId, current.id, next);
      if (next.firstName !== current.firstName || next.lastName !== current.lastName || next.yearGroup !== current.yearGroup) {
        await emitDetailsChanged(manager, tenantId, [
          { pupilId: current.id, schoolId, firstName: next.firstName, lastName: next.lastName, yearGroup: next.yearGroup },
        ]);
      }
      if (current.classId !== classId) {
        await emit(manager, 'scheduling.pupil.moved', tenantId, {
          version: 1,
          pupilId: current.id,
          fromSchoolId: schoolId,
          toSchoolId: schoolId,
          fromClassId: current.classId,
          toClassId: classId,
          yearGroup: next.yearGroup,
        });
      }
    }
    if (write) {
      // A destination naming a secondary school of the area (by name or URN) points at it, for the partner school's incoming pupils.
      const misRefs = chunk.map((pupil) => pupil.misRef);
      for (const pupilId of await matchDestinationSchools(manager, tenantId, schoolId, misRefs))
        audited.push({
          action: 'update',
          subjectType: 'pupil',
          subjectId: pupilId,
          detail: { change: 'mis-import', importId: written.importId, fields: ['destinationSchoolId'] },
        });
      await recordAudit(manager, written.context, audited);
    }
    return outcome;
  }

  private async create(
    manager: EntityManager,
    tenantId: string,
    schoolId: string,
    pupil: MisPupil,
    classId: string | null,
  ): Promise<string> {
    const id = newId();
    await insertPupil(manager, tenantId, id, {
      schoolId,
      classId,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      yearGroup: pupil.yearGroup,
      misRef: pupil.misRef,
      destinationSchool: pupil.destinationSchool,
      ...UNKNOWN_CHARACTERISTICS,
      ...pupil.characteristics,
    });
    await emit(manager, 'scheduling.pupil.enrolled', tenantId, {
      version: 1,
      pupilId: id,
      schoolId,
      classId,
      yearGroup: pupil.yearGroup,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
    });
    return id;
  }
}

function unknownClassReason(className: string): string {
  return `no class "${className}" at this school: correct it, or name "${className}" in createClasses to create it`;
}

/** The 400 for a file naming classes the school does not have and the importer did not ask to create: each class with the rows naming it. */
function unknownClasses(unknown: NewClassDto[]): ValidationProblem {
  return new ValidationProblem(
    unknown.map(({ className, rows: named }) => ({
      field: 'createClasses',
      rule: 'unknownClass',
      message: `${rowList(named)} of the file name class "${className}", which this school does not have: correct the file, or name "${className}" in createClasses to create it`,
    })),
  );
}

/** "row 4", or "rows 4, 7 and 9", the first ten of a long list with how many more. */
function rowList(named: number[]): string {
  if (named.length === 1) return `row ${named[0]}`;
  const shown = named.slice(0, 10);
  const more = named.length - shown.length;
  return more > 0 ? `rows ${shown.join(', ')} and ${more} more` : `rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function toSummary(row: ImportRow): ImportSummaryDto {
  const problems = row.problems as RowProblem[];
  return {
    id: row.id,
    dryRun: false,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    classesCreated: row.classesCreated,
    newClasses: row.newClasses,
    skipped: new Set(problems.map((problem) => problem.row)).size,
    problems,
  };
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SCHOOLS, staffSchoolScope, type Identity } from '@tutti/auth';
import { addDays, ConflictProblem, decodeCursor, isUniqueViolation, newId, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { requireSchoolInScope } from '../common/scope';
import { schoolExists } from '../schools/schools.queries';
import type {
  BankHolidayImportResultDto,
  CreateHolidayDto,
  CreateTermDto,
  GovUkBankHolidaysDto,
  HolidayDto,
  HolidayListQueryDto,
  HolidayPageDto,
  TermDto,
  TermPageDto,
} from './dto/term.dto';
import { holidaysPage, insertBankHolidays, insertHoliday, insertTerm, termById, termByName, termsPage } from './terms.queries';

@Injectable()
export class TermsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async createTerm(tenantId: string, input: CreateTermDto): Promise<TermDto> {
    requireOrdered(input.startsOn, input.endsOn);
    if (input.endsOn > addDays(input.startsOn, MAX_TERM_DAYS)) {
      throw new ValidationProblem([
        { field: 'endsOn', rule: 'maxTermLength', message: `a term lasts at most ${MAX_TERM_DAYS} days after its first day` },
      ]);
    }
    try {
      return await insertTerm(this.db.manager, tenantId, newId(), input);
    } catch (error) {
      if (!isUniqueViolation(error, 'terms_tenant_id_name_key')) throw error;
      const existing = await termByName(this.db.manager, tenantId, input.name);
      throw new ConflictProblem(`There is already a term named ${input.name}.`, [{ field: 'name', termId: existing?.id ?? null }]);
    }
  }

  async listTerms(tenantId: string, page: { limit: number; cursor?: string }): Promise<TermPageDto> {
    const after = decodeCursor(page.cursor, ['date', 'uuid']);
    const found = await termsPage(this.db.manager, tenantId, after, page.limit + 1);
    return toPage(
      found,
      page.limit,
      (row) => row,
      (row) => [row.startsOn, row.id],
    );
  }

  async getTerm(tenantId: string, termId: string): Promise<TermDto> {
    const term = await termById(this.db.manager, tenantId, termId);
    if (!term) throw new NotFoundException('No such term.');
    return term;
  }

  async createHoliday(identity: Identity, input: CreateHolidayDto): Promise<HolidayDto> {
    requireOrdered(input.startsOn, input.endsOn);
    if (input.kind === 'inset') {
      if (!input.schoolId) throw new ValidationProblem([{ field: 'schoolId', rule: 'required', message: 'an INSET day needs schoolId' }]);
      requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
      if (!(await schoolExists(this.db.manager, identity.tenantId, input.schoolId))) throw new NotFoundException('No such school.');
    } else {
      if (input.schoolId)
        throw new ValidationProblem([
          { field: 'schoolId', rule: 'absent', message: 'an area holiday has no schoolId; use kind inset for one school' },
        ]);
      requireSchoolInScope(identity, null, 'school');
    }
    return insertHoliday(this.db.manager, identity.tenantId, newId(), {
      schoolId: input.schoolId ?? null,
      kind: input.kind,
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
  }

  async listHolidays(identity: Identity, query: HolidayListQueryDto): Promise<HolidayPageDto> {
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    const scope = staffSchoolScope(identity);
    const filter = {
      from: query.from ?? null,
      to: query.to ?? null,
      allSchools: scope === ALL_SCHOOLS,
      schoolIds: scope === ALL_SCHOOLS ? [] : [...scope],
      schoolId: query.schoolId ?? null,
    };
    const found = await holidaysPage(this.db.manager, identity.tenantId, filter, after, query.limit + 1);
    return toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.startsOn, row.id],
    );
  }

  /** Imports England and Wales bank holidays from gov.uk's JSON; importing the same file again changes nothing. */
  async importBankHolidays(tenantId: string, file: GovUkBankHolidaysDto): Promise<BankHolidayImportResultDto> {
    const events = file['england-and-wales'].events;
    const imported = await insertBankHolidays(
      this.db.manager,
      tenantId,
      events.map((event) => ({ id: newId(), name: event.title, day: event.date })),
    );
    return { imported, alreadyPresent: events.length - imported };
  }
}

/** As the terms table's check has it: a term's last day is at most 200 days after its first. */
const MAX_TERM_DAYS = 200;

function requireOrdered(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn)
    throw new ValidationProblem([{ field: 'endsOn', rule: 'notBeforeStart', message: 'endsOn must not be before startsOn' }]);
}

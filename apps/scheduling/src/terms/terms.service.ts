import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SCHOOLS, staffSchoolScope, type Identity } from '@tutti/auth';
import { addDays, ConflictProblem, decodeCursor, isUniqueViolation, newId, oneRow, rows, toPage, ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { requireSchoolInScope } from '../common/scope';
import type { BankHolidayImportResultDto, CreateHolidayDto, CreateTermDto, GovUkBankHolidaysDto, HolidayDto, HolidayListQueryDto, HolidayPageDto, TermDto, TermPageDto } from './dto/term.dto';

const TERM_COLUMNS = `id, name, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"`;
const HOLIDAY_COLUMNS = `id, kind, name, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", school_id AS "schoolId"`;

@Injectable()
export class TermsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async createTerm(tenantId: string, input: CreateTermDto): Promise<TermDto> {
    requireOrdered(input.startsOn, input.endsOn);
    if (input.endsOn > addDays(input.startsOn, MAX_TERM_DAYS)) {
      throw new ValidationProblem([{ field: 'endsOn', rule: 'maxTermLength', message: `a term lasts at most ${MAX_TERM_DAYS} days after its first day` }]);
    }
    try {
      const term = await oneRow<TermDto>(
        this.db,
        `INSERT INTO terms (id, tenant_id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) RETURNING ${TERM_COLUMNS}`,
        [newId(), tenantId, input.name, input.startsOn, input.endsOn],
      );
      if (!term) throw new Error('insert returned nothing');
      return term;
    } catch (error) {
      if (!isUniqueViolation(error, 'terms_tenant_id_name_key')) throw error;
      const existing = await oneRow<TermDto>(this.db, `SELECT ${TERM_COLUMNS} FROM terms WHERE tenant_id = $1 AND name = $2`, [tenantId, input.name]);
      throw new ConflictProblem(`There is already a term named ${input.name}.`, [{ field: 'name', termId: existing?.id ?? null }]);
    }
  }

  async listTerms(tenantId: string, page: { limit: number; cursor?: string }): Promise<TermPageDto> {
    const after = decodeCursor(page.cursor, ['date', 'uuid']);
    const found = await rows<TermDto>(
      this.db,
      `SELECT ${TERM_COLUMNS} FROM terms WHERE tenant_id = $1 AND ($2::date IS NULL OR (starts_on, id) > ($2::date, $3::uuid)) ORDER BY starts_on, id LIMIT $4`,
      [tenantId, after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    return toPage(found, page.limit, (row) => row, (row) => [row.startsOn, row.id]);
  }

  async getTerm(tenantId: string, termId: string): Promise<TermDto> {
    const term = await oneRow<TermDto>(this.db, `SELECT ${TERM_COLUMNS} FROM terms WHERE tenant_id = $1 AND id = $2`, [tenantId, termId]);
    if (!term) throw new NotFoundException('No such term.');
    return term;
  }

  async createHoliday(identity: Identity, input: CreateHolidayDto): Promise<HolidayDto> {
    requireOrdered(input.startsOn, input.endsOn);
    if (input.kind === 'inset') {
      if (!input.schoolId) throw new ValidationProblem([{ field: 'schoolId', rule: 'required', message: 'an INSET day needs schoolId' }]);
      requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
      if (!(await oneRow(this.db, 'SELECT 1 AS ok FROM schools WHERE tenant_id = $1 AND id = $2', [identity.tenantId, input.schoolId]))) throw new NotFoundException('No such school.');
    } else {
      if (input.schoolId) throw new ValidationProblem([{ field: 'schoolId', rule: 'absent', message: 'an area holiday has no schoolId; use kind inset for one school' }]);
      requireSchoolInScope(identity, null, 'school');
    }
    const holiday = await oneRow<HolidayDto>(
      this.db,
      `INSERT INTO holidays (id, tenant_id, school_id, kind, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${HOLIDAY_COLUMNS}`,
      [newId(), identity.tenantId, input.schoolId ?? null, input.kind, input.name, input.startsOn, input.endsOn],
    );
    if (!holiday) throw new Error('insert returned nothing');
    return holiday;
  }

  async listHolidays(identity: Identity, query: HolidayListQueryDto): Promise<HolidayPageDto> {
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    const scope = staffSchoolScope(identity);
    const found = await rows<HolidayDto>(
      this.db,
      `SELECT ${HOLIDAY_COLUMNS} FROM holidays
       WHERE tenant_id = $1 AND ($2::date IS NULL OR ends_on >= $2) AND ($3::date IS NULL OR starts_on <= $3)
         AND (school_id IS NULL OR ($4::boolean OR school_id = ANY($5::uuid[])) AND ($6::uuid IS NULL OR school_id = $6))
         AND ($7::date IS NULL OR (starts_on, id) > ($7::date, $8::uuid))
       ORDER BY starts_on, id LIMIT $9`,
      [identity.tenantId, query.from ?? null, query.to ?? null, scope === ALL_SCHOOLS, scope === ALL_SCHOOLS ? [] : [...scope], query.schoolId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => row, (row) => [row.startsOn, row.id]);
  }

  /** Imports England and Wales bank holidays from gov.uk's JSON; importing the same file again changes nothing. */
  async importBankHolidays(tenantId: string, file: GovUkBankHolidaysDto): Promise<BankHolidayImportResultDto> {
    const events = file['england-and-wales'].events;
    const inserted = await rows<{ id: string }>(
      this.db,
      `INSERT INTO holidays (id, tenant_id, school_id, kind, name, starts_on, ends_on)
       SELECT id, $1, NULL, 'bank_holiday', name, day, day FROM unnest($2::uuid[], $3::text[], $4::date[]) AS e(id, name, day)
       ON CONFLICT (tenant_id, starts_on) WHERE kind = 'bank_holiday' DO NOTHING RETURNING id`,
      [tenantId, events.map(() => newId()), events.map((event) => event.title), events.map((event) => event.date)],
    );
    return { imported: inserted.length, alreadyPresent: events.length - inserted.length };
  }
}

/** As the terms table's check has it: a term's last day is at most 200 days after its first. */
const MAX_TERM_DAYS = 200;

function requireOrdered(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw new ValidationProblem([{ field: 'endsOn', rule: 'notBeforeStart', message: 'endsOn must not be before startsOn' }]);
}

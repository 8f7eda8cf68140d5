import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface TermRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface HolidayRow {
  id: string;
  kind: string;
  name: string;
  startsOn: string;
  endsOn: string;
  schoolId: string | null;
}

const TERM_COLUMNS = `id, name, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"`;
const HOLIDAY_COLUMNS = `id, kind, name, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", school_id AS "schoolId"`;

/** Fails on terms_tenant_id_name_key when the area already has a term of that name. */
export async function insertTerm(
  db: Queryable,
  tenantId: string,
  termId: string,
  term: { name: string; startsOn: string; endsOn: string },
): Promise<TermRow> {
  const row = await oneRow<TermRow>(
    db,
    `INSERT INTO terms (id, tenant_id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) RETURNING ${TERM_COLUMNS}`,
    [termId, tenantId, term.name, term.startsOn, term.endsOn],
  );
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export function termByName(db: Queryable, tenantId: string, name: string): Promise<TermRow | undefined> {
  return oneRow<TermRow>(db, `SELECT ${TERM_COLUMNS} FROM terms WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
}

/** A page of terms by first day after the cursor's (starts_on, id). */
export function termsPage(db: Queryable, tenantId: string, after: readonly unknown[] | null, limit: number): Promise<TermRow[]> {
  return rows<TermRow>(
    db,
    `SELECT ${TERM_COLUMNS} FROM terms WHERE tenant_id = $1 AND ($2::date IS NULL OR (starts_on, id) > ($2::date, $3::uuid)) ORDER BY starts_on, id LIMIT $4`,
    [tenantId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

export function termById(db: Queryable, tenantId: string, termId: string): Promise<TermRow | undefined> {
  return oneRow<TermRow>(db, `SELECT ${TERM_COLUMNS} FROM terms WHERE tenant_id = $1 AND id = $2`, [tenantId, termId]);
}

export async function insertHoliday(
  db: Queryable,
  tenantId: string,
  holidayId: string,
  holiday: { schoolId: string | null; kind: string; name: string; startsOn: string; endsOn: string },
): Promise<HolidayRow> {
  const row = await oneRow<HolidayRow>(
    db,
    `INSERT INTO holidays (id, tenant_id, school_id, kind, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${HOLIDAY_COLUMNS}`,
    [holidayId, tenantId, holiday.schoolId, holiday.kind, holiday.name, holiday.startsOn, holiday.endsOn],
  );
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/**
 * A page of holidays by first day after the cursor's (starts_on, id), overlapping from..to when given: the area's, and the INSET days
 * of the schools in scope (`allSchools`, else `schoolIds`) and of one school if given.
 */
export function holidaysPage(
  db: Queryable,
  tenantId: string,
  filter: { from: string | null; to: string | null; allSchools: boolean; schoolIds: string[]; schoolId: string | null },
  after: readonly unknown[] | null,
  limit: number,
): Promise<HolidayRow[]> {
  return rows<HolidayRow>(
    db,
    `SELECT ${HOLIDAY_COLUMNS} FROM holidays
       WHERE tenant_id = $1 AND ($2::date IS NULL OR ends_on >= $2) AND ($3::date IS NULL OR starts_on <= $3)
         AND (school_id IS NULL OR ($4::boolean OR school_id = ANY($5::uuid[])) AND ($6::uuid IS NULL OR school_id = $6))
         AND ($7::date IS NULL OR (starts_on, id) > ($7::date, $8::uuid))
       ORDER BY starts_on, id LIMIT $9`,
    [tenantId, filter.from, filter.to, filter.allSchools, filter.schoolIds, filter.schoolId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

/** Inserts the bank holidays the area does not have yet (one a day); answers how many it inserted. */
export async function insertBankHolidays(
  db: Queryable,
  tenantId: string,
  holidays: { id: string; name: string; day: string }[],
): Promise<number> {
  const inserted = await rows<{ id: string }>(
    db,
    `INSERT INTO holidays (id, tenant_id, school_id, kind, name, starts_on, ends_on)
       SELECT id, $1, NULL, 'bank_holiday', name, day, day FROM unnest($2::uuid[], $3::text[], $4::date[]) AS e(id, name, day)
       ON CONFLICT (tenant_id, starts_on) WHERE kind = 'bank_holiday' DO NOTHING RETURNING id`,
    [tenantId, holidays.map((holiday) => holiday.id), holidays.map((holiday) => holiday.name), holidays.map((holiday) => holiday.day)],
  );
  return inserted.length;
}

export async function termExists(db: Queryable, tenantId: string, termId: string): Promise<boolean> {
  return (await oneRow(db, 'SELECT 1 AS ok FROM terms WHERE tenant_id = $1 AND id = $2', [tenantId, termId])) !== undefined;
}

/** A term's first and last days (YYYY-MM-DD), or undefined when the area has no such term. */
export function termDates(db: Queryable, tenantId: string, termId: string): Promise<{ from: string; to: string } | undefined> {
  return oneRow<{ from: string; to: string }>(
    db,
    `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to" FROM terms WHERE tenant_id = $1 AND id = $2`,
    [tenantId, termId],
  );
}

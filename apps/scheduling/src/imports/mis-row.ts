import { isYearGroup, RECEPTION } from '../common/validation';

/** One pupil as a school MIS export describes it, after checking. */
export interface MisPupil {
  row: number;
  misRef: string;
  firstName: string;
  lastName: string;
  yearGroup: number;
  className: string | null;
  pupilPremium: boolean | null;
  send: boolean | null;
  eal: boolean | null;
}

export interface RowProblem {
  /** 1-based line of the file; the header is row 1. */
  row: number;
  column: string;
  reason: string;
}

type Field = 'misRef' | 'firstName' | 'lastName' | 'yearGroup' | 'className' | 'pupilPremium' | 'send' | 'eal';

/** Header names used by the common MIS exports (SIMS, Arbor, Bromcom), compared case-insensitively. */
const HEADERS: Record<Field, string[]> = {
  misRef: ['upn', 'admission number', 'adno', 'mis id', 'pupil id'],
  firstName: ['legal forename', 'forename', 'first name', 'preferred forename'],
  lastName: ['legal surname', 'surname', 'last name'],
  yearGroup: ['year', 'year group', 'nc year', 'ncy'],
  className: ['class', 'reg group', 'registration group', 'form'],
  pupilPremium: ['pupil premium', 'pp', 'pupil premium indicator'],
  send: ['send', 'sen', 'sen status', 'sen provision'],
  eal: ['eal', 'english as an additional language'],
};
const REQUIRED: Field[] = ['misRef', 'firstName', 'lastName', 'yearGroup'];

export interface MisParseResult {
  pupils: MisPupil[];
  problems: RowProblem[];
  dataRows: number;
  /** The class column's header as the file writes it; null when the file has none. */
  classColumn: string | null;
}

export function readMisExport(cells: string[][]): MisParseResult {
  const [header, ...body] = cells;
  if (!header) return { pupils: [], problems: [{ row: 1, column: '', reason: 'the file is empty' }], dataRows: 0, classColumn: null };
  const names = header.map((name) => name.trim().toLowerCase());
  const columns = new Map<Field, number>();
  for (const [field, aliases] of Object.entries(HEADERS) as [Field, string[]][]) {
    const index = names.findIndex((name) => aliases.includes(name));
    if (index >= 0) columns.set(field, index);
  }
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    return { pupils: [], problems: missing.map((field) => ({ row: 1, column: HEADERS[field][0], reason: `no column for ${field} (one of: ${HEADERS[field].join(', ')})` })), dataRows: body.length, classColumn: null };
  }
  const columnName = (field: Field) => header[columns.get(field) as number].trim();
  const pupils: MisPupil[] = [];
  const problems: RowProblem[] = [];
  const seenRefs = new Map<string, number>();
  body.forEach((cellsOfRow, index) => {
    const row = index + 2;
    const rowProblems: RowProblem[] = [];
    const value = (field: Field): string | undefined => {
      const at = columns.get(field);
      return at === undefined ? undefined : (cellsOfRow[at] ?? '').trim();
    };
    const text = (field: Field, max: number): string => {
      const found = value(field) ?? '';
      if (found === '') rowProblems.push({ row, column: columnName(field), reason: 'is empty' });
      else if (found.length > max) rowProblems.push({ row, column: columnName(field), reason: `is longer than ${max} characters` });
      return found;
    };
    const flag = (field: Field): boolean | null => {
      const found = value(field);
      if (found === undefined) return null;
      const parsed = parseFlag(field, found);
      if (parsed === undefined) rowProblems.push({ row, column: columnName(field), reason: `"${found}" is not a yes/no value` });
      return parsed ?? null;
    };
    const misRef = text('misRef', 50);
    const firstName = text('firstName', 100);
    const lastName = text('lastName', 100);
    const yearText = value('yearGroup') ?? '';
    const yearGroup = parseYearGroup(yearText);
    if (yearGroup === undefined) rowProblems.push({ row, column: columnName('yearGroup'), reason: `"${yearText}" is not a year group (R, 1–13)` });
    const className = value('className') || null;
    if (className && className.length > 100) rowProblems.push({ row, column: columnName('className'), reason: 'is longer than 100 characters' });
    const pupil = { row, misRef, firstName, lastName, yearGroup: yearGroup ?? 0, className, pupilPremium: flag('pupilPremium'), send: flag('send'), eal: flag('eal') };
    if (misRef) {
      const earlier = seenRefs.get(misRef.toUpperCase());
      if (earlier) rowProblems.push({ row, column: columnName('misRef'), reason: `repeats row ${earlier}` });
      else seenRefs.set(misRef.toUpperCase(), row);
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else pupils.push(pupil);
  });
  return { pupils, problems, dataRows: body.length, classColumn: columns.has('className') ? columnName('className') : null };
}

/** R or Reception is 0, Y3 or Year 3 is 3; Nursery and anything past Year 13 are not year groups the programme takes. */
function parseYearGroup(text: string): number | undefined {
  const normalised = text.trim().toUpperCase().replace(/^(YEAR|Y)\s*/, '');
  if (normalised === 'R' || normalised === 'RECEPTION') return RECEPTION;
  if (!/^\d{1,2}$/.test(normalised)) return undefined;
  const year = Number(normalised);
  return isYearGroup(year) && year !== RECEPTION ? year : undefined;
}

function parseFlag(field: Field, text: string): boolean | undefined {
  const value = text.trim().toUpperCase();
  // SEN status codes: N none, K SEN support, E education, health and care plan.
  if (field === 'send' && ['K', 'E', 'S'].includes(value)) return true;
  if (['Y', 'YES', 'TRUE', '1'].includes(value)) return true;
  if (['', 'N', 'NO', 'FALSE', '0'].includes(value)) return false;
  return undefined;
}

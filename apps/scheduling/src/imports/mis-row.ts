import type { Characteristics } from '../characteristics/characteristics.model';
import { isYearGroup, RECEPTION } from '../common/validation';

/** One pupil as a school MIS export describes it, after checking. */
export interface MisPupil {
  row: number;
  misRef: string;
  firstName: string;
  lastName: string;
  yearGroup: number;
  className: string | null;
  /** The secondary school a Year 6 pupil moves on to, when the file says. */
  destinationSchool: string | null;
  /** The characteristics the file records for the pupil; a column it lacks or leaves empty records nothing. */
  characteristics: Partial<Characteristics>;
}

export interface RowProblem {
  /** 1-based line of the file; the header is row 1. */
  row: number;
  column: string;
  reason: string;
}

type Characteristic = keyof Characteristics;
type Field = 'misRef' | 'firstName' | 'lastName' | 'yearGroup' | 'className' | 'destinationSchool' | Characteristic;

/** Header names used by the common MIS exports (SIMS, Arbor, Bromcom), compared case-insensitively. */
const HEADERS: Record<Field, string[]> = {
  misRef: ['upn', 'admission number', 'adno', 'mis id', 'pupil id'],
  firstName: ['legal forename', 'forename', 'first name', 'preferred forename'],
  lastName: ['legal surname', 'surname', 'last name'],
  yearGroup: ['year', 'year group', 'nc year', 'ncy'],
  className: ['class', 'reg group', 'registration group', 'form'],
  destinationSchool: ['destination school', 'destination', 'secondary school', 'next school', 'transfer school'],
  pupilPremium: ['pupil premium', 'pp', 'pupil premium indicator', 'fsm', 'free school meals', 'fsm eligible', 'ever 6 fsm', 'fsm6'],
  send: ['send', 'sen', 'sen status', 'sen provision'],
  eal: ['eal', 'english as an additional language'],
  gender: ['gender', 'sex', 'legal sex'],
  ethnicityGroup: ['ethnicity', 'ethnic group', 'ethnicity group', 'ethnicity code'],
};
const CHARACTERISTICS: Characteristic[] = ['pupilPremium', 'send', 'eal', 'gender', 'ethnicityGroup'];

/** Which column of the file each field was read from (a dry run shows it, so that a misread header is seen before anything is written). */
export interface ColumnMapping {
  field: Field;
  column: string;
}
const REQUIRED: Field[] = ['misRef', 'firstName', 'lastName', 'yearGroup'];

export interface MisParseResult {
  pupils: MisPupil[];
  problems: RowProblem[];
  dataRows: number;
  /** The class column's header as the file writes it; null when the file has none. */
  classColumn: string | null;
  columns: ColumnMapping[];
}

export function readMisExport(cells: string[][]): MisParseResult {
  const [header, ...body] = cells;
  if (!header)
    return { pupils: [], problems: [{ row: 1, column: '', reason: 'the file is empty' }], dataRows: 0, classColumn: null, columns: [] };
  const names = header.map((name) => name.trim().toLowerCase());
  const columns = new Map<Field, number>();
  for (const [field, aliases] of Object.entries(HEADERS) as [Field, string[]][]) {
    const index = names.findIndex((name) => aliases.includes(name));
    if (index >= 0) columns.set(field, index);
  }
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    return {
      pupils: [],
      problems: missing.map((field) => ({
        row: 1,
        column: HEADERS[field][0],
        reason: `no column for ${field} (one of: ${HEADERS[field].join(', ')})`,
      })),
      dataRows: body.length,
      classColumn: null,
      columns: [],
    };
  }
  const columnName = (field: Field) => header[columns.get(field) as number].trim();
  const mapping = [...columns.entries()].sort((a, b) => a[1] - b[1]).map(([field]) => ({ field, column: columnName(field) }));
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
    const misRef = text('misRef', 50);
    const firstName = text('firstName', 100);
    const lastName = text('lastName', 100);
    const yearText = value('yearGroup') ?? '';
    const yearGroup = parseYearGroup(yearText);
    if (yearGroup === undefined)
      rowProblems.push({ row, column: columnName('yearGroup'), reason: `"${yearText}" is not a year group (R, 1–13)` });
    const className = value('className') || null;
    if (className && className.length > 100)
      rowProblems.push({ row, column: columnName('className'), reason: 'is longer than 100 characters' });
    const destinationSchool = value('destinationSchool') || null;
    if (destinationSchool && destinationSchool.length > 200)
      rowProblems.push({ row, column: columnName('destinationSchool'), reason: 'is longer than 200 characters' });
    const characteristics: Partial<Record<Characteristic, string>> = {};
    for (const field of CHARACTERISTICS) {
      const found = value(field);
      if (found === undefined || found === '') continue;
      const parsed = CHARACTERISTIC_READERS[field](found);
      if (parsed === undefined)
        rowProblems.push({ row, column: columnName(field), reason: `"${found}" is not ${CHARACTERISTIC_EXPECTED[field]}` });
      else characteristics[field] = parsed;
    }
    const pupil = {
      row,
      misRef,
      firstName,
      lastName,
      yearGroup: yearGroup ?? 0,
      className,
      destinationSchool,
      characteristics: characteristics as Partial<Characteristics>,
    };
    if (misRef) {
      const earlier = seenRefs.get(misRef.toUpperCase());
      if (earlier) rowProblems.push({ row, column: columnName('misRef'), reason: `repeats row ${earlier}` });
      else seenRefs.set(misRef.toUpperCase(), row);
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else pupils.push(pupil);
  });
  return {
    pupils,
    problems,
    dataRows: body.length,
    classColumn: columns.has('className') ? columnName('className') : null,
    columns: mapping,
  };
}

/** R or Reception is 0, Y3 or Year 3 is 3; Nursery and anything past Year 13 are not year groups the programme takes. */
function parseYearGroup(text: string): number | undefined {
  const normalised = text
    .trim()
    .toUpperCase()
    .replace(/^(YEAR|Y)\s*/, '');
  if (normalised === 'R' || normalised === 'RECEPTION') return RECEPTION;
  if (!/^\d{1,2}$/.test(normalised)) return undefined;
  const year = Number(normalised);
  return isYearGroup(year) && year !== RECEPTION ? year : undefined;
}

const CHARACTERISTIC_EXPECTED: Record<Characteristic, string> = {
  pupilPremium: 'a yes/no value',
  send: 'a SEN status (N, K or E)',
  eal: 'a yes/no value',
  gender: 'a gender (F, M or X)',
  ethnicityGroup: 'an ethnicity (a census code such as WBRI, or a main group such as White)',
};

/** Each characteristic as the common MIS exports write it (case-insensitive); undefined when the text is none of those. */
const CHARACTERISTIC_READERS: Record<Characteristic, (text: string) => string | undefined> = {
  pupilPremium: yesNo,
  eal: yesNo,
  // SEN status codes: N none, K (S before 2015) SEN support, E an education, health and care plan.
  send: (text) =>
    ({
      N: 'none',
      NONE: 'none',
      K: 'sen_support',
      S: 'sen_support',
      'SEN SUPPORT': 'sen_support',
      E: 'ehcp',
      EHCP: 'ehcp',
      'EHC PLAN': 'ehcp',
    })[text.toUpperCase()],
  gender: (text) =>
    ({
      F: 'female',
      FEMALE: 'female',
      GIRL: 'female',
      M: 'male',
      MALE: 'male',
      BOY: 'male',
      X: 'other',
      OTHER: 'other',
      U: 'unknown',
      UNKNOWN: 'unknown',
    })[text.toUpperCase()],
  ethnicityGroup: ethnicityGroupOf,
};

function yesNo(text: string): string | undefined {
  const value = text.toUpperCase();
  if (['Y', 'YES', 'TRUE', '1', 'T'].includes(value)) return 'yes';
  if (['N', 'NO', 'FALSE', '0', 'F'].includes(value)) return 'no';
  return undefined;
}

/** A census ethnicity code (WBRI, APKN, MWBC, …: its first letter names the main group) or a main group's name. */
function ethnicityGroupOf(text: string): string | undefined {
  const value = text.toUpperCase();
  const named: Record<string, string> = { CHNE: 'chinese', OOTH: 'other', REFU: 'refused', NOBT: 'unknown' };
  if (named[value]) return named[value];
  if (/^[A-Z]{4}$/.test(value)) return ({ W: 'white', M: 'mixed', A: 'asian', B: 'black' } as Record<string, string>)[value[0]];
  const groups: [RegExp, string][] = [
    [/^WHITE/, 'white'],
    [/^MIXED/, 'mixed'],
    [/^ASIAN/, 'asian'],
    [/^BLACK/, 'black'],
    [/^CHINESE/, 'chinese'],
    [/^(ANY )?OTHER/, 'other'],
    [/^REFUSED/, 'refused'],
    [/^(INFORMATION NOT (YET )?OBTAINED|NOT OBTAINED|UNKNOWN)/, 'unknown'],
  ];
  return groups.find(([pattern]) => pattern.test(value))?.[1];
}

import { CHARACTERISTIC_VALUES, type Characteristics } from '../characteristics/characteristics.model';
import { percentOf, suppressBreakdown } from '../common/small-cells';
import type { Continuation, ExamGradeRow, RegularPlayerRow, SchoolWorkedWithRow, WcetPupilRow } from './annual-return.queries';
import type { FigureDto } from './dto/annual-return.dto';

/** Sessions attended in the year for a pupil to count as playing regularly in an ensemble (half a term of weekly rehearsals). */
export const REGULAR_MIN_SESSIONS = 6;

export interface AnnualReturnData {
  wcet: WcetPupilRow[];
  regular: RegularPlayerRow[];
  exams: ExamGradeRow[];
  schools: SchoolWorkedWithRow[];
}

const WCET = 'pupils who attended (present or late) at least one session of a whole-class ensemble between 1 September and 31 August';
const SUPPRESSION = 'Counts of 1 to 4 are suppressed, and so is the next smallest count where the total would give a suppressed one away.';

const LABELS: Record<string, string> = {
  yes: 'yes',
  no: 'no',
  unknown: 'unknown (not recorded)',
  none: 'no special educational needs',
  sen_support: 'SEN support',
  ehcp: 'education, health and care plan',
  female: 'female',
  male: 'male',
  other: 'other',
  white: 'White',
  mixed: 'Mixed',
  asian: 'Asian or Asian British',
  black: 'Black or Black British',
  chinese: 'Chinese',
  refused: 'refused',
  continuing: 'continuing',
  not_continuing: 'not continuing',
  not_yet_known: 'not yet known',
};

const CHARACTERISTIC_TITLES: Record<keyof Characteristics, string> = {
  pupilPremium: 'free school meals or pupil premium',
  send: 'special educational needs and disabilities',
  eal: 'English as an additional language',
  gender: 'gender',
  ethnicityGroup: 'ethnicity group',
};

/** The return's figures from the year's rows, each described, suppressed in one place (common/small-cells). */
export function annualReturnFigures(data: AnnualReturnData): FigureDto[] {
  const wcetTotal = data.wcet.length;
  const figures: FigureDto[] = [
    partition(
      'wcet-by-year-group',
      'Pupils receiving whole-class ensemble teaching (WCET), by year group',
      `Distinct ${WCET}, by their year group in that academic year. A pupil who moved school counts once.`,
      countBy(data.wcet, (pupil) => String(pupil.yearGroup)),
      wcetTotal,
      (key) => (key === '0' ? 'Reception' : `Year ${key}`),
    ),
    partition(
      'wcet-by-terms',
      'Pupils receiving WCET, by number of terms of WCET in the year',
      `The same pupils, by how many of the area's terms held at least one whole-class session they attended (0: only outside term dates).`,
      countBy(data.wcet, (pupil) => String(pupil.terms)),
      wcetTotal,
      (key) => `${key} term${key === '1' ? '' : 's'}`,
    ),
    ...(Object.keys(CHARACTERISTIC_TITLES) as (keyof Characteristics)[]).map((name) =>
      partition(
        `wcet-by-${name}`,
        `Pupils receiving WCET, by ${CHARACTERISTIC_TITLES[name]}`,
        `The same pupils, by ${CHARACTERISTIC_TITLES[name]} as recorded on the pupil (from the school MIS or by the headteacher); "unknown" where nothing is recorded.`,
        countBy(data.wcet, (pupil) => pupil[name], CHARACTERISTIC_VALUES[name]),
        wcetTotal,
      ),
    ),
    partition(
      'continuation-after-wcet',
      'Pupils continuing after WCET',
      'The same pupils, by whether they attended a session of a choir, orchestra, band or family ensemble in the term after their last term of WCET (by the area’s term dates); ' +
        '"not yet known" while that term has not ended, or is not yet in the calendar, and they have not attended one.',
      countBy(data.wcet, (pupil) => pupil.continuation, ['continuing', 'not_continuing', 'not_yet_known'] satisfies Continuation[]),
      wcetTotal,
    ),
    regularPlayers(data.regular),
    ...exams(data.exams),
    {
      id: 'schools-worked-with',
      title: 'Schools worked with',
      howComputed: 'Schools where at least one pupil attended a session in the year, by phase. Schools are not people: no suppression.',
      total: data.schools.length,
      cells: Object.entries(countBy(data.schools, (school) => school.phase)).map(([key, count]) => ({ key, label: key.replace('_', '-'), count, percent: percentOf(count, data.schools.length) })),
    },
  ];
  return figures;
}

function partition(id: string, title: string, howComputed: string, counts: Record<string, number>, total: number, label: (key: string) => string = (key) => LABELS[key] ?? key, alsoHidden?: string[]): FigureDto {
  const published = suppressBreakdown(counts, total, { partition: true, alsoHidden });
  return {
    id,
    title,
    howComputed: `${howComputed} ${SUPPRESSION}`,
    total: published.total,
    cells: Object.keys(counts).map((key) => ({ key, label: label(key), count: published.cells[key], percent: percentOf(published.cells[key], published.total) })),
  };
}

function regularPlayers(rows: RegularPlayerRow[]): FigureDto {
  const counts = countBy(rows, (row) => `${row.kind}:${row.level ?? 'any level'}`);
  const total = new Set(rows.map((row) => row.pupilId)).size;
  const published = suppressBreakdown(counts, total, { partition: false });
  return {
    id: 'regular-ensemble-players',
    title: 'Pupils playing regularly in ensembles, by kind and level',
    howComputed:
      `Distinct pupils who attended (present or late) at least ${REGULAR_MIN_SESSIONS} sessions in the year of ensembles of that kind and level (choirs, orchestras, bands, family ensembles; not whole-class). ` +
      'A pupil in several counts in each, once in the total. Counts of 1 to 4 are suppressed (the cells overlap, so the total gives none away).',
    total: published.total,
    cells: Object.keys(counts).map((key) => {
      const [kind, level] = key.split(':');
      return { key, label: `${kind.replace('_', ' ')}, ${level}`, count: published.cells[key], percent: null };
    }),
  };
}

/** Entries by grade, and passes by grade; a grade's passes are suppressed too when its entries are, or when its entries that did not pass are 1 to 4. */
function exams(rows: ExamGradeRow[]): FigureDto[] {
  const totalEntries = rows.reduce((sum, row) => sum + row.entries, 0);
  const grade = (key: string) => (key === '0' ? 'Initial grade' : `Grade ${key}`);
  const entries = partition(
    'exam-entries-by-grade',
    'Graded exam entries, by grade',
    'Entries for graded music exams taken in the year (by exam date, else entry date); withdrawn entries are left out.',
    Object.fromEntries(rows.map((row) => [String(row.grade), row.entries])),
    totalEntries,
    grade,
  );
  const hiddenWithEntries = rows
    .filter((row) => {
      const perGrade = suppressBreakdown({ passed: row.passes, notPassed: row.entries - row.passes }, row.entries, { partition: true });
      return perGrade.cells.passed === null || entries.cells.find((cell) => cell.key === String(row.grade))?.count === null;
    })
    .map((row) => String(row.grade));
  const passes = partition(
    'exam-passes-by-grade',
    'Graded exam passes, by grade',
    'Those entries with a result of pass, merit or distinction. A grade’s passes are suppressed with its entries, or when the entries that did not pass number 1 to 4.',
    Object.fromEntries(rows.map((row) => [String(row.grade), row.passes])),
    rows.reduce((sum, row) => sum + row.passes, 0),
    grade,
    hiddenWithEntries,
  );
  const entriesOf = new Map(entries.cells.map((cell) => [cell.key, cell.count]));
  return [entries, { ...passes, howComputed: `${passes.howComputed} Percentages are of the grade’s entries.`, cells: passes.cells.map((cell) => ({ ...cell, percent: percentOf(cell.count, entriesOf.get(cell.key) ?? null) })) }];
}

/** How many rows fall in each group, the `known` groups first (with 0 when none do), then the others in order of first appearance. */
function countBy<T>(items: readonly T[], groupOf: (item: T) => string, known: readonly string[] = []): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(known.map((key) => [key, 0]));
  for (const item of items) {
    const key = groupOf(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

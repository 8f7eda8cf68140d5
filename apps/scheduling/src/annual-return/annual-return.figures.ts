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

export const LABELS: Record<string, string> = {
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

export const CHARACTERISTIC_TITLES: Record<keyof Characteristics, string> = {
  pupilPremium: 'free school meals or pupil premium',
  send: 'special educational needs and disabilities',
  eal: 'English as an additional language',
  gender: 'gender',
  ethnicityGroup: 'ethnicity group',
};

/** The return's figures from the year's rows, each described, suppressed in one place (common/small-cells). */
/**
 * How each WCET figure groups the pupils into its cells: the figures count with these, and the
 * drill-down to the pupils behind a cell (annual-return.pupils.ts) lists with the same.
 */
export const WCET_GROUPINGS: Record<string, (pupil: WcetPupilRow) => string> = {
  'wcet-by-year-group': (pupil) => String(pupil.yearGroup),
  'wcet-by-terms': (pupil) => String(pupil.terms),
  ...Object.fromEntries(
    (Object.keys(CHARACTERISTIC_TITLES) as (keyof Characteristics)[]).map((name) => [
      `wcet-by-${name}`,
      (pupil: WcetPupilRow) => pupil[name],
    ]),
  ),
  'continuation-after-wcet': (pupil) => pupil.continuation,
};

/** The cell of the regular players' figure a row counts in: the ensemble's kind and level. */
export const regularPlayerCell = (row: RegularPlayerRow): string => `${row.kind}:${row.level ?? 'any level'}`;

/** The return's figures from the year's rows, each described, suppressed in one place (common/small-cells). */
export function annualReturnFigures(data: AnnualReturnData): FigureDto[] {
  const wcetTotal = data.wcet.length;
  const figures: FigureDto[] = [
    partition(
      'wcet-by-year-group',
      'Pupils receiving whole-class ensemble teaching (WCET), by year group',
      `Distinct ${WCET}, by their year group in that academic year. A pupil who moved school counts once.`,
      countBy(data.wcet, WCET_GROUPINGS['wcet-by-year-group']),
      wcetTotal,
      (key) => (key === '0' ? 'Reception' : `Year ${key}`),
    ),
    partition(
      'wcet-by-terms',
      'Pupils receiving WCET, by number of terms of WCET in the year',
      `The same pupils, by how many of the area's terms held at least one whole-class session they attended (0: only outside term dates).`,
      countBy(data.wcet, WCET_GROUPINGS['wcet-by-terms']),
      wcetTotal,
      (key) => `${key} term${key === '1' ? '' : 's'}`,
    ),
    ...(Object.keys(CHARACTERISTIC_TITLES) as (keyof Characteristics)[]).map((name) =>
      partition(
        `wcet-by-${name}`,
        `Pupils receiving WCET, by ${CHARACTERISTIC_TITLES[name]}`,
        `The same pupils, by ${CHARACTERISTIC_TITLES[name]} as recorded on the pupil (from the school MIS or by the headteacher); "unknown" where nothing is recorded.`,
        countBy(data.wcet, WCET_GROUPINGS[`wcet-by-${name}`], CHARACTERISTIC_VALUES[name]),
        wcetTotal,
      ),
    ),
    partition(
      'continuation-after-wcet',
      'Pupils continuing after WCET',
      'The same pupils, by whether they attended a session of a choir, orchestra, band or family ensemble in the term after their last term of WCET (by the area’s term dates); ' +
        '"not yet known" while that term has not ended, or is not yet in the calendar, and they have not attended one.',
      countBy(data.wcet, WCET_GROUPINGS['continuation-after-wcet'], [
        'continuing',
        'not_continuing',
        'not_yet_known',
      ] satisfies Continuation[]),
      wcetTotal,
    ),
    regularPlayers(data.regular),
    ...exams(data.exams),
    {
      id: 'schools-worked-with',
      title: 'Schools worked with',
      howComputed: 'Schools where at least one pupil attended a session in the year, by phase. Schools are not people: no suppression.',
      total: data.schools.length,
      cells: Object.entries(countBy(data.schools, (school) => school.phase)).map(([key, count]) => ({
        key,
        label: key.replace('_', '-'),
        count,
        percent: percentOf(count, data.schools.length),
      })),
    },
  ];
  return figures;
}

export function partition(
  id: string,
  title: string,
  howComputed: string,
  counts: Record<string, number>,
  total: number,
  label: (key: string) => string = (key) => LABELS[key] ?? key,
  alsoHidden?: string[],
): FigureDto {
  const published = suppressBreakdown(counts, total, { partition: true, alsoHidden });
  return {
    id,
    title,
    howComputed: `${howComputed} ${SUPPRESSION}`,
    total: published.total,
    cells: Object.keys(counts).map((key) => ({
      key,
      label: label(key),
      count: published.cells[key],
      percent: percentOf(published.cells[key], published.total),
    })),
  };
}

function regularPlayers(rows: RegularPlayerRow[]): FigureDto {
  const counts = countBy(rows, regularPlayerCell);
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

/** Entries by grade, and passes by grade (a share of each grade's entries). */
function exams(rows: ExamGradeRow[]): FigureDto[] {
  const grade = (key: string) => (key === '0' ? 'Initial grade' : `Grade ${key}`);
  const entries = partition(
    'exam-entries-by-grade',
    'Graded exam entries, by grade',
    'Entries for graded music exams taken in the year (by exam date, else entry date); withdrawn entries are left out.',
    Object.fromEntries(rows.map((row) => [String(row.grade), row.entries])),
    rows.reduce((sum, row) => sum + row.entries, 0),
    grade,
  );
  const passes = sharesByGroup(
    'exam-passes-by-grade',
    'Graded exam passes, by grade',
    'Those entries with a result of pass, merit or distinction; percentages are of the grade’s entries.',
    rows.map((row) => ({ key: String(row.grade), label: grade(String(row.grade)), of: row.entries, hits: row.passes })),
    entries.cells.filter((cell) => cell.count === null).map((cell) => cell.key),
  );
  return [entries, passes];
}

export interface GroupShare {
  key: string;
  label: string;
  /** The group's size. */
  of: number;
  /** How many of them the figure counts. */
  hits: number;
}

/**
 * How many of each group the figure counts, with the share of the group. A group's count is
 * suppressed when it, or the rest of its group, is 1 to 4 (either gives the other away), or when the
 * group's size is suppressed elsewhere (`hiddenGroups`); then across groups against their sum.
 */
export function sharesByGroup(
  id: string,
  title: string,
  howComputed: string,
  groups: GroupShare[],
  hiddenGroups: readonly string[] = [],
): FigureDto {
  const hiddenWithinGroup = groups
    .filter(
      (group) =>
        hiddenGroups.includes(group.key) ||
        suppressBreakdown({ hits: group.hits, rest: group.of - group.hits }, group.of, { partition: true }).cells.hits === null,
    )
    .map((group) => group.key);
  const counts = Object.fromEntries(groups.map((group) => [group.key, group.hits]));
  const published = suppressBreakdown(
    counts,
    groups.reduce((sum, group) => sum + group.hits, 0),
    { partition: true, alsoHidden: hiddenWithinGroup },
  );
  return {
    id,
    title,
    howComputed: `${howComputed} A group's count is suppressed when it or the rest of its group is 1 to 4, and then as any breakdown: ${SUPPRESSION}`,
    total: published.total,
    cells: groups.map((group) => ({
      key: group.key,
      label: group.label,
      count: published.cells[group.key],
      percent: percentOf(published.cells[group.key], group.of),
    })),
  };
}

/** How many rows fall in each group, the `known` groups first (with 0 when none do), then the others in order of first appearance. */
export function countBy<T>(items: readonly T[], groupOf: (item: T) => string, known: readonly string[] = []): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(known.map((key) => [key, 0]));
  for (const item of items) {
    const key = groupOf(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

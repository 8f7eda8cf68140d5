import { CHARACTERISTIC_VALUES, type Characteristics } from '../characteristics/characteristics.model';
import { percentOf, suppressBreakdown } from '../common/small-cells';
import type {
  Continuation,
  ExamGradeRow,
  FamilyEngagementRow,
  PerformanceGivenRow,
  PerformerRow,
  RegularPlayerRow,
  SchoolWorkedWithRow,
  WcetPupilRow,
} from './annual-return.queries';
import type { FigureDto } from './dto/annual-return.dto';

/** Sessions attended in the year for a pupil to count as playing regularly in an ensemble (half a term of weekly rehearsals). */
export const REGULAR_MIN_SESSIONS = 6;

export interface AnnualReturnData {
  wcet: WcetPupilRow[];
  regular: RegularPlayerRow[];
  exams: ExamGradeRow[];
  schools: SchoolWorkedWithRow[];
  /**
   * From the copies of other services' events; read as none when absent (bench-seed.ts times
   * scheduling's own figures only, and is not this feature's file).
   */
  performances?: PerformanceGivenRow[];
  performers?: PerformerRow[];
  families?: FamilyEngagementRow[];
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
    ...performanceFigures(data),
    ...familyFigures(data.families ?? []),
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

/** Where the figures of performances and families come from: copies of what other services own, kept from their events. */
const FROM_PERFORMANCE_EVENT =
  'From the performances marked as taken place (completed) in the performance-event service, by their start in the area’s time zone between 1 September and 31 August; a cancelled performance is not one.';
const FROM_RSVPS =
  'Families’ answers (RSVPs) in the parent-engagement service saying they would come to those performances; a later “not coming” replaces a “coming”.';

/** The cell of the performers' figure a pupil counts in: how many of the year's performances they performed in. */
export const PERFORMANCES_PER_PUPIL_CELLS = ['1', '2', '3', '4+'] as const;
export const performancesPerPupilCell = (performances: number): string => (performances >= 4 ? '4+' : String(performances));

/** Performances per pupil who performed, one entry per pupil. */
export function performancesPerPupil(rows: readonly PerformerRow[]): Map<string, number> {
  const perPupil = new Map<string, number>();
  for (const row of rows) perPupil.set(row.pupilId, (perPupil.get(row.pupilId) ?? 0) + 1);
  return perPupil;
}

function performanceFigures(data: AnnualReturnData): FigureDto[] {
  const performances = data.performances ?? [];
  const perPupil = performancesPerPupil(data.performers ?? []);
  const given = countBy(performances, (performance) => performance.audience, ['public', 'school_community']);
  return [
    {
      id: 'performances-given',
      title: 'Performances given, by audience',
      howComputed: `${FROM_PERFORMANCE_EVENT} Public performances, and those for the school community. Performances are not people: no suppression.`,
      total: performances.length,
      cells: Object.entries(given).map(([key, count]) => ({
        key,
        label: key === 'public' ? 'public' : 'school community',
        count,
        percent: percentOf(count, performances.length),
      })),
    },
    partition(
      'pupils-performing',
      'Pupils who performed, by number of performances',
      `Distinct pupils on the roster of at least one of those performances as it stood when the performance was marked completed, by how many they performed in. ${FROM_PERFORMANCE_EVENT}`,
      countBy([...perPupil.values()], performancesPerPupilCell, PERFORMANCES_PER_PUPIL_CELLS),
      perPupil.size,
      (key) => (key === '1' ? '1 performance' : `${key} performances`),
    ),
  ];
}

function familyFigures(rows: readonly FamilyEngagementRow[]): FigureDto[] {
  const rsvps = rows.filter((row) => row.kind === 'rsvp');
  const expected = rsvps.reduce((sum, row) => sum + row.expectedPeople, 0);
  const arrived = rsvps.reduce((sum, row) => sum + (row.arrivedPeople ?? 0), 0);
  const people = suppressBreakdown({ expected, arrived }, expected, { partition: false });
  const families = (kind: (row: FamilyEngagementRow) => boolean) => new Set(rows.filter(kind).map((row) => row.guardianId)).size;
  const allFamilies = families(() => true);
  const engaged = suppressBreakdown(
    {
      performance: families((row) => row.kind === 'rsvp'),
      checked_in: families((row) => row.kind === 'rsvp' && row.checkedIn),
      family_session: families((row) => row.kind === 'family_session'),
    },
    allFamilies,
    { partition: false },
  );
  return [
    partition(
      'performance-audience',
      'Performance audience: families’ RSVPs, by check-in',
      `${FROM_RSVPS} One per family and performance, by whether the family was checked in on arrival. ${FROM_PERFORMANCE_EVENT}`,
      countBy(rsvps, (row) => (row.checkedIn ? 'checked_in' : 'not_checked_in'), ['checked_in', 'not_checked_in']),
      rsvps.length,
      (key) => (key === 'checked_in' ? 'checked in' : 'not checked in'),
    ),
    {
      id: 'audience-people',
      title: 'Performance audience: people expected and arrived',
      howComputed:
        `Adults and children the families’ RSVPs said would come (the total), and those counted arriving at the check-in (a check-in without a head count adds none). ${FROM_RSVPS} ` +
        'Counts of 1 to 4 are suppressed (the two counts overlap: the total gives none away).',
      total: people.total,
      cells: [
        { key: 'expected', label: 'expected (RSVPs)', count: people.cells.expected, percent: null },
        {
          key: 'arrived',
          label: 'arrived (check-ins)',
          count: people.cells.arrived,
          percent: percentOf(people.cells.arrived, people.cells.expected),
        },
      ],
    },
    {
      id: 'family-engagement',
      title: 'Families engaged, by how',
      howComputed:
        `Distinct families (a parent or guardian’s account) who said they would come to a performance that took place in the year, who were checked in at one, or who attended a family music session or workshop in the year (as marked by its staff, in the parent-engagement service). ${FROM_RSVPS} ` +
        'A family in several counts in each, once in the total. Counts of 1 to 4 are suppressed (the cells overlap, so the total gives none away).',
      total: engaged.total,
      cells: [
        { key: 'performance', label: 'said they would come to a performance', count: engaged.cells.performance, percent: null },
        { key: 'checked_in', label: 'checked in at a performance', count: engaged.cells.checked_in, percent: null },
        { key: 'family_session', label: 'attended a family session', count: engaged.cells.family_session, percent: null },
      ].map((cell) => ({ ...cell, percent: percentOf(cell.count, engaged.total) })),
    },
  ];
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

import { CHARACTERISTIC_VALUES } from '../characteristics/characteristics.model';
import type { FigureDto } from './dto/annual-return.dto';
import { CHARACTERISTIC_TITLES, countBy, LABELS, partition, sharesByGroup } from './annual-return.figures';
import type { AlumnusRow, FollowUp } from './transition.queries';

const HORIZONS = [
  { key: 'oneTerm', id: 'one-term', words: 'one term after leaving (the first term that starts after they left)' },
  {
    key: 'oneYear',
    id: 'one-year',
    words: 'one year after leaving (the last term that starts in the second half of the year after they left)',
  },
] as const;

const ALUMNI = 'Year 6 pupils who left primary school for secondary school in the academic year (kept as alumni at the roll-over)';
const UNKNOWN_DESTINATION = 'unknown';

/** The alumnus's destination school as the figures group by it. */
export const destinationOf = (pupil: AlumnusRow): string => pupil.destinationSchool ?? UNKNOWN_DESTINATION;

/**
 * How each transition figure counts an alumnus: the cell they fall in, and whether the figure
 * counts them there (the partitions count every alumnus; the shares count those who continued).
 * The figures count with these, and the click-through (transition.pupils.ts) lists with the same.
 */
export const TRANSITION_GROUPINGS: Record<string, { cellOf: (pupil: AlumnusRow) => string; counts: (pupil: AlumnusRow) => boolean }> =
  Object.fromEntries(
    HORIZONS.flatMap((horizon) => {
      const continued = (pupil: AlumnusRow) => pupil[horizon.key] === 'continuing';
      return [
        [`transition-${horizon.id}`, { cellOf: (pupil: AlumnusRow) => pupil[horizon.key], counts: () => true }],
        [`transition-${horizon.id}-by-destination`, { cellOf: destinationOf, counts: continued }],
        ...(['pupilPremium', 'send', 'eal', 'gender'] as const).map((name) => [
          `transition-${horizon.id}-by-${name}`,
          { cellOf: (pupil: AlumnusRow) => pupil[name], counts: continued },
        ]),
      ];
    }),
  );

/** For each horizon: how many alumni attended any Tutti session then, and of each destination school and characteristic, suppressed. */
export function transitionFigures(alumni: AlumnusRow[]): FigureDto[] {
  return HORIZONS.flatMap((horizon) => {
    const continued = (pupil: AlumnusRow) => pupil[horizon.key] === 'continuing';
    const share = (groupOf: (pupil: AlumnusRow) => string, keys: readonly string[], label: (key: string) => string) =>
      keys.map((key) => {
        const group = alumni.filter((pupil) => groupOf(pupil) === key);
        return { key, label: label(key), of: group.length, hits: group.filter(continued).length };
      });
    const destinations = Object.keys(countBy(alumni, (pupil) => pupil.destinationSchool ?? UNKNOWN_DESTINATION)).sort();
    const how = `${ALUMNI} who attended (present or late) any Tutti session ${horizon.words}`;
    return [
      partition(
        `transition-${horizon.id}`,
        `Year 6 leavers continuing ${horizon.id.replace('-', ' ')} after leaving`,
        `${ALUMNI}, by whether they attended (present or late) any Tutti session ${horizon.words}; "not yet known" while that term has not ended, or is not yet in the calendar.`,
        countBy(alumni, (pupil) => pupil[horizon.key], ['continuing', 'not_continuing', 'not_yet_known'] satisfies FollowUp[]),
        alumni.length,
      ),
      sharesByGroup(
        `transition-${horizon.id}-by-destination`,
        `Year 6 leavers continuing ${horizon.id.replace('-', ' ')} after leaving, by destination school`,
        `${how}, by the destination school recorded (from the MIS or by hand; "unknown" where none); percentages are of the school's leavers.`,
        share(
          (pupil) => pupil.destinationSchool ?? UNKNOWN_DESTINATION,
          destinations,
          (key) => (key === UNKNOWN_DESTINATION ? 'unknown (not recorded)' : key),
        ),
      ),
      ...(['pupilPremium', 'send', 'eal', 'gender'] as const).map((name) =>
        sharesByGroup(
          `transition-${horizon.id}-by-${name}`,
          `Year 6 leavers continuing ${horizon.id.replace('-', ' ')} after leaving, by ${CHARACTERISTIC_TITLES[name]}`,
          `${how}, by ${CHARACTERISTIC_TITLES[name]}; percentages are of the leavers with that value.`,
          share(
            (pupil) => pupil[name],
            CHARACTERISTIC_VALUES[name],
            (key) => LABELS[key] ?? key,
          ),
        ),
      ),
    ];
  });
}

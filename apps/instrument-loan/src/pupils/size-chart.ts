import { STRING_SIZES, type StringSize } from '../instruments/instrument-catalogue';

type SizedType = 'violin' | 'viola' | 'cello' | 'double_bass';

/** Upper bounds (exclusive) for each size, smallest first; the last size has no bound. */
const BY_AGE: Record<SizedType, [number, StringSize][]> = {
  violin: [
    [4.5, '1/16'],
    [5.5, '1/10'],
    [6.5, '1/8'],
    [7.5, '1/4'],
    [9.5, '1/2'],
    [11.5, '3/4'],
    [Infinity, '4/4'],
  ],
  viola: [
    [4.5, '1/16'],
    [5.5, '1/10'],
    [6.5, '1/8'],
    [7.5, '1/4'],
    [9.5, '1/2'],
    [11.5, '3/4'],
    [Infinity, '4/4'],
  ],
  cello: [
    [5.5, '1/10'],
    [6.5, '1/8'],
    [8, '1/4'],
    [10, '1/2'],
    [12, '3/4'],
    [Infinity, '4/4'],
  ],
  double_bass: [
    [9, '1/8'],
    [11, '1/4'],
    [13, '1/2'],
    [Infinity, '3/4'],
  ],
};

/** Arm outstretched, neck to the middle of the palm, in mm: the better guide for violin and viola. */
const BY_ARM_MM: [number, StringSize][] = [
  [380, '1/16'],
  [420, '1/10'],
  [460, '1/8'],
  [510, '1/4'],
  [560, '1/2'],
  [600, '3/4'],
  [Infinity, '4/4'],
];

/** A child's age from their English school year: Year 1 children are 5 to 6 in September. */
export function ageFromYearGroup(yearGroup: number, on: Date): number {
  const year = on.getUTCMonth() >= 8 ? on.getUTCFullYear() : on.getUTCFullYear() - 1;
  const monthsIntoSchoolYear = (on.getTime() - Date.UTC(year, 8, 1)) / (30.44 * 86_400_000);
  return yearGroup + 4.5 + monthsIntoSchoolYear / 12;
}

export function recommendedSize(
  type: SizedType,
  age: number,
  armLengthMm: number | null,
): { size: StringSize; basis: 'arm_length' | 'age' } {
  if (armLengthMm !== null && (type === 'violin' || type === 'viola'))
    return { size: firstBelow(BY_ARM_MM, armLengthMm), basis: 'arm_length' };
  return { size: firstBelow(BY_AGE[type], age), basis: 'age' };
}

export function isSizedType(type: string): type is SizedType {
  return type in BY_AGE;
}

export function sizeRank(size: string): number {
  return (STRING_SIZES as readonly string[]).indexOf(size);
}

function firstBelow(chart: [number, StringSize][], value: number): StringSize {
  return (chart.find(([bound]) => value < bound) ?? chart[chart.length - 1])[1];
}

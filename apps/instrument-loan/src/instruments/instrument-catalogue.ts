/** The kinds of instrument the programme lends, each in its family. */
export const INSTRUMENT_FAMILY_OF = {
  violin: 'strings',
  viola: 'strings',
  cello: 'strings',
  double_bass: 'strings',
  guitar: 'strings',
  ukulele: 'strings',
  flute: 'woodwind',
  piccolo: 'woodwind',
  oboe: 'woodwind',
  clarinet: 'woodwind',
  bassoon: 'woodwind',
  saxophone: 'woodwind',
  recorder: 'woodwind',
  trumpet: 'brass',
  cornet: 'brass',
  french_horn: 'brass',
  trombone: 'brass',
  euphonium: 'brass',
  tuba: 'brass',
  percussion: 'percussion',
  snare_drum: 'percussion',
  glockenspiel: 'percussion',
  keyboard: 'keyboard',
} as const;

export type InstrumentType = keyof typeof INSTRUMENT_FAMILY_OF;
export const INSTRUMENT_TYPES = Object.keys(INSTRUMENT_FAMILY_OF) as InstrumentType[];
export const INSTRUMENT_FAMILIES = ['strings', 'woodwind', 'brass', 'percussion', 'keyboard', 'other'] as const;

/** Fractional sizes, smallest first: only the orchestral strings come in them. */
export const STRING_SIZES = ['1/16', '1/10', '1/8', '1/4', '1/2', '3/4', '7/8', '4/4'] as const;
export type StringSize = (typeof STRING_SIZES)[number];
export const SIZED_TYPES: readonly InstrumentType[] = ['violin', 'viola', 'cello', 'double_bass'];

export const CONDITION_GRADES = ['excellent', 'good', 'fair', 'poor', 'unusable'] as const;
export type ConditionGrade = (typeof CONDITION_GRADES)[number];

export const INSTRUMENT_STATUSES = ['available', 'on_loan', 'in_repair', 'lost', 'retired'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const OWNER_KINDS = ['programme', 'school', 'hub'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** Why a type/size pair is wrong, or null when it is right. */
export function sizeProblem(type: InstrumentType, size: string | null | undefined): string | null {
  const sized = SIZED_TYPES.includes(type);
  if (sized && !size) return `a ${type} needs a size (${STRING_SIZES.join(', ')})`;
  if (!sized && size) return `a ${type} does not come in fractional sizes`;
  if (size && !(STRING_SIZES as readonly string[]).includes(size)) return `size must be one of ${STRING_SIZES.join(', ')}`;
  return null;
}

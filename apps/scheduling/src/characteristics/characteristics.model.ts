/**
 * A pupil's characteristics as funders' returns break figures down by them. Each has 'unknown' for
 * what nobody has recorded: reports count it as unknown, never as a guess.
 */
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

/** SEN provision as the school census records it: none, SEN support (K), an education, health and care plan (E). */
export const SEND_PROVISIONS = ['none', 'sen_support', 'ehcp', 'unknown'] as const;
export type SendProvision = (typeof SEND_PROVISIONS)[number];

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** The census's main ethnic groups; 'refused' is a recorded refusal, 'unknown' nothing recorded. */
export const ETHNICITY_GROUPS = ['white', 'mixed', 'asian', 'black', 'chinese', 'other', 'refused', 'unknown'] as const;
export type EthnicityGroup = (typeof ETHNICITY_GROUPS)[number];

export interface Characteristics {
  /** Eligible for free school meals or pupil premium. */
  pupilPremium: YesNoUnknown;
  send: SendProvision;
  eal: YesNoUnknown;
  gender: Gender;
  ethnicityGroup: EthnicityGroup;
}

export const CHARACTERISTIC_NAMES = [
  'pupilPremium',
  'send',
  'eal',
  'gender',
  'ethnicityGroup',
] as const satisfies readonly (keyof Characteristics)[];

export const CHARACTERISTIC_VALUES: { [K in keyof Characteristics]: readonly Characteristics[K][] } = {
  pupilPremium: YES_NO_UNKNOWN,
  send: SEND_PROVISIONS,
  eal: YES_NO_UNKNOWN,
  gender: GENDERS,
  ethnicityGroup: ETHNICITY_GROUPS,
};

/** A pupil nobody has described yet. */
export const UNKNOWN_CHARACTERISTICS: Characteristics = {
  pupilPremium: 'unknown',
  send: 'unknown',
  eal: 'unknown',
  gender: 'unknown',
  ethnicityGroup: 'unknown',
};

/** Only the characteristics a request names (a DTO leaves the others undefined). */
export function characteristicsGiven(input: Partial<Characteristics>): Partial<Characteristics> {
  return Object.fromEntries(CHARACTERISTIC_NAMES.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]));
}

/**
 * The words for instrument-loan's enums, one mapping each, for every staff page that shows an
 * instrument: people read "Double bass", "On loan", "In repair", not `double_bass`, `on_loan`,
 * `in_repair`. Each mapping is a Record over the document's enum, so an instrument type, status,
 * grade or family added to the API fails to compile here until it has words in staff/en.json.
 */
import type { Schema } from '../api/client';
import type { MessageKey, Translate } from '../i18n';

type Instrument = Schema<'instrument-loan.InstrumentDto'>;
export type InstrumentType = Instrument['type'];
export type InstrumentStatus = Instrument['status'];
export type ConditionGrade = Instrument['condition'];
export type InstrumentFamily = Instrument['family'];

export const INSTRUMENT_TYPE_WORDS: Record<InstrumentType, MessageKey> = {
  violin: 'instrument.type.violin',
  viola: 'instrument.type.viola',
  cello: 'instrument.type.cello',
  double_bass: 'instrument.type.double_bass',
  guitar: 'instrument.type.guitar',
  ukulele: 'instrument.type.ukulele',
  flute: 'instrument.type.flute',
  piccolo: 'instrument.type.piccolo',
  oboe: 'instrument.type.oboe',
  clarinet: 'instrument.type.clarinet',
  bassoon: 'instrument.type.bassoon',
  saxophone: 'instrument.type.saxophone',
  recorder: 'instrument.type.recorder',
  trumpet: 'instrument.type.trumpet',
  cornet: 'instrument.type.cornet',
  french_horn: 'instrument.type.french_horn',
  trombone: 'instrument.type.trombone',
  euphonium: 'instrument.type.euphonium',
  tuba: 'instrument.type.tuba',
  percussion: 'instrument.type.percussion',
  snare_drum: 'instrument.type.snare_drum',
  glockenspiel: 'instrument.type.glockenspiel',
  keyboard: 'instrument.type.keyboard',
};

export const INSTRUMENT_STATUS_WORDS: Record<InstrumentStatus, MessageKey> = {
  available: 'instrumentStatus.available',
  on_loan: 'instrumentStatus.on_loan',
  in_repair: 'instrumentStatus.in_repair',
  lost: 'instrumentStatus.lost',
  retired: 'instrumentStatus.retired',
};

/** The statuses in the order reports and filters list them. */
export const INSTRUMENT_STATUSES = Object.keys(INSTRUMENT_STATUS_WORDS) as InstrumentStatus[];

export const CONDITION_WORDS: Record<ConditionGrade, MessageKey> = {
  excellent: 'grade.excellent',
  good: 'grade.good',
  fair: 'grade.fair',
  poor: 'grade.poor',
  unusable: 'grade.unusable',
};

/** The grades from best to worst, as the forms offer them. */
export const CONDITION_GRADES = Object.keys(CONDITION_WORDS) as ConditionGrade[];

export const INSTRUMENT_FAMILY_WORDS: Record<InstrumentFamily, MessageKey> = {
  strings: 'head.family.strings',
  woodwind: 'head.family.woodwind',
  brass: 'head.family.brass',
  percussion: 'head.family.percussion',
  keyboard: 'head.family.keyboard',
  other: 'head.family.other',
};

function wordsFor<K extends string>(words: Record<K, MessageKey>, t: Translate, value: string): string {
  // Some answers type these as plain strings (a loan's instrument, the reports): an unknown value reads as itself.
  return Object.prototype.hasOwnProperty.call(words, value) ? t(words[value as K]) : value.replace(/_/g, ' ');
}

export const typeWords = (t: Translate, type: string) => wordsFor(INSTRUMENT_TYPE_WORDS, t, type);
export const statusWords = (t: Translate, status: string) => wordsFor(INSTRUMENT_STATUS_WORDS, t, status);
export const conditionWords = (t: Translate, grade: string) => wordsFor(CONDITION_WORDS, t, grade);
export const familyWords = (t: Translate, family: string) => wordsFor(INSTRUMENT_FAMILY_WORDS, t, family);

/** An instrument by type and size, in words: "Double bass 3/4". */
export function instrumentName(t: Translate, instrument: { type: string; size: string | null }): string {
  return [typeWords(t, instrument.type), instrument.size].filter(Boolean).join(' ');
}

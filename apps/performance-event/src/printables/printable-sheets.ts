/** What the printables say, independent of how they are rendered (HTML or PDF). */
import type { PerformerFlag } from '../rosters/dto/roster.dto';

export interface ProgrammeSheet {
  title: string;
  when: string;
  where: string;
  items: { piece: string; credit: string; ensemble: string; soloists: string }[];
  professionalMusicians: string[];
  performersBySchool: { school: string; names: string[] }[];
  unnamedCount: number;
}

/** What the run sheet prints for each flag: a refusal (keep the child out) reads differently from a family yet to answer (chase them). */
export const RUN_SHEET_FLAG_LABELS = {
  photo_film_refused: 'NO PHOTO/FILM: REFUSED',
  photo_film_not_answered: 'NO PHOTO/FILM: NOT ANSWERED, CHASE FAMILY',
  public_performance_refused: 'NO PUBLIC PERFORMANCE CONSENT: REFUSED',
  public_performance_not_answered: 'NO PUBLIC PERFORMANCE CONSENT: NOT ANSWERED, CHASE FAMILY',
} as const satisfies Record<PerformerFlag, string>;

export type RunSheetFlag = (typeof RUN_SHEET_FLAG_LABELS)[PerformerFlag];

export interface RunSheet {
  title: string;
  when: string;
  where: string;
  facts: { label: string; value: string }[];
  runningOrder: {
    total: string;
    slot: string;
    rows: { number: string; at: string; piece: string; ensemble: string; length: string; soloists: string }[];
  };
  performers: { name: string; school: string; instrument: string; flags: RunSheetFlag[] }[];
  photoFilm: { refused: number; notAnswered: number };
}

export const runSheetFlagLabel = (flag: PerformerFlag): RunSheetFlag => RUN_SHEET_FLAG_LABELS[flag];

export const unnamedPerformersLine = (count: number): string => `…and ${count} more young ${count === 1 ? 'musician' : 'musicians'}.`;

export const performersHeading = (sheet: RunSheet): string =>
  `Performers (${sheet.performers.length}; no photo/film: ${sheet.photoFilm.refused} refused, ${sheet.photoFilm.notAnswered} not answered)`;

export const runningOrderHeading = (sheet: RunSheet): string => `Running order (${sheet.runningOrder.total} of ${sheet.runningOrder.slot})`;

/** What the printables say, independent of how they are rendered (HTML or PDF). */

export interface ProgrammeSheet {
  title: string;
  when: string;
  where: string;
  items: { piece: string; credit: string; ensemble: string; soloists: string }[];
  professionalMusicians: string[];
  performersBySchool: { school: string; names: string[] }[];
  unnamedCount: number;
}

export type RunSheetFlag = 'NO PHOTO/FILM' | 'NO PUBLIC PERFORMANCE CONSENT';

export interface RunSheet {
  title: string;
  when: string;
  where: string;
  facts: { label: string; value: string }[];
  runningOrder: { total: string; slot: string; rows: { number: string; at: string; piece: string; ensemble: string; length: string; soloists: string }[] };
  performers: { name: string; school: string; instrument: string; flags: RunSheetFlag[] }[];
  noPhotoFilmCount: number;
}

export const runSheetFlagLabel = (flag: string): RunSheetFlag => (flag === 'no_photo_film_consent' ? 'NO PHOTO/FILM' : 'NO PUBLIC PERFORMANCE CONSENT');

export const unnamedPerformersLine = (count: number): string => `…and ${count} more young ${count === 1 ? 'musician' : 'musicians'}.`;

export const performersHeading = (sheet: RunSheet): string => `Performers (${sheet.performers.length}; ${sheet.noPhotoFilmCount} without photo/film consent)`;

export const runningOrderHeading = (sheet: RunSheet): string => `Running order (${sheet.runningOrder.total} of ${sheet.runningOrder.slot})`;

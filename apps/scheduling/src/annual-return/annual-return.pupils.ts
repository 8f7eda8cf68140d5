import { NotFoundException } from '@nestjs/common';
import { ValidationProblem } from '@tutti/platform';
import {
  performancesPerPupil,
  performancesPerPupilCell,
  regularPlayerCell,
  WCET_GROUPINGS,
  type AnnualReturnData,
} from './annual-return.figures';
import type { ExamEntryPupilRow } from './annual-return.queries';
import type { FigureDto } from './dto/annual-return.dto';

/** The pupils behind one figure of the return, or one cell of it, as the figure counted them. */
export interface FigurePupils {
  figure: FigureDto;
  /** The cell asked for; undefined for the figure's total. */
  cell?: FigureDto['cells'][number];
  /** What the figure publishes there: null when suppressed. */
  count: number | null;
  /** The pupils counted there (distinct; empty when suppressed: a suppressed count does not list its pupils). */
  pupilIds: string[];
}

/**
 * Who is behind a figure's cell (or its total when no cell is named), by the same grouping the
 * figure counted with: a suppressed count lists nobody, or the suppression would be undone. The
 * exam figures count entries: their pupils are those with such an entry (a pupil with two entries
 * of a grade is listed once). Schools worked with and performances given count schools and
 * performances, the audience and family figures count families and people: not pupils, a 400.
 */
export function pupilsBehind(
  data: AnnualReturnData & { examEntries: ExamEntryPupilRow[] },
  figures: FigureDto[],
  figureId: string,
  cellKey: string | undefined,
): FigurePupils {
  const figure = figures.find((candidate) => candidate.id === figureId);
  if (!figure) throw new NotFoundException(`The annual return has no figure ${figureId}.`);
  const countsInstead = NOT_PUPILS[figureId];
  if (countsInstead)
    throw new ValidationProblem([{ field: 'figureId', rule: 'countsPupils', message: `${figureId} counts ${countsInstead}, not pupils` }]);
  const cell = cellKey === undefined ? undefined : figure.cells.find((candidate) => candidate.key === cellKey);
  if (cellKey !== undefined && !cell) throw new NotFoundException(`The figure ${figureId} has no cell ${cellKey}.`);
  const count = cell ? cell.count : figure.total;
  if (count === null) return { figure, cell, count, pupilIds: [] };
  return { figure, cell, count, pupilIds: [...new Set(members(data, figureId, cellKey))] };
}

/** The figures that count something other than pupils, and what they count. */
const NOT_PUPILS: Record<string, string> = {
  'schools-worked-with': 'schools',
  'performances-given': 'performances',
  'performance-audience': 'families’ RSVPs',
  'audience-people': 'people in the audience',
  'family-engagement': 'families',
};

function members(data: AnnualReturnData & { examEntries: ExamEntryPupilRow[] }, figureId: string, cellKey: string | undefined): string[] {
  const inCell = <T>(rows: T[], cellOf: (row: T) => string) =>
    cellKey === undefined ? rows : rows.filter((row) => cellOf(row) === cellKey);
  const grouping = WCET_GROUPINGS[figureId];
  if (grouping) return inCell(data.wcet, grouping).map((pupil) => pupil.pupilId);
  if (figureId === 'regular-ensemble-players') return inCell(data.regular, regularPlayerCell).map((row) => row.pupilId);
  if (figureId === 'exam-entries-by-grade') return inCell(data.examEntries, (entry) => String(entry.grade)).map((entry) => entry.pupilId);
  if (figureId === 'exam-passes-by-grade')
    return inCell(
      data.examEntries.filter((entry) => entry.passed),
      (entry) => String(entry.grade),
    ).map((entry) => entry.pupilId);
  if (figureId === 'pupils-performing')
    return [...performancesPerPupil(data.performers ?? [])]
      .filter(([, performances]) => cellKey === undefined || performancesPerPupilCell(performances) === cellKey)
      .map(([pupilId]) => pupilId);
  throw new Error(`no drill-down for figure ${figureId}`);
}

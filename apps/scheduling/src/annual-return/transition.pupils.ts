import { NotFoundException } from '@nestjs/common';
import type { FigurePupils } from './annual-return.pupils';
import type { FigureDto } from './dto/annual-return.dto';
import { TRANSITION_GROUPINGS } from './transition.figures';
import type { AlumnusRow } from './transition.queries';

/**
 * The alumni behind one transition figure, or one cell of it, by the grouping the figure counted
 * with: every alumnus of the cell for the continuing/not continuing figures, those who continued
 * for the breakdowns by destination and characteristic (their total: all who continued). A
 * suppressed count lists nobody, or the suppression would be undone.
 */
export function transitionPupilsBehind(
  alumni: AlumnusRow[],
  figures: FigureDto[],
  figureId: string,
  cellKey: string | undefined,
): FigurePupils {
  const figure = figures.find((candidate) => candidate.id === figureId);
  const grouping = TRANSITION_GROUPINGS[figureId];
  if (!figure || !grouping) throw new NotFoundException(`The transition report has no figure ${figureId}.`);
  const cell = cellKey === undefined ? undefined : figure.cells.find((candidate) => candidate.key === cellKey);
  if (cellKey !== undefined && !cell) throw new NotFoundException(`The figure ${figureId} has no cell ${cellKey}.`);
  const count = cell ? cell.count : figure.total;
  if (count === null) return { figure, cell, count, pupilIds: [] };
  const pupilIds = alumni
    .filter((pupil) => grouping.counts(pupil) && (cellKey === undefined || grouping.cellOf(pupil) === cellKey))
    .map((pupil) => pupil.pupilId);
  return { figure, cell, count, pupilIds };
}

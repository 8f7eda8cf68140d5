import { csvDocument, type CsvFile, type CsvValue } from '@tutti/platform';
import { Workbook } from 'exceljs';
import type { AnnualReturnDto } from './dto/annual-return.dto';

export const ANNUAL_RETURN_COLUMNS = ['figure_id', 'figure', 'breakdown', 'count', 'percent', 'figure_total', 'how_computed'] as const;

/** What a suppressed count or percentage reads as in the files. */
export const SUPPRESSED = 'suppressed';

/** One row per cell of each figure (a figure without cells has one row for its total), then the schools, then what is not included. */
function annualReturnRows(report: AnnualReturnDto): CsvValue[][] {
  const shown = (value: number | null): CsvValue => value ?? SUPPRESSED;
  return [
    ...report.figures.flatMap((figure) =>
      figure.cells.length === 0
        ? [[figure.id, figure.title, 'total', shown(figure.total), null, shown(figure.total), figure.howComputed]]
        : figure.cells.map((cell) => [
            figure.id,
            figure.title,
            cell.label,
            shown(cell.count),
            cell.count === null ? SUPPRESSED : cell.percent,
            shown(figure.total),
            figure.howComputed,
          ]),
    ),
    ...report.schoolsWorkedWith.map((school) => [
      'school-worked-with',
      'School worked with',
      `${school.name}${school.urn ? ` (URN ${school.urn})` : ''}`,
      1,
      null,
      report.schoolsWorkedWith.length,
      school.phase,
    ]),
    ...report.notIncluded.map((missing) => ['not-included', missing.figure, null, null, null, null, missing.reason]),
  ];
}

export function annualReturnFileName(report: AnnualReturnDto, extension: 'csv' | 'xlsx'): string {
  return `annual-return-${report.academicYear}.${extension}`;
}

/** UTF-8 with a byte order mark (Excel), formula-like text defused by csvDocument. */
export function annualReturnCsv(report: AnnualReturnDto): CsvFile {
  return {
    fileName: annualReturnFileName(report, 'csv'),
    body: csvDocument(ANNUAL_RETURN_COLUMNS, annualReturnRows(report), { bom: true }),
  };
}

/** The same rows as the CSV on one sheet (text cells are stored as text, never as formulas). */
export async function annualReturnXlsx(report: AnnualReturnDto): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(`Annual return ${report.academicYear}`);
  sheet.addRow([...ANNUAL_RETURN_COLUMNS]).font = { bold: true };
  for (const row of annualReturnRows(report)) sheet.addRow(row.map((value) => (value === undefined ? null : value)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const [index, width] of [24, 50, 36, 11, 9, 13, 100].entries()) sheet.getColumn(index + 1).width = width;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

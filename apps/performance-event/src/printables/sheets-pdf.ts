import { drawText, hasRightToLeft, heightOfText, PDF_FONTS, renderPdf as renderDocument } from '@tutti/platform';
import { performersHeading, runningOrderHeading, unnamedPerformersLine, type ProgrammeSheet, type RunSheet } from './printable-sheets';

export interface PdfOptions {
  /** Leave the content streams uncompressed, so tests can read the text. */
  compress?: boolean;
}

export interface PdfFile {
  fileName: string;
  pdf: Buffer;
}

/** An ASCII file name (safe in a Content-Disposition header) from the performance's title. */
export function pdfFileName(performanceTitle: string, sheet: string): string {
  const slug = performanceTitle
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'performance'}-${sheet}.pdf`;
}

type Doc = PDFKit.PDFDocument;

const MM = 72 / 25.4;
const { regular: REGULAR, bold: BOLD } = PDF_FONTS;
const INK = '#111111';
const MUTED = '#555555';
const FLAG = '#aa0000';

interface Column {
  header: string;
  /** Share of the page width. */
  width: number;
  flag?: boolean;
}

export function programmePdf(sheet: ProgrammeSheet, options: PdfOptions = {}): Promise<Buffer> {
  return renderPdf(`${sheet.title} – programme`, options, (doc) => {
    title(doc, sheet.title, `${sheet.when} · ${sheet.where}`);
    heading(doc, 'Programme');
    table(
      doc,
      [
        { header: 'Piece', width: 0.4 },
        { header: 'Performed by', width: 0.25 },
        { header: 'Soloists', width: 0.35 },
      ],
      sheet.items.map((item) => [item.credit ? `${item.piece}\n${item.credit}` : item.piece, item.ensemble, item.soloists]),
    );
    if (sheet.professionalMusicians.length) {
      heading(doc, 'Playing side by side with the children');
      doc.font(REGULAR).fontSize(10.5).fillColor(INK);
      // pdfkit's list lays names out left to right only: a list with an Arabic or Urdu name is drawn line by line.
      if (sheet.professionalMusicians.some(hasRightToLeft)) for (const name of sheet.professionalMusicians) drawText(doc, `• ${name}`);
      else doc.list(sheet.professionalMusicians, { bulletRadius: 1.5 });
    }
    heading(doc, 'Performers');
    for (const { school, names } of sheet.performersBySchool) {
      ensureRoom(doc, 40);
      drawText(doc.moveDown(0.4).font(BOLD).fontSize(11).fillColor(INK), school, doc.page.margins.left, doc.y);
      const thirds = Array.from({ length: Math.ceil(names.length / 3) }, (_, i) => names.slice(i * 3, i * 3 + 3));
      table(
        doc,
        [
          { header: '', width: 1 / 3 },
          { header: '', width: 1 / 3 },
          { header: '', width: 1 / 3 },
        ],
        thirds,
        { rules: false },
      );
    }
    if (sheet.unnamedCount)
      drawText(doc.moveDown(0.6).font(REGULAR).fontSize(10.5).fillColor(INK), unnamedPerformersLine(sheet.unnamedCount));
  });
}

export function runSheetPdf(sheet: RunSheet, options: PdfOptions = {}): Promise<Buffer> {
  return renderPdf(`${sheet.title} – run sheet`, options, (doc) => {
    title(doc, `Run sheet: ${sheet.title}`, `${sheet.when} · ${sheet.where}`);
    table(
      doc,
      [
        { header: '', width: 0.2 },
        { header: '', width: 0.8 },
      ],
      sheet.facts.map((fact) => [fact.label, fact.value]),
    );
    heading(doc, runningOrderHeading(sheet));
    table(
      doc,
      [
        { header: '#', width: 0.05 },
        { header: 'At', width: 0.09 },
        { header: 'Piece', width: 0.3 },
        { header: 'Ensemble', width: 0.2 },
        { header: 'Length', width: 0.09 },
        { header: 'Soloists', width: 0.27 },
      ],
      sheet.runningOrder.rows.map((row) => [row.number, row.at, row.piece, row.ensemble, row.length, row.soloists]),
    );
    heading(doc, performersHeading(sheet));
    table(
      doc,
      [
        { header: 'Name', width: 0.25 },
        { header: 'School', width: 0.22 },
        { header: 'Instrument', width: 0.13 },
        { header: 'Watch for', width: 0.4, flag: true },
      ],
      sheet.performers.map((p) => [p.name, p.school, p.instrument, p.flags.join('\n')]),
    );
  });
}

function renderPdf(documentTitle: string, options: PdfOptions, draw: (doc: Doc) => void): Promise<Buffer> {
  return renderDocument(
    { size: 'A4', margin: 15 * MM, compress: options.compress ?? true, info: { Title: documentTitle, Creator: 'Tutti' }, lang: 'en-GB' },
    draw,
  );
}

function title(doc: Doc, text: string, meta: string): void {
  drawText(doc.font(BOLD).fontSize(20).fillColor(INK), text);
  drawText(doc.moveDown(0.2).font(REGULAR).fontSize(10.5).fillColor(MUTED), meta);
  doc.moveDown(0.5);
}

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 60);
  drawText(doc.moveDown(0.8).font(BOLD).fontSize(13).fillColor(INK), text, doc.page.margins.left, doc.y);
  const y = doc.y + 1;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.moveDown(0.4);
}

const CELL_PADDING = 1.5 * MM;

function table(doc: Doc, columns: Column[], rows: string[][], { rules = true }: { rules?: boolean } = {}): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const widths = columns.map((c) => c.width * width);
  const drawRow = (cells: string[], font: (column: Column) => string, colour: (column: Column) => string): void => {
    doc.fontSize(10);
    const height =
      Math.max(
        ...columns.map((column, i) => heightOfText(doc.font(font(column)), cells[i] || ' ', { width: widths[i] - 2 * CELL_PADDING })),
      ) +
      2 * CELL_PADDING;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      drawText(doc.font(font(columns[i])).fillColor(colour(columns[i])), cell, x + CELL_PADDING, top + CELL_PADDING, {
        width: widths[i] - 2 * CELL_PADDING,
      });
      x += widths[i];
    });
    if (rules)
      doc
        .moveTo(left, top + height)
        .lineTo(left + width, top + height)
        .lineWidth(0.5)
        .strokeColor('#dddddd')
        .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  if (columns.some((c) => c.header))
    drawRow(
      columns.map((c) => c.header),
      () => BOLD,
      () => INK,
    );
  for (const row of rows)
    drawRow(
      row,
      (c) => (c.flag ? BOLD : REGULAR),
      (c) => (c.flag ? FLAG : INK),
    );
}

function ensureRoom(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

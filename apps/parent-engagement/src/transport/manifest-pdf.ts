import { drawText, PDF_FONTS, renderPdf } from '@tutti/platform';

export interface ManifestPdfLine {
  stop_name: string;
  place: string;
  pickupTime: string;
  guardian_name: string;
  adults: number;
  children: number;
  checked_in_at: Date | null;
}

export interface ManifestPdfData {
  title: string;
  vehicle: string;
  departs: string;
  /** In pick-up order, families grouped by stop. */
  lines: ManifestPdfLine[];
}

const COLUMNS = [
  { heading: 'Family', width: 255 },
  { heading: 'Adults', width: 60 },
  { heading: 'Children', width: 60 },
  { heading: 'Checked in', width: 120 },
];
const ROW_HEIGHT = 22;
const BOX = 12;

/** An A4 driver's manifest: one table per stop, with a box to tick as each family boards. */
export function renderManifestPdf(data: ManifestPdfData, options: { compress: boolean }): Promise<Buffer> {
  return renderPdf({ size: 'A4', margin: 40, compress: options.compress, info: { Title: `${data.title} – ${data.vehicle}` } }, (doc) => {
    drawText(doc.font(PDF_FONTS.bold).fontSize(16), data.title);
    drawText(doc.font(PDF_FONTS.regular).fontSize(10), `${data.vehicle}, departs ${data.departs}. Families: ${data.lines.length}.`);
    if (data.lines.length === 0) doc.moveDown().text('No confirmed bookings.');

    for (const stop of byStop(data.lines)) {
      doc.moveDown(1.2);
      ensureRoom(doc, ROW_HEIGHT * 3);
      drawText(
        doc.font(PDF_FONTS.bold).fontSize(12),
        `${stop[0].stop_name} (${stop[0].place}), ${stop[0].pickupTime}`,
        doc.page.margins.left,
        doc.y,
      );
      doc.moveDown(0.3);
      row(
        doc,
        COLUMNS.map((column) => column.heading),
        PDF_FONTS.bold,
        null,
      );
      for (const line of stop) {
        ensureRoom(doc, ROW_HEIGHT);
        row(doc, [line.guardian_name, String(line.adults), String(line.children), ''], PDF_FONTS.regular, line.checked_in_at !== null);
      }
    }
  });
}

function byStop(lines: ManifestPdfLine[]): ManifestPdfLine[][] {
  const stops: ManifestPdfLine[][] = [];
  for (const line of lines) {
    const current = stops.at(-1);
    if (current && current[0].stop_name === line.stop_name && current[0].pickupTime === line.pickupTime) current.push(line);
    else stops.push([line]);
  }
  return stops;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** One bordered table row; `checked` null for the heading, otherwise the check-in box (ticked if already checked in). */
function row(doc: PDFKit.PDFDocument, cells: string[], font: string, checked: boolean | null): void {
  const top = doc.y;
  let x = doc.page.margins.left;
  doc.font(font).fontSize(10);
  cells.forEach((cell, index) => {
    const width = COLUMNS[index].width;
    doc.rect(x, top, width, ROW_HEIGHT).stroke();
    if (checked !== null && index === COLUMNS.length - 1) {
      const boxX = x + 8;
      const boxY = top + (ROW_HEIGHT - BOX) / 2;
      doc.rect(boxX, boxY, BOX, BOX).stroke();
      if (checked)
        doc
          .moveTo(boxX + 2, boxY + 6)
          .lineTo(boxX + 5, boxY + 10)
          .lineTo(boxX + 10, boxY + 2)
          .stroke();
    } else {
      drawText(doc, cell, x + 4, top + 6, { width: width - 8, height: ROW_HEIGHT - 6, ellipsis: true, lineBreak: false });
    }
    x += width;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + ROW_HEIGHT;
}

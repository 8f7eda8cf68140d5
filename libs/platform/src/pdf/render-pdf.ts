import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** The fonts a printable uses, by the names registered on its document. */
export interface PdfFonts {
  regular: string;
  bold: string;
}

/**
 * TrueType fonts with the letters of the families' languages (Polish ł, Romanian ș, Turkish ğ …),
 * which PDF's built-in Helvetica (WinAnsi only) lacks. The first pair found is embedded (subset);
 * the images install fonts-dejavu-core, Debian's Chromium brings Liberation.
 */
const UNICODE_FONT_PAIRS: readonly [regular: string, bold: string][] = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
];

const UNICODE_FONT_FILES = UNICODE_FONT_PAIRS.find(([regular, bold]) => existsSync(regular) && existsSync(bold));

/**
 * The font names to draw with: the embedded TrueType pair when this machine has one, otherwise
 * Helvetica (then letters outside WinAnsi print wrongly).
 */
export const PDF_FONTS: PdfFonts = UNICODE_FONT_FILES
  ? { regular: 'Tutti-Regular', bold: 'Tutti-Bold' }
  : { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/**
 * Draws a document (with PDF_FONTS registered) and answers its bytes. `compress: false` leaves the
 * content streams readable: tests read the text back through the fonts' ToUnicode maps.
 */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (UNICODE_FONT_FILES) {
    doc.registerFont(PDF_FONTS.regular, UNICODE_FONT_FILES[0]);
    doc.registerFont(PDF_FONTS.bold, UNICODE_FONT_FILES[1]);
  }
  doc.font(PDF_FONTS.regular);
  draw(doc);
  doc.end();
  return done;
}

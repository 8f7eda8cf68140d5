import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
 * Noto Naskh Arabic (SIL OFL 1.1, libs/platform/fonts/OFL.txt) for Arabic and Urdu: shipped in the
 * repository (357 KB for both weights) rather than installed, because Debian's fonts-noto-core is a
 * 12 MB download (42 MB installed) for these two files. Beside the compiled code the image copies
 * them to dist/libs/platform/fonts (docker/Dockerfile).
 */
const ARABIC_FONT_DIR = join(__dirname, '..', '..', 'fonts');
export const ARABIC_FONT_FILES: PdfFonts = {
  regular: join(ARABIC_FONT_DIR, 'NotoNaskhArabic-Regular.ttf'),
  bold: join(ARABIC_FONT_DIR, 'NotoNaskhArabic-Bold.ttf'),
};

/**
 * The font names to draw with: the embedded TrueType pair when this machine has one, otherwise
 * Helvetica (then letters outside WinAnsi print wrongly).
 */
export const PDF_FONTS: PdfFonts = UNICODE_FONT_FILES
  ? { regular: 'Tutti-Regular', bold: 'Tutti-Bold' }
  : { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/** The names the Arabic-script fonts are registered under; `drawText` switches to them for those letters. */
export const PDF_ARABIC_FONTS: PdfFonts = { regular: 'Tutti-Arabic-Regular', bold: 'Tutti-Arabic-Bold' };

/**
 * Draws a document (with PDF_FONTS and PDF_ARABIC_FONTS registered) and answers its bytes.
 * `compress: false` leaves the content streams readable: tests read the text back through the
 * fonts' ToUnicode maps. Text that may hold right-to-left letters is drawn with `drawText`.
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
  doc.registerFont(PDF_ARABIC_FONTS.regular, ARABIC_FONT_FILES.regular);
  doc.registerFont(PDF_ARABIC_FONTS.bold, ARABIC_FONT_FILES.bold);
  doc.font(PDF_FONTS.bold);
  rememberFonts(doc);
  doc.font(PDF_FONTS.regular);
  draw(doc);
  doc.end();
  return done;
}

/** Which of a document's fonts is bold: pdfkit keeps one font object per registered name. */
const boldFontOf = new WeakMap<PDFKit.PDFDocument, unknown>();

function rememberFonts(doc: PDFKit.PDFDocument): void {
  boldFontOf.set(doc, currentFont(doc));
}

function currentFont(doc: PDFKit.PDFDocument): unknown {
  return (doc as unknown as { _font: unknown })._font;
}

/** The weight the document is drawing in now (bold when its bold font is selected). */
export function currentWeight(doc: PDFKit.PDFDocument): keyof PdfFonts {
  return boldFontOf.get(doc) === currentFont(doc) ? 'bold' : 'regular';
}

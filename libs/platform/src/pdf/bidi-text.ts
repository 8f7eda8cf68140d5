import bidiFactory from 'bidi-js';
import { currentWeight, PDF_ARABIC_FONTS, PDF_FONTS } from './render-pdf';

/**
 * Text that may hold right-to-left letters (Arabic, Urdu, Hebrew …), drawn in reading order.
 *
 * pdfkit draws a string left to right as given, in one font. For Arabic script that is wrong three
 * ways: DejaVu has no joined letter forms, the letters come out mirrored (logical order), and a
 * line mixing directions ("Bus 3: الحافلة الزرقاء") needs the Unicode bidi algorithm. Here a
 * paragraph is broken into lines in logical order, each line is reordered by bidi-js (UAX #9, with
 * mirrored brackets), and drawn as runs in visual order from left to right: Arabic-script runs in
 * Noto Naskh Arabic, shaped by fontkit (which also lays a right-to-left run out from the right),
 * the rest in the document's font, on one baseline. A paragraph whose first strong letter is
 * right-to-left is right-aligned. Text without right-to-left letters goes to `doc.text` unchanged.
 */

const bidi = bidiFactory();

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export interface DrawTextOptions {
  /** Line length; without it, to the right margin. */
  width?: number;
  /** Default: left, or right for a paragraph whose first strong letter is right-to-left. */
  align?: 'left' | 'right' | 'center';
  /** false: one line, cut to the width (with … when `ellipsis`). */
  lineBreak?: boolean;
  ellipsis?: boolean;
  /** Indent from the paragraph's starting side. */
  indent?: number;
  /** Passed to doc.text for text without right-to-left letters. */
  height?: number;
}

interface Piece {
  text: string;
  font: string;
  width: number;
}

interface Line {
  pieces: Piece[];
  width: number;
  rtl: boolean;
}

/** Whether the text needs this module (holds a right-to-left letter). */
export function hasRightToLeft(text: string): boolean {
  return RTL_LETTER.test(text);
}

/**
 * Like `doc.text(text, x?, y?, options)`, in reading order for right-to-left and mixed text; moves
 * doc.y below the text as doc.text does, and answers the document for chaining.
 */
export function drawText(doc: PDFKit.PDFDocument, text: string, options?: DrawTextOptions): PDFKit.PDFDocument;
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options?: DrawTextOptions): PDFKit.PDFDocument;
export function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  xOrOptions?: number | DrawTextOptions,
  maybeY?: number,
  maybeOptions?: DrawTextOptions,
): PDFKit.PDFDocument {
  const positioned = typeof xOrOptions === 'number';
  const options = (positioned ? maybeOptions : xOrOptions) ?? {};
  if (!hasRightToLeft(text)) return positioned ? doc.text(text, xOrOptions, maybeY, options) : doc.text(text, options);

  const x = positioned ? xOrOptions : doc.x;
  let y = positioned ? (maybeY ?? doc.y) : doc.y;
  const width = options.width ?? doc.page.width - doc.page.margins.right - x;
  const indent = options.indent ?? 0;
  const weight = currentWeight(doc);
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (const line of layoutText(doc, text, width - indent, options, weight)) {
    const { height, ascent } = lineMetrics(doc, line);
    if (!positioned && options.lineBreak !== false && y + height > bottom && y > doc.page.margins.top) {
      doc.addPage();
      y = doc.y;
    }
    const align = options.align ?? (line.rtl ? 'right' : 'left');
    const left = line.rtl ? x : x + indent;
    let penX =
      align === 'right' ? left + width - indent - line.width : align === 'center' ? left + (width - indent - line.width) / 2 : left;
    for (const piece of line.pieces) {
      doc.font(piece.font).text(piece.text, penX, y + ascent, { lineBreak: false, baseline: 'alphabetic', features: [] });
      penX += piece.width;
    }
    y += height;
  }
  doc.font(PDF_FONTS[weight]);
  doc.x = x;
  doc.y = y;
  return doc;
}

/** Like `doc.heightOfString(text, options)`: the height `drawText` would take. */
export function heightOfText(doc: PDFKit.PDFDocument, text: string, options: DrawTextOptions = {}): number {
  if (!hasRightToLeft(text)) return doc.heightOfString(text, options);
  const weight = currentWeight(doc);
  const width = options.width ?? doc.page.width - doc.page.margins.right - doc.x;
  const height = layoutText(doc, text, width - (options.indent ?? 0), options, weight).reduce(
    (sum, line) => sum + lineMetrics(doc, line).height,
    0,
  );
  doc.font(PDF_FONTS[weight]);
  return height;
}

function lineMetrics(doc: PDFKit.PDFDocument, line: Line): { height: number; ascent: number } {
  const fonts = new Set(line.pieces.map((piece) => piece.font));
  if (fonts.size === 0) fonts.add(PDF_FONTS[currentWeight(doc)]);
  let height = 0;
  let ascent = 0;
  for (const font of fonts) {
    doc.font(font);
    const metrics = doc as unknown as { _font: { ascender: number }; _fontSize: number };
    height = Math.max(height, doc.currentLineHeight(true));
    ascent = Math.max(ascent, (metrics._font.ascender / 1000) * metrics._fontSize);
  }
  return { height, ascent };
}

/** Paragraphs (split at line feeds) broken into lines, each reordered for display. */
function layoutText(doc: PDFKit.PDFDocument, text: string, width: number, options: DrawTextOptions, weight: 'regular' | 'bold'): Line[] {
  return text.split('\n').flatMap((paragraph) => layoutParagraph(doc, paragraph, width, options, weight));
}

function layoutParagraph(
  doc: PDFKit.PDFDocument,
  paragraph: string,
  width: number,
  options: DrawTextOptions,
  weight: 'regular' | 'bold',
): Line[] {
  const levels = bidi.getEmbeddingLevels(paragraph, 'auto');
  const rtl = ((levels.paragraphs[0]?.level ?? 0) & 1) === 1;
  if (paragraph.trim() === '') return [{ pieces: [], width: 0, rtl }];
  const arabicFont = glyphsOf(doc, PDF_ARABIC_FONTS[weight]);
  // Arabic letters in the Arabic font; so are the spaces and punctuation inside a right-to-left run
  // where that font has them (its own mirrored brackets), so the run is shaped as one.
  const fontAt = (index: number): string => {
    const char = paragraph[index];
    const arabic =
      ARABIC_SCRIPT.test(char) ||
      ((levels.levels[index] & 1) === 1 && !/\p{L}|\p{N}/u.test(char) && arabicFont.hasGlyphForCodePoint(char.codePointAt(0) ?? 0));
    return (arabic ? PDF_ARABIC_FONTS : PDF_FONTS)[weight];
  };
  const measure = (start: number, end: number): number => {
    let total = 0;
    for (let from = start; from < end;) {
      let to = from + 1;
      while (to < end && fontAt(to) === fontAt(from)) to++;
      total += doc.font(fontAt(from)).widthOfString(paragraph.slice(from, to), { features: [] });
      from = to;
    }
    return total;
  };
  const trimEnd = (start: number, end: number): number => {
    while (end > start && /\s/.test(paragraph[end - 1])) end--;
    return end;
  };

  const ranges: [number, number][] = [];
  if (options.lineBreak === false) {
    ranges.push([0, trimEnd(0, paragraph.length)]);
  } else {
    let start = 0;
    let end = 0;
    for (const word of paragraph.matchAll(/\S+\s*/g)) {
      const wordEnd = (word.index ?? 0) + word[0].length;
      if (end > start && measure(start, trimEnd(start, wordEnd)) > width) {
        ranges.push([start, trimEnd(start, end)]);
        start = word.index ?? 0;
      }
      end = wordEnd;
    }
    ranges.push([start, trimEnd(start, end)]);
  }

  return ranges.map(([start, end]) => {
    let lineEnd = end;
    let ellipsis = false;
    if (options.lineBreak === false && options.ellipsis && measure(start, lineEnd) > width) {
      const ellipsisWidth = doc.font(PDF_FONTS[weight]).widthOfString('…');
      while (lineEnd > start && measure(start, lineEnd) + ellipsisWidth > width) lineEnd--;
      lineEnd = trimEnd(start, lineEnd);
      ellipsis = true;
    }
    const pieces = visualPieces(doc, paragraph, levels, start, lineEnd, fontAt);
    if (ellipsis) {
      const mark: Piece = { text: '…', font: PDF_FONTS[weight], width: doc.font(PDF_FONTS[weight]).widthOfString('…') };
      if (rtl) pieces.unshift(mark);
      else pieces.push(mark);
    }
    return { pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0), rtl };
  });
}

/** The fontkit font behind a registered font name. */
function glyphsOf(doc: PDFKit.PDFDocument, name: string): { hasGlyphForCodePoint(codePoint: number): boolean } {
  const font = (doc.font(name) as unknown as { _font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } } })._font.font;
  return font;
}

/** One line's runs in visual order (left to right), each in one font and one direction. */
function visualPieces(
  doc: PDFKit.PDFDocument,
  paragraph: string,
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  start: number,
  end: number,
  fontAt: (index: number) => string,
): Piece[] {
  if (end <= start) return [];
  const order = bidi.getReorderedIndices(paragraph, levels, start, end - 1).slice(start, end);
  const mirrored = bidi.getMirroredCharactersMap(paragraph, levels.levels, start, end - 1);
  const odd = (index: number): boolean => (levels.levels[index] & 1) === 1;
  const pieces: Piece[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = run[0];
    const logical = [...run].sort((a, b) => a - b);
    const chars = logical.map((index) => paragraph[index]).join('');
    // fontkit lays out a run holding right-to-left letters from the right itself, mirroring its
    // brackets through the font's rtlm feature; a right-to-left run of neutrals only (" - " between
    // a time and a Latin name in an Arabic line) is reversed and mirrored here.
    const text =
      odd(first) && !RTL_LETTER.test(chars)
        ? logical
            .map((index) => mirrored.get(index) ?? paragraph[index])
            .reverse()
            .join('')
        : chars;
    const font = fontAt(first);
    pieces.push({ text, font, width: doc.font(font).widthOfString(text, { features: [] }) });
    run = [];
  };
  for (const index of order) {
    const previous = run.at(-1);
    const continues =
      previous !== undefined &&
      fontAt(previous) === fontAt(index) &&
      odd(previous) === odd(index) &&
      index === previous + (odd(index) ? -1 : 1);
    if (!continues) flush();
    run.push(index);
  }
  flush();
  return pieces;
}

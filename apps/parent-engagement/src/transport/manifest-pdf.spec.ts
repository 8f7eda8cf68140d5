import { pdfText } from '@tutti/testing';
import { renderManifestPdf, type ManifestPdfLine } from './manifest-pdf';

/**
 * Arabic and Urdu in the driver's manifest. Read back through the fonts' ToUnicode maps the text is
 * Arabic (DejaVu, which has no joined forms, is not used for it), the letters are Noto Naskh
 * Arabic's joined forms, and the runs of a line sit in visual order, left to right on the page.
 */

interface ShownRun {
  text: string;
  baseFont: string;
  x: number;
  y: number;
  codes: number[];
}

/** Each text-showing operator of the pages: its text, its font's name, where it starts and its glyph codes. */
function shownRuns(pdf: Buffer): ShownRun[] {
  const text = pdfText(pdf);
  const content = pdf.toString('latin1');
  const objects = new Map([...content.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)].map(([, id, body]) => [id, body]));
  const baseFonts = new Map<string, string>();
  for (const [, fonts] of content.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
    for (const [, name, id] of fonts.matchAll(/\/(\w+)\s+(\d+) 0 R/g))
      baseFonts.set(name, /\/BaseFont \/(\S+)/.exec(objects.get(id) ?? '')?.[1] ?? '');
  }
  const pages = [...content.matchAll(/\/Contents (\d+) 0 R/g)].map(([, id]) => objects.get(id) ?? '').join('\n');
  const runs: ShownRun[] = [];
  let baseFont = '';
  let [x, y] = [0, 0];
  for (const [, tmX, tmY, name, array] of pages.matchAll(/1 0 0 1 ([\d.-]+) ([\d.-]+) Tm|\/(\w+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
    if (tmX !== undefined) [x, y] = [Number(tmX), Number(tmY)];
    else if (name !== undefined) baseFont = baseFonts.get(name) ?? '';
    else {
      const hex = [...array.matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]).join('');
      runs.push({ text: text[runs.length], baseFont, x, y, codes: (hex.match(/.{4}/g) ?? []).map((code) => parseInt(code, 16)) });
    }
  }
  return runs;
}

const reversed = (text: string): string => [...text].reverse().join('');

const line = (guardian: string, stop = 'Church Road'): ManifestPdfLine => ({
  stop_name: stop,
  place: 'Leeds',
  pickupTime: '17:15',
  guardian_name: guardian,
  adults: 1,
  children: 2,
  checked_in_at: null,
});

describe('the manifest PDF in Arabic script', () => {
  it('prints an Arabic name in Noto Naskh Arabic, shaped, its letters drawn from the right', async () => {
    const pdf = await renderManifestPdf(
      { title: 'Spring concert', vehicle: 'Coach 1', departs: '17:00', lines: [line('فاطمة حبيب'), line('Anna Nowak')] },
      { compress: false },
    );
    const text = pdfText(pdf);
    // No glyph without its letters (read back as \uFFFD, or U+0000 from an empty ToUnicode entry).
    expect(text.filter((shown) => shown.includes('\uFFFD') || shown.includes(String.fromCharCode(0)))).toEqual([]);
    // Visual order, left to right: حبيب (read last) first, each word's letters from its right.
    expect(text).toContain(reversed('فاطمة حبيب'));
    expect(text).toContain('Anna Nowak');

    const runs = shownRuns(pdf);
    const name = runs.find((run) => run.text === reversed('فاطمة حبيب'));
    expect(name?.baseFont).toMatch(/\+NotoNaskhArabic-Regular$/);
    expect(name?.codes).not.toContain(0);
    const anna = runs.find((run) => run.text === 'Anna Nowak');
    expect(anna?.baseFont).toMatch(/\+DejaVuSans$/);
    // Shaped: حبيب's two ب are drawn (right to left: medial, then final) with different glyphs,
    // which an unshaped string would not; drawn left to right, the final one comes first.
    const [finalBeh, ya, medialBeh] = name?.codes ?? [];
    expect(new Set([finalBeh, ya, medialBeh]).size).toBe(3);
    // Right-aligned in the Family cell (40 … 295): the Arabic name starts well right of Anna's 44.
    expect(anna?.x).toBeCloseTo(44, 0);
    expect(name?.x).toBeGreaterThan(150);
  });

  it('prints Urdu letters (ٹ ڈ ں ہ ے) from the same font, none missing', async () => {
    const urdu = 'ٹیپو ڈار ہمایوں کے';
    const pdf = await renderManifestPdf(
      { title: 'Spring concert', vehicle: 'Coach 1', departs: '17:00', lines: [line(urdu)] },
      { compress: false },
    );
    const name = shownRuns(pdf).find((run) => run.text === reversed(urdu));
    expect(name?.baseFont).toMatch(/\+NotoNaskhArabic-Regular$/);
    // Glyph 0 is .notdef, the box a font draws for a letter it lacks.
    expect(name?.codes).not.toContain(0);
  });

  it('lays a line mixing Arabic, a Latin place and a time out by the bidi algorithm', async () => {
    const pdf = await renderManifestPdf(
      { title: 'Spring concert', vehicle: 'Coach 1', departs: '17:00', lines: [line('Anna Nowak', 'شارع الكنيسة')] },
      { compress: false },
    );
    const runs = shownRuns(pdf);
    // "شارع الكنيسة (Leeds), 17:15" reads from the right: the time at the left end, then the place
    // in its brackets, then the street, whose letters run from the right.
    const time = runs.find((run) => run.text === '17:15');
    const heading = runs.filter((run) => run.y === time?.y);
    expect(heading.map((run) => run.text).join('')).toBe(`17:15 ,(Leeds) ${reversed('شارع الكنيسة')}`);
    // One baseline, drawn left to right.
    const xs = heading.map((run) => run.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(heading.at(-1)?.baseFont).toMatch(/\+NotoNaskhArabic-Bold$/);
    expect(heading.find((run) => run.text === 'Leeds')?.baseFont).toMatch(/\+DejaVuSans-Bold$/);
  });
});

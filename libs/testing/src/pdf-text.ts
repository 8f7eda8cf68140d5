/**
 * The text drawn by an uncompressed PDFKit document: one string per text-showing operator, the
 * kerning adjustments dropped. Embedded fonts (Identity-H, two-byte glyph codes) are read back
 * through their ToUnicode maps; built-in fonts through WinAnsiEncoding.
 */

/** WinAnsiEncoding where it differs from Latin-1 (0x80–0x9F). */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

const winAnsi = (hex: string): string =>
  [...Buffer.from(hex, 'hex')].map((byte) => WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte)).join('');

/** UTF-16BE hex, as a CMap writes it (a ligature's two letters may be written with a space between). */
const utf16 = (hex: string): string =>
  String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));

/** A ToUnicode CMap (bfchar and bfrange sections, as PDFKit writes them): glyph code → text. */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of body.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]+)>/gi)) map.set(parseInt(code, 16), utf16(text));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, start, , list, first] of body.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:\[([^\]]*)\]|<([0-9a-f\s]+)>)/gi)) {
      const from = parseInt(start, 16);
      if (list !== undefined) [...list.matchAll(/<([0-9a-f\s]+)>/gi)].forEach(([, text], index) => map.set(from + index, utf16(text)));
      else map.set(from, utf16(first));
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string[] {
  const content = pdf.toString('latin1');
  const objects = new Map([...content.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)].map(([, id, body]) => [id, body]));
  const fontsByName = new Map<string, Map<number, string> | null>();
  for (const [, fonts] of content.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
    for (const [, name, id] of fonts.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(id) ?? '')?.[1];
      fontsByName.set(name, toUnicode ? toUnicodeMap(objects.get(toUnicode) ?? '') : null);
    }
  }
  // Only the pages' content streams: an embedded font file is binary, and no text.
  const pageContents = [...content.matchAll(/\/Contents (\d+) 0 R/g)].map(([, id]) => objects.get(id) ?? '').join('\n');
  const shown: string[] = [];
  let glyphs: Map<number, string> | null = null;
  for (const [, fontName, array, single] of pageContents.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
    if (fontName !== undefined) {
      glyphs = fontsByName.get(fontName) ?? null;
      continue;
    }
    const hex = array !== undefined ? [...array.matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]).join('') : single;
    const map = glyphs;
    shown.push(map ? (hex.match(/.{4}/g) ?? []).map((code) => map.get(parseInt(code, 16)) ?? '\uFFFD').join('') : winAnsi(hex));
  }
  return shown;
}

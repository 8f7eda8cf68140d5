/**
 * The text drawn by an uncompressed PDFKit document with a standard (WinAnsi-encoded) font: one
 * string per text-showing operator, the kerning adjustments dropped.
 */
/** WinAnsiEncoding where it differs from Latin-1 (0x80–0x9F). */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

const winAnsi = (bytes: Buffer): string => [...bytes].map((byte) => WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte)).join('');

export function pdfText(pdf: Buffer): string[] {
  const content = pdf.toString('latin1');
  const shown = [...content.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)];
  return shown.map(([, array, single]) => {
    const hex = array !== undefined ? [...array.matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]).join('') : single;
    return winAnsi(Buffer.from(hex, 'hex'));
  });
}

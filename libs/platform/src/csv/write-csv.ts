export type CsvValue = string | number | boolean | null | undefined;

/** A CSV to send as a download: its body and the file name to offer. */
export interface CsvFile {
  fileName: string;
  body: string;
}

/**
 * An RFC 4180 CSV document (CRLF line ends, a header row). Text cells that a spreadsheet would run as
 * a formula (starting with =, +, -, @, tab or CR) get a leading apostrophe; numbers stay numbers.
 * With `bom`, it starts with a UTF-8 byte order mark, so that Excel reads accents and curly quotes as UTF-8.
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? '\uFEFF' : '') + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A Content-Disposition value that offers the body as a download under this file name (ASCII only). */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

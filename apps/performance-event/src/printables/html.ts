import { escapeHtml, formatDateTime, PLANNING_TIME_ZONE } from '@tutti/platform';

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | null | undefined | Html | Html[];

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0];
  parts.forEach((part, index) => {
    out += render(part) + strings[index + 1];
  });
  return new Html(out);
}

function render(part: Part): string {
  if (part === null || part === undefined) return '';
  if (Array.isArray(part)) return part.map((p) => p.value).join('');
  if (part instanceof Html) return part.value;
  return escapeHtml(String(part));
}

/** "Wednesday, 4 March 2026 at 17:30" in the planning time zone, for a sheet's heading. */
export const londonDateTime = (at: Date): string => formatDateTime(at, 'en-GB', PLANNING_TIME_ZONE, { year: 'numeric' });

export const londonTime = (at: Date): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: PLANNING_TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(at);

export const minutesAndSeconds = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** A whole A4 page, print-ready: the browser's "Print" (or "Save as PDF") gives the sheet. */
export function printablePage(title: string, body: Html): string {
  return html`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        <style>
          @page {
            size: A4;
            margin: 15mm;
          }
          body {
            font-family: Georgia, 'Times New Roman', serif;
            color: #111;
            max-width: 180mm;
            margin: 0 auto;
          }
          h1 {
            font-size: 20pt;
            margin-bottom: 2mm;
          }
          h2 {
            font-size: 13pt;
            margin-top: 7mm;
            border-bottom: 1px solid #999;
          }
          table {
            width: 100%;
            border-collapse: collapse;
            font-size: 10.5pt;
          }
          th,
          td {
            text-align: left;
            padding: 1.5mm 2mm;
            border-bottom: 1px solid #ddd;
            vertical-align: top;
          }
          .meta {
            color: #444;
          }
          .flag {
            font-weight: bold;
            color: #a00;
            white-space: nowrap;
          }
          .small {
            font-size: 9pt;
            color: #555;
          }
          ul.names {
            columns: 3;
            padding-left: 4mm;
          }
          @media print {
            a {
              color: inherit;
              text-decoration: none;
            }
            tr {
              page-break-inside: avoid;
            }
          }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html> `.value;
}

import { drawText, PDF_FONTS, renderPdf } from '@tutti/platform';
import { strToU8, zipSync } from 'fflate';
import type { DataRequestPartRow, DataRequestRow } from './data-requests.queries';

/** The services whose answers make a data request complete, the gateway's own part first. */
export const DATA_REQUEST_SERVICES = ['gateway', 'scheduling', 'instrument-loan', 'performance-event', 'parent-engagement'] as const;

const SERVICE_TITLES: Record<string, string> = {
  gateway: 'Account, guardian links and audit trail',
  scheduling: 'Lessons, classes, ensembles, attendance, notes and exams',
  'instrument-loan': 'Instrument loans, agreements and damage reports',
  'performance-event': 'Performances: rosters and programmes',
  'parent-engagement': 'Family, consents, bookings, replies and messages',
};

/** The export as a ZIP: `request.json` (what was asked, when, by whom) and one JSON file per service, as each answered. */
export function exportZip(request: DataRequestRow, parts: readonly DataRequestPartRow[]): Buffer {
  const about = {
    requestId: request.id,
    kind: request.kind,
    subject: { type: request.subjectType, id: request.subjectId },
    requestedBy: request.requestedBy,
    requestedAt: request.createdAt.toISOString(),
    completedAt: request.finishedAt?.toISOString() ?? null,
    files: parts.map((part) => `${part.service}.json`),
  };
  const files: Record<string, Uint8Array> = { 'request.json': strToU8(json(about)) };
  for (const part of parts)
    files[`${part.service}.json`] = strToU8(
      json({ service: part.service, receivedAt: new Date(part.receivedAt).toISOString(), records: part.records }),
    );
  // Deflated entries dated when the request finished (a ZIP keeps local time, as its readers show it).
  const archive = zipSync(files, { level: 6, mtime: request.finishedAt ?? request.createdAt });
  return Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
}

/**
 * The subject's name as the services hold it: a pupil's from scheduling's pupil record (or any
 * service's), a guardian's from their account. Null when nobody holds one.
 */
export function subjectNameOf(request: DataRequestRow, parts: readonly DataRequestPartRow[]): string | null {
  const ordered = [...parts].sort((a, b) => rank(a.service, request) - rank(b.service, request));
  for (const part of ordered) {
    for (const group of request.subjectType === 'guardian' ? ['account', 'accounts'] : ['pupil', 'pupils', 'children', 'child']) {
      const first = part.records[group]?.[0];
      const name = first && typeof first === 'object' ? nameIn(first as Record<string, unknown>) : null;
      if (name) return name;
    }
  }
  return null;
}

export interface SummaryPdfOptions {
  /** Leave the content streams uncompressed, so tests can read the text. */
  compress?: boolean;
}

/** A readable summary: who it is about, and per service what is held (each kind of record, counted, with its first lines). */
export function exportSummaryPdf(
  request: DataRequestRow,
  parts: readonly DataRequestPartRow[],
  options: SummaryPdfOptions = {},
): Promise<Buffer> {
  const name = subjectNameOf(request, parts);
  const who = request.subjectType === 'guardian' ? 'guardian' : 'pupil';
  const title = `Subject access export: ${name ?? `${who} ${request.subjectId ?? ''}`}`;
  return renderPdf(
    { size: 'A4', margin: 50, compress: options.compress ?? true, info: { Title: title, Creator: 'Tutti' }, lang: 'en-GB' },
    (doc) => {
      drawText(doc.font(PDF_FONTS.bold).fontSize(18), title);
      doc.moveDown(0.3);
      doc
        .font(PDF_FONTS.regular)
        .fontSize(10)
        .fillColor('#555555')
        .text(`Everything Tutti holds about this ${who}, as each service answered request ${request.id}.`)
        .text(
          `Asked for ${request.createdAt.toISOString().slice(0, 10)}; complete ${request.finishedAt?.toISOString().slice(0, 10) ?? '(not yet)'}.`,
        )
        .text('The full records are in the ZIP of JSON files that comes with this summary.');
      for (const service of DATA_REQUEST_SERVICES) {
        const part = parts.find((candidate) => candidate.service === service);
        doc.moveDown(0.8).fillColor('#111111').font(PDF_FONTS.bold).fontSize(13).text(`${SERVICE_TITLES[service]} (${service})`);
        const groups = Object.entries(part?.records ?? {});
        if (!part || groups.every(([, records]) => records.length === 0)) {
          doc
            .font(PDF_FONTS.regular)
            .fontSize(10)
            .text(part ? 'Nothing held.' : 'No answer yet.');
          continue;
        }
        for (const [group, records] of groups) {
          doc
            .moveDown(0.3)
            .font(PDF_FONTS.bold)
            .fontSize(10.5)
            .text(`${group}: ${records.length} ${records.length === 1 ? 'record' : 'records'}`);
          doc.font(PDF_FONTS.regular).fontSize(9);
          for (const record of records.slice(0, SHOWN_PER_GROUP)) drawText(doc, line(record), { indent: 10 });
          if (records.length > SHOWN_PER_GROUP)
            doc.text(`… and ${records.length - SHOWN_PER_GROUP} more in ${service}.json`, { indent: 10 });
        }
      }
    },
  );
}

const SHOWN_PER_GROUP = 20;

function rank(service: string, request: DataRequestRow): number {
  const preferred = request.subjectType === 'guardian' ? 'gateway' : 'scheduling';
  return service === preferred ? 0 : 1;
}

function nameIn(record: Record<string, unknown>): string | null {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const first = text(record.firstName) ?? text(record.preferredName);
  const last = text(record.lastName);
  if (first && last) return `${first} ${last}`;
  return text(record.displayName) ?? text(record.name) ?? text(record.fullName) ?? first;
}

/** One record on one line: its fields as `key: value`, nested values as JSON, cut to a readable length. */
function line(record: unknown): string {
  if (!record || typeof record !== 'object') return String(record);
  const text = Object.entries(record as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

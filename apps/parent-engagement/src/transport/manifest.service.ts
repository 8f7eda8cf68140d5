import { Injectable, NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { csvDocument, formatDateTime } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { familyScopeOf } from '../common/family-scope';
import { escapeHtml } from '@tutti/platform';
import type { ManifestFormat } from './dto/transport-run.dto';
import { renderManifestPdf } from './manifest-pdf';
import { manifestLines, manifestRun } from './transport.queries';

export interface Manifest {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

export interface ManifestOptions {
  /** Deflate the PDF's content streams (off in tests, so that the text can be searched). */
  compress?: boolean;
}

const COLUMNS = ['stop', 'place', 'pickup_time', 'booking', 'family', 'adults', 'children', 'seats', 'checked_in'];

/** The driver's list: confirmed families per stop, in pick-up order, as CSV or a printable page. */
@Injectable()
export class ManifestService {
  constructor(private readonly dataSource: DataSource) {}

  async manifest(
    identity: Identity,
    runId: string,
    stopId: string | undefined,
    format: ManifestFormat,
    options: ManifestOptions = {},
  ): Promise<Manifest> {
    const run = await manifestRun(this.dataSource, identity.tenantId, runId);
    if (!run) throw new NotFoundException('No such transport run.');
    const lines = await manifestLines(this.dataSource, identity.tenantId, familyScopeOf(identity), runId, stopId ?? null);
    const time = (instant: Date) => formatDateTime(instant, 'en-GB', run.time_zone);
    const table = lines.map((line) => [
      line.stop_name,
      line.place,
      time(line.pickup_at),
      line.booking_id,
      line.guardian_name,
      String(line.adults),
      String(line.children),
      String(line.seats),
      line.checked_in_at ? 'yes' : '',
    ]);
    const name = `manifest-${runId}${stopId ? `-${stopId}` : ''}`;
    if (format === 'pdf') {
      const body = await renderManifestPdf(
        {
          title: run.title,
          vehicle: run.vehicle,
          departs: time(run.outbound_departs_at),
          lines: lines.map((line) => ({ ...line, pickupTime: time(line.pickup_at) })),
        },
        { compress: options.compress ?? true },
      );
      return { filename: `${name}.pdf`, contentType: 'application/pdf', body };
    }
    if (format === 'csv') {
      return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: csvDocument(COLUMNS, table) };
    }
    const head = `<tr>${COLUMNS.map((column) => `<th>${escapeHtml(column.replace('_', ' '))}</th>`).join('')}</tr>`;
    const body = table.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
    const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(run.title)} – ${escapeHtml(run.vehicle)}</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:4px;text-align:left}@media print{button{display:none}}</style></head>
<body><h1>${escapeHtml(run.title)}</h1><p>${escapeHtml(run.vehicle)}, departs ${escapeHtml(time(run.outbound_departs_at))}. Seats booked: ${lines.reduce((n, line) => n + line.seats, 0)}.</p>
<table>${head}
${body}</table></body></html>
`;
    return { filename: `${name}.html`, contentType: 'text/html; charset=utf-8', body: html };
  }
}

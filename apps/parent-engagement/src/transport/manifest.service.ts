import { Injectable, NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { csvDocument, oneRow, rows } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { familyBookingScopeCondition, familyScopeOf, familyScopeParams } from '../common/family-scope';
import { formatLocal } from '../common/zoned-time';
import { escapeHtml } from '../reminders/templates';
import type { ManifestFormat } from './dto/transport-run.dto';
import { renderManifestPdf } from './manifest-pdf';

interface ManifestLine {
  stop_name: string;
  place: string;
  pickup_at: Date;
  booking_id: string;
  guardian_name: string;
  adults: number;
  children: number;
  seats: number;
  checked_in_at: Date | null;
}

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

  async manifest(identity: Identity, runId: string, stopId: string | undefined, format: ManifestFormat, options: ManifestOptions = {}): Promise<Manifest> {
    const run = await oneRow<{ vehicle: string; title: string; outbound_departs_at: Date; time_zone: string }>(
      this.dataSource,
      `SELECT r.vehicle, p.title, r.outbound_departs_at, COALESCE(t.time_zone, 'Europe/London') AS time_zone
         FROM transport_runs r JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id
         LEFT JOIN tenant_settings t ON t.tenant_id = r.tenant_id
        WHERE r.tenant_id = $1 AND r.id = $2`,
      [identity.tenantId, runId],
    );
    if (!run) throw new NotFoundException('No such transport run.');
    const lines = await rows<ManifestLine>(
      this.dataSource,
      `SELECT s.name AS stop_name, s.place, s.pickup_at, b.id AS booking_id, b.guardian_name, b.adults, b.children, b.seats, b.checked_in_at
         FROM transport_bookings b JOIN pickup_stops s ON s.tenant_id = b.tenant_id AND s.id = b.stop_id
        WHERE b.tenant_id = $1 AND b.run_id = $6 AND b.status = 'confirmed' AND ($7::uuid IS NULL OR b.stop_id = $7)
          AND ${familyBookingScopeCondition('b', 2)}
        ORDER BY s.position, b.guardian_name, b.id`,
      [identity.tenantId, ...familyScopeParams(familyScopeOf(identity)), runId, stopId ?? null],
    );
    const time = (instant: Date) => formatLocal(instant, run.time_zone);
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
        { title: run.title, vehicle: run.vehicle, departs: time(run.outbound_departs_at), lines: lines.map((line) => ({ ...line, pickupTime: time(line.pickup_at) })) },
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

import { Injectable } from '@nestjs/common';
import { oneRow, rows } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { findVisiblePerformance, type PerformanceRow } from '../performances/performance-lookup';
import type { Viewer } from '../performances/viewer';
import { performersOf, toPerformerDto } from '../rosters/rosters.service';
import { runningOrderOf } from '../running-order/running-order.service';
import type { RunningOrderDto } from '../running-order/dto/running-order.dto';
import { html, londonDateTime, londonTime, minutesAndSeconds, printablePage, type Html } from './html';

const ROSTER_PRINT_LIMIT = 2000;

interface VenueRow {
  name: string;
  address: string;
  access_notes: string | null;
}

/** Print-ready HTML: the audience's programme and the staff's run sheet for the day. */
@Injectable()
export class PrintablesService {
  constructor(private readonly db: DataSource) {}

  /**
   * The audience's programme. Children are named only where their family consented to their
   * performing in public; the others are counted, never named.
   */
  async programme(viewer: Viewer, performanceId: string): Promise<string> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    const venue = await this.venueOf(performance);
    const everyone: Viewer = { ...viewer, admin: true };
    const order = await runningOrderOf(this.db.manager, everyone, performance);
    const performers = await rows<{ pupil_id: string; display_name: string; school_name: string | null; named: boolean }>(
      this.db,
      `SELECT r.pupil_id, p.display_name, s.name AS school_name, coalesce(c.granted, false) AS named
       FROM roster_entries r
       JOIN replica_pupils p ON p.tenant_id = r.tenant_id AND p.pupil_id = r.pupil_id
       LEFT JOIN replica_schools s ON s.tenant_id = r.tenant_id AND s.school_id = r.school_id
       LEFT JOIN replica_consents c ON c.tenant_id = r.tenant_id AND c.pupil_id = r.pupil_id AND c.kind = 'performing_in_public'
       WHERE r.tenant_id = $1 AND r.performance_id = $2 AND NOT r.removed
       ORDER BY s.name NULLS LAST, p.display_name LIMIT ${ROSTER_PRINT_LIMIT}`,
      [performance.tenant_id, performance.id],
    );
    const named = new Set(performers.filter((p) => p.named).map((p) => p.pupil_id));
    const unnamedCount = performers.length - named.size;
    const bySchool = new Map<string, string[]>();
    for (const performer of performers.filter((p) => p.named)) {
      const school = performer.school_name ?? 'Our young musicians';
      bySchool.set(school, [...(bySchool.get(school) ?? []), performer.display_name]);
    }
    const items = order.items.map((item) => {
      const soloists = [
        ...item.soloists.map((s) => (named.has(s.pupilId) && s.displayName ? s.displayName : null)).filter((n): n is string => n !== null),
        ...item.guestSoloists,
      ];
      const anonymousSoloists = item.soloists.filter((s) => !named.has(s.pupilId)).length;
      const credit = [item.composer, item.arranger ? `arr. ${item.arranger}` : null].filter(Boolean).join(', ');
      return html`<tr><td>${item.piece}${credit ? html`<br><span class="small">${credit}</span>` : ''}</td><td>${item.ensembleName ?? ''}</td>
<td>${soloists.join(', ')}${anonymousSoloists ? html`${soloists.length ? ', ' : ''}${anonymousSoloists === 1 ? 'a young soloist' : `${anonymousSoloists} young soloists`}` : ''}</td></tr>`;
    });
    const body = html`<h1>${performance.title}</h1>
<p class="meta">${londonDateTime(performance.starts_at)} · ${venue.name}, ${venue.address}</p>
<h2>Programme</h2>
<table><thead><tr><th>Piece</th><th>Performed by</th><th>Soloists</th></tr></thead><tbody>${items}</tbody></table>
${performance.professional_musicians.length ? html`<h2>Playing side by side with the children</h2><ul>${performance.professional_musicians.map((m) => html`<li>${m.name}, ${m.instrument}${m.organisation ? ` (${m.organisation})` : ''}</li>`)}</ul>` : ''}
<h2>Performers</h2>
${[...bySchool.entries()].map(([school, names]) => html`<h3>${school}</h3><ul class="names">${names.map((n) => html`<li>${n}</li>`)}</ul>`)}
${unnamedCount ? html`<p>…and ${unnamedCount} more young ${unnamedCount === 1 ? 'musician' : 'musicians'}.</p>` : ''}`;
    return printablePage(`${performance.title} – programme`, body);
  }

  /** The staff's run sheet for the day: call time, dress, running order, and every performer with what to watch for. */
  async runSheet(viewer: Viewer, performanceId: string): Promise<string> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    const venue = await this.venueOf(performance);
    const order = await runningOrderOf(this.db.manager, viewer, performance);
    const performers = (await performersOf(this.db.manager, viewer, performance, { limit: ROSTER_PRINT_LIMIT })).map(toPerformerDto);
    const schools = new Map((await rows<{ school_id: string; name: string }>(this.db, 'SELECT school_id, name FROM replica_schools WHERE tenant_id = $1', [performance.tenant_id])).map((s) => [s.school_id, s.name]));
    const noPhoto = performers.filter((p) => p.flags.includes('no_photo_film_consent')).length;
    const flagText = (flags: string[]): Html[] =>
      flags.map((flag) => html`<span class="flag">${flag === 'no_photo_film_consent' ? 'NO PHOTO/FILM' : 'NO PUBLIC PERFORMANCE CONSENT'}</span> `);
    const body = html`<h1>Run sheet: ${performance.title}</h1>
<p class="meta">${londonDateTime(performance.starts_at)} – ${londonTime(performance.ends_at)} · ${venue.name}, ${venue.address}</p>
<table>
<tr><th>Call time</th><td>${performance.call_time ? londonTime(performance.call_time) : 'not set'}</td></tr>
<tr><th>Dress</th><td>${performance.dress ?? 'not set'}</td></tr>
<tr><th>Access</th><td>${venue.access_notes ?? ''}</td></tr>
<tr><th>Status</th><td>${performance.status}</td></tr>
</table>
${runningOrderTable(order)}
<h2>Performers (${performers.length}; ${noPhoto} without photo/film consent)</h2>
<table><thead><tr><th>Name</th><th>School</th><th>Instrument</th><th>Watch for</th></tr></thead><tbody>
${performers.map((p) => html`<tr><td>${p.displayName}</td><td>${schools.get(p.schoolId) ?? ''}</td><td>${p.instrument ?? ''}</td><td>${flagText(p.flags)}</td></tr>`)}
</tbody></table>`;
    return printablePage(`${performance.title} – run sheet`, body);
  }

  private async venueOf(performance: PerformanceRow): Promise<VenueRow> {
    const venue = await oneRow<VenueRow>(this.db, 'SELECT name, address, access_notes FROM venues WHERE tenant_id = $1 AND id = $2', [performance.tenant_id, performance.venue_id]);
    return venue ?? { name: '', address: '', access_notes: null };
  }
}

function runningOrderTable(order: RunningOrderDto): Html {
  let elapsed = 0;
  const rowsHtml = order.items.map((item) => {
    const start = elapsed;
    elapsed += item.durationSeconds;
    const soloists = [...item.soloists.map((s) => s.displayName ?? 'soloist (another school)'), ...item.guestSoloists].join(', ');
    return html`<tr><td>${item.position + 1}</td><td>+${minutesAndSeconds(start)}</td><td>${item.piece}</td><td>${item.ensembleName ?? ''}</td><td>${minutesAndSeconds(item.durationSeconds)}</td><td>${soloists}</td></tr>`;
  });
  return html`<h2>Running order (${minutesAndSeconds(order.totalSeconds)} of ${minutesAndSeconds(order.slotSeconds)})</h2>
<table><thead><tr><th>#</th><th>At</th><th>Piece</th><th>Ensemble</th><th>Length</th><th>Soloists</th></tr></thead><tbody>${rowsHtml}</tbody></table>`;
}

import { Injectable } from '@nestjs/common';
import { oneRow, rows } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { findVisiblePerformance, type PerformanceRow } from '../performances/performance-lookup';
import type { Viewer } from '../performances/viewer';
import { performersOf, toPerformerDto } from '../rosters/rosters.service';
import { runningOrderOf } from '../running-order/running-order.service';
import type { RunningOrderDto } from '../running-order/dto/running-order.dto';
import { londonDateTime, londonTime, minutesAndSeconds } from './html';
import { runSheetFlagLabel, type ProgrammeSheet, type RunSheet } from './printable-sheets';
import { programmeHtml, runSheetHtml } from './sheets-html';
import { pdfFileName, programmePdf, runSheetPdf, type PdfFile, type PdfOptions } from './sheets-pdf';

const ROSTER_PRINT_LIMIT = 2000;

interface VenueRow {
  name: string;
  address: string;
  access_notes: string | null;
}

/** The audience's programme and the staff's run sheet for the day, as print-ready HTML or PDF. */
@Injectable()
export class PrintablesService {
  constructor(private readonly db: DataSource) {}

  async programme(viewer: Viewer, performanceId: string): Promise<string> {
    return programmeHtml(await this.programmeSheet(viewer, performanceId));
  }

  async programmePdf(viewer: Viewer, performanceId: string, options: PdfOptions = {}): Promise<PdfFile> {
    const sheet = await this.programmeSheet(viewer, performanceId);
    return { fileName: pdfFileName(sheet.title, 'programme'), pdf: await programmePdf(sheet, options) };
  }

  async runSheet(viewer: Viewer, performanceId: string): Promise<string> {
    return runSheetHtml(await this.runSheetOf(viewer, performanceId));
  }

  async runSheetPdf(viewer: Viewer, performanceId: string, options: PdfOptions = {}): Promise<PdfFile> {
    const sheet = await this.runSheetOf(viewer, performanceId);
    return { fileName: pdfFileName(sheet.title, 'run-sheet'), pdf: await runSheetPdf(sheet, options) };
  }

  /**
   * The audience's programme. Children are named only where their family consented to their
   * performing in public; the others are counted, never named.
   */
  private async programmeSheet(viewer: Viewer, performanceId: string): Promise<ProgrammeSheet> {
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
      if (anonymousSoloists) soloists.push(anonymousSoloists === 1 ? 'a young soloist' : `${anonymousSoloists} young soloists`);
      const credit = [item.composer, item.arranger ? `arr. ${item.arranger}` : null].filter(Boolean).join(', ');
      return { piece: item.piece, credit, ensemble: item.ensembleName ?? '', soloists: soloists.join(', ') };
    });
    return {
      title: performance.title,
      when: londonDateTime(performance.starts_at),
      where: `${venue.name}, ${venue.address}`,
      items,
      professionalMusicians: performance.professional_musicians.map((m) => `${m.name}, ${m.instrument}${m.organisation ? ` (${m.organisation})` : ''}`),
      performersBySchool: [...bySchool.entries()].map(([school, names]) => ({ school, names })),
      unnamedCount: performers.length - named.size,
    };
  }

  /** The staff's run sheet for the day: call time, dress, running order, and every performer with what to watch for. */
  private async runSheetOf(viewer: Viewer, performanceId: string): Promise<RunSheet> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    const venue = await this.venueOf(performance);
    const order = await runningOrderOf(this.db.manager, viewer, performance);
    const performers = (await performersOf(this.db.manager, viewer, performance, { limit: ROSTER_PRINT_LIMIT })).map(toPerformerDto);
    const schools = new Map((await rows<{ school_id: string; name: string }>(this.db, 'SELECT school_id, name FROM replica_schools WHERE tenant_id = $1', [performance.tenant_id])).map((s) => [s.school_id, s.name]));
    return {
      title: performance.title,
      when: `${londonDateTime(performance.starts_at)} – ${londonTime(performance.ends_at)}`,
      where: `${venue.name}, ${venue.address}`,
      facts: [
        { label: 'Call time', value: performance.call_time ? londonTime(performance.call_time) : 'not set' },
        { label: 'Dress', value: performance.dress ?? 'not set' },
        { label: 'Access', value: venue.access_notes ?? '' },
        { label: 'Status', value: performance.status },
      ],
      runningOrder: runningOrderRows(order),
      performers: performers.map((p) => ({ name: p.displayName, school: schools.get(p.schoolId) ?? '', instrument: p.instrument ?? '', flags: p.flags.map(runSheetFlagLabel) })),
      noPhotoFilmCount: performers.filter((p) => p.flags.includes('no_photo_film_consent')).length,
    };
  }

  private async venueOf(performance: PerformanceRow): Promise<VenueRow> {
    const venue = await oneRow<VenueRow>(this.db, 'SELECT name, address, access_notes FROM venues WHERE tenant_id = $1 AND id = $2', [performance.tenant_id, performance.venue_id]);
    return venue ?? { name: '', address: '', access_notes: null };
  }
}

function runningOrderRows(order: RunningOrderDto): RunSheet['runningOrder'] {
  let elapsed = 0;
  const orderRows = order.items.map((item) => {
    const start = elapsed;
    elapsed += item.durationSeconds;
    const soloists = [...item.soloists.map((s) => s.displayName ?? 'soloist (another school)'), ...item.guestSoloists].join(', ');
    return { number: String(item.position + 1), at: `+${minutesAndSeconds(start)}`, piece: item.piece, ensemble: item.ensembleName ?? '', length: minutesAndSeconds(item.durationSeconds), soloists };
  });
  return { total: minutesAndSeconds(order.totalSeconds), slot: minutesAndSeconds(order.slotSeconds), rows: orderRows };
}

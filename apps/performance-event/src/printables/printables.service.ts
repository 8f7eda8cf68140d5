import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findVisiblePerformance } from '../performances/performance-lookup';
import type { PerformanceRow } from '../performances/performances.queries';
import type { Viewer } from '../performances/viewer';
import { performersOf, toPerformerDto } from '../rosters/rosters.service';
import { runningOrderOf } from '../running-order/running-order.service';
import type { RunningOrderDto } from '../running-order/dto/running-order.dto';
import { venueById, type VenueRow } from '../venues/venues.queries';
import { londonDateTime, londonTime, minutesAndSeconds } from './html';
import { runSheetFlagLabel, type ProgrammeSheet, type RunSheet } from './printable-sheets';
import { programmeHtml, runSheetHtml } from './sheets-html';
import { pdfFileName, programmePdf, runSheetPdf, type PdfFile, type PdfOptions } from './sheets-pdf';
import { recordPrintedSheet, schoolNames, type PrintedPupil } from './printables.queries';

const ROSTER_PRINT_LIMIT = 2000;

/** The audience's programme and the staff's run sheet for the day, as print-ready HTML or PDF. */
@Injectable()
export class PrintablesService {
  constructor(private readonly db: DataSource) {}

  /**
   * `printedBy`: the sheet is handed out (the routes), so it is recorded with the pupils it lists and
   * their consents at that moment, for the consent audit; without it (a preview) nothing is recorded.
   */
  async programme(viewer: Viewer, performanceId: string, printedBy?: string): Promise<string> {
    return programmeHtml(await this.programmeSheet(viewer, performanceId, printedBy));
  }

  async programmePdf(viewer: Viewer, performanceId: string, options: PdfOptions = {}, printedBy?: string): Promise<PdfFile> {
    const sheet = await this.programmeSheet(viewer, performanceId, printedBy);
    return { fileName: pdfFileName(sheet.title, 'programme'), pdf: await programmePdf(sheet, options) };
  }

  async runSheet(viewer: Viewer, performanceId: string, printedBy?: string): Promise<string> {
    return runSheetHtml(await this.runSheetOf(viewer, performanceId, printedBy));
  }

  async runSheetPdf(viewer: Viewer, performanceId: string, options: PdfOptions = {}, printedBy?: string): Promise<PdfFile> {
    const sheet = await this.runSheetOf(viewer, performanceId, printedBy);
    return { fileName: pdfFileName(sheet.title, 'run-sheet'), pdf: await runSheetPdf(sheet, options) };
  }

  private async recordPrint(
    performance: PerformanceRow,
    kind: 'programme' | 'run_sheet',
    printedBy: string | undefined,
    pupils: PrintedPupil[],
  ) {
    if (printedBy) await recordPrintedSheet(this.db, performance.tenant_id, performance.id, kind, printedBy, pupils);
  }

  /**
   * The audience's programme, for the programme admin and the staff of the schools taking part (who
   * may see the performance): it is what the audience reads, so it covers every school taking part,
   * but names only children whose families granted consent to performing in public (the roster's
   * consent state; refused and not answered alike are counted, never named).
   */
  private async programmeSheet(viewer: Viewer, performanceId: string, printedBy?: string): Promise<ProgrammeSheet> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    const venue = await this.venueOf(performance);
    const everyone: Viewer = { ...viewer, admin: true };
    const order = await runningOrderOf(this.db.manager, everyone, performance);
    const schools = await schoolNames(this.db, performance.tenant_id);
    const performers = (await performersOf(this.db.manager, everyone, performance, { limit: ROSTER_PRINT_LIMIT }))
      .map(toPerformerDto)
      .map((p) => ({
        pupil_id: p.pupilId,
        display_name: p.displayName,
        school_name: schools.get(p.schoolId) ?? null,
        named: p.consents.performingInPublic === 'granted',
        consents: p.consents,
      }))
      .sort((a, b) => (a.school_name ?? '\uffff').localeCompare(b.school_name ?? '\uffff') || a.display_name.localeCompare(b.display_name));
    const named = new Set(performers.filter((p) => p.named).map((p) => p.pupil_id));
    await this.recordPrint(
      performance,
      'programme',
      printedBy,
      performers.map((p) => ({ pupilId: p.pupil_id, named: p.named, ...p.consents })),
    );
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
      professionalMusicians: performance.professional_musicians.map(
        (m) => `${m.name}, ${m.instrument}${m.organisation ? ` (${m.organisation})` : ''}`,
      ),
      performersBySchool: [...bySchool.entries()].map(([school, names]) => ({ school, names })),
      unnamedCount: performers.length - named.size,
    };
  }

  /** The staff's run sheet for the day: call time, dress, running order, and every performer with what to watch for. */
  private async runSheetOf(viewer: Viewer, performanceId: string, printedBy?: string): Promise<RunSheet> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    const venue = await this.venueOf(performance);
    const order = await runningOrderOf(this.db.manager, viewer, performance);
    const performers = (await performersOf(this.db.manager, viewer, performance, { limit: ROSTER_PRINT_LIMIT })).map(toPerformerDto);
    const schools = await schoolNames(this.db, performance.tenant_id);
    await this.recordPrint(
      performance,
      'run_sheet',
      printedBy,
      performers.map((p) => ({ pupilId: p.pupilId, named: true, ...p.consents })),
    );
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
      performers: performers.map((p) => ({
        name: p.displayName,
        school: schools.get(p.schoolId) ?? '',
        instrument: p.instrument ?? '',
        flags: p.flags.map(runSheetFlagLabel),
      })),
      photoFilm: {
        refused: performers.filter((p) => p.consents.photoFilm === 'refused').length,
        notAnswered: performers.filter((p) => p.consents.photoFilm === 'not_answered').length,
      },
    };
  }

  private async venueOf(performance: PerformanceRow): Promise<Pick<VenueRow, 'name' | 'address' | 'access_notes'>> {
    const venue = await venueById(this.db, performance.tenant_id, performance.venue_id);
    return venue ?? { name: '', address: '', access_notes: null };
  }
}

function runningOrderRows(order: RunningOrderDto): RunSheet['runningOrder'] {
  let elapsed = 0;
  const orderRows = order.items.map((item) => {
    const start = elapsed;
    elapsed += item.durationSeconds;
    const soloists = [...item.soloists.map((s) => s.displayName ?? 'soloist (another school)'), ...item.guestSoloists].join(', ');
    return {
      number: String(item.position + 1),
      at: `+${minutesAndSeconds(start)}`,
      piece: item.piece,
      ensemble: item.ensembleName ?? '',
      length: minutesAndSeconds(item.durationSeconds),
      soloists,
    };
  });
  return { total: minutesAndSeconds(order.totalSeconds), slot: minutesAndSeconds(order.slotSeconds), rows: orderRows };
}

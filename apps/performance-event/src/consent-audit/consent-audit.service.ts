import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findVisiblePerformance } from '../performances/performance-lookup';
import type { Viewer } from '../performances/viewer';
import type { ConsentState } from '../rosters/dto/roster.dto';
import type { PrintedPupil } from '../printables/printables.queries';
import { auditChildren, printedSheets, type AuditChildRow, type PrintedSheetRow } from './consent-audit.queries';
import type { AuditedChildDto, ConsentAuditDto, ConsentMismatchDto, PrintedAppearanceDto } from './dto/consent-audit.dto';

const state = (granted: boolean | null): ConsentState => (granted === null ? 'not_answered' : granted ? 'granted' : 'refused');

/**
 * The consent enforcement audit (issue 19): which children a performance's programme, run sheet and
 * public listing show, checked against their CURRENT consents. What prints now follows the consents by
 * construction (the programme names only children with consent to perform in public, the run sheet
 * flags the rest), so what can go wrong is what was printed before a family changed its answer, a
 * public performance with a child on its roster who may not perform in public, and a title that names
 * a child in the public listing.
 */
@Injectable()
export class ConsentAuditService {
  constructor(private readonly db: DataSource) {}

  /**
   * The programme admin sees every child; a headteacher sees the performance if their school takes
   * part (or hosts it), and only their own school's children.
   */
  async audit(viewer: Viewer, performanceId: string): Promise<ConsentAuditDto> {
    const asHead: Viewer = viewer.admin ? viewer : { ...viewer, staffSchoolIds: viewer.headteacherSchoolIds, guardedPupilIds: [] };
    const performance = await findVisiblePerformance(this.db, asHead, performanceId);
    const schools = viewer.admin ? null : viewer.headteacherSchoolIds;
    const children = await auditChildren(this.db, performance.tenant_id, performance.id, schools);
    const sheets = await printedSheets(this.db, performance.tenant_id, performance.id);
    const publiclyListed = performance.audience === 'public' && performance.status !== 'draft';
    const audited = children.map((child) =>
      auditChild(child, sheets, {
        title: performance.title,
        publiclyListed,
        publicPerformance: performance.audience === 'public' && performance.status !== 'cancelled',
        cancelled: performance.status === 'cancelled',
      }),
    );
    return {
      performanceId: performance.id,
      title: performance.title,
      startsAt: performance.starts_at.toISOString(),
      status: performance.status,
      audience: performance.audience,
      publiclyListed,
      checkedAt: new Date().toISOString(),
      childrenWithMismatches: audited.filter((child) => child.mismatches.length > 0).length,
      children: audited,
    };
  }
}

interface PerformanceFacts {
  title: string;
  publiclyListed: boolean;
  publicPerformance: boolean;
  cancelled: boolean;
}

function auditChild(child: AuditChildRow, sheets: PrintedSheetRow[], performance: PerformanceFacts): AuditedChildDto {
  const consents = { photoFilm: state(child.photo_film), performingInPublic: state(child.performing_in_public) };
  const printed: (PrintedAppearanceDto & { entry: PrintedPupil })[] = [];
  for (const sheet of sheets) {
    const entry = sheet.pupils.find((pupil) => pupil.pupilId === child.pupil_id);
    if (!entry) continue;
    printed.push({
      kind: sheet.kind,
      printedAt: new Date(sheet.printed_at).toISOString(),
      named: entry.named,
      consentsAsPrinted: { photoFilm: entry.photoFilm, performingInPublic: entry.performingInPublic },
      entry,
    });
  }
  const displayName = child.display_name ?? '';
  const inListing = performance.publiclyListed && displayName !== '' && namesIn(performance.title, displayName);
  const mismatches: ConsentMismatchDto[] = [];
  const publicState = consents.performingInPublic;
  const photoState = consents.photoFilm;
  if (!performance.cancelled) {
    // The latest sheet of each kind that listed the child is the one in use (a reprint replaces the earlier).
    const programme = [...printed].reverse().find((sheet) => sheet.kind === 'programme');
    if (programme?.named && publicState !== 'granted') {
      mismatches.push({
        where: 'printed_programme',
        consent: 'performing_in_public',
        state: publicState,
        printedAt: programme.printedAt,
        message:
          `Named in the programme printed ${programme.printedAt}, but ` +
          (publicState === 'refused' ? 'the family has since refused' : 'there is no longer an answer on record for') +
          ' performing in public: withdraw those copies and reprint (the programme no longer names the child).',
      });
    }
    const runSheet = [...printed].reverse().find((sheet) => sheet.kind === 'run_sheet');
    if (runSheet && runSheet.entry.photoFilm === 'granted' && photoState !== 'granted') {
      mismatches.push({
        where: 'printed_run_sheet',
        consent: 'photo_film',
        state: photoState,
        printedAt: runSheet.printedAt,
        message: `The run sheet printed ${runSheet.printedAt} does not flag NO PHOTO/FILM (${photoState === 'refused' ? 'refused' : 'not answered'} now): reprint it.`,
      });
    }
    if (runSheet && runSheet.entry.performingInPublic === 'granted' && publicState !== 'granted') {
      mismatches.push({
        where: 'printed_run_sheet',
        consent: 'performing_in_public',
        state: publicState,
        printedAt: runSheet.printedAt,
        message: `The run sheet printed ${runSheet.printedAt} does not flag NO PUBLIC PERFORMANCE CONSENT (${publicState === 'refused' ? 'refused' : 'not answered'} now): reprint it.`,
      });
    }
    if (performance.publicPerformance && child.on_roster && publicState !== 'granted') {
      mismatches.push({
        where: 'public_performance',
        consent: 'performing_in_public',
        state: publicState,
        printedAt: null,
        message:
          publicState === 'refused'
            ? 'On the roster of a public performance, but the family refused performing in public: take the child off the roster.'
            : 'On the roster of a public performance with no answer on performing in public: chase the family before the day.',
      });
    }
  }
  if (inListing && publicState !== 'granted') {
    mismatches.push({
      where: 'public_listing',
      consent: 'performing_in_public',
      state: publicState,
      printedAt: null,
      message: 'Named in the public listing (the performance’s title) without consent to performing in public: retitle the performance.',
    });
  }
  return {
    pupilId: child.pupil_id,
    displayName,
    schoolId: child.school_id,
    consents,
    appearances: {
      runSheet: child.on_roster,
      programme: !child.on_roster ? 'absent' : publicState === 'granted' ? 'named' : 'counted',
      soloist: child.soloist,
      publicListing: inListing,
      printed: printed.map(({ entry: _entry, ...appearance }) => appearance),
    },
    mismatches,
  };
}

/** Whether the text names the person: their name as whole words, case aside. */
export function namesIn(text: string, name: string): boolean {
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
  return new RegExp(`(^|[^\\p{L}\\p{N}])${words.join('\\s+')}(?=$|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ConflictProblem, notFoundField, decodeCursor, toPage, type PageQueryDto, type Queryable } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { academicYearOf, periodBounds } from '../common/time';
import { assertManagesPerformance, findVisiblePerformance } from '../performances/performance-lookup';
import type { PerformanceRow } from '../performances/performances.queries';
import { managesSchool, type Viewer } from '../performances/viewer';
import type {
  ConsentState,
  PerformerDto,
  PerformerFlag,
  RosterBuildDto,
  RosterPageDto,
  SuggestionDto,
  SuggestionPageDto,
} from './dto/roster.dto';
import {
  addRosterEntry,
  deleteEnsembleEntriesExcept,
  markRosterEntryRemoved,
  membersTakingPart,
  pupilPlace,
  rosterEntry,
  rosterPerformers,
  rosterSuggestions,
  rosterSummary,
  upsertEnsembleEntries,
  type PerformerRow,
  type SuggestionRow,
} from './rosters.queries';

/** The replica holds a family's latest answer (granted true or false); no row means the family has not answered. */
const consentState = (granted: boolean | null): ConsentState => (granted === null ? 'not_answered' : granted ? 'granted' : 'refused');

@Injectable()
export class RostersService {
  constructor(private readonly db: DataSource) {}

  /**
   * Fills the roster from the current members of the ensembles taking part. Pupils added one by one
   * stay; pupils removed stay removed; members who have left their ensemble leave the roster.
   */
  async build(viewer: Viewer, performanceId: string): Promise<RosterBuildDto> {
    return this.db.transaction(async (manager) => {
      const performance = await findVisiblePerformance(manager, viewer, performanceId, true);
      assertManagesPerformance(viewer, performance);
      assertOpen(performance);
      const members = await membersTakingPart(manager, viewer.tenantId, performanceId, performance.starts_at.toISOString().slice(0, 10));
      await deleteEnsembleEntriesExcept(
        manager,
        viewer.tenantId,
        performanceId,
        members.map((m) => m.pupil_id),
      );
      if (members.length > 0) await upsertEnsembleEntries(manager, viewer.tenantId, performanceId, members);
      const summary = await rosterSummary(
        manager,
        viewer.tenantId,
        performanceId,
        periodBounds(academicYearOf(performance.starts_at), 'year'),
        performance.status,
      );
      return {
        performanceId,
        performers: summary?.performers ?? 0,
        fromEnsembles: summary?.from_ensembles ?? 0,
        added: summary?.added ?? 0,
        keptRemoved: summary?.kept_removed ?? 0,
        firstChanceThisYear: summary?.first_chance ?? 0,
      };
    });
  }

  /** The performers the viewer may see (staff: their schools' children; a guardian: their own), by name. */
  async list(viewer: Viewer, performanceId: string, page: PageQueryDto): Promise<RosterPageDto> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    const after = decodeCursor(page.cursor, ['text', 'uuid']);
    const found = await performersOf(this.db.manager, viewer, performance, {
      after: after ? [String(after[0]), String(after[1])] : null,
      limit: page.limit + 1,
    });
    return toPage(found, page.limit, toPerformerDto, (row) => [row.display_name, row.pupil_id]);
  }

  async add(viewer: Viewer, performanceId: string, pupilId: string): Promise<PerformerDto> {
    return this.db.transaction(async (manager) => {
      const performance = await findVisiblePerformance(manager, viewer, performanceId, true);
      const pupil = await pupilPlace(manager, viewer.tenantId, pupilId);
      // A pupil of a school the caller does not manage is as unknown to them as a made-up id (and is said so before the roster's state).
      if (!pupil || !(managesSchool(viewer, performance.school_id) || managesSchool(viewer, pupil.school_id)))
        throw notFoundField('pupilId', 'pupil');
      assertOpen(performance);
      await addRosterEntry(manager, viewer.tenantId, performanceId, pupilId, pupil.school_id);
      const [row] = await performersOf(manager, viewer, performance, { pupilId, limit: 1 });
      return toPerformerDto(row);
    });
  }

  async remove(viewer: Viewer, performanceId: string, pupilId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const performance = await findVisiblePerformance(manager, viewer, performanceId, true);
      const entry = await rosterEntry(manager, viewer.tenantId, performanceId, pupilId);
      if (!entry || !(viewer.admin || viewer.staffSchoolIds.includes(entry.school_id)))
        throw new NotFoundException('No such performer on this roster.');
      if (!(managesSchool(viewer, performance.school_id) || managesSchool(viewer, entry.school_id))) {
        throw new ForbiddenException(
          'Only the programme admin, or the headteacher of the host school or of this pupil’s school, may change the roster.',
        );
      }
      assertOpen(performance);
      await markRosterEntryRemoved(manager, viewer.tenantId, performanceId, pupilId);
    });
  }

  /**
   * Pupils of the schools taking part who are not on the roster, those with the fewest chances to
   * perform this academic year first: who to ask next.
   */
  async suggestions(viewer: Viewer, performanceId: string, page: PageQueryDto): Promise<SuggestionPageDto> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    if (!viewer.admin && viewer.staffSchoolIds.length === 0) throw new NotFoundException('No such performance.');
    const after = decodeCursor(page.cursor, ['integer', 'text', 'uuid']);
    const period = periodBounds(academicYearOf(performance.starts_at), 'year');
    const found = await rosterSuggestions(this.db, viewer.tenantId, performanceId, viewer, period, after, page.limit + 1);
    return toPage(found, page.limit, toSuggestionDto, (row) => [row.chances, row.display_name, row.pupil_id]);
  }
}

function assertOpen(performance: PerformanceRow): void {
  if (performance.status === 'cancelled' || performance.status === 'completed') {
    throw new ConflictProblem(`The roster of a ${performance.status} performance is final.`, [
      { field: 'status', status: performance.status },
    ]);
  }
}

/** Performers of a performance the viewer may see, with consents and this academic year's chances. */
export function performersOf(
  db: Queryable,
  viewer: Viewer,
  performance: PerformanceRow,
  options: { after?: [string, string] | null; pupilId?: string; limit: number },
): Promise<PerformerRow[]> {
  return rosterPerformers(
    db,
    performance.tenant_id,
    performance.id,
    viewer,
    periodBounds(academicYearOf(performance.starts_at), 'year'),
    options,
  );
}

export function toPerformerDto(row: PerformerRow): PerformerDto {
  const consents = { photoFilm: consentState(row.photo_film), performingInPublic: consentState(row.performing_in_public) };
  const flags: PerformerFlag[] = [];
  if (consents.photoFilm !== 'granted') flags.push(consents.photoFilm === 'refused' ? 'photo_film_refused' : 'photo_film_not_answered');
  if (consents.performingInPublic !== 'granted')
    flags.push(consents.performingInPublic === 'refused' ? 'public_performance_refused' : 'public_performance_not_answered');
  return {
    pupilId: row.pupil_id,
    displayName: row.display_name,
    schoolId: row.school_id,
    instrument: row.instrument,
    source: row.source,
    ensembleId: row.ensemble_id,
    consents,
    flags,
    performedThisYear: row.performed,
    upcomingThisYear: row.upcoming,
    featuredThisYear: row.featured,
  };
}

function toSuggestionDto(row: SuggestionRow): SuggestionDto {
  return {
    pupilId: row.pupil_id,
    displayName: row.display_name,
    schoolId: row.school_id,
    performedThisYear: row.performed,
    upcomingThisYear: row.upcoming,
    featuredThisYear: row.featured,
  };
}

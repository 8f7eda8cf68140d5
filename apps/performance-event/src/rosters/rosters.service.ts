import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ConflictProblem, notFoundField, decodeCursor, oneRow, rows, toPage, type PageQueryDto } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { academicYearOf, periodBounds } from '../common/time';
import { participationCtes } from '../fairness/fairness.queries';
import { assertManagesPerformance, findVisiblePerformance, type PerformanceRow } from '../performances/performance-lookup';
import { managesSchool, visibleRosterEntrySql, type Viewer } from '../performances/viewer';
import type { ConsentState, PerformerDto, PerformerFlag, RosterBuildDto, RosterPageDto, SuggestionDto, SuggestionPageDto } from './dto/roster.dto';

interface PerformerRow {
  pupil_id: string;
  display_name: string;
  school_id: string;
  instrument: string | null;
  source: 'ensemble' | 'added';
  ensemble_id: string | null;
  photo_film: boolean | null;
  performing_in_public: boolean | null;
  performed: number;
  upcoming: number;
  featured: number;
}

interface SuggestionRow {
  pupil_id: string;
  display_name: string;
  school_id: string;
  performed: number;
  upcoming: number;
  featured: number;
}

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
      const members = await rows<{ pupil_id: string; school_id: string; instrument: string | null; ensemble_id: string }>(
        manager,
        `SELECT DISTINCT ON (m.pupil_id) m.pupil_id, p.school_id, m.instrument, m.ensemble_id
         FROM performance_ensembles pe
         JOIN replica_ensemble_members m ON m.tenant_id = pe.tenant_id AND m.ensemble_id = pe.ensemble_id
         JOIN replica_pupils p ON p.tenant_id = m.tenant_id AND p.pupil_id = m.pupil_id AND (p.left_on IS NULL OR p.left_on > $3::date)
         WHERE pe.tenant_id = $1 AND pe.performance_id = $2
         ORDER BY m.pupil_id, m.ensemble_id`,
        [viewer.tenantId, performanceId, performance.starts_at.toISOString().slice(0, 10)],
      );
      await manager.query(
        `DELETE FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND source = 'ensemble' AND NOT (pupil_id = ANY($3::uuid[]))`,
        [viewer.tenantId, performanceId, members.map((m) => m.pupil_id)],
      );
      if (members.length > 0) {
        await manager.query(
          `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, instrument, source, ensemble_id)
           SELECT $1, $2, m.pupil_id, m.school_id, m.instrument, 'ensemble', m.ensemble_id
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[]) AS m (pupil_id, school_id, instrument, ensemble_id)
           ON CONFLICT (tenant_id, performance_id, pupil_id) DO UPDATE
             SET school_id = EXCLUDED.school_id, instrument = EXCLUDED.instrument, ensemble_id = EXCLUDED.ensemble_id, updated_at = now()`,
          [viewer.tenantId, performanceId, members.map((m) => m.pupil_id), members.map((m) => m.school_id), members.map((m) => m.instrument), members.map((m) => m.ensemble_id)],
        );
      }
      const { from, to } = periodBounds(academicYearOf(performance.starts_at), 'year');
      const summary = await oneRow<{ performers: number; from_ensembles: number; added: number; kept_removed: number; first_chance: number }>(
        manager,
        `WITH ${participationCtes(1, 3, 4)}
         SELECT count(*) FILTER (WHERE NOT r.removed)::int AS performers,
                count(*) FILTER (WHERE NOT r.removed AND r.source = 'ensemble')::int AS from_ensembles,
                count(*) FILTER (WHERE NOT r.removed AND r.source = 'added')::int AS added,
                count(*) FILTER (WHERE r.removed)::int AS kept_removed,
                count(*) FILTER (WHERE NOT r.removed AND coalesce(pa.performed, 0) + coalesce(pa.upcoming, 0) <= (CASE WHEN $5 IN ('published', 'completed') THEN 1 ELSE 0 END))::int AS first_chance
         FROM roster_entries r LEFT JOIN participation pa ON pa.pupil_id = r.pupil_id
         WHERE r.tenant_id = $1 AND r.performance_id = $2`,
        [viewer.tenantId, performanceId, from, to, performance.status],
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
    const found = await performersOf(this.db.manager, viewer, performance, { after: after ? [String(after[0]), String(after[1])] : null, limit: page.limit + 1 });
    return toPage(found, page.limit, toPerformerDto, (row) => [row.display_name, row.pupil_id]);
  }

  async add(viewer: Viewer, performanceId: string, pupilId: string): Promise<PerformerDto> {
    return this.db.transaction(async (manager) => {
      const performance = await findVisiblePerformance(manager, viewer, performanceId, true);
      const pupil = await oneRow<{ school_id: string; left_on: string | null }>(manager, 'SELECT school_id, left_on FROM replica_pupils WHERE tenant_id = $1 AND pupil_id = $2', [viewer.tenantId, pupilId]);
      // A pupil of a school the caller does not manage is as unknown to them as a made-up id (and is said so before the roster's state).
      if (!pupil || !(managesSchool(viewer, performance.school_id) || managesSchool(viewer, pupil.school_id))) throw notFoundField('pupilId', 'pupil');
      assertOpen(performance);
      await manager.query(
        `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, source) VALUES ($1, $2, $3, $4, 'added')
         ON CONFLICT (tenant_id, performance_id, pupil_id) DO UPDATE SET removed = false, updated_at = now()`,
        [viewer.tenantId, performanceId, pupilId, pupil.school_id],
      );
      const [row] = await performersOf(manager, viewer, performance, { pupilId, limit: 1 });
      return toPerformerDto(row);
    });
  }

  async remove(viewer: Viewer, performanceId: string, pupilId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const performance = await findVisiblePerformance(manager, viewer, performanceId, true);
      const entry = await oneRow<{ school_id: string }>(manager, 'SELECT school_id FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND pupil_id = $3 AND NOT removed', [
        viewer.tenantId,
        performanceId,
        pupilId,
      ]);
      if (!entry || !(viewer.admin || viewer.staffSchoolIds.includes(entry.school_id))) throw new NotFoundException('No such performer on this roster.');
      if (!(managesSchool(viewer, performance.school_id) || managesSchool(viewer, entry.school_id))) {
        throw new ForbiddenException('Only the programme admin, or the headteacher of the host school or of this pupil’s school, may change the roster.');
      }
      assertOpen(performance);
      await manager.query('UPDATE roster_entries SET removed = true, updated_at = now() WHERE tenant_id = $1 AND performance_id = $2 AND pupil_id = $3', [viewer.tenantId, performanceId, pupilId]);
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
    const { from, to } = periodBounds(academicYearOf(performance.starts_at), 'year');
    const found = await rows<SuggestionRow & { chances: number }>(
      this.db,
      `WITH ${participationCtes(1, 3, 4)},
       taking_part AS (
         SELECT school_id FROM performances WHERE tenant_id = $1 AND id = $2 AND school_id IS NOT NULL
         UNION SELECT e.school_id FROM performance_ensembles pe JOIN replica_ensembles e ON e.tenant_id = pe.tenant_id AND e.ensemble_id = pe.ensemble_id
               WHERE pe.tenant_id = $1 AND pe.performance_id = $2 AND e.school_id IS NOT NULL
       ),
       candidates AS (
         SELECT p.pupil_id, p.display_name, p.school_id, coalesce(pa.performed, 0) AS performed, coalesce(pa.upcoming, 0) AS upcoming, coalesce(f.featured, 0) AS featured,
                (coalesce(pa.performed, 0) + coalesce(pa.upcoming, 0))::int AS chances
         FROM replica_pupils p
         LEFT JOIN participation pa ON pa.pupil_id = p.pupil_id
         LEFT JOIN featured_turns f ON f.pupil_id = p.pupil_id
         WHERE p.tenant_id = $1 AND p.left_on IS NULL
           AND p.school_id IN (SELECT school_id FROM taking_part)
           AND ($5::boolean OR p.school_id = ANY($6::uuid[]))
           AND NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.tenant_id = $1 AND r.performance_id = $2 AND r.pupil_id = p.pupil_id AND NOT r.removed)
       )
       SELECT * FROM candidates
       WHERE $7::int IS NULL OR (chances, display_name, pupil_id) > ($7::int, $8::text, $9::uuid)
       ORDER BY chances, display_name, pupil_id LIMIT $10`,
      [viewer.tenantId, performanceId, from, to, viewer.admin, viewer.staffSchoolIds, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, page.limit + 1],
    );
    return toPage(found, page.limit, toSuggestionDto, (row) => [row.chances, row.display_name, row.pupil_id]);
  }
}

function assertOpen(performance: PerformanceRow): void {
  if (performance.status === 'cancelled' || performance.status === 'completed') {
    throw new ConflictProblem(`The roster of a ${performance.status} performance is final.`, [{ field: 'status', status: performance.status }]);
  }
}

/** Performers of a performance the viewer may see, with consents and this academic year's chances. */
export async function performersOf(
  manager: Pick<EntityManager, 'query'>,
  viewer: Viewer,
  performance: PerformanceRow,
  options: { after?: [string, string] | null; pupilId?: string; limit: number },
): Promise<PerformerRow[]> {
  const { from, to } = periodBounds(academicYearOf(performance.starts_at), 'year');
  return rows<PerformerRow>(
    manager,
    `WITH ${participationCtes(1, 3, 4)}
     SELECT r.pupil_id, p.display_name, r.school_id, r.instrument, r.source, r.ensemble_id,
            photo.granted AS photo_film, public_consent.granted AS performing_in_public,
            coalesce(pa.performed, 0) AS performed, coalesce(pa.upcoming, 0) AS upcoming, coalesce(f.featured, 0) AS featured
     FROM roster_entries r
     JOIN replica_pupils p ON p.tenant_id = r.tenant_id AND p.pupil_id = r.pupil_id
     LEFT JOIN replica_consents photo ON photo.tenant_id = r.tenant_id AND photo.pupil_id = r.pupil_id AND photo.kind = 'photo_film'
     LEFT JOIN replica_consents public_consent ON public_consent.tenant_id = r.tenant_id AND public_consent.pupil_id = r.pupil_id AND public_consent.kind = 'performing_in_public'
     LEFT JOIN participation pa ON pa.pupil_id = r.pupil_id
     LEFT JOIN featured_turns f ON f.pupil_id = r.pupil_id
     WHERE r.tenant_id = $1 AND r.performance_id = $2 AND NOT r.removed AND ${visibleRosterEntrySql(5)}
       AND ($8::uuid IS NULL OR r.pupil_id = $8)
       AND ($9::text IS NULL OR (p.display_name, r.pupil_id) > ($9::text, $10::uuid))
     ORDER BY p.display_name, r.pupil_id LIMIT $11`,
    [performance.tenant_id, performance.id, from, to, viewer.admin, viewer.staffSchoolIds, viewer.guardedPupilIds, options.pupilId ?? null, options.after?.[0] ?? null, options.after?.[1] ?? null, options.limit],
  );
}

export function toPerformerDto(row: PerformerRow): PerformerDto {
  const consents = { photoFilm: consentState(row.photo_film), performingInPublic: consentState(row.performing_in_public) };
  const flags: PerformerFlag[] = [];
  if (consents.photoFilm !== 'granted') flags.push(consents.photoFilm === 'refused' ? 'photo_film_refused' : 'photo_film_not_answered');
  if (consents.performingInPublic !== 'granted') flags.push(consents.performingInPublic === 'refused' ? 'public_performance_refused' : 'public_performance_not_answered');
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
  return { pupilId: row.pupil_id, displayName: row.display_name, schoolId: row.school_id, performedThisYear: row.performed, upcomingThisYear: row.upcoming, featuredThisYear: row.featured };
}

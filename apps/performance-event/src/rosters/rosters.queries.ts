import { oneRow, rows, type Queryable } from '@tutti/platform';
import { participationCtes } from '../fairness/fairness.queries';
import type { PerformanceStatus } from '../performances/performance.model';
import type { Viewer } from '../performances/viewer';

/** A performer on a roster, with consents and this academic year's chances. */
export interface PerformerRow {
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

/** A pupil of a school taking part who is not on the roster, with their chances this year. */
export interface SuggestionRow {
  pupil_id: string;
  display_name: string;
  school_id: string;
  performed: number;
  upcoming: number;
  featured: number;
  chances: number;
}

export interface EnsembleMemberRow {
  pupil_id: string;
  school_id: string;
  instrument: string | null;
  ensemble_id: string;
}

export interface RosterSummaryRow {
  performers: number;
  from_ensembles: number;
  added: number;
  kept_removed: number;
  first_chance: number;
}

/** The bounds of the academic year (or part of it) whose chances count. */
export interface Period {
  from: Date;
  to: Date;
}

/** SQL condition: roster row `r` (a child) is visible to the viewer. Three parameters from `$first`: admin flag, staff school ids, guarded pupil ids. */
function visibleRosterEntrySql(first: number): string {
  return `($${first}::boolean OR r.school_id = ANY($${first + 1}::uuid[]) OR r.pupil_id = ANY($${first + 2}::uuid[]))`;
}

/** The members of the ensembles taking part who have not left school by the day (one row per pupil, their first ensemble). */
export function membersTakingPart(db: Queryable, tenantId: string, performanceId: string, onDate: string): Promise<EnsembleMemberRow[]> {
  return rows<EnsembleMemberRow>(
    db,
    `SELECT DISTINCT ON (m.pupil_id) m.pupil_id, p.school_id, m.instrument, m.ensemble_id
     FROM performance_ensembles pe
     JOIN replica_ensemble_members m ON m.tenant_id = pe.tenant_id AND m.ensemble_id = pe.ensemble_id
     JOIN replica_pupils p ON p.tenant_id = m.tenant_id AND p.pupil_id = m.pupil_id AND (p.left_on IS NULL OR p.left_on > $3::date)
     WHERE pe.tenant_id = $1 AND pe.performance_id = $2
     ORDER BY m.pupil_id, m.ensemble_id`,
    [tenantId, performanceId, onDate],
  );
}

/** Takes off the roster the pupils who came from an ensemble and are no longer among `keptPupilIds`. */
export async function deleteEnsembleEntriesExcept(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  keptPupilIds: string[],
): Promise<void> {
  await db.query(
    `DELETE FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND source = 'ensemble' AND NOT (pupil_id = ANY($3::uuid[]))`,
    [tenantId, performanceId, keptPupilIds],
  );
}

/** Puts ensemble members on the roster, or brings their school, instrument and ensemble up to date (a removal stays). */
export async function upsertEnsembleEntries(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  members: EnsembleMemberRow[],
): Promise<void> {
  await db.query(
    `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, instrument, source, ensemble_id)
     SELECT $1, $2, m.pupil_id, m.school_id, m.instrument, 'ensemble', m.ensemble_id
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[]) AS m (pupil_id, school_id, instrument, ensemble_id)
     ON CONFLICT (tenant_id, performance_id, pupil_id) DO UPDATE
       SET school_id = EXCLUDED.school_id, instrument = EXCLUDED.instrument, ensemble_id = EXCLUDED.ensemble_id, updated_at = now()`,
    [
      tenantId,
      performanceId,
      members.map((m) => m.pupil_id),
      members.map((m) => m.school_id),
      members.map((m) => m.instrument),
      members.map((m) => m.ensemble_id),
    ],
  );
}

/** The roster's counts; a performer's first chance this year counts this performance when it is published or completed. */
export function rosterSummary(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  period: Period,
  status: PerformanceStatus,
): Promise<RosterSummaryRow | undefined> {
  return oneRow<RosterSummaryRow>(
    db,
    `WITH ${participationCtes(1, 3, 4)}
     SELECT count(*) FILTER (WHERE NOT r.removed)::int AS performers,
            count(*) FILTER (WHERE NOT r.removed AND r.source = 'ensemble')::int AS from_ensembles,
            count(*) FILTER (WHERE NOT r.removed AND r.source = 'added')::int AS added,
            count(*) FILTER (WHERE r.removed)::int AS kept_removed,
            count(*) FILTER (WHERE NOT r.removed AND coalesce(pa.performed, 0) + coalesce(pa.upcoming, 0) <= (CASE WHEN $5 IN ('published', 'completed') THEN 1 ELSE 0 END))::int AS first_chance
     FROM roster_entries r LEFT JOIN participation pa ON pa.pupil_id = r.pupil_id
     WHERE r.tenant_id = $1 AND r.performance_id = $2`,
    [tenantId, performanceId, period.from, period.to, status],
  );
}

/** Where a pupil is at school, from scheduling's events. */
export function pupilPlace(
  db: Queryable,
  tenantId: string,
  pupilId: string,
): Promise<{ school_id: string; left_on: string | null } | undefined> {
  return oneRow<{ school_id: string; left_on: string | null }>(
    db,
    'SELECT school_id, left_on FROM replica_pupils WHERE tenant_id = $1 AND pupil_id = $2',
    [tenantId, pupilId],
  );
}

/** Adds a pupil by hand, or puts back one who was removed. */
export async function addRosterEntry(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  pupilId: string,
  schoolId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, source) VALUES ($1, $2, $3, $4, 'added')
     ON CONFLICT (tenant_id, performance_id, pupil_id) DO UPDATE SET removed = false, updated_at = now()`,
    [tenantId, performanceId, pupilId, schoolId],
  );
}

/** The school of a pupil on the roster (not removed). */
export function rosterEntry(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  pupilId: string,
): Promise<{ school_id: string } | undefined> {
  return oneRow<{ school_id: string }>(
    db,
    'SELECT school_id FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND pupil_id = $3 AND NOT removed',
    [tenantId, performanceId, pupilId],
  );
}

/** Marks a performer removed; a rebuild from the ensembles keeps them off. */
export async function markRosterEntryRemoved(db: Queryable, tenantId: string, performanceId: string, pupilId: string): Promise<void> {
  await db.query(
    'UPDATE roster_entries SET removed = true, updated_at = now() WHERE tenant_id = $1 AND performance_id = $2 AND pupil_id = $3',
    [tenantId, performanceId, pupilId],
  );
}

/**
 * Pupils of the schools taking part whom the viewer sees as staff and who are not on the roster,
 * fewest chances first; after the cursor's (chances, display name, pupil id).
 */
export function rosterSuggestions(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  viewer: Viewer,
  period: Period,
  after: readonly unknown[] | null,
  limit: number,
): Promise<SuggestionRow[]> {
  return rows<SuggestionRow>(
    db,
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
    [
      tenantId,
      performanceId,
      period.from,
      period.to,
      viewer.admin,
      viewer.staffSchoolIds,
      after?.[0] ?? null,
      after?.[1] ?? null,
      after?.[2] ?? null,
      limit,
    ],
  );
}

/** Performers the viewer may see, by name: one (`pupilId`) or a page after the cursor's (display name, pupil id). */
export function rosterPerformers(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  viewer: Viewer,
  period: Period,
  options: { after?: readonly [string, string] | null; pupilId?: string; limit: number },
): Promise<PerformerRow[]> {
  return rows<PerformerRow>(
    db,
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
    [
      tenantId,
      performanceId,
      period.from,
      period.to,
      viewer.admin,
      viewer.staffSchoolIds,
      viewer.guardedPupilIds,
      options.pupilId ?? null,
      options.after?.[0] ?? null,
      options.after?.[1] ?? null,
      options.limit,
    ],
  );
}

/** Names of the given pupils, where they are on the roster (removed or not) and the viewer may see them. */
export function visiblePerformerNames(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  viewer: Viewer,
  pupilIds: string[],
): Promise<{ pupil_id: string; display_name: string }[]> {
  return rows<{ pupil_id: string; display_name: string }>(
    db,
    `SELECT r.pupil_id, p.display_name FROM roster_entries r JOIN replica_pupils p ON p.tenant_id = r.tenant_id AND p.pupil_id = r.pupil_id
     WHERE r.tenant_id = $1 AND r.performance_id = $2 AND r.pupil_id = ANY($3::uuid[])
       AND ${visibleRosterEntrySql(4)}`,
    [tenantId, performanceId, pupilIds, viewer.admin, viewer.staffSchoolIds, viewer.guardedPupilIds],
  );
}

/** The pupils on the roster (not removed), by id. */
export async function rosterPupilIds(db: Queryable, tenantId: string, performanceId: string): Promise<string[]> {
  const found = await rows<{ pupil_id: string }>(
    db,
    'SELECT pupil_id FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND NOT removed ORDER BY pupil_id',
    [tenantId, performanceId],
  );
  return found.map((row) => row.pupil_id);
}

/** Who is on the roster (not removed), with the school each performs for, by pupil id. */
export function rosterPupilsWithSchools(
  db: Queryable,
  tenantId: string,
  performanceId: string,
): Promise<{ pupilId: string; schoolId: string }[]> {
  return rows<{ pupilId: string; schoolId: string }>(
    db,
    'SELECT pupil_id AS "pupilId", school_id AS "schoolId" FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND NOT removed ORDER BY pupil_id',
    [tenantId, performanceId],
  );
}

/** Of the given pupils, those on the roster (not removed). */
export async function rosterPupilsAmong(db: Queryable, tenantId: string, performanceId: string, pupilIds: string[]): Promise<string[]> {
  const found = await rows<{ pupil_id: string }>(
    db,
    'SELECT pupil_id FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND NOT removed AND pupil_id = ANY($3::uuid[])',
    [tenantId, performanceId, pupilIds],
  );
  return found.map((row) => row.pupil_id);
}

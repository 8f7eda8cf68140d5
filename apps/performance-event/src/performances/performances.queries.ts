import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { PerformanceAudience, PerformanceStatus } from './performance.model';
import type { Viewer } from './viewer';

export interface ProfessionalMusician {
  name: string;
  instrument: string;
  organisation?: string | null;
}

export interface PerformanceRow {
  id: string;
  tenant_id: string;
  venue_id: string;
  school_id: string | null;
  title: string;
  starts_at: Date;
  ends_at: Date;
  call_time: Date | null;
  dress: string | null;
  status: PerformanceStatus;
  audience: PerformanceAudience;
  professional_musicians: ProfessionalMusician[];
  cancel_reason: string | null;
  version: number;
  running_order_version: number;
}

/** A performance as the list shows it, with its venue's name. */
export interface PerformanceSummaryRow {
  id: string;
  title: string;
  status: PerformanceStatus;
  audience: PerformanceAudience;
  school_id: string | null;
  venue_id: string;
  venue_name: string;
  starts_at: Date;
  ends_at: Date;
  version: number;
}

export interface PerformanceEnsembleRow {
  ensemble_id: string;
  name: string | null;
  school_id: string | null;
}

export interface PerformanceListFilter {
  status: PerformanceStatus | null;
  from: string | null;
  to: string | null;
  schoolId: string | null;
  /** The cursor's (starts_at, id). */
  after: readonly unknown[] | null;
  limit: number;
}

export interface NewPerformance {
  venueId: string;
  schoolId: string | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
  callTime: Date | null;
  dress: string | null;
  audience: PerformanceAudience;
  professionalMusicians: ProfessionalMusician[];
}

/**
 * SQL condition: performance `p` is visible to the viewer. Staff see drafts of their schools'
 * performances (those hosted by, or with ensembles or performers from, their schools); guardians
 * see non-draft performances in which one of their children performs. Takes three parameters
 * starting at `$first`: admin flag, staff school ids, guarded pupil ids.
 */
function visiblePerformanceSql(first: number): string {
  const [admin, schools, pupils] = [first, first + 1, first + 2].map((n) => `$${n}`);
  return `(
    ${admin}::boolean
    OR p.school_id = ANY(${schools}::uuid[])
    OR EXISTS (SELECT 1 FROM performance_ensembles pe JOIN replica_ensembles e ON e.tenant_id = pe.tenant_id AND e.ensemble_id = pe.ensemble_id
               WHERE pe.tenant_id = p.tenant_id AND pe.performance_id = p.id AND e.school_id = ANY(${schools}::uuid[]))
    OR EXISTS (SELECT 1 FROM roster_entries r WHERE r.tenant_id = p.tenant_id AND r.performance_id = p.id AND NOT r.removed AND r.school_id = ANY(${schools}::uuid[]))
    OR (p.status <> 'draft' AND EXISTS (SELECT 1 FROM roster_entries r WHERE r.tenant_id = p.tenant_id AND r.performance_id = p.id AND NOT r.removed AND r.pupil_id = ANY(${pupils}::uuid[])))
  )`;
}

const visibilityParams = (viewer: Viewer): unknown[] => [viewer.admin, viewer.staffSchoolIds, viewer.guardedPupilIds];

/** A page of the performances the viewer may see, soonest first, filtered by status, start and school. */
export function visiblePerformances(
  db: Queryable,
  tenantId: string,
  viewer: Viewer,
  filter: PerformanceListFilter,
): Promise<PerformanceSummaryRow[]> {
  return rows<PerformanceSummaryRow>(
    db,
    `SELECT p.id, p.title, p.status, p.audience, p.school_id, p.venue_id, v.name AS venue_name, p.starts_at, p.ends_at, p.version
     FROM performances p JOIN venues v ON v.tenant_id = p.tenant_id AND v.id = p.venue_id
     WHERE p.tenant_id = $1 AND ${visiblePerformanceSql(2)}
       AND ($5::text IS NULL OR p.status = $5)
       AND ($6::timestamptz IS NULL OR p.starts_at >= $6)
       AND ($7::timestamptz IS NULL OR p.starts_at < $7)
       AND ($8::uuid IS NULL OR p.school_id = $8
            OR EXISTS (SELECT 1 FROM performance_ensembles pe JOIN replica_ensembles e ON e.tenant_id = pe.tenant_id AND e.ensemble_id = pe.ensemble_id
                       WHERE pe.tenant_id = p.tenant_id AND pe.performance_id = p.id AND e.school_id = $8))
       AND ($9::timestamptz IS NULL OR (p.starts_at, p.id) > ($9::timestamptz, $10::uuid))
     ORDER BY p.starts_at, p.id LIMIT $11`,
    [
      tenantId,
      ...visibilityParams(viewer),
      filter.status,
      filter.from,
      filter.to,
      filter.schoolId,
      filter.after?.[0] ?? null,
      filter.after?.[1] ?? null,
      filter.limit,
    ],
  );
}

/** The performance if the viewer may see it; `lock` takes its row lock for the rest of the transaction. */
export function visiblePerformance(
  db: Queryable,
  tenantId: string,
  viewer: Viewer,
  performanceId: string,
  lock = false,
): Promise<PerformanceRow | undefined> {
  return oneRow<PerformanceRow>(
    db,
    `SELECT p.* FROM performances p WHERE p.tenant_id = $1 AND p.id = $2 AND ${visiblePerformanceSql(3)} ${lock ? 'FOR UPDATE OF p' : ''}`,
    [tenantId, performanceId, ...visibilityParams(viewer)],
  );
}

/** A new performance, as a draft. */
export async function insertPerformance(db: Queryable, tenantId: string, id: string, performance: NewPerformance): Promise<void> {
  await db.query(
    `INSERT INTO performances (id, tenant_id, venue_id, school_id, title, starts_at, ends_at, call_time, dress, status, audience, professional_musicians)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11::jsonb)`,
    [
      id,
      tenantId,
      performance.venueId,
      performance.schoolId,
      performance.title,
      performance.startsAt,
      performance.endsAt,
      performance.callTime,
      performance.dress,
      performance.audience,
      JSON.stringify(performance.professionalMusicians),
    ],
  );
}

export async function updatePerformanceDetails(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  details: { title: string; audience: PerformanceAudience; dress: string | null; professionalMusicians: ProfessionalMusician[] },
): Promise<void> {
  await db.query(
    `UPDATE performances SET title = $3, audience = $4, dress = $5, professional_musicians = $6::jsonb, version = version + 1 WHERE tenant_id = $1 AND id = $2`,
    [tenantId, performanceId, details.title, details.audience, details.dress, JSON.stringify(details.professionalMusicians)],
  );
}

export async function updatePerformanceSlot(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  slot: { startsAt: Date; endsAt: Date; callTime: Date | null; venueId: string },
): Promise<void> {
  await db.query(
    `UPDATE performances SET starts_at = $3, ends_at = $4, call_time = $5, venue_id = $6, version = version + 1 WHERE tenant_id = $1 AND id = $2`,
    [tenantId, performanceId, slot.startsAt, slot.endsAt, slot.callTime, slot.venueId],
  );
}

/** Sets the status (and the reason, when one is given); raises the version. */
export async function updatePerformanceStatus(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  status: PerformanceStatus,
  reason: string | null,
): Promise<void> {
  await db.query(
    'UPDATE performances SET status = $3, cancel_reason = coalesce($4, cancel_reason), version = version + 1 WHERE tenant_id = $1 AND id = $2',
    [tenantId, performanceId, status, reason],
  );
}

export async function markPerformancePublished(db: Queryable, tenantId: string, performanceId: string): Promise<void> {
  await db.query('UPDATE performances SET published_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, performanceId]);
}

export async function raiseRunningOrderVersion(db: Queryable, tenantId: string, performanceId: string): Promise<void> {
  await db.query('UPDATE performances SET running_order_version = running_order_version + 1 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    performanceId,
  ]);
}

/** The ensembles taking part, with what scheduling has told of them, by name. */
export function performanceEnsembles(db: Queryable, tenantId: string, performanceId: string): Promise<PerformanceEnsembleRow[]> {
  return rows<PerformanceEnsembleRow>(
    db,
    `SELECT pe.ensemble_id, e.name, e.school_id FROM performance_ensembles pe
     LEFT JOIN replica_ensembles e ON e.tenant_id = pe.tenant_id AND e.ensemble_id = pe.ensemble_id
     WHERE pe.tenant_id = $1 AND pe.performance_id = $2 ORDER BY e.name NULLS LAST, pe.ensemble_id`,
    [tenantId, performanceId],
  );
}

/** The ids of the ensembles taking part. */
export async function performanceEnsembleIds(db: Queryable, tenantId: string, performanceId: string): Promise<string[]> {
  const found = await rows<{ ensemble_id: string }>(
    db,
    'SELECT ensemble_id FROM performance_ensembles WHERE tenant_id = $1 AND performance_id = $2',
    [tenantId, performanceId],
  );
  return found.map((row) => row.ensemble_id);
}

/** Of the given ensemble ids, those scheduling has told of in this area. */
export async function knownEnsembleIds(db: Queryable, tenantId: string, ensembleIds: string[]): Promise<string[]> {
  const known = await rows<{ ensemble_id: string }>(
    db,
    'SELECT ensemble_id FROM replica_ensembles WHERE tenant_id = $1 AND ensemble_id = ANY($2::uuid[])',
    [tenantId, ensembleIds],
  );
  return known.map((row) => row.ensemble_id);
}

export async function deletePerformanceEnsembles(db: Queryable, tenantId: string, performanceId: string): Promise<void> {
  await db.query('DELETE FROM performance_ensembles WHERE tenant_id = $1 AND performance_id = $2', [tenantId, performanceId]);
}

export async function insertPerformanceEnsembles(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  ensembleIds: string[],
): Promise<void> {
  await db.query('INSERT INTO performance_ensembles (tenant_id, performance_id, ensemble_id) SELECT $1, $2, unnest($3::uuid[])', [
    tenantId,
    performanceId,
    ensembleIds,
  ]);
}

/** The next completed performances after `afterId` (by tenant, then id), for the evidence republish; every area's when tenantId is null. */
export function completedPerformancesBatch(
  db: Queryable,
  tenantId: string | null,
  after: { tenantId: string; id: string } | null,
  limit: number,
): Promise<PerformanceRow[]> {
  return rows<PerformanceRow>(
    db,
    `SELECT * FROM performances
      WHERE status = 'completed' AND ($1::uuid IS NULL OR tenant_id = $1)
        AND ($2::uuid IS NULL OR (tenant_id, id) > ($2::uuid, $3::uuid))
      ORDER BY tenant_id, id LIMIT $4`,
    [tenantId, after?.tenantId ?? null, after?.id ?? null, limit],
  );
}

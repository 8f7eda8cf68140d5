import type { ConsentKind } from '@tutti/contracts';
import { oneRow, preparedRows, rows, type Queryable } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import { ACTIVE_BOOKING_STATUSES } from '../transport/seat-ledger.queries';

export interface ConsentRow {
  id: string;
  seq: string;
  kind: ConsentKind;
  decision: 'granted' | 'refused' | 'withdrawn';
  note: string | null;
  reason: string | null;
  given_by_name: string;
  given_at: Date;
}

export interface MissingConsentRow {
  pupil_id: string;
  school_id: string | null;
  guardian_name: string;
}

/**
 * SQL: the children (column pupil_id) a family brings to a performance: those on its confirmed bus
 * bookings and on its attending RSVP. The arguments are SQL expressions for the tenant, the
 * performance and the guardian, which may name the caller's tables: the aliases here are the
 * statement's own (with a plain `r` here, a caller's `r.performance_id` once meant this query's
 * run, and every performance's bookings counted).
 */
export function childrenComingSql(tenantId: string, performanceId: string, guardianId: string): string {
  return `
    SELECT coming_child.pupil_id FROM transport_bookings coming_booking, unnest(coming_booking.pupil_ids) AS coming_child(pupil_id)
     WHERE coming_booking.tenant_id = ${tenantId} AND coming_booking.guardian_id = ${guardianId} AND coming_booking.performance_id = ${performanceId}
       AND coming_booking.status = 'confirmed'
    UNION
    SELECT coming_child.pupil_id FROM rsvps coming_rsvp, unnest(coming_rsvp.pupil_ids) AS coming_child(pupil_id)
     WHERE coming_rsvp.tenant_id = ${tenantId} AND coming_rsvp.performance_id = ${performanceId} AND coming_rsvp.guardian_id = ${guardianId} AND coming_rsvp.attending`;
}

/** SQL condition: pupil `pupilId` has no decision of consent kind `kind` recorded at all (SQL expressions). */
export function noConsentRecordedSql(tenantId: string, pupilId: string, kind: string): string {
  return `NOT EXISTS (SELECT 1 FROM consent_records k WHERE k.tenant_id = ${tenantId} AND k.pupil_id = ${pupilId} AND k.kind = ${kind})`;
}

/**
 * A family's children coming to a performance (on a confirmed bus booking or an attending RSVP)
 * with no decision of this kind recorded at all. Asked when an RSVP is made (a booking asks in the
 * statement that locks its bus), and again when the reminder about it falls due.
 */
export async function childrenComingWithoutConsent(
  manager: EntityManager,
  tenantId: string,
  performanceId: string,
  guardianId: string,
  kind: ConsentKind = 'photo_film',
): Promise<string[]> {
  const missing = await preparedRows<{ pupil_id: string }>(
    manager,
    `WITH coming AS (${childrenComingSql('$1', '$2', '$3')})
     SELECT c.pupil_id FROM coming c WHERE ${noConsentRecordedSql('$1', 'c.pupil_id', '$4')} ORDER BY c.pupil_id`,
    [tenantId, performanceId, guardianId, kind],
  );
  return missing.map((row) => row.pupil_id);
}

/** Serialises decisions on one pupil's consent of one kind until the transaction ends, so "withdrawn" is judged against the true latest. */
export async function lockConsentDecisions(db: Queryable, tenantId: string, pupilId: string, kind: ConsentKind): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`consent:${tenantId}:${pupilId}:${kind}`]);
}

export function latestConsent(db: Queryable, tenantId: string, pupilId: string, kind: ConsentKind): Promise<ConsentRow | undefined> {
  return oneRow<ConsentRow>(
    db,
    'SELECT * FROM consent_records WHERE tenant_id = $1 AND pupil_id = $2 AND kind = $3 ORDER BY seq DESC LIMIT 1',
    [tenantId, pupilId, kind],
  );
}

/** The latest decision of each kind recorded for the pupil. */
export function latestConsentsOfPupil(db: Queryable, tenantId: string, pupilId: string): Promise<ConsentRow[]> {
  return rows<ConsentRow>(
    db,
    `SELECT DISTINCT ON (kind) * FROM consent_records WHERE tenant_id = $1 AND pupil_id = $2 ORDER BY kind, seq DESC`,
    [tenantId, pupilId],
  );
}

export interface NewConsent {
  id: string;
  pupilId: string;
  schoolId: string;
  kind: ConsentKind;
  decision: ConsentRow['decision'];
  note: string | null;
  reason: string | null;
  givenBy: string;
  givenByName: string;
}

export async function insertConsent(db: Queryable, tenantId: string, consent: NewConsent): Promise<ConsentRow> {
  const row = await oneRow<ConsentRow>(
    db,
    `INSERT INTO consent_records (tenant_id, id, pupil_id, school_id, kind, decision, note, reason, given_by, given_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [
      tenantId,
      consent.id,
      consent.pupilId,
      consent.schoolId,
      consent.kind,
      consent.decision,
      consent.note,
      consent.reason,
      consent.givenBy,
      consent.givenByName,
    ],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row;
}

/** A page of the pupil's decisions, newest first (of one kind, when given), before the cursor's seq. */
export function consentHistoryPage(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  filter: { kind: ConsentKind | null; before: string | number | null; limit: number },
): Promise<ConsentRow[]> {
  return rows<ConsentRow>(
    db,
    `SELECT * FROM consent_records
      WHERE tenant_id = $1 AND pupil_id = $2 AND ($3::text IS NULL OR kind = $3) AND ($4::bigint IS NULL OR seq < $4)
      ORDER BY seq DESC LIMIT $5`,
    [tenantId, pupilId, filter.kind, filter.before, filter.limit],
  );
}

/**
 * Children coming to a performance (named on a live bus booking or an attending RSVP) of the given
 * schools (all when `allSchools`) with no decision of this kind recorded at all.
 */
export function childrenComingWithoutConsentBySchool(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  schools: { allSchools: boolean; schoolIds: string[] },
  kind: ConsentKind,
): Promise<MissingConsentRow[]> {
  return rows<MissingConsentRow>(
    db,
    `WITH named AS (
       SELECT x.pupil_id, b.guardian_name, b.school_ids
         FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id, unnest(b.pupil_ids) AS x(pupil_id)
        WHERE r.tenant_id = $1 AND r.performance_id = $2 AND b.status IN ${ACTIVE_BOOKING_STATUSES}
       UNION ALL
       SELECT x.pupil_id, v.guardian_name, v.school_ids FROM rsvps v, unnest(v.pupil_ids) AS x(pupil_id)
        WHERE v.tenant_id = $1 AND v.performance_id = $2 AND v.attending
     ), placed AS (
       -- A booking lists its schools, not each child's: a child's school comes from their family, else a one-school booking.
       SELECT DISTINCT ON (n.pupil_id) n.pupil_id, n.guardian_name,
              COALESCE((SELECT c.school_id FROM family_children c WHERE c.tenant_id = $1 AND c.pupil_id = n.pupil_id LIMIT 1),
                       CASE WHEN cardinality(n.school_ids) = 1 THEN n.school_ids[1] END) AS school_id
         FROM named n ORDER BY n.pupil_id, n.guardian_name
     )
     SELECT p.pupil_id, p.school_id, p.guardian_name FROM placed p
      WHERE ($3::boolean OR p.school_id = ANY($4::uuid[]))
        AND ${noConsentRecordedSql('$1', 'p.pupil_id', '$5')}
      ORDER BY p.school_id, p.guardian_name, p.pupil_id`,
    [tenantId, performanceId, schools.allSchools, schools.schoolIds, kind],
  );
}

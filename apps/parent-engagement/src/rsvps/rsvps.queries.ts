import { oneRow, rows, type Queryable } from '@tutti/platform';
import { familyScopeCondition, familyScopeParams, type FamilyScope } from '../common/family-scope';
import type { RsvpSummaryDto } from './dto/rsvp.dto';

export interface RsvpRow {
  id: string;
  performance_id: string;
  guardian_id: string;
  school_ids: string[];
  guardian_name: string;
  attending: boolean;
  adults: number;
  children: number;
  pupil_ids: string[];
  arrived_adults: number | null;
  arrived_children: number | null;
  checked_in_at: Date | null;
  version: number;
}

export type RsvpCounts = Omit<RsvpSummaryDto, 'performanceId'>;

/** A family's answer for a performance, as PUT gives it. */
export interface RsvpAnswer {
  performanceId: string;
  guardianId: string;
  guardianName: string;
  pupilIds: string[];
  schoolIds: string[];
  attending: boolean;
  adults: number;
  children: number;
}

const answerValues = (tenantId: string, answer: RsvpAnswer) => [
  tenantId,
  answer.performanceId,
  answer.guardianId,
  answer.guardianName,
  answer.pupilIds,
  answer.schoolIds,
  answer.attending,
  answer.adults,
  answer.children,
];

/** The family's RSVP, made or replaced whatever its version (no If-Match). */
export function upsertRsvp(db: Queryable, tenantId: string, id: string, answer: RsvpAnswer): Promise<RsvpRow | undefined> {
  return oneRow<RsvpRow>(
    db,
    `INSERT INTO rsvps (tenant_id, id, performance_id, guardian_id, guardian_name, pupil_ids, school_ids, attending, adults, children)
     VALUES ($1, $10, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tenant_id, performance_id, guardian_id) DO UPDATE SET guardian_name = EXCLUDED.guardian_name, pupil_ids = EXCLUDED.pupil_ids,
       school_ids = EXCLUDED.school_ids, attending = EXCLUDED.attending, adults = EXCLUDED.adults, children = EXCLUDED.children,
       version = rsvps.version + 1, updated_at = now()
     RETURNING *`,
    [...answerValues(tenantId, answer), id],
  );
}

/** The family's RSVP replaced if it is still at `expectedVersion`; undefined when it is not (or does not exist). */
export function updateRsvpAtVersion(
  db: Queryable,
  tenantId: string,
  answer: RsvpAnswer,
  expectedVersion: number,
): Promise<RsvpRow | undefined> {
  return oneRow<RsvpRow>(
    db,
    `UPDATE rsvps SET guardian_name = $4, pupil_ids = $5, school_ids = $6, attending = $7, adults = $8, children = $9, version = version + 1, updated_at = now()
      WHERE tenant_id = $1 AND performance_id = $2 AND guardian_id = $3 AND version = $10 RETURNING *`,
    [...answerValues(tenantId, answer), expectedVersion],
  );
}

export function rsvpOfGuardian(db: Queryable, tenantId: string, performanceId: string, guardianId: string): Promise<RsvpRow | undefined> {
  return oneRow<RsvpRow>(db, 'SELECT * FROM rsvps WHERE tenant_id = $1 AND performance_id = $2 AND guardian_id = $3', [
    tenantId,
    performanceId,
    guardianId,
  ]);
}

/** A page of the RSVPs the caller may see (of one performance, when given), by id. */
export function rsvpsPage(
  db: Queryable,
  tenantId: string,
  scope: FamilyScope,
  filter: { performanceId: string | null; after: string | number | null; limit: number },
): Promise<RsvpRow[]> {
  return rows<RsvpRow>(
    db,
    `SELECT * FROM rsvps v WHERE v.tenant_id = $1 AND ${familyScopeCondition('v', 2)}
        AND ($6::uuid IS NULL OR v.performance_id = $6) AND ($7::uuid IS NULL OR v.id > $7)
      ORDER BY v.id LIMIT $8`,
    [tenantId, ...familyScopeParams(scope), filter.performanceId, filter.after, filter.limit],
  );
}

/** Counts over the RSVPs of a performance that the caller may see. */
export async function rsvpCounts(db: Queryable, tenantId: string, scope: FamilyScope, performanceId: string): Promise<RsvpCounts> {
  const counts = await oneRow<RsvpCounts>(
    db,
    `SELECT count(*) FILTER (WHERE v.attending)::int AS "familiesComing",
            COALESCE(sum(v.adults) FILTER (WHERE v.attending), 0)::int AS "adultsComing",
            COALESCE(sum(v.children) FILTER (WHERE v.attending), 0)::int AS "childrenComing",
            count(*) FILTER (WHERE NOT v.attending)::int AS "familiesNotComing",
            count(v.checked_in_at)::int AS "familiesArrived",
            COALESCE(sum(v.arrived_adults), 0)::int AS "adultsArrived",
            COALESCE(sum(v.arrived_children), 0)::int AS "childrenArrived"
       FROM rsvps v WHERE v.tenant_id = $1 AND v.performance_id = $6 AND ${familyScopeCondition('v', 2)}`,
    [tenantId, ...familyScopeParams(scope), performanceId],
  );
  if (!counts) throw new Error('an aggregate always gives a row');
  return counts;
}

/** Records who came (or, not present, clears it) on an RSVP the caller may see; undefined when they may not. */
export function checkInRsvp(
  db: Queryable,
  tenantId: string,
  scope: FamilyScope,
  rsvpId: string,
  arrival: { present: boolean; byId: string; adults: number | null; children: number | null },
): Promise<RsvpRow | undefined> {
  return oneRow<RsvpRow>(
    db,
    `UPDATE rsvps v SET checked_in_at = CASE WHEN $7 THEN COALESCE(v.checked_in_at, now()) END, checked_in_by = CASE WHEN $7 THEN $8::uuid END,
            arrived_adults = CASE WHEN $7 THEN COALESCE($9, v.adults) END, arrived_children = CASE WHEN $7 THEN COALESCE($10, v.children) END,
            updated_at = now()
      WHERE v.tenant_id = $1 AND v.id = $6 AND ${familyScopeCondition('v', 2)} RETURNING *`,
    [tenantId, ...familyScopeParams(scope), rsvpId, arrival.present, arrival.byId, arrival.adults, arrival.children],
  );
}

/** The guardians of the families coming to a performance. */
export async function attendingGuardians(db: Queryable, tenantId: string, performanceId: string): Promise<string[]> {
  const found = await rows<{ guardian_id: string }>(
    db,
    'SELECT guardian_id FROM rsvps WHERE tenant_id = $1 AND performance_id = $2 AND attending',
    [tenantId, performanceId],
  );
  return found.map((row) => row.guardian_id);
}

/** An RSVP as `engagement.rsvp.changed` tells it, with its performance's start. */
export interface RsvpEvidenceRow {
  id: string;
  performance_id: string;
  performance_starts_at: Date;
  guardian_id: string;
  pupil_ids: string[];
  school_ids: string[];
  attending: boolean;
  adults: number;
  children: number;
  checked_in_at: Date | null;
  arrived_adults: number | null;
  arrived_children: number | null;
}

const RSVP_EVIDENCE_COLUMNS = `v.id, v.performance_id, p.starts_at AS performance_starts_at, v.guardian_id, v.pupil_ids, v.school_ids, v.attending,
       v.adults, v.children, v.checked_in_at, v.arrived_adults, v.arrived_children`;

export function rsvpEvidence(db: Queryable, tenantId: string, rsvpId: string): Promise<RsvpEvidenceRow | undefined> {
  return oneRow<RsvpEvidenceRow>(
    db,
    `SELECT ${RSVP_EVIDENCE_COLUMNS} FROM rsvps v JOIN performances p ON p.tenant_id = v.tenant_id AND p.id = v.performance_id
      WHERE v.tenant_id = $1 AND v.id = $2`,
    [tenantId, rsvpId],
  );
}

/** The next RSVPs of an area after `afterId`, locked against a change while their events are written (the evidence republish). */
export function rsvpEvidenceBatch(db: Queryable, tenantId: string, afterId: string | null, limit: number): Promise<RsvpEvidenceRow[]> {
  return rows<RsvpEvidenceRow>(
    db,
    `SELECT ${RSVP_EVIDENCE_COLUMNS} FROM rsvps v JOIN performances p ON p.tenant_id = v.tenant_id AND p.id = v.performance_id
      WHERE v.tenant_id = $1 AND ($2::uuid IS NULL OR v.id > $2) ORDER BY v.id LIMIT $3 FOR SHARE OF v`,
    [tenantId, afterId, limit],
  );
}

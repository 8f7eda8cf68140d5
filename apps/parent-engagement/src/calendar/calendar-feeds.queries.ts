import { oneRow, rows, type Queryable } from '@tutti/platform';
import { ACTIVE_BOOKING_STATUSES } from '../transport/seat-ledger.queries';

export interface FeedPerformanceRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  status: string;
}

export interface FeedPickupRow {
  id: string;
  title: string;
  stop_name: string;
  place: string;
  pickup_at: Date;
  vehicle: string;
  seats: number;
}

export interface FeedSessionRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
}

/** The guardian's feed now answers to this token's hash (a new feed, or the old token replaced). */
export async function saveFeedToken(db: Queryable, tenantId: string, guardianId: string, tokenHash: string): Promise<void> {
  await db.query(
    `INSERT INTO calendar_feeds (tenant_id, guardian_id, token_hash) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, guardian_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
    [tenantId, guardianId, tokenHash],
  );
}

export async function deleteFeed(db: Queryable, tenantId: string, guardianId: string): Promise<void> {
  await db.query('DELETE FROM calendar_feeds WHERE tenant_id = $1 AND guardian_id = $2', [tenantId, guardianId]);
}

/** Whose feed a token's hash opens, within the tenant. */
export async function feedOwner(db: Queryable, tenantId: string, tokenHash: string): Promise<string | undefined> {
  return (
    await oneRow<{ guardian_id: string }>(db, 'SELECT guardian_id FROM calendar_feeds WHERE tenant_id = $1 AND token_hash = $2', [
      tenantId,
      tokenHash,
    ])
  )?.guardian_id;
}

/** The family's children, as an SQL expression over $1 (tenant) and $2 (guardian). */
const FAMILY_CHILDREN = `(SELECT array_agg(pupil_id) FROM family_children WHERE tenant_id = $1 AND guardian_id = $2)`;

/** Performances (up to 30 days past) the family comes to: an attending RSVP or a live bus booking, its own or naming one of its children. */
export function feedPerformances(db: Queryable, tenantId: string, guardianId: string): Promise<FeedPerformanceRow[]> {
  return rows<FeedPerformanceRow>(
    db,
    `SELECT p.id, p.title, p.starts_at, p.ends_at, p.venue_name, p.status FROM performances p
      WHERE p.tenant_id = $1 AND p.ends_at > now() - interval '30 days' AND (
        EXISTS (SELECT 1 FROM rsvps v WHERE v.tenant_id = p.tenant_id AND v.performance_id = p.id AND v.attending AND (v.guardian_id = $2 OR v.pupil_ids && ${FAMILY_CHILDREN}))
        OR EXISTS (SELECT 1 FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
                    WHERE r.tenant_id = p.tenant_id AND r.performance_id = p.id AND b.status IN ${ACTIVE_BOOKING_STATUSES} AND (b.guardian_id = $2 OR b.pupil_ids && ${FAMILY_CHILDREN})))
      ORDER BY p.starts_at, p.id`,
    [tenantId, guardianId],
  );
}

/** The guardian's confirmed bus pick-ups (up to 30 days past). */
export function feedPickups(db: Queryable, tenantId: string, guardianId: string): Promise<FeedPickupRow[]> {
  return rows<FeedPickupRow>(
    db,
    `SELECT b.id, p.title, s.name AS stop_name, s.place, s.pickup_at, r.vehicle, b.seats
       FROM transport_bookings b
       JOIN pickup_stops s ON s.tenant_id = b.tenant_id AND s.id = b.stop_id
       JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
       JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id
      WHERE b.tenant_id = $1 AND b.guardian_id = $2 AND b.status = 'confirmed' AND s.pickup_at > now() - interval '30 days'
      ORDER BY s.pickup_at, b.id`,
    [tenantId, guardianId],
  );
}

/** The family sessions the guardian signed up to (up to 30 days past). */
export function feedSessions(db: Queryable, tenantId: string, guardianId: string): Promise<FeedSessionRow[]> {
  return rows<FeedSessionRow>(
    db,
    `SELECT s.id, s.title, s.starts_at, s.ends_at FROM session_signups g JOIN family_sessions s ON s.tenant_id = g.tenant_id AND s.id = g.session_id
      WHERE g.tenant_id = $1 AND g.guardian_id = $2 AND g.status = 'signed_up' AND s.ends_at > now() - interval '30 days' ORDER BY s.starts_at, s.id`,
    [tenantId, guardianId],
  );
}

import { rows, type Queryable } from '@tutti/platform';
import type { PerformanceStatus } from '../performances/performance.model';

/** An upcoming public performance as the public listing shows it: nothing about the children in it. */
export interface UpcomingRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
  venue_access_notes: string | null;
}

/** A public performance as the calendar feed tells it. */
export interface FeedRow {
  id: string;
  title: string;
  status: PerformanceStatus;
  starts_at: Date;
  ends_at: Date;
  version: number;
  published_at: Date | null;
  venue_name: string;
  venue_address: string;
  venue_access_notes: string | null;
}

/** Published public performances not yet over, soonest first, after the cursor's (starts_at, id). */
export function upcomingPublicPerformances(
  db: Queryable,
  tenantId: string,
  after: readonly unknown[] | null,
  limit: number,
): Promise<UpcomingRow[]> {
  return rows<UpcomingRow>(
    db,
    `SELECT p.id, p.title, p.starts_at, p.ends_at, v.name AS venue_name, v.address AS venue_address, v.access_notes AS venue_access_notes
       FROM performances p JOIN venues v ON v.tenant_id = p.tenant_id AND v.id = p.venue_id
      WHERE p.tenant_id = $1 AND p.status = 'published' AND p.audience = 'public' AND p.ends_at > now()
        AND ($2::timestamptz IS NULL OR (p.starts_at, p.id) > ($2::timestamptz, $3::uuid))
      ORDER BY p.starts_at, p.id
      LIMIT $4`,
    [tenantId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

/** Public performances past draft (cancelled ones included) ending after `since`, soonest first. */
export function publicPerformancesForFeed(db: Queryable, tenantId: string, since: Date, limit: number): Promise<FeedRow[]> {
  return rows<FeedRow>(
    db,
    `SELECT p.id, p.title, p.status, p.starts_at, p.ends_at, p.version, p.published_at, v.name AS venue_name, v.address AS venue_address, v.access_notes AS venue_access_notes
       FROM performances p JOIN venues v ON v.tenant_id = p.tenant_id AND v.id = p.venue_id
      WHERE p.tenant_id = $1 AND p.status IN ('published', 'completed', 'cancelled') AND p.audience = 'public' AND p.ends_at > $2
      ORDER BY p.starts_at, p.id
      LIMIT $3`,
    [tenantId, since, limit],
  );
}

import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface PerformanceRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  status: string;
}

/** Whether the area's copy of performance-event's performances has this one. */
export async function performanceExists(db: Queryable, tenantId: string, performanceId: string | null): Promise<boolean> {
  return (
    (await oneRow<{ id: string }>(db, 'SELECT id FROM performances WHERE tenant_id = $1 AND id = $2', [tenantId, performanceId])) !==
    undefined
  );
}

/** The performance's status and end, share-locked so that it is not cancelled or moved while something is added to it (a bus, an RSVP). */
export function performanceForShare(
  db: Queryable,
  tenantId: string,
  performanceId: string,
): Promise<{ status: string; ends_at: Date } | undefined> {
  return oneRow<{ status: string; ends_at: Date }>(
    db,
    'SELECT status, ends_at FROM performances WHERE tenant_id = $1 AND id = $2 FOR SHARE',
    [tenantId, performanceId],
  );
}

/** The performance, locked for an event that changes it. */
export function lockedPerformance(db: Queryable, tenantId: string, performanceId: string): Promise<PerformanceRow | undefined> {
  return oneRow<PerformanceRow>(db, 'SELECT * FROM performances WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, performanceId]);
}

export interface PerformanceSchedule {
  performanceId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  /** The event's time: an older event never overwrites a newer one. */
  eventAt: string;
  /** Published (again) by this event, rather than only moved. */
  publishes: boolean;
}

/** Applies a published or rescheduled event unless a newer one was applied; answers the row as it is now, or undefined when it was older. */
export function applyPerformanceSchedule(
  db: Queryable,
  tenantId: string,
  schedule: PerformanceSchedule,
): Promise<PerformanceRow | undefined> {
  return oneRow<PerformanceRow>(
    db,
    `INSERT INTO performances (tenant_id, id, title, starts_at, ends_at, venue_name, status, last_event_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'published', $7)
     ON CONFLICT (tenant_id, id) DO UPDATE SET title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
       venue_name = EXCLUDED.venue_name, last_event_at = EXCLUDED.last_event_at,
       status = CASE WHEN $8 THEN 'published' ELSE performances.status END
     WHERE performances.last_event_at <= EXCLUDED.last_event_at
     RETURNING *`,
    [
      tenantId,
      schedule.performanceId,
      schedule.title,
      schedule.startsAt,
      schedule.endsAt,
      schedule.venueName,
      schedule.eventAt,
      schedule.publishes,
    ],
  );
}

/** Marks the performance cancelled unless it already is or a newer event was applied; whether it changed. */
export async function markPerformanceCancelled(db: Queryable, tenantId: string, performanceId: string, eventAt: string): Promise<boolean> {
  const cancelled = await oneRow<{ id: string }>(
    db,
    `UPDATE performances SET status = 'cancelled', last_event_at = $3
      WHERE tenant_id = $1 AND id = $2 AND status <> 'cancelled' AND last_event_at <= $3 RETURNING id`,
    [tenantId, performanceId, eventAt],
  );
  return cancelled !== undefined;
}

/** A page of performances not yet over, by start, after the cursor's (start, id). */
export function upcomingPerformancesPage(
  db: Queryable,
  tenantId: string,
  filter: { after: readonly (string | number)[] | null; limit: number },
): Promise<PerformanceRow[]> {
  return rows<PerformanceRow>(
    db,
    `SELECT id, title, starts_at, ends_at, venue_name, status FROM performances
      WHERE tenant_id = $1 AND ends_at > now() AND ($2::timestamptz IS NULL OR (starts_at, id) > ($2::timestamptz, $3::uuid))
      ORDER BY starts_at, id LIMIT $4`,
    [tenantId, filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit],
  );
}

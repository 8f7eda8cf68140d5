import type { PerformanceScheduleV1 } from '@tutti/contracts';
import { publishEvent } from '@tutti/messaging';
import { oneRow, rows } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import type { PerformanceRow } from './performance-lookup';

type ScheduleEvent = 'performance.performance.published' | 'performance.performance.rescheduled';

async function rosterPupilIds(manager: EntityManager, performance: PerformanceRow): Promise<string[]> {
  const found = await rows<{ pupil_id: string }>(
    manager,
    'SELECT pupil_id FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND NOT removed ORDER BY pupil_id',
    [performance.tenant_id, performance.id],
  );
  return found.map((row) => row.pupil_id);
}

/** Publishes or reschedules, in the transaction that made the change, with what families need to know. */
export async function publishScheduleEvent(manager: EntityManager, type: ScheduleEvent, performance: PerformanceRow, previousStartsAt: Date | null): Promise<void> {
  const venue = await oneRow<{ name: string; address: string }>(manager, 'SELECT name, address FROM venues WHERE tenant_id = $1 AND id = $2', [performance.tenant_id, performance.venue_id]);
  const payload: PerformanceScheduleV1 = {
    version: 1,
    performanceId: performance.id,
    title: performance.title,
    startsAt: performance.starts_at.toISOString(),
    endsAt: performance.ends_at.toISOString(),
    venueName: venue?.name ?? '',
    previousStartsAt: previousStartsAt?.toISOString() ?? null,
    callTime: performance.call_time?.toISOString() ?? null,
    audience: performance.audience,
    venueAddress: venue?.address ?? '',
    pupilIds: await rosterPupilIds(manager, performance),
  };
  await publishEvent(manager, { source: 'performance-event', type, tenantId: performance.tenant_id, payload });
}

export async function publishCancelledEvent(manager: EntityManager, performance: PerformanceRow, reason: string | null): Promise<void> {
  await publishEvent(manager, {
    source: 'performance-event',
    type: 'performance.performance.cancelled',
    tenantId: performance.tenant_id,
    payload: {
      version: 1,
      performanceId: performance.id,
      reason,
      title: performance.title,
      startsAt: performance.starts_at.toISOString(),
      pupilIds: await rosterPupilIds(manager, performance),
    },
  });
}

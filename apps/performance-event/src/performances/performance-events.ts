import type { PerformanceScheduleV1 } from '@tutti/contracts';
import { publishEvent } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';
import { rosterPupilIds, rosterPupilsWithSchools } from '../rosters/rosters.queries';
import { venueById } from '../venues/venues.queries';
import type { PerformanceRow } from './performances.queries';

type ScheduleEvent = 'performance.performance.published' | 'performance.performance.rescheduled';

/** Publishes or reschedules, in the transaction that made the change, with what families need to know. */
export async function publishScheduleEvent(
  manager: EntityManager,
  type: ScheduleEvent,
  performance: PerformanceRow,
  previousStartsAt: Date | null,
): Promise<void> {
  const venue = await venueById(manager, performance.tenant_id, performance.venue_id);
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
    pupilIds: await rosterPupilIds(manager, performance.tenant_id, performance.id),
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
      pupilIds: await rosterPupilIds(manager, performance.tenant_id, performance.id),
    },
  });
}

/**
 * The performance took place: who performed, as the roster stands now that it can no longer change
 * (scheduling counts them for the annual data return). Also sent again by evidence-republish.
 */
export async function publishCompletedEvent(manager: EntityManager, performance: PerformanceRow): Promise<void> {
  await publishEvent(manager, {
    source: 'performance-event',
    type: 'performance.performance.completed',
    tenantId: performance.tenant_id,
    payload: {
      version: 1,
      performanceId: performance.id,
      title: performance.title,
      startsAt: performance.starts_at.toISOString(),
      audience: performance.audience,
      performers: await rosterPupilsWithSchools(manager, performance.tenant_id, performance.id),
    },
  });
}

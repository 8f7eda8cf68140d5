import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { HandlesEvent } from '@tutti/messaging';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { FamilyReminders } from '../reminders/family-reminders.service';
import { quietHoursOf } from '../reminders/quiet-hours';
import { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import { TransportBookingsService } from '../transport/transport-bookings.service';
import { familiesQuietHours } from '../families/families.queries';
import { attendingGuardians } from '../rsvps/rsvps.queries';
import type { PerformanceDto } from './performance.dto';
import {
  applyPerformanceSchedule,
  lockedPerformance,
  markPerformanceCancelled,
  upcomingPerformancesPage,
  type PerformanceRow,
} from './performances.queries';

/**
 * The local copy of performance-event's performances, kept by its events (applied once each, and
 * an older event never overwrites a newer one). Moving or cancelling one moves or cancels its buses,
 * bookings and reminders, and tells the families.
 */
@Injectable()
export class PerformancesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: TransportBookingsService,
    private readonly reminders: FamilyReminders,
    private readonly settings: TenantSettingsService,
  ) {}

  @HandlesEvent('performance.performance.published', 'performance.performance.rescheduled')
  async applySchedule(
    event: EventEnvelope<'performance.performance.published' | 'performance.performance.rescheduled'>,
    manager: EntityManager,
  ): Promise<void> {
    const { tenantId, payload } = event;
    const previous = await lockedPerformance(manager, tenantId, payload.performanceId);
    const applied = await applyPerformanceSchedule(manager, tenantId, {
      performanceId: payload.performanceId,
      title: payload.title,
      startsAt: payload.startsAt,
      endsAt: payload.endsAt,
      venueName: payload.venueName,
      eventAt: event.occurredAt,
      publishes: event.type === 'performance.performance.published',
    });
    if (!applied || !previous || applied.status !== 'published') return;
    const shiftMs = applied.starts_at.getTime() - previous.starts_at.getTime();
    if (shiftMs === 0) return;
    const bookingFamilies = await this.bookings.shiftForPerformance(manager, tenantId, applied.id, shiftMs);
    await this.reminders.moveConsentChases(manager, tenantId, applied.id, applied.starts_at);
    await this.tellFamilies(
      manager,
      tenantId,
      applied.id,
      [...bookingFamilies, ...(await this.rsvpFamilies(manager, tenantId, applied.id))],
      'performance.moved',
      {
        previousStartsAt: previous.starts_at.toISOString(),
      },
    );
  }

  @HandlesEvent('performance.performance.cancelled')
  async applyCancelled(event: EventEnvelope<'performance.performance.cancelled'>, manager: EntityManager): Promise<void> {
    const { tenantId, payload } = event;
    if (!(await markPerformanceCancelled(manager, tenantId, payload.performanceId, event.occurredAt))) return;
    const bookingFamilies = await this.bookings.cancelForPerformance(manager, tenantId, payload.performanceId);
    await this.reminders.cancelConsentChases(manager, tenantId, payload.performanceId);
    await this.tellFamilies(
      manager,
      tenantId,
      payload.performanceId,
      [...bookingFamilies, ...(await this.rsvpFamilies(manager, tenantId, payload.performanceId))],
      'performance.cancelled',
      {
        reason: payload.reason,
      },
    );
  }

  async list(tenantId: string, page: PageQueryDto): Promise<Page<PerformanceDto>> {
    const after = decodeCursor(page.cursor, ['instant', 'uuid']);
    const found = await upcomingPerformancesPage(this.dataSource, tenantId, { after, limit: page.limit + 1 });
    return toPage(found, page.limit, toPerformanceDto, (row) => [row.starts_at.toISOString(), row.id]);
  }

  private async rsvpFamilies(manager: EntityManager, tenantId: string, performanceId: string): Promise<string[]> {
    return attendingGuardians(manager, tenantId, performanceId);
  }

  private async tellFamilies(
    manager: EntityManager,
    tenantId: string,
    performanceId: string,
    guardianIds: string[],
    kind: 'performance.moved' | 'performance.cancelled',
    details: Record<string, unknown>,
  ): Promise<void> {
    const unique = [...new Set(guardianIds)];
    if (unique.length === 0) return;
    const { timeZone } = await this.settings.settingsOf(manager, tenantId);
    const quiet = await familiesQuietHours(manager, tenantId, unique);
    const quietOf = new Map(quiet.map((row) => [row.guardian_id, quietHoursOf(row)]));
    for (const guardianId of unique) {
      await this.reminders.performanceNotice(
        manager,
        { tenantId, guardianId, quietHours: quietOf.get(guardianId) ?? null, timeZone },
        kind,
        performanceId,
        details,
      );
    }
  }
}

export function toPerformanceDto(row: PerformanceRow): PerformanceDto {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    venueName: row.venue_name,
    status: row.status,
  };
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tutti/contracts';
import { decodeCursor, oneRow, rows, toPage, type Page, type PageQueryDto } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { FamilyReminders } from '../reminders/family-reminders.service';
import { quietHoursOf } from '../reminders/quiet-hours';
import { TenantSettingsService } from '../tenant-settings/tenant-settings.service';
import { TransportBookingsService } from '../transport/transport-bookings.service';
import type { PerformanceDto } from './performance.dto';

interface PerformanceRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  status: string;
}

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

  async applySchedule(event: EventEnvelope<'performance.performance.published' | 'performance.performance.rescheduled'>, manager: EntityManager): Promise<void> {
    const { tenantId, payload } = event;
    const previous = await oneRow<PerformanceRow>(manager, 'SELECT * FROM performances WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, payload.performanceId]);
    const applied = await oneRow<PerformanceRow>(
      manager,
      `INSERT INTO performances (tenant_id, id, title, starts_at, ends_at, venue_name, status, last_event_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'published', $7)
       ON CONFLICT (tenant_id, id) DO UPDATE SET title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
         venue_name = EXCLUDED.venue_name, last_event_at = EXCLUDED.last_event_at,
         status = CASE WHEN $8 THEN 'published' ELSE performances.status END
       WHERE performances.last_event_at <= EXCLUDED.last_event_at
       RETURNING *`,
      [tenantId, payload.performanceId, payload.title, payload.startsAt, payload.endsAt, payload.venueName, event.occurredAt, event.type === 'performance.performance.published'],
    );
    if (!applied || !previous || applied.status !== 'published') return;
    const shiftMs = applied.starts_at.getTime() - previous.starts_at.getTime();
    if (shiftMs === 0) return;
    const bookingFamilies = await this.bookings.shiftForPerformance(manager, tenantId, applied.id, shiftMs);
    await this.reminders.moveConsentChases(manager, tenantId, applied.id, applied.starts_at);
    await this.tellFamilies(manager, tenantId, applied.id, [...bookingFamilies, ...(await this.rsvpFamilies(manager, tenantId, applied.id))], 'performance.moved', {
      previousStartsAt: previous.starts_at.toISOString(),
    });
  }

  async applyCancelled(event: EventEnvelope<'performance.performance.cancelled'>, manager: EntityManager): Promise<void> {
    const { tenantId, payload } = event;
    const cancelled = await oneRow<{ id: string }>(
      manager,
      `UPDATE performances SET status = 'cancelled', last_event_at = $3
        WHERE tenant_id = $1 AND id = $2 AND status <> 'cancelled' AND last_event_at <= $3 RETURNING id`,
      [tenantId, payload.performanceId, event.occurredAt],
    );
    if (!cancelled) return;
    const bookingFamilies = await this.bookings.cancelForPerformance(manager, tenantId, payload.performanceId);
    await this.reminders.cancelConsentChases(manager, tenantId, payload.performanceId);
    await this.tellFamilies(manager, tenantId, payload.performanceId, [...bookingFamilies, ...(await this.rsvpFamilies(manager, tenantId, payload.performanceId))], 'performance.cancelled', {
      reason: payload.reason,
    });
  }

  async list(tenantId: string, page: PageQueryDto): Promise<Page<PerformanceDto>> {
    const after = decodeCursor(page.cursor, ['instant', 'uuid']);
    const found = await rows<PerformanceRow>(
      this.dataSource,
      `SELECT id, title, starts_at, ends_at, venue_name, status FROM performances
        WHERE tenant_id = $1 AND ends_at > now() AND ($2::timestamptz IS NULL OR (starts_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY starts_at, id LIMIT $4`,
      [tenantId, after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    return toPage(found, page.limit, toPerformanceDto, (row) => [row.starts_at.toISOString(), row.id]);
  }

  private async rsvpFamilies(manager: EntityManager, tenantId: string, performanceId: string): Promise<string[]> {
    const found = await rows<{ guardian_id: string }>(manager, 'SELECT guardian_id FROM rsvps WHERE tenant_id = $1 AND performance_id = $2 AND attending', [tenantId, performanceId]);
    return found.map((row) => row.guardian_id);
  }

  private async tellFamilies(manager: EntityManager, tenantId: string, performanceId: string, guardianIds: string[], kind: 'performance.moved' | 'performance.cancelled', details: Record<string, unknown>): Promise<void> {
    const unique = [...new Set(guardianIds)];
    if (unique.length === 0) return;
    const { timeZone } = await this.settings.settingsOf(manager, tenantId);
    const quiet = await rows<{ guardian_id: string; quiet_hours_start: string | null; quiet_hours_end: string | null }>(
      manager,
      'SELECT guardian_id, quiet_hours_start, quiet_hours_end FROM families WHERE tenant_id = $1 AND guardian_id = ANY($2::uuid[])',
      [tenantId, unique],
    );
    const quietOf = new Map(quiet.map((row) => [row.guardian_id, quietHoursOf(row)]));
    for (const guardianId of unique) {
      await this.reminders.performanceNotice(manager, { tenantId, guardianId, quietHours: quietOf.get(guardianId) ?? null, timeZone }, kind, performanceId, details);
    }
  }
}

export function toPerformanceDto(row: PerformanceRow): PerformanceDto {
  return { id: row.id, title: row.title, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(), venueName: row.venue_name, status: row.status };
}

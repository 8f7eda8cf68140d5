import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { oneRow, rows } from '@tutti/platform';
import { DataSource } from 'typeorm';
import type { ParentEngagementConfig } from '../config';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import { FamiliesService } from '../families/families.service';
import { seatsInEnglish } from '../reminders/templates';
import { renderCalendar, type CalendarEvent } from './ical';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PICKUP_MINUTES = 15;

/**
 * A guardian's private calendar feed. The token is the credential: 32 random bytes, stored only as
 * a SHA-256 hash, after the tenant id so that the lookup stays within one tenant's keys.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly families: FamiliesService,
    @Inject(PARENT_ENGAGEMENT_CONFIG) private readonly config: ParentEngagementConfig,
  ) {}

  /** Creates the feed, or replaces its token (the old URL stops working). */
  async rotate(identity: Identity): Promise<{ token: string; path: string; url: string }> {
    const token = `${identity.tenantId}.${randomBytes(32).toString('base64url')}`;
    await this.dataSource.transaction(async (manager) => {
      await this.families.ensureFamily(manager, identity);
      await manager.query(
        `INSERT INTO calendar_feeds (tenant_id, guardian_id, token_hash) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, guardian_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
        [identity.tenantId, identity.userId, hashOf(token)],
      );
    });
    const path = `/calendar/${token}.ics`;
    // The address a calendar app subscribes to: through the gateway, at PUBLIC_URL.
    return { token, path, url: this.config.publicLink(`api/parent-engagement${path}`) };
  }

  async revoke(identity: Identity): Promise<void> {
    await this.dataSource.query('DELETE FROM calendar_feeds WHERE tenant_id = $1 AND guardian_id = $2', [identity.tenantId, identity.userId]);
  }

  /** The feed for a token: the family's performances (RSVP or bus), their bus pick-ups and their family sessions. */
  async feed(file: string): Promise<string> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})\.ics$/.exec(file);
    if (!match || !UUID.test(match[1])) throw new NotFoundException('No such calendar.');
    const tenantId = match[1];
    const token = file.slice(0, -'.ics'.length);
    const owner = await oneRow<{ guardian_id: string }>(this.dataSource, 'SELECT guardian_id FROM calendar_feeds WHERE tenant_id = $1 AND token_hash = $2', [tenantId, hashOf(token)]);
    if (!owner) throw new NotFoundException('No such calendar.');
    const guardianId = owner.guardian_id;
    const children = `(SELECT array_agg(pupil_id) FROM family_children WHERE tenant_id = $1 AND guardian_id = $2)`;

    const performances = await rows<{ id: string; title: string; starts_at: Date; ends_at: Date; venue_name: string; status: string }>(
      this.dataSource,
      `SELECT p.id, p.title, p.starts_at, p.ends_at, p.venue_name, p.status FROM performances p
        WHERE p.tenant_id = $1 AND p.ends_at > now() - interval '30 days' AND (
          EXISTS (SELECT 1 FROM rsvps v WHERE v.tenant_id = p.tenant_id AND v.performance_id = p.id AND v.attending AND (v.guardian_id = $2 OR v.pupil_ids && ${children}))
          OR EXISTS (SELECT 1 FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
                      WHERE r.tenant_id = p.tenant_id AND r.performance_id = p.id AND b.status IN ('confirmed', 'offered', 'waitlisted') AND (b.guardian_id = $2 OR b.pupil_ids && ${children})))
        ORDER BY p.starts_at, p.id`,
      [tenantId, guardianId],
    );
    const pickups = await rows<{ id: string; title: string; stop_name: string; place: string; pickup_at: Date; vehicle: string; seats: number }>(
      this.dataSource,
      `SELECT b.id, p.title, s.name AS stop_name, s.place, s.pickup_at, r.vehicle, b.seats
         FROM transport_bookings b
         JOIN pickup_stops s ON s.tenant_id = b.tenant_id AND s.id = b.stop_id
         JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
         JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id
        WHERE b.tenant_id = $1 AND b.guardian_id = $2 AND b.status = 'confirmed' AND s.pickup_at > now() - interval '30 days'
        ORDER BY s.pickup_at, b.id`,
      [tenantId, guardianId],
    );
    const sessions = await rows<{ id: string; title: string; starts_at: Date; ends_at: Date }>(
      this.dataSource,
      `SELECT s.id, s.title, s.starts_at, s.ends_at FROM session_signups g JOIN family_sessions s ON s.tenant_id = g.tenant_id AND s.id = g.session_id
        WHERE g.tenant_id = $1 AND g.guardian_id = $2 AND g.status = 'signed_up' AND s.ends_at > now() - interval '30 days' ORDER BY s.starts_at, s.id`,
      [tenantId, guardianId],
    );
    const events: CalendarEvent[] = [
      ...performances.map((p) => ({ uid: `performance-${p.id}@tutti`, summary: p.title, startsAt: p.starts_at, endsAt: p.ends_at, location: p.venue_name, cancelled: p.status === 'cancelled' })),
      ...pickups.map((b) => ({
        uid: `pickup-${b.id}@tutti`,
        summary: `Free bus to ${b.title}: pick-up at ${b.stop_name}`,
        startsAt: b.pickup_at,
        endsAt: new Date(b.pickup_at.getTime() + PICKUP_MINUTES * 60_000),
        location: b.place,
        description: `${b.vehicle}, ${seatsInEnglish(b.seats)} booked.`,
      })),
      ...sessions.map((s) => ({ uid: `session-${s.id}@tutti`, summary: s.title, startsAt: s.starts_at, endsAt: s.ends_at })),
    ];
    return renderCalendar('Tutti: our family', events);
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

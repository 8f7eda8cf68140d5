import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { performanceEventUid } from '@tutti/platform';
import { DataSource } from 'typeorm';
import type { ParentEngagementConfig } from '../config';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import { FamiliesService } from '../families/families.service';
import { areaTranslator } from '../message-overrides/area-translator';
import { familyContact } from '../reminders/reminders.queries';
import { deleteFeed, feedOwner, feedPerformances, feedPickups, feedSessions, saveFeedToken } from './calendar-feeds.queries';
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
      await saveFeedToken(manager, identity.tenantId, identity.userId, hashOf(token));
    });
    const path = `/calendar/${token}.ics`;
    // The address a calendar app subscribes to: through the gateway, at PUBLIC_URL.
    return { token, path, url: this.config.publicLink(`api/parent-engagement${path}`) };
  }

  async revoke(identity: Identity): Promise<void> {
    await deleteFeed(this.dataSource, identity.tenantId, identity.userId);
  }

  /** The feed for a token: the family's performances (RSVP or bus), their bus pick-ups and their family sessions. */
  async feed(file: string): Promise<string> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})\.ics$/.exec(file);
    if (!match || !UUID.test(match[1])) throw new NotFoundException('No such calendar.');
    const tenantId = match[1];
    const token = file.slice(0, -'.ics'.length);
    const guardianId = await feedOwner(this.dataSource, tenantId, hashOf(token));
    if (!guardianId) throw new NotFoundException('No such calendar.');
    const performances = await feedPerformances(this.dataSource, tenantId, guardianId);
    const pickups = await feedPickups(this.dataSource, tenantId, guardianId);
    const sessions = await feedSessions(this.dataSource, tenantId, guardianId);
    const { t } = await areaTranslator(this.dataSource, tenantId, (await familyContact(this.dataSource, tenantId, guardianId))?.language);
    const events: CalendarEvent[] = [
      ...performances.map((p) => ({
        uid: performanceEventUid(p.id),
        summary: p.title,
        startsAt: p.starts_at,
        endsAt: p.ends_at,
        location: p.venue_name,
        cancelled: p.status === 'cancelled',
      })),
      ...pickups.map((b) => ({
        uid: `pickup-${b.id}@tutti`,
        summary: t('calendar.pickup.summary', { performanceTitle: b.title, stopName: b.stop_name }),
        startsAt: b.pickup_at,
        endsAt: new Date(b.pickup_at.getTime() + PICKUP_MINUTES * 60_000),
        location: b.place,
        description: t('calendar.pickup.description', { vehicle: b.vehicle, seats: b.seats }),
      })),
      ...sessions.map((s) => ({ uid: `session-${s.id}@tutti`, summary: s.title, startsAt: s.starts_at, endsAt: s.ends_at })),
    ];
    return renderCalendar(t('calendar.name'), events);
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

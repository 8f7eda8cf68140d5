import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, performanceEventUid, renderCalendar, toPage, type PageQueryDto } from '@tutti/platform';
import type { PublicPerformanceDto, PublicPerformancePageDto } from './public-performance.dto';
import { publicPerformancesForFeed, upcomingPublicPerformances, type UpcomingRow } from './public-listing.queries';

/** How far back the feed keeps cancelled and past events, so that calendars see them change. */
const FEED_LOOKBACK_MS = 30 * 24 * 3_600_000;
const FEED_MAX_EVENTS = 500;

@Injectable()
export class PublicListingService {
  constructor(private readonly db: DataSource) {}

  /** The hottest public read (every family's phone opens it): one plain SQL statement, mapped by hand. */
  async upcoming(tenantId: string, page: PageQueryDto): Promise<PublicPerformancePageDto> {
    const after = decodeCursor(page.cursor, ['instant', 'uuid']);
    const found = await upcomingPublicPerformances(this.db, tenantId, after, page.limit + 1);
    return toPage(found, page.limit, toPublicPerformance, (row) => [row.starts_at.toISOString(), row.id]);
  }

  /** The area's public performances as an iCalendar feed; a cancelled one stays, marked CANCELLED. */
  async calendar(tenantId: string): Promise<string> {
    const found = await publicPerformancesForFeed(this.db, tenantId, new Date(Date.now() - FEED_LOOKBACK_MS), FEED_MAX_EVENTS);
    // Performances cancelled while still drafts were never public.
    const events = found
      .filter((row) => row.status !== 'cancelled' || row.published_at !== null)
      .map((row) => ({
        uid: performanceEventUid(row.id),
        sequence: row.version,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        summary: row.title,
        location: [row.venue_name, row.venue_address].filter(Boolean).join(', '),
        description: row.venue_access_notes ?? null,
        status: row.status === 'cancelled' ? ('cancelled' as const) : ('confirmed' as const),
      }));
    return renderCalendar({ product: 'Performances', name: 'Tutti performances', events });
  }
}

function toPublicPerformance(row: UpcomingRow): PublicPerformanceDto {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    venueName: row.venue_name,
    venueAddress: row.venue_address,
    venueAccessNotes: row.venue_access_notes,
  };
}

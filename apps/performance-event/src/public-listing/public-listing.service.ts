import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { decodeCursor, rows, toPage, type PageQueryDto } from '@tutti/platform';
import { Performance } from '../performances/performance.entity';
import type { PublicPerformanceDto, PublicPerformancePageDto } from './public-performance.dto';
import { renderCalendar } from './ical';

/** How far back the feed keeps cancelled and past events, so that calendars see them change. */
const FEED_LOOKBACK_MS = 30 * 24 * 3_600_000;
const FEED_MAX_EVENTS = 500;

@Injectable()
export class PublicListingService {
  constructor(@InjectRepository(Performance) private readonly performances: Repository<Performance>) {}

  /**
   * The hottest public read (every family's phone opens it), so it is one plain SQL statement
   * mapped by hand: the query builder and entity hydration cost more than the query itself.
   */
  async upcoming(tenantId: string, page: PageQueryDto): Promise<PublicPerformancePageDto> {
    const after = decodeCursor(page.cursor, ['instant', 'uuid']);
    const found = await rows<UpcomingRow>(
      this.performances.manager,
      `SELECT p.id, p.title, p.starts_at, p.ends_at, v.name AS venue_name, v.address AS venue_address, v.access_notes AS venue_access_notes
         FROM performances p JOIN venues v ON v.tenant_id = p.tenant_id AND v.id = p.venue_id
        WHERE p.tenant_id = $1 AND p.status = 'published' AND p.audience = 'public' AND p.ends_at > now()
          AND ($2::timestamptz IS NULL OR (p.starts_at, p.id) > ($2::timestamptz, $3::uuid))
        ORDER BY p.starts_at, p.id
        LIMIT $4`,
      [tenantId, after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    return toPage(found, page.limit, toPublicPerformance, (row) => [row.starts_at.toISOString(), row.id]);
  }

  /** The area's public performances as an iCalendar feed; a cancelled one stays, marked CANCELLED. */
  async calendar(tenantId: string): Promise<string> {
    const found = await this.performances
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.venue', 'v')
      .where('p.tenantId = :tenantId', { tenantId })
      .andWhere(`p.status IN ('published', 'completed', 'cancelled')`)
      .andWhere(`p.audience = 'public'`)
      .andWhere('p.endsAt > :since', { since: new Date(Date.now() - FEED_LOOKBACK_MS) })
      .orderBy('p.startsAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(FEED_MAX_EVENTS)
      .getMany();
    // Performances cancelled while still drafts were never public.
    const events = found
      .filter((row) => row.status !== 'cancelled' || row.publishedAt !== null)
      .map((row) => ({
        uid: `${row.id}@performances.tutti`,
        sequence: row.version,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        summary: row.title,
        location: [row.venue?.name, row.venue?.address].filter(Boolean).join(', '),
        description: row.venue?.accessNotes ?? null,
        cancelled: row.status === 'cancelled',
      }));
    return renderCalendar('Tutti performances', events);
  }
}

interface UpcomingRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
  venue_access_notes: string | null;
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

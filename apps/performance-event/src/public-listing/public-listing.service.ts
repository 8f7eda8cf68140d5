import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { decodeCursor, toPage, type PageQueryDto } from '@tutti/platform';
import { Performance } from '../performances/performance.entity';
import type { PublicPerformanceDto, PublicPerformancePageDto } from './public-performance.dto';
import { renderCalendar } from './ical';

/** How far back the feed keeps cancelled and past events, so that calendars see them change. */
const FEED_LOOKBACK_MS = 30 * 24 * 3_600_000;
const FEED_MAX_EVENTS = 500;

@Injectable()
export class PublicListingService {
  constructor(@InjectRepository(Performance) private readonly performances: Repository<Performance>) {}

  async upcoming(tenantId: string, page: PageQueryDto): Promise<PublicPerformancePageDto> {
    const after = decodeCursor(page.cursor, ['string', 'string']);
    const query = this.performances
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.venue', 'v')
      .where('p.tenantId = :tenantId', { tenantId })
      .andWhere(`p.status = 'published'`)
      .andWhere(`p.audience = 'public'`)
      .andWhere('p.endsAt > now()')
      .orderBy('p.startsAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(page.limit + 1);
    if (after) query.andWhere('(p.startsAt, p.id) > (:afterStart, :afterId)', { afterStart: after[0], afterId: after[1] });
    const rows = await query.getMany();
    return toPage(rows, page.limit, toPublicPerformance, (row) => [row.startsAt.toISOString(), row.id]);
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

function toPublicPerformance(row: Performance): PublicPerformanceDto {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    venueName: row.venue?.name ?? '',
    venueAddress: row.venue?.address ?? '',
    venueAccessNotes: row.venue?.accessNotes ?? null,
  };
}

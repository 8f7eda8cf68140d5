import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { decodeCursor, toPage, type PageQueryDto } from '@tutti/platform';
import { Performance } from '../performances/performance.entity';
import type { PublicPerformanceDto, PublicPerformancePageDto } from './public-performance.dto';

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

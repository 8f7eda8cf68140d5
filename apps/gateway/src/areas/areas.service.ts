import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { decodeCursor, toPage, type PageQueryDto } from '@tutti/platform';
import { Tenant } from '../tenants/tenant.entity';
import type { AreaPageDto } from './area.dto';

@Injectable()
export class AreasService {
  constructor(@InjectRepository(Tenant) private readonly tenants: Repository<Tenant>) {}

  /** Areas by name, so that the sign-in page can list them. */
  async list(page: PageQueryDto): Promise<AreaPageDto> {
    const after = decodeCursor(page.cursor, ['text', 'uuid']);
    const query = this.tenants
      .createQueryBuilder('t')
      .select(['t.id', 't.slug', 't.name'])
      .orderBy('t.name', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(page.limit + 1);
    if (after) query.where('(t.name, t.id) > (:afterName, :afterId)', { afterName: after[0], afterId: after[1] });
    const rows = await query.getMany();
    return toPage(rows, page.limit, ({ id, slug, name }) => ({ id, slug, name }), (row) => [row.name, row.id]);
  }
}

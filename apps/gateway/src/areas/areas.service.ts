import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage, type PageQueryDto } from '@tutti/platform';
import type { AreaPageDto } from './area.dto';
import { areasByName } from './areas.queries';

@Injectable()
export class AreasService {
  constructor(private readonly dataSource: DataSource) {}

  /** Areas by name, so that the sign-in page can list them. */
  async list(page: PageQueryDto): Promise<AreaPageDto> {
    const after = decodeCursor(page.cursor, ['text', 'uuid']);
    const rows = await areasByName(this.dataSource, after ? [String(after[0]), String(after[1])] : undefined, page.limit + 1);
    return toPage(
      rows,
      page.limit,
      ({ id, slug, name }) => ({ id, slug, name }),
      (row) => [row.name, row.id],
    );
  }
}

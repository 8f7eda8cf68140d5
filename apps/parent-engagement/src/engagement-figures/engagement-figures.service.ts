import { Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, inSchoolScope, staffSchoolScope, type Identity } from '@tutti/auth';
import { ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import type { EngagementFiguresDto, EngagementFiguresQueryDto } from './dto/engagement-figures.dto';
import { schoolEngagement } from './engagement-figures.queries';

/**
 * How families took part, per school, over a term (local dates, the area's time zone). A family
 * takes part in a school's life when it signs up to a session there, says it will come to a
 * performance, or has a confirmed bus seat to one, for a child at that school; a term counts what
 * happened (session or performance start) within it.
 */
@Injectable()
export class EngagementFiguresService {
  constructor(private readonly dataSource: DataSource) {}

  async figures(identity: Identity, query: EngagementFiguresQueryDto): Promise<EngagementFiguresDto> {
    if (query.to < query.from) throw new ValidationProblem([{ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' }]);
    const scope = staffSchoolScope(identity);
    if (query.schoolId && !inSchoolScope(scope, query.schoolId)) throw new NotFoundException('No such school among yours.');
    const schools = await schoolEngagement(
      this.dataSource,
      identity.tenantId,
      { from: query.from, to: query.to },
      { allSchools: scope === ALL_SCHOOLS, schoolIds: scope === ALL_SCHOOLS ? [] : [...scope], schoolId: query.schoolId ?? null },
    );
    return { from: query.from, to: query.to, schools };
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { EngagementFiguresDto, EngagementFiguresQueryDto } from './dto/engagement-figures.dto';
import { EngagementFiguresService } from './engagement-figures.service';

@ApiTags('engagement figures')
@Controller('engagement-figures')
export class EngagementFiguresController {
  constructor(private readonly figures: EngagementFiguresService) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({
    operationId: 'getEngagementFigures',
    summary: 'Families engaged, first-time, returning, at a performance and on a bus, per school of yours, over a term',
  })
  @ApiOkResponse({ type: EngagementFiguresDto })
  get(@CurrentIdentity() identity: Identity, @Query() query: EngagementFiguresQueryDto): Promise<EngagementFiguresDto> {
    return this.figures.figures(identity, query);
  }
}

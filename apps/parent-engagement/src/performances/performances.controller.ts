import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { PageQueryDto } from '@tutti/platform';
import { PerformancePageDto } from './performance.dto';
import { PerformancesService } from './performances.service';

@ApiTags('performances')
@Controller('performances')
export class PerformancesController {
  constructor(private readonly performances: PerformancesService) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ summary: 'Upcoming performances families can RSVP to and travel to, soonest first' })
  @ApiOkResponse({ type: PerformancePageDto })
  list(@CurrentIdentity() identity: Identity, @Query() page: PageQueryDto): Promise<PerformancePageDto> {
    return this.performances.list(identity.tenantId, page);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@tutti/auth';
import { IdParam, PageQueryDto } from '@tutti/platform';
import { PublicPerformancePageDto } from './public-performance.dto';
import { PublicListingService } from './public-listing.service';

@ApiTags('public listing')
@Controller('public/areas/:areaId/performances')
export class PublicListingController {
  constructor(private readonly listing: PublicListingService) {}

  @Get()
  @PublicRoute('the public listing of an area shows published public performances and no children’s data')
  @ApiOperation({ operationId: 'listPublicPerformances', summary: 'Upcoming published public performances of an area, soonest first' })
  @ApiOkResponse({ type: PublicPerformancePageDto })
  list(@IdParam('areaId') areaId: string, @Query() page: PageQueryDto): Promise<PublicPerformancePageDto> {
    return this.listing.upcoming(areaId, page);
  }
}

import { Controller, Get, Header } from '@nestjs/common';
import { IdParam } from '@tutti/platform';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@tutti/auth';
import { PublicListingService } from './public-listing.service';

@ApiTags('public listing')
@Controller('public/areas/:areaId')
export class PublicCalendarController {
  constructor(private readonly listing: PublicListingService) {}

  @Get('performances.ics')
  @PublicRoute('the calendar feed of an area holds its public performances and no children’s data')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({
    operationId: 'getPublicCalendar',
    summary: 'The area’s public performances as an iCalendar (RFC 5545) feed to subscribe to',
  })
  @ApiProduces('text/calendar')
  calendar(@IdParam('areaId') areaId: string): Promise<string> {
    return this.listing.calendar(areaId);
  }
}

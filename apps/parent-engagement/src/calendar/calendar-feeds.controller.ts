import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, PublicRoute, type Identity } from '@tutti/auth';
import type { FastifyReply } from 'fastify';
import { CalendarFeedsService } from './calendar-feeds.service';

export class CalendarFeedDto {
  @ApiProperty({ description: 'The secret; shown once' }) token: string;
  @ApiProperty({ example: '/calendar/….ics', description: 'Path of the feed under this service' }) path: string;
  @ApiProperty({
    example: 'https://tutti.example.org/api/parent-engagement/calendar/….ics',
    description: 'The address to subscribe to in a calendar app (at PUBLIC_URL)',
  })
  url: string;
}

@ApiTags('calendar')
@Controller()
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Post('calendar-feed')
  @HttpCode(201)
  @Access('guardian')
  @ApiOperation({ summary: 'Create your private calendar feed, or replace its secret address (the old one stops working)' })
  @ApiCreatedResponse({ type: CalendarFeedDto })
  rotate(@CurrentIdentity() identity: Identity): Promise<CalendarFeedDto> {
    return this.feeds.rotate(identity);
  }

  @Delete('calendar-feed')
  @HttpCode(204)
  @Access('guardian')
  @ApiOperation({ summary: 'Turn your calendar feed off' })
  async revoke(@CurrentIdentity() identity: Identity): Promise<void> {
    await this.feeds.revoke(identity);
  }

  @Get('calendar/:file')
  @PublicRoute('calendar apps cannot sign in: the unguessable token in the address is the credential, stored hashed and revocable')
  @ApiOperation({ operationId: 'getCalendarFeed', summary: 'A family’s calendar (iCalendar): performances, bus pick-ups, family sessions' })
  @ApiProduces('text/calendar')
  async feed(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const body = await this.feeds.feed(file);
    await reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
  }
}

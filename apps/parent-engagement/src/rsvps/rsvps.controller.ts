import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { ApiConflictRules, etagOf, IdParam } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { PutRsvpDto, RsvpCheckInDto, RsvpDto, RsvpPageDto, RsvpQueryDto, RsvpSummaryDto } from './dto/rsvp.dto';
import { RsvpsService } from './rsvps.service';

const STAFF = ['programme_admin', 'headteacher', 'tutor', 'school_staff'] as const;

@ApiTags('rsvps')
@Controller()
export class RsvpsController {
  constructor(private readonly rsvps: RsvpsService) {}

  @Put('performances/:performanceId/rsvp')
  @Access('guardian')
  @ApiOperation({
    summary: 'Your family’s answer for a performance (one per family; repeating a PUT is harmless; If-Match refuses a stale edit with 412)',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: RsvpDto })
  @ApiConflictRules('performance-cancelled', 'performance-over')
  async put(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Body() dto: PutRsvpDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RsvpDto> {
    const rsvp = await this.rsvps.put(identity, performanceId, dto, ifMatch);
    void reply.header('etag', etagOf(rsvp.version));
    return rsvp;
  }

  @Get('performances/:performanceId/rsvp')
  @Access('guardian')
  @ApiOperation({ operationId: 'getMyRsvp', summary: 'Your family’s answer for a performance, with its ETag' })
  @ApiOkResponse({ type: RsvpDto })
  async mine(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RsvpDto> {
    const rsvp = await this.rsvps.mine(identity, performanceId);
    void reply.header('etag', etagOf(rsvp.version));
    return rsvp;
  }

  @Get('performances/:performanceId/rsvp-summary')
  @Access(...STAFF)
  @ApiOperation({ operationId: 'getRsvpSummary', summary: 'How many are coming and how many came, over your schools’ families' })
  @ApiOkResponse({ type: RsvpSummaryDto })
  summary(@CurrentIdentity() identity: Identity, @IdParam('performanceId') performanceId: string): Promise<RsvpSummaryDto> {
    return this.rsvps.summary(identity, performanceId);
  }

  @Get('rsvps')
  @Access('guardian', ...STAFF)
  @ApiOperation({ summary: 'Your family’s RSVPs (guardian) or your schools’ families’ (staff)' })
  @ApiOkResponse({ type: RsvpPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: RsvpQueryDto): Promise<RsvpPageDto> {
    return this.rsvps.list(identity, query);
  }

  @Post('rsvps/:rsvpId/check-in')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOperation({ operationId: 'checkInRsvp', summary: 'On the day: record that a family came, and how many' })
  @ApiOkResponse({ type: RsvpDto })
  checkIn(@CurrentIdentity() identity: Identity, @IdParam('rsvpId') rsvpId: string, @Body() dto: RsvpCheckInDto): Promise<RsvpDto> {
    return this.rsvps.checkIn(identity, rsvpId, dto);
  }
}

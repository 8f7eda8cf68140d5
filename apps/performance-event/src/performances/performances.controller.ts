import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { etagOf, IdempotencyKey, IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import {
  CancelPerformanceDto,
  CreatePerformanceDto,
  MovePerformanceDto,
  PerformanceDto,
  PerformancePageDto,
  PerformanceQueryDto,
  UpdatePerformanceDto,
} from './dto/performance.dto';
import { PerformancesService } from './performances.service';
import { viewerOf } from './viewer';

const withETag = (reply: FastifyReply, performance: PerformanceDto): PerformanceDto => {
  void reply.header('etag', etagOf(performance.version));
  return performance;
};

@ApiTags('performances')
@Controller('performances')
export class PerformancesController {
  constructor(private readonly performances: PerformancesService) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ summary: 'Performances the caller may see, soonest first (a guardian: those their children perform in)' })
  @ApiOkResponse({ type: PerformancePageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: PerformanceQueryDto): Promise<PerformancePageDto> {
    return this.performances.list(viewerOf(identity), query);
  }

  @Get(':performanceId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ summary: 'One performance (ETag for editing and moving)' })
  @ApiOkResponse({ type: PerformanceDto })
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PerformanceDto> {
    return withETag(reply, await this.performances.get(viewerOf(identity), performanceId));
  }

  @Post()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Plan a performance (as a draft)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PerformanceDto })
  async create(
    @CurrentIdentity() identity: Identity,
    @Body() body: CreatePerformanceDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PerformanceDto> {
    return withETag(reply, await this.performances.create(viewerOf(identity), body, identity.userId, key));
  }

  @Patch(':performanceId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Edit title, audience, dress, ensembles, professionals (If-Match required)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: PerformanceDto })
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdatePerformanceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PerformanceDto> {
    return withETag(reply, await this.performances.update(viewerOf(identity), performanceId, version, body));
  }

  @Post(':performanceId/move')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Move to a new time (and venue); families are told if it was published (If-Match required)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: PerformanceDto })
  async move(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @IfMatchVersion() version: number,
    @Body() body: MovePerformanceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PerformanceDto> {
    return withETag(reply, await this.performances.move(viewerOf(identity), performanceId, version, body));
  }

  @Post(':performanceId/publish')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Publish a draft: families are told' })
  @ApiOkResponse({ type: PerformanceDto })
  async publish(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PerformanceDto> {
    return withETag(reply, await this.performances.publish(viewerOf(identity), performanceId));
  }

  @Post(':performanceId/cancel')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Cancel: families are told if it was published' })
  @ApiOkResponse({ type: PerformanceDto })
  async cancel(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Body() body: CancelPerformanceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PerformanceDto> {
    return withETag(reply, await this.performances.cancel(viewerOf(identity), performanceId, body.reason ?? null));
  }

  @Post(':performanceId/complete')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Mark a performance that has taken place as completed' })
  @ApiOkResponse({ type: PerformanceDto })
  async complete(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PerformanceDto> {
    return withETag(reply, await this.performances.complete(viewerOf(identity), performanceId));
  }
}

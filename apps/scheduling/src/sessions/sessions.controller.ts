import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { ApiConflictRules, IdempotencyKey, IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import {
  AssignTutorsDto,
  CancelOccurrenceDto,
  CreateSessionDto,
  MoveOccurrenceDto,
  MySessionsDto,
  MySessionsQueryDto,
  OccurrenceDto,
  OccurrenceListQueryDto,
  OccurrencePageDto,
  SessionDto,
  SessionListQueryDto,
  SessionPageDto,
} from './dto/session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('timetable')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('sessions')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Plan a session (once or weekly) for an ensemble; clashes are refused with 409' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictRules('safeguarding-not-cleared')
  @ApiCreatedResponse({ type: SessionDto })
  create(
    @CurrentIdentity() identity: Identity,
    @Body() body: CreateSessionDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<SessionDto> {
    return this.sessions.create(identity, body, key);
  }

  @Get('sessions')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'The planned sessions you may see' })
  @ApiOkResponse({ type: SessionPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: SessionListQueryDto): Promise<SessionPageDto> {
    return this.sessions.list(identity, query);
  }

  @Get('sessions/:sessionId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One planned session' })
  @ApiOkResponse({ type: SessionDto })
  get(@CurrentIdentity() identity: Identity, @IdParam('sessionId') sessionId: string): Promise<SessionDto> {
    return this.sessions.get(identity, sessionId);
  }

  @Get('occurrences')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ operationId: 'listOccurrences', summary: 'Dated occurrences of sessions, filtered by session, school or dates' })
  @ApiOkResponse({ type: OccurrencePageDto })
  occurrences(@CurrentIdentity() identity: Identity, @Query() query: OccurrenceListQueryDto): Promise<OccurrencePageDto> {
    return this.sessions.occurrences(identity, query);
  }

  @Get('me/occurrences')
  @Access('tutor', 'school_staff', 'headteacher')
  @ApiOperation({ operationId: 'listMyOccurrences', summary: 'Your own teaching occurrences in a date range' })
  @ApiOkResponse({ type: MySessionsDto })
  mine(@CurrentIdentity() identity: Identity, @Query() query: MySessionsQueryDto): Promise<MySessionsDto> {
    return this.sessions.mine(identity, query);
  }

  @Get('occurrences/:occurrenceId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ operationId: 'getOccurrence', summary: 'One occurrence (ETag for editing)' })
  @ApiOkWithETag(OccurrenceDto)
  async occurrence(
    @CurrentIdentity() identity: Identity,
    @IdParam('occurrenceId') occurrenceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OccurrenceDto> {
    return withETag(reply, await this.sessions.occurrence(identity, occurrenceId));
  }

  @Post('occurrences/:occurrenceId/cancel')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'cancelOccurrence', summary: 'Cancel one occurrence' })
  @ApiOkResponse({ type: OccurrenceDto })
  cancel(
    @CurrentIdentity() identity: Identity,
    @IdParam('occurrenceId') occurrenceId: string,
    @Body() body: CancelOccurrenceDto,
  ): Promise<OccurrenceDto> {
    return this.sessions.cancel(identity, occurrenceId, body);
  }

  @Post('occurrences/:occurrenceId/move')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'moveOccurrence', summary: 'Move one occurrence to another time or room' })
  @ApiOkResponse({ type: OccurrenceDto })
  move(
    @CurrentIdentity() identity: Identity,
    @IdParam('occurrenceId') occurrenceId: string,
    @Body() body: MoveOccurrenceDto,
  ): Promise<OccurrenceDto> {
    return this.sessions.move(identity, occurrenceId, body);
  }

  @Put('occurrences/:occurrenceId/tutors')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({
    operationId: 'assignOccurrenceTutors',
    summary: 'Replace the tutors of one session; If-Match names the version of the session read; a tutor booked elsewhere then is a 409',
  })
  @ApiConflictRules('safeguarding-not-cleared')
  @ApiEditWithIfMatch('session', OccurrenceDto)
  async assignTutors(
    @CurrentIdentity() identity: Identity,
    @IdParam('occurrenceId') occurrenceId: string,
    @IfMatchVersion() version: number,
    @Body() body: AssignTutorsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OccurrenceDto> {
    return withETag(reply, await this.sessions.assignTutors(identity, occurrenceId, version, body));
  }
}

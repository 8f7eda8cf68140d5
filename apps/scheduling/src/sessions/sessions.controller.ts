import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdempotencyKey, IdParam } from '@tutti/platform';
import { AssignTutorsDto, CancelOccurrenceDto, CreateSessionDto, MoveOccurrenceDto, MySessionsDto, MySessionsQueryDto, OccurrenceDto, OccurrenceListQueryDto, OccurrencePageDto, SessionDto, SessionListQueryDto, SessionPageDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('timetable')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('sessions')
  @Access('programme_admin', 'headteacher')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateSessionDto, @IdempotencyKey() key: string | undefined): Promise<SessionDto> {
    return this.sessions.create(identity, body, key);
  }

  @Get('sessions')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  list(@CurrentIdentity() identity: Identity, @Query() query: SessionListQueryDto): Promise<SessionPageDto> {
    return this.sessions.list(identity, query);
  }

  @Get('sessions/:sessionId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  get(@CurrentIdentity() identity: Identity, @IdParam('sessionId') sessionId: string): Promise<SessionDto> {
    return this.sessions.get(identity, sessionId);
  }

  @Get('occurrences')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  occurrences(@CurrentIdentity() identity: Identity, @Query() query: OccurrenceListQueryDto): Promise<OccurrencePageDto> {
    return this.sessions.occurrences(identity, query);
  }

  @Get('me/occurrences')
  @Access('tutor', 'school_staff', 'headteacher')
  mine(@CurrentIdentity() identity: Identity, @Query() query: MySessionsQueryDto): Promise<MySessionsDto> {
    return this.sessions.mine(identity, query);
  }

  @Get('occurrences/:occurrenceId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  occurrence(@CurrentIdentity() identity: Identity, @IdParam('occurrenceId') occurrenceId: string): Promise<OccurrenceDto> {
    return this.sessions.occurrence(identity, occurrenceId);
  }

  @Post('occurrences/:occurrenceId/cancel')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  cancel(@CurrentIdentity() identity: Identity, @IdParam('occurrenceId') occurrenceId: string, @Body() body: CancelOccurrenceDto): Promise<OccurrenceDto> {
    return this.sessions.cancel(identity, occurrenceId, body);
  }

  @Post('occurrences/:occurrenceId/move')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  move(@CurrentIdentity() identity: Identity, @IdParam('occurrenceId') occurrenceId: string, @Body() body: MoveOccurrenceDto): Promise<OccurrenceDto> {
    return this.sessions.move(identity, occurrenceId, body);
  }

  @Put('occurrences/:occurrenceId/tutors')
  @Access('programme_admin', 'headteacher')
  assignTutors(@CurrentIdentity() identity: Identity, @IdParam('occurrenceId') occurrenceId: string, @Body() body: AssignTutorsDto): Promise<OccurrenceDto> {
    return this.sessions.assignTutors(identity, occurrenceId, body);
  }
}

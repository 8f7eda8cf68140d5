import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { ApiConflictRules, IdempotencyKey, IdParam } from '@tutti/platform';
import {
  AttendanceDto,
  CreateFamilySessionDto,
  CreateSignUpDto,
  FamilySessionDto,
  FamilySessionPageDto,
  FamilySessionListQueryDto,
  FamilySessionQueryDto,
  SignUpDto,
  SignUpPageDto,
} from './dto/family-session.dto';
import { FamilySessionsService } from './family-sessions.service';

const STAFF = ['programme_admin', 'headteacher', 'tutor', 'school_staff'] as const;

@ApiTags('family sessions')
@Controller()
export class FamilySessionsController {
  constructor(private readonly sessions: FamilySessionsService) {}

  @Post('family-sessions')
  @HttpCode(201)
  @Access(...STAFF)
  @ApiOperation({ summary: 'Put on a family music session or a workshop at one of your schools' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: FamilySessionDto })
  create(
    @CurrentIdentity() identity: Identity,
    @Body() dto: CreateFamilySessionDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<FamilySessionDto> {
    return this.sessions.create(identity, dto, key);
  }

  @Get('family-sessions')
  @Access('guardian', ...STAFF)
  @ApiOperation({
    summary: 'Sessions to come (or, with when=past, already over) at your schools (staff) or your children’s schools (guardian)',
  })
  @ApiOkResponse({ type: FamilySessionPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: FamilySessionListQueryDto): Promise<FamilySessionPageDto> {
    return this.sessions.list(identity, query);
  }

  @Get('family-sessions/:sessionId')
  @Access('guardian', ...STAFF)
  @ApiOperation({ summary: 'One family session or workshop' })
  @ApiOkResponse({ type: FamilySessionDto })
  get(@CurrentIdentity() identity: Identity, @IdParam('sessionId') sessionId: string): Promise<FamilySessionDto> {
    return this.sessions.get(identity, sessionId);
  }

  @Post('family-sessions/:sessionId/sign-ups')
  @HttpCode(201)
  @Access('guardian')
  @ApiOperation({ operationId: 'signUpForFamilySession', summary: 'Sign your family up (409 session-full when the places are gone)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: SignUpDto })
  @ApiConflictRules('session-started', 'already-signed-up', 'session-full')
  signUp(
    @CurrentIdentity() identity: Identity,
    @IdParam('sessionId') sessionId: string,
    @Body() dto: CreateSignUpDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<SignUpDto> {
    return this.sessions.signUp(identity, sessionId, dto, key);
  }

  @Get('family-sessions/:sessionId/sign-ups')
  @Access('guardian', ...STAFF)
  @ApiOperation({
    operationId: 'listSignUps',
    summary: 'Sign-ups of a session: every family for its school’s staff, your own for a guardian',
  })
  @ApiOkResponse({ type: SignUpPageDto })
  signUps(
    @CurrentIdentity() identity: Identity,
    @IdParam('sessionId') sessionId: string,
    @Query() query: FamilySessionQueryDto,
  ): Promise<SignUpPageDto> {
    return this.sessions.signUps(identity, sessionId, query);
  }

  @Post('session-sign-ups/:signUpId/cancel')
  @HttpCode(200)
  @Access('guardian', ...STAFF)
  @ApiOperation({ operationId: 'cancelSignUp', summary: 'Cancel a sign-up; its places go back to the session' })
  @ApiOkResponse({ type: SignUpDto })
  cancel(@CurrentIdentity() identity: Identity, @IdParam('signUpId') signUpId: string): Promise<SignUpDto> {
    return this.sessions.cancel(identity, signUpId);
  }

  @Post('session-sign-ups/:signUpId/attendance')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOperation({ operationId: 'recordSignUpAttendance', summary: 'Record whether a signed-up family came' })
  @ApiOkResponse({ type: SignUpDto })
  @ApiConflictRules('sign-up-cancelled')
  attendance(@CurrentIdentity() identity: Identity, @IdParam('signUpId') signUpId: string, @Body() dto: AttendanceDto): Promise<SignUpDto> {
    return this.sessions.markAttendance(identity, signUpId, dto.attended);
  }
}

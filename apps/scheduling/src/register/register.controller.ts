import { Body, Controller, Get, Headers, Post, Put, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiPreconditionRequiredResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, versionOfIfMatch } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { RegisterDto, RehearsalNoteDto, RehearsalNoteResponseDto, SubmitRegisterDto } from './dto/register.dto';
import { RegisterService } from './register.service';
import { ApiOkWithETag, withETag } from '../common/edit-versions';

@ApiTags('register')
@Controller('occurrences/:occurrenceId')
export class RegisterController {
  constructor(private readonly registers: RegisterService) {}

  @Get('register')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'An occurrence’s register: who is expected and the marks so far' })
  @ApiOkResponse({ type: RegisterDto })
  get(@CurrentIdentity() identity: Identity, @IdParam('occurrenceId') occurrenceId: string): Promise<RegisterDto> {
    return this.registers.get(identity, occurrenceId);
  }

  /** 201 when this submission was taken, 200 when it had been taken already (a retry). */
  @Post('register')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'Submit register marks (safe to resend: marks carry their own ids)' })
  @ApiCreatedResponse({ type: RegisterDto })
  async submit(
    @CurrentIdentity() identity: Identity,
    @IdParam('occurrenceId') occurrenceId: string,
    @Body() body: SubmitRegisterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisterDto> {
    const { replayed, register } = await this.registers.submit(identity, occurrenceId, body);
    void reply.status(replayed ? 200 : 201);
    return register;
  }

  @Put('rehearsal-note')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({
    operationId: 'putRehearsalNote',
    summary: 'Write the session’s rehearsal note: the first one without If-Match, every change with the ETag of the note as read',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the note as you read it; leave it out only to write the session’s first note',
  })
  @ApiOkWithETag(RehearsalNoteResponseDto)
  @ApiPreconditionRequiredResponse({
    description: 'The session has a note already (perhaps written since you looked) and If-Match was not sent; currentETag names it',
  })
  @ApiPreconditionFailedResponse({
    description:
      'Someone changed the note since that read (currentETag names its version now), or If-Match was sent and the session has no note',
  })
  async putNote(
    @CurrentIdentity() identity: Identity,
    @IdParam('occurrenceId') occurrenceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RehearsalNoteDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RehearsalNoteResponseDto> {
    return withETag(reply, await this.registers.putNote(identity, occurrenceId, versionOfIfMatch(ifMatch), body));
  }

  @Get('rehearsal-note')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ operationId: 'getRehearsalNote', summary: 'An occurrence’s rehearsal note (ETag for editing)' })
  @ApiOkWithETag(RehearsalNoteResponseDto)
  async getNote(
    @CurrentIdentity() identity: Identity,
    @IdParam('occurrenceId') occurrenceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RehearsalNoteResponseDto> {
    return withETag(reply, await this.registers.getNote(identity, occurrenceId));
  }
}

import { Body, Controller, Get, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { RegisterDto, RehearsalNoteDto, RehearsalNoteResponseDto, SubmitRegisterDto } from './dto/register.dto';
import { RegisterService } from './register.service';

@ApiTags('register')
@Controller('occurrences/:occurrenceId')
export class RegisterController {
  constructor(private readonly registers: RegisterService) {}

  @Get('register')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  get(@CurrentIdentity() identity: Identity, @IdParam('occurrenceId') occurrenceId: string): Promise<RegisterDto> {
    return this.registers.get(identity, occurrenceId);
  }

  /** 201 when this submission was taken, 200 when it had been taken already (a retry). */
  @Post('register')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
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
  putNote(@CurrentIdentity() identity: Identity, @IdParam('occurrenceId') occurrenceId: string, @Body() body: RehearsalNoteDto): Promise<RehearsalNoteResponseDto> {
    return this.registers.putNote(identity, occurrenceId, body);
  }

  @Get('rehearsal-note')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  getNote(@CurrentIdentity() identity: Identity, @IdParam('occurrenceId') occurrenceId: string): Promise<RehearsalNoteResponseDto> {
    return this.registers.getNote(identity, occurrenceId);
  }
}

import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdempotencyKey, IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, withETag } from '../common/edit-versions';
import {
  CreateExamEntryDto,
  ExamEntryDto,
  ExamEntryListQueryDto,
  ExamEntryPageDto,
  ExamResultDto,
  ProgressionDto,
} from './dto/progression.dto';
import { ProgressionService } from './progression.service';

@ApiTags('progression')
@Controller()
export class ProgressionController {
  constructor(private readonly progression: ProgressionService) {}

  @Post('pupils/:pupilId/exam-entries')
  @Access('programme_admin', 'headteacher', 'tutor')
  @ApiOperation({ operationId: 'enterExam', summary: 'Enter a pupil for a graded exam' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ExamEntryDto })
  enter(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @Body() body: CreateExamEntryDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<ExamEntryDto> {
    return this.progression.enter(identity, pupilId, body, key);
  }

  @Patch('exam-entries/:entryId/result')
  @Access('programme_admin', 'headteacher', 'tutor')
  @ApiOperation({
    operationId: 'recordExamResult',
    summary: 'Record or correct the result; If-Match names the version of the entry read (from the list or the pupil’s progression)',
  })
  @ApiEditWithIfMatch('exam entry', ExamEntryDto)
  async result(
    @CurrentIdentity() identity: Identity,
    @IdParam('entryId') entryId: string,
    @IfMatchVersion() version: number,
    @Body() body: ExamResultDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExamEntryDto> {
    return withETag(reply, await this.progression.recordResult(identity, entryId, version, body));
  }

  @Get('exam-entries')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ operationId: 'listExamEntries', summary: 'Exam entries of the pupils you may see' })
  @ApiOkResponse({ type: ExamEntryPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: ExamEntryListQueryDto): Promise<ExamEntryPageDto> {
    return this.progression.list(identity, query);
  }

  @Get('pupils/:pupilId/progression')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ operationId: 'getPupilProgression', summary: 'A pupil’s progression: levels and exams' })
  @ApiOkResponse({ type: ProgressionDto })
  get(@CurrentIdentity() identity: Identity, @IdParam('pupilId') pupilId: string): Promise<ProgressionDto> {
    return this.progression.progression(identity, pupilId);
  }
}

import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdempotencyKey, IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import {
  CreatePupilDto,
  LeavePupilDto,
  MovePupilDto,
  PupilDto,
  PupilListQueryDto,
  PupilPageDto,
  RollOverDto,
  RollOverResultDto,
  UpdatePupilDto,
} from './dto/pupil.dto';
import { PupilsService } from './pupils.service';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';

@ApiTags('pupils')
@Controller()
export class PupilsController {
  constructor(private readonly pupils: PupilsService) {}

  @Post('pupils')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Enrol a pupil in a school and class' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PupilDto })
  create(
    @CurrentIdentity() identity: Identity,
    @Body() body: CreatePupilDto,
    @IdempotencyKey() key: string | undefined,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<PupilDto> {
    return this.pupils.create(identity, body, key, origin);
  }

  @Get('pupils')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ summary: 'The pupils you may see, filtered by school, class or name' })
  @ApiOkResponse({ type: PupilPageDto })
  list(
    @CurrentIdentity() identity: Identity,
    @Query() query: PupilListQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<PupilPageDto> {
    return this.pupils.list(identity, query, origin);
  }

  @Get('pupils/:pupilId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ summary: 'One pupil (ETag for editing; the read is audit-logged)' })
  @ApiOkWithETag(PupilDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PupilDto> {
    return withETag(reply, await this.pupils.get(identity, pupilId, origin));
  }

  @Patch('pupils/:pupilId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Edit a pupil’s details (If-Match required)' })
  @ApiEditWithIfMatch('pupil', PupilDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdatePupilDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PupilDto> {
    return withETag(reply, await this.pupils.update(identity, pupilId, version, body, origin));
  }

  @Post('pupils/:pupilId/move')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Move a pupil to another class or school' })
  @ApiOkResponse({ type: PupilDto })
  move(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @Body() body: MovePupilDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<PupilDto> {
    return this.pupils.move(identity, pupilId, body, origin);
  }

  @Post('pupils/:pupilId/leave')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Record that a pupil has left the programme' })
  @ApiOkResponse({ type: PupilDto })
  leave(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @Body() body: LeavePupilDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<PupilDto> {
    return this.pupils.leave(identity, pupilId, body, origin);
  }

  @Post('schools/:schoolId/roll-overs')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'rollOverSchool', summary: 'Move a school’s pupils up a year group at the start of a school year' })
  @ApiCreatedResponse({ type: RollOverResultDto })
  rollOver(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @Body() body: RollOverDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<RollOverResultDto> {
    return this.pupils.rollOver(identity, schoolId, body, origin);
  }
}

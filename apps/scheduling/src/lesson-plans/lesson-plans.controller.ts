import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, IdempotencyKey, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { CreateLessonPlanDto, LessonPlanDto, LessonPlanListQueryDto, LessonPlanPageDto, UpdateLessonPlanDto } from './dto/lesson-plan.dto';
import { LessonPlansService } from './lesson-plans.service';

@ApiTags('lesson plans')
@Controller('lesson-plans')
export class LessonPlansController {
  constructor(private readonly plans: LessonPlansService) {}

  @Post()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'Write a joint lesson plan for a class teacher and a tutor' })
  @ApiCreatedResponse({ type: LessonPlanDto })
  create(
    @CurrentIdentity() identity: Identity,
    @Body() body: CreateLessonPlanDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<LessonPlanDto> {
    return this.plans.create(identity, body, key);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'The joint lesson plans you may see' })
  @ApiOkResponse({ type: LessonPlanPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: LessonPlanListQueryDto): Promise<LessonPlanPageDto> {
    return this.plans.list(identity, query);
  }

  @Get(':planId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One lesson plan (ETag for editing)' })
  @ApiOkWithETag(LessonPlanDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('planId') planId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LessonPlanDto> {
    return withETag(reply, await this.plans.get(identity, planId));
  }

  @Patch(':planId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'Edit a lesson plan (If-Match required)' })
  @ApiEditWithIfMatch('lesson plan', LessonPlanDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('planId') planId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateLessonPlanDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LessonPlanDto> {
    return withETag(reply, await this.plans.update(identity, planId, version, body));
  }
}

import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { CreateSchoolDto, SchoolDto, SchoolListQueryDto, SchoolPageDto, UpdateSchoolDto } from './dto/school.dto';
import { SchoolsService } from './schools.service';

@ApiTags('schools')
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Post()
  @Access('programme_admin')
  @ApiOperation({ summary: 'Add a school to the area' })
  @ApiCreatedResponse({ type: SchoolDto })
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateSchoolDto): Promise<SchoolDto> {
    return this.schools.create(identity.tenantId, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'The schools you may see, by name' })
  @ApiOkResponse({ type: SchoolPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: SchoolListQueryDto): Promise<SchoolPageDto> {
    return this.schools.list(identity, query);
  }

  @Get(':schoolId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One school (ETag for editing)' })
  @ApiOkWithETag(SchoolDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SchoolDto> {
    return withETag(reply, await this.schools.get(identity, schoolId));
  }

  @Patch(':schoolId')
  @Access('programme_admin')
  @ApiOperation({ summary: 'Edit a school (If-Match required)' })
  @ApiEditWithIfMatch('school', SchoolDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateSchoolDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SchoolDto> {
    return withETag(reply, await this.schools.update(identity.tenantId, schoolId, version, body));
  }
}

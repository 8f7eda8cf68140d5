import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateSchoolDto): Promise<SchoolDto> {
    return this.schools.create(identity.tenantId, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  list(@CurrentIdentity() identity: Identity, @Query() query: SchoolListQueryDto): Promise<SchoolPageDto> {
    return this.schools.list(identity, query);
  }

  @Get(':schoolId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOkWithETag(SchoolDto)
  async get(@CurrentIdentity() identity: Identity, @IdParam('schoolId') schoolId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<SchoolDto> {
    return withETag(reply, await this.schools.get(identity, schoolId));
  }

  @Patch(':schoolId')
  @Access('programme_admin')
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

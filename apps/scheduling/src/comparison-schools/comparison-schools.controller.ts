import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, IdempotencyKey, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { ComparisonSchoolsService } from './comparison-schools.service';
import {
  ComparisonSchoolDto,
  ComparisonSchoolListQueryDto,
  ComparisonSchoolPageDto,
  CreateComparisonSchoolDto,
  UpdateComparisonSchoolDto,
} from './dto/comparison-school.dto';

@ApiTags('comparison-schools')
@Controller('comparison-schools')
export class ComparisonSchoolsController {
  constructor(private readonly schools: ComparisonSchoolsService) {}

  @Post()
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'createComparisonSchool',
    summary: 'Record a school outside the programme, with aggregates of its cohort, for the evaluation to compare with',
  })
  @ApiCreatedResponse({ type: ComparisonSchoolDto })
  async create(
    @CurrentIdentity() identity: Identity,
    @Body() body: CreateComparisonSchoolDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComparisonSchoolDto> {
    return withETag(reply, await this.schools.create(identity, body, key));
  }

  @Get()
  @Access('programme_admin', 'evaluator')
  @ApiOperation({ operationId: 'listComparisonSchools', summary: 'The area’s comparison schools, by name' })
  @ApiOkResponse({ type: ComparisonSchoolPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: ComparisonSchoolListQueryDto): Promise<ComparisonSchoolPageDto> {
    return this.schools.list(identity.tenantId, query);
  }

  @Get(':comparisonSchoolId')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({ operationId: 'getComparisonSchool', summary: 'One comparison school (ETag for editing)' })
  @ApiOkWithETag(ComparisonSchoolDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('comparisonSchoolId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComparisonSchoolDto> {
    return withETag(reply, await this.schools.get(identity.tenantId, id));
  }

  @Patch(':comparisonSchoolId')
  @Access('programme_admin')
  @ApiOperation({ operationId: 'updateComparisonSchool', summary: 'Edit a comparison school (If-Match required)' })
  @ApiEditWithIfMatch('comparison school', ComparisonSchoolDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('comparisonSchoolId') id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateComparisonSchoolDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComparisonSchoolDto> {
    return withETag(reply, await this.schools.update(identity.tenantId, id, version, body));
  }

  @Delete(':comparisonSchoolId')
  @HttpCode(204)
  @Access('programme_admin')
  @ApiOperation({ operationId: 'deleteComparisonSchool', summary: 'Remove a comparison school' })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@CurrentIdentity() identity: Identity, @IdParam('comparisonSchoolId') id: string): Promise<void> {
    await this.schools.remove(identity.tenantId, id);
  }
}

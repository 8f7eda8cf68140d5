import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
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
  get(@CurrentIdentity() identity: Identity, @IdParam('schoolId') schoolId: string): Promise<SchoolDto> {
    return this.schools.get(identity, schoolId);
  }

  @Patch(':schoolId')
  @Access('programme_admin')
  update(@CurrentIdentity() identity: Identity, @IdParam('schoolId') schoolId: string, @Body() body: UpdateSchoolDto): Promise<SchoolDto> {
    return this.schools.update(identity.tenantId, schoolId, body);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, ReportRoute } from '@tutti/platform';
import { viewerOf } from '../performances/viewer';
import { FairnessQueryDto, PupilFairnessPageDto, SchoolFairnessPageDto, SchoolPupilsQueryDto } from './dto/fairness.dto';
import { FairnessService } from './fairness.service';

/** Answers X-Read-From: replica|primary (see ReportReader). */
@ApiTags('fair chance')
@ReportRoute()
@Controller('fairness/schools')
export class FairnessController {
  constructor(private readonly fairness: FairnessService) {}

  @Get()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({
    operationId: 'listSchoolFairness',
    summary: 'Per school: pupils, how many have performed, how many not yet (this academic year or term)',
  })
  @ApiOkResponse({ type: SchoolFairnessPageDto })
  schools(@CurrentIdentity() identity: Identity, @Query() query: FairnessQueryDto): Promise<SchoolFairnessPageDto> {
    return this.fairness.schools(viewerOf(identity), query);
  }

  @Get(':schoolId/pupils')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'listPupilFairness', summary: 'A school’s pupils with their performances and featured turns, fewest first' })
  @ApiOkResponse({ type: PupilFairnessPageDto })
  pupils(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @Query() query: SchoolPupilsQueryDto,
  ): Promise<PupilFairnessPageDto> {
    return this.fairness.pupils(viewerOf(identity), schoolId, query);
  }
}

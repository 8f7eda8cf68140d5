import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, ReportRoute } from '@tutti/platform';
import { SchoolLoanSummaryDto } from './dto/school-loan-summary.dto';
import { SchoolLoanSummaryService } from './school-loan-summary.service';

/** Instruments at home with one school's pupils, for the headteacher's dashboard. Answers X-Read-From (see ReportReader). */
@ApiTags('reports')
@ReportRoute()
@Controller('schools')
export class SchoolLoanSummaryController {
  constructor(private readonly summaries: SchoolLoanSummaryService) {}

  @Get(':schoolId/loan-summary')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({
    operationId: 'getSchoolLoanSummary',
    summary: 'Instruments on loan now to a school’s pupils: total, pupils, overdue, by family',
  })
  @ApiOkResponse({ type: SchoolLoanSummaryDto })
  summary(@CurrentIdentity() identity: Identity, @IdParam('schoolId') schoolId: string): Promise<SchoolLoanSummaryDto> {
    return this.summaries.summary(identity, schoolId);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { AttendanceSummaryQueryDto, SchoolAttendanceSummaryDto } from './dto/attendance-summary.dto';
import { AttendanceSummaryService } from './attendance-summary.service';

@ApiTags('attendance')
@Controller('attendance-summaries')
export class AttendanceSummaryController {
  constructor(private readonly summaries: AttendanceSummaryService) {}

  @Get('schools/:schoolId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({
    operationId: 'getSchoolAttendanceSummary',
    summary: 'A school’s pupils’ register marks per week of the period, and the share present or late',
  })
  @ApiOkResponse({ type: SchoolAttendanceSummaryDto })
  school(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @Query() query: AttendanceSummaryQueryDto,
  ): Promise<SchoolAttendanceSummaryDto> {
    return this.summaries.school(identity, schoolId, query);
  }
}

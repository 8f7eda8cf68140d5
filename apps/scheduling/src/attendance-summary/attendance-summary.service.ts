import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { requireSchoolInScope } from '../common/scope';
import { schoolExists } from '../schools/schools.queries';
import type { AttendanceSummaryQueryDto, AttendanceWeekDto, SchoolAttendanceSummaryDto } from './dto/attendance-summary.dto';
import { schoolAttendanceByWeek, type AttendanceWeekRow } from './attendance-summary.queries';

/** How the pupils of one school turned up to their sessions, week by week: the headteacher's attendance chart. */
@Injectable()
export class AttendanceSummaryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async school(identity: Identity, schoolId: string, query: AttendanceSummaryQueryDto): Promise<SchoolAttendanceSummaryDto> {
    requireSchoolInScope(identity, schoolId, 'school', ['headteacher']);
    if (query.to < query.from) throw new ValidationProblem([{ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' }]);
    if (!(await schoolExists(this.db.manager, identity.tenantId, schoolId))) throw new NotFoundException('No such school.');
    const weeks = await schoolAttendanceByWeek(this.db.manager, identity.tenantId, schoolId, query.from, query.to);
    const total = weeks.reduce<AttendanceWeekRow>(
      (sum, week) => ({
        ...sum,
        marks: sum.marks + week.marks,
        present: sum.present + week.present,
        late: sum.late + week.late,
        absent: sum.absent + week.absent,
        excused: sum.excused + week.excused,
      }),
      { weekStarting: query.from, marks: 0, present: 0, late: 0, absent: 0, excused: 0 },
    );
    return { schoolId, from: query.from, to: query.to, weeks: weeks.map(withPercent), overall: withPercent(total) };
  }
}

function withPercent(week: AttendanceWeekRow): AttendanceWeekDto {
  return { ...week, attendedPercent: week.marks > 0 ? Math.round(((week.present + week.late) * 100) / week.marks) : null };
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { oneRow, rows, ValidationProblem } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { requireSchoolInScope } from '../common/scope';
import type { AttendanceSummaryQueryDto, AttendanceWeekDto, SchoolAttendanceSummaryDto } from './dto/attendance-summary.dto';

type WeekRow = Omit<AttendanceWeekDto, 'attendedPercent'>;

/** How the pupils of one school turned up to their sessions, week by week: the headteacher's attendance chart. */
@Injectable()
export class AttendanceSummaryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async school(identity: Identity, schoolId: string, query: AttendanceSummaryQueryDto): Promise<SchoolAttendanceSummaryDto> {
    requireSchoolInScope(identity, schoolId, 'school', ['headteacher']);
    if (query.to < query.from) throw new ValidationProblem([{ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' }]);
    const school = await oneRow(this.db, 'SELECT 1 FROM schools WHERE tenant_id = $1 AND id = $2', [identity.tenantId, schoolId]);
    if (!school) throw new NotFoundException('No such school.');
    const weeks = await rows<WeekRow>(
      this.db,
      `SELECT to_char(date_trunc('week', o.local_date), 'YYYY-MM-DD') AS "weekStarting", count(*)::int AS marks,
              count(*) FILTER (WHERE a.status = 'present')::int AS present, count(*) FILTER (WHERE a.status = 'late')::int AS late,
              count(*) FILTER (WHERE a.status = 'absent')::int AS absent, count(*) FILTER (WHERE a.status = 'excused')::int AS excused
       FROM attendance a
       JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
       JOIN pupils p ON p.tenant_id = a.tenant_id AND p.id = a.pupil_id
       WHERE a.tenant_id = $1 AND p.school_id = $2 AND o.status = 'scheduled' AND o.local_date BETWEEN $3::date AND $4::date
       GROUP BY 1 ORDER BY 1`,
      [identity.tenantId, schoolId, query.from, query.to],
    );
    const total = weeks.reduce<WeekRow>(
      (sum, week) => ({ ...sum, marks: sum.marks + week.marks, present: sum.present + week.present, late: sum.late + week.late, absent: sum.absent + week.absent, excused: sum.excused + week.excused }),
      { weekStarting: query.from, marks: 0, present: 0, late: 0, absent: 0, excused: 0 },
    );
    return { schoolId, from: query.from, to: query.to, weeks: weeks.map(withPercent), overall: withPercent(total) };
  }
}

function withPercent(week: WeekRow): AttendanceWeekDto {
  return { ...week, attendedPercent: week.marks > 0 ? Math.round(((week.present + week.late) * 100) / week.marks) : null };
}

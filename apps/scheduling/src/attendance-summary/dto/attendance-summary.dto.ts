import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDate } from '@tutti/platform';

export class AttendanceSummaryQueryDto {
  @ApiProperty({ format: 'date', example: '2026-09-01', description: 'First day (local date)' }) @IsIsoDate() from: string;
  @ApiProperty({ format: 'date', example: '2026-12-18', description: 'Last day (local date, included)' }) @IsIsoDate() to: string;
}

export class AttendanceWeekDto {
  @ApiProperty({ format: 'date', description: 'Monday of the week' }) weekStarting: string;
  @ApiProperty({ description: 'Register marks of the school’s pupils in the week' }) marks: number;
  @ApiProperty() present: number;
  @ApiProperty() late: number;
  @ApiProperty() absent: number;
  @ApiProperty() excused: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Present or late, as a whole percentage of the marks; null without marks' })
  attendedPercent: number | null;
}

export class SchoolAttendanceSummaryDto {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [AttendanceWeekDto], description: 'Weeks with at least one mark, in order' }) weeks: AttendanceWeekDto[];
  @ApiProperty({ type: AttendanceWeekDto, description: 'The whole period (weekStarting is its first day)' }) overall: AttendanceWeekDto;
}

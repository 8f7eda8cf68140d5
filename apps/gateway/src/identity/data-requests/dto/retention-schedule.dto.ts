import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** How long the area keeps what it no longer needs (after the IRMS schools toolkit). */
export class RetentionScheduleDto {
  @ApiProperty({ example: 3, description: 'Registers and attendance: the current academic year plus this many years' })
  attendanceYears: number;
  @ApiProperty({ example: 12, description: 'A family’s contact details, this many months after their last child left' })
  familyContactMonthsAfterLeaving: number;
  @ApiProperty({ example: 6, description: 'A former pupil’s record, this many years after they left' })
  pupilRecordYearsAfterLeaving: number;
  @ApiProperty({ example: 6, description: 'A returned loan and its agreement, this many years after the return' })
  loanYearsAfterReturn: number;
  @ApiProperty({ example: 24, description: 'Messages to families and their delivery, this many months after sending' })
  messageMonths: number;
  @ApiProperty({ example: 6, description: 'Audit entries, this many years after the entry' }) auditYears: number;
}

/** Only the lines sent change. */
export class UpdateRetentionScheduleDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 25 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(25)
  attendanceYears?: number;

  @ApiProperty({ required: false, minimum: 0, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  familyContactMonthsAfterLeaving?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: 25 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(25)
  pupilRecordYearsAfterLeaving?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: 25 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(25)
  loanYearsAfterReturn?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  messageMonths?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: 25 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(25)
  auditYears?: number;
}

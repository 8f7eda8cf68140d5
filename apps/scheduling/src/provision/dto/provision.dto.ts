import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '@tutti/platform';

export class ProvisionQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a term; or give weekOf' }) @IsOptional() @IsUUID() termId?: string;
  @ApiPropertyOptional({ format: 'date', description: 'any day of the week to report' }) @IsOptional() @IsIsoDate() weekOf?: string;
}

export class MinutesByStrandDto {
  @ApiProperty() curriculum: number;
  @ApiProperty() after_school: number;
  @ApiProperty() weekend: number;
  @ApiProperty() holiday: number;
}

export class PupilProvisionDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) classId: string | null;
  @ApiProperty({ type: MinutesByStrandDto }) minutesByStrand: MinutesByStrandDto;
  @ApiProperty() totalMinutes: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) weeklyAverageMinutes: number | null;
  @ApiProperty() belowTarget: boolean;
}

export class IntensityWarningDto {
  @ApiProperty({ format: 'uuid' }) classId: string;
  @ApiProperty() className: string;
  @ApiProperty({ format: 'date', description: 'the Monday of the first of the low weeks in a row' }) sinceWeek: string;
  @ApiProperty({ format: 'date', description: 'the Monday of the latest low week checked' }) lastLowWeek: string;
  @ApiProperty({ description: 'teaching weeks in a row below the target so far (two or more)' }) lowWeeks: number;
  @ApiProperty({ format: 'date-time', description: 'when the headteachers were told' }) notifiedAt: string;
}

export class ClassProvisionDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) classId: string | null;
  @ApiProperty() name: string;
  @ApiProperty() pupils: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) averageWeeklyMinutes: number | null;
  @ApiProperty() pupilsBelowTarget: number;
  @ApiProperty({ description: 'pupils whose weekly average is at or above the area’s target' }) pupilsAtOrAboveTarget: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'intensity: per cent of pupils (with a weekly average) at or above the target, one decimal; null before any teaching week',
  })
  percentAtOrAboveTarget: number | null;
  @ApiPropertyOptional({
    type: IntensityWarningDto,
    nullable: true,
    description:
      'the badge: the class’s pupils averaged below the area’s weekly target two teaching weeks in a row or more, up to the latest weekly check (whatever the period asked for); null when not',
  })
  intensityWarning: IntensityWarningDto | null;
}

export class SessionsDeliveredDto {
  @ApiProperty() planned: number;
  @ApiProperty() delivered: number;
  @ApiProperty() cancelled: number;
}

export class SchoolProvisionSummaryDto {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() name: string;
  @ApiProperty() pupils: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) averageWeeklyMinutes: number | null;
  @ApiProperty() pupilsBelowTarget: number;
  @ApiProperty({ description: 'pupils whose weekly average is at or above the area’s target' }) pupilsAtOrAboveTarget: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'intensity: per cent of pupils (with a weekly average) at or above the target, one decimal; null before any teaching week',
  })
  percentAtOrAboveTarget: number | null;
  @ApiProperty({ type: SessionsDeliveredDto }) sessions: SessionsDeliveredDto;
  @ApiProperty({
    type: [IntensityWarningDto],
    description: 'the school’s classes flagged as below the target two teaching weeks in a row or more, as of the latest weekly check',
  })
  intensityWarnings: IntensityWarningDto[];
}

export class PeriodDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date', description: 'minutes and weeks are counted up to this day: today, for a period still under way' })
  countedTo: string;
  @ApiProperty({ description: 'weeks with at least one school day outside area holidays, up to countedTo' }) teachingWeeks: number;
}

export class SchoolProvisionDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty() targetWeeklyMinutes: number;
  @ApiProperty({ type: SchoolProvisionSummaryDto }) school: SchoolProvisionSummaryDto;
  @ApiProperty({ type: [ClassProvisionDto] }) classes: ClassProvisionDto[];
  @ApiProperty({ type: [PupilProvisionDto] }) pupils: PupilProvisionDto[];
}

export class AreaProvisionDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty() targetWeeklyMinutes: number;
  @ApiProperty({ type: [SchoolProvisionSummaryDto] }) schools: SchoolProvisionSummaryDto[];
}

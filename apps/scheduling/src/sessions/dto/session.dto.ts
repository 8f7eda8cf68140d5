import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsIsoDate, IsOffsetDateTime, PageQueryDto } from '@tutti/platform';
import { IsLocalTime } from '../../common/validation';

export class CreateSessionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() ensembleId: string;
  @ApiPropertyOptional({ description: 'defaults to the ensemble’s name' }) @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiProperty({ enum: ['weekly', 'once'] }) @IsIn(['weekly', 'once']) recurrence: 'weekly' | 'once';
  @ApiPropertyOptional({ format: 'uuid', description: 'weekly sessions run on the term’s dates' }) @IsOptional() @IsUUID() termId?: string;
  @ApiPropertyOptional({ description: 'ISO weekday for weekly sessions, 1 = Monday' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number;
  @ApiPropertyOptional({ format: 'date', description: 'the date of a one-off session, or the first date of a weekly one within its term' })
  @IsOptional()
  @IsIsoDate()
  firstOn?: string;
  @ApiPropertyOptional({ format: 'date', description: 'the last date of a weekly session within its term' })
  @IsOptional()
  @IsIsoDate()
  lastOn?: string;
  @ApiProperty({ example: '15:30', description: 'local time in the area’s time zone' }) @IsLocalTime() startTime: string;
  @ApiProperty() @IsInt() @Min(5) @Max(720) durationMinutes: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roomId?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  tutorIds?: string[];
  @ApiPropertyOptional({ description: 'book it even though it clashes (a deliberate double booking)' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ensembleId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) schoolId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) roomId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) termId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() recurrence: 'weekly' | 'once';
  @ApiPropertyOptional({ nullable: true, type: Number }) weekday: number | null;
  @ApiProperty() startTime: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ format: 'date' }) firstOn: string;
  @ApiProperty({ format: 'date' }) lastOn: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [String] }) tutorIds: string[];
  @ApiProperty() occurrenceCount: number;
}

export class SessionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ensembleId?: string;
}

export class SessionPageDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class OccurrenceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsOffsetDateTime() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsOffsetDateTime() to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ensembleId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class OccurrenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) ensembleId: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) schoolId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) schoolName: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) roomId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) roomName: string | null;
  @ApiProperty({ format: 'date' }) localDate: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status: 'scheduled' | 'cancelled';
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) movedFrom: string | null;
  @ApiProperty() registerTaken: boolean;
  @ApiProperty({ type: [String] }) tutorIds: string[];
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class OccurrencePageDto {
  @ApiProperty({ type: [OccurrenceDto] }) items: OccurrenceDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class CancelOccurrenceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class MoveOccurrenceDto {
  @ApiProperty({ format: 'date-time', description: 'new start, ISO 8601 with offset' }) @IsOffsetDateTime() startsAt: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(5) @Max(720) durationMinutes?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roomId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() override?: boolean;
}

export class MySessionsQueryDto {
  @ApiPropertyOptional({ enum: ['today', 'week'], default: 'today' }) @IsOptional() @IsIn(['today', 'week']) period: 'today' | 'week' =
    'today';
  @ApiPropertyOptional({ format: 'date', description: 'the day (or a day of the week) to show; defaults to today in the area' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}

export class MySessionsDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [OccurrenceDto] }) items: OccurrenceDto[];
}

export class AssignTutorsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'the tutors of this one session (a substitute, a second tutor)' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  staffIds: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() override?: boolean;
}

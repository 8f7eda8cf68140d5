import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../attendance.model';

export class MarkDto {
  @ApiProperty({ format: 'uuid', description: 'made by the client, so that a retried mark is recognised' }) @IsUUID() markId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() pupilId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() staffId?: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;
}

export class SubmitRegisterDto {
  @ApiProperty({ format: 'uuid', description: 'made by the client per submission; sending it again changes nothing' })
  @IsUUID()
  submissionId: string;
  @ApiProperty({ type: [MarkDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => MarkDto) marks: MarkDto[];
}

export class RegisterEntryDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) pupilId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) staffId: string | null;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) instrument: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) section: string | null;
  @ApiPropertyOptional({ enum: ATTENDANCE_STATUSES, nullable: true }) status: AttendanceStatus | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) markId: string | null;
}

export class RegisterDto {
  @ApiProperty({ format: 'uuid' }) occurrenceId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) submissionId: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ type: [RegisterEntryDto] }) entries: RegisterEntryDto[];
}

export class RehearsalNoteDto {
  @ApiProperty({ type: [String], description: 'pieces worked on' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  repertoire: string[];
  @ApiPropertyOptional({ description: 'what the session concentrated on' }) @IsOptional() @IsString() @Length(1, 500) focus?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) notes?: string;
}

export class RehearsalNoteResponseDto extends RehearsalNoteDto {
  @ApiProperty({ format: 'uuid' }) occurrenceId: string;
  @ApiProperty({ format: 'uuid' }) authorUserId: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

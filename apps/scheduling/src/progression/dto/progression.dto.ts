import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@tutti/platform';
import { EXAM_RESULTS, type ExamResult } from '../exam-entry.model';

export class CreateExamEntryDto {
  @ApiProperty({ example: 'ABRSM' }) @IsString() @Length(1, 50) board: string;
  @ApiProperty({ description: '0 for Initial / Prep Test, 1–8' }) @IsInt() @Min(0) @Max(8) grade: number;
  @ApiProperty({ example: 'violin' }) @IsString() @Length(1, 50) instrument: string;
  @ApiProperty({ format: 'date' }) @IsIsoDate() enteredOn: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() examOn?: string;
}

export class ExamResultDto {
  @ApiProperty({ enum: EXAM_RESULTS }) @IsIn(EXAM_RESULTS) result: ExamResult;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(150) marks?: number;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() examOn?: string;
}

export class ExamEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty() board: string;
  @ApiProperty() grade: number;
  @ApiProperty() instrument: string;
  @ApiProperty({ format: 'date' }) enteredOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) examOn: string | null;
  @ApiPropertyOptional({ enum: EXAM_RESULTS, nullable: true }) result: ExamResult | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) marks: number | null;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class ExamEntryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class ExamEntryPageDto {
  @ApiProperty({ type: [ExamEntryDto] }) items: ExamEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class MembershipHistoryDto {
  @ApiProperty({ format: 'uuid' }) ensembleId: string;
  @ApiProperty() ensembleName: string;
  @ApiProperty() kind: string;
  @ApiProperty() strand: string;
  @ApiPropertyOptional({ nullable: true, type: String }) level: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) instrument: string | null;
  @ApiProperty({ format: 'date' }) joinedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) leftOn: string | null;
}

export class LevelMoveDto {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiPropertyOptional({ nullable: true, type: String }) fromLevel: string | null;
  @ApiProperty() toLevel: string;
  @ApiProperty() ensembleName: string;
}

export class ParticipationDto {
  @ApiProperty({ description: 'sessions attended (present or late)' }) curriculum: number;
  @ApiProperty() after_school: number;
  @ApiProperty() weekend: number;
  @ApiProperty() holiday: number;
}

export class ProgressionDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ type: [ExamEntryDto] }) examEntries: ExamEntryDto[];
  @ApiProperty({ type: [MembershipHistoryDto] }) ensembles: MembershipHistoryDto[];
  @ApiProperty({ type: [LevelMoveDto], description: 'joining an ensemble of another level, in date order' }) levelMoves: LevelMoveDto[];
  @ApiProperty({ type: ParticipationDto }) sessionsAttended: ParticipationDto;
}

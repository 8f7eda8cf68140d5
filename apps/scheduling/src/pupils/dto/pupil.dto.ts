import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@tutti/platform';
import { CharacteristicsChangeDto } from '../../characteristics/dto/characteristics.dto';
import { IsYearGroup, YEAR_GROUP_DOC } from '../../common/validation';
import { PUPIL_STATUSES, type PupilStatus } from '../pupil.model';

/** A new pupil, with the characteristics known (the rest are 'unknown'). */
export class CreatePupilDto extends CharacteristicsChangeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() classId?: string;
  @ApiProperty() @IsString() @Length(1, 100) firstName: string;
  @ApiProperty() @IsString() @Length(1, 100) lastName: string;
  @ApiProperty(YEAR_GROUP_DOC) @IsYearGroup() yearGroup: number;
  @ApiPropertyOptional({ description: 'UPN or admission number in the school MIS' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  misRef?: string;
  @ApiPropertyOptional({ description: 'the secondary school a Year 6 pupil moves on to (name or URN)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  destinationSchool?: string;
}

/** Name and year group; characteristics are edited at /pupils/:pupilId/characteristics. */
export class UpdatePupilDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) lastName?: string;
  @ApiPropertyOptional(YEAR_GROUP_DOC) @IsOptional() @IsYearGroup() yearGroup?: number;
  @ApiPropertyOptional({ description: 'the secondary school a Year 6 pupil moves on to (name or URN)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  destinationSchool?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'the secondary school of the area the pupil moves on to (a partner school sees its incoming pupils); null clears it',
  })
  @IsOptional()
  @IsUUID()
  destinationSchoolId?: string | null;
}

export class MovePupilDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the new school; omit to stay at the same school' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the new class; null for none' })
  @IsOptional()
  @IsUUID()
  classId?: string | null;
}

export class LeavePupilDto {
  @ApiProperty({ format: 'date' }) @IsIsoDate() leftOn: string;
}

export class RollOverDto {
  @ApiProperty({ example: '2026-27' }) @Matches(/^\d{4}-\d{2}$/, { message: 'academicYear must look like 2026-27' }) academicYear: string;
  @ApiProperty({ format: 'date', description: 'the date the last year group leaves' }) @IsIsoDate() leaversLeftOn: string;
}

export class PupilListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() classId?: string;
  @ApiPropertyOptional({ enum: PUPIL_STATUSES }) @IsOptional() @IsIn(PUPIL_STATUSES) status?: PupilStatus;
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'zofia now',
    description: 'name search: every word (case and accents aside) is part of the first or last name; trimmed, blank for none',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;
}

export class PupilDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) classId: string | null;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() yearGroup: number;
  @ApiProperty({ enum: PUPIL_STATUSES }) status: PupilStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) leftOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'programme admin and headteacher only' }) misRef?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the secondary school a Year 6 pupil moves on to' }) destinationSchool:
    string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'the secondary school of the area the pupil moves on to',
  })
  destinationSchoolId: string | null;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class PupilPageDto {
  @ApiProperty({ type: [PupilDto] }) items: PupilDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RollOverResultDto {
  @ApiProperty() academicYear: string;
  @ApiProperty() movedUp: number;
  @ApiProperty() leavers: number;
  @ApiProperty({ description: 'false when this school had already been rolled over to this year' }) applied: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@tutti/platform';
import { IsOffsetDateTime } from '../../common/time';
import { PERFORMANCE_STATUSES, type PerformanceAudience, type PerformanceStatus } from '../performance.model';
import { VenueDto } from '../../venues/dto/venue.dto';

export const AUDIENCES = ['public', 'school_community'] as const;

export class ProfessionalMusicianDto {
  @ApiProperty({ maxLength: 120 }) @IsString() @Length(1, 120) name: string;
  @ApiProperty({ maxLength: 80 }) @IsString() @Length(1, 80) instrument: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 120, example: 'Royal Liverpool Philharmonic' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @MaxLength(120)
  organisation?: string | null;
}

class PerformanceFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'School uniform, black shoes' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @MaxLength(500)
  dress?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Ensembles taking part (ids from scheduling)', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ensembleIds?: string[];

  @ApiPropertyOptional({ type: [ProfessionalMusicianDto], description: 'Professionals playing side by side with the children' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProfessionalMusicianDto)
  professionalMusicians?: ProfessionalMusicianDto[];
}

export class CreatePerformanceDto extends PerformanceFieldsDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) title: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() venueId: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Host school; null for an area-wide performance' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  schoolId?: string | null;
  @ApiProperty({ format: 'date-time' }) @IsOffsetDateTime() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsOffsetDateTime() endsAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'When performers arrive; not after the start' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsOffsetDateTime()
  callTime?: string | null;
  @ApiProperty({ enum: AUDIENCES }) @IsIn(AUDIENCES) audience: PerformanceAudience;
}

/** What may change without moving the performance (moving has its own endpoint and event). */
export class UpdatePerformanceDto extends PerformanceFieldsDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional({ enum: AUDIENCES }) @IsOptional() @IsIn(AUDIENCES) audience?: PerformanceAudience;
}

export class MovePerformanceDto {
  @ApiProperty({ format: 'date-time' }) @IsOffsetDateTime() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsOffsetDateTime() endsAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsOffsetDateTime()
  callTime?: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'A new venue, if it moves there too' }) @IsOptional() @IsUUID() venueId?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class CancelPerformanceDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class PerformanceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PERFORMANCE_STATUSES }) @IsOptional() @IsIn(PERFORMANCE_STATUSES) status?: PerformanceStatus;
  @ApiPropertyOptional({ format: 'date-time', description: 'Starting at or after' }) @IsOptional() @IsOffsetDateTime() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Starting before' }) @IsOptional() @IsOffsetDateTime() to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class PerformanceEnsembleDto {
  @ApiProperty({ format: 'uuid' }) ensembleId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) schoolId: string | null;
}

export class PerformanceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PERFORMANCE_STATUSES }) status: PerformanceStatus;
  @ApiProperty({ enum: AUDIENCES }) audience: PerformanceAudience;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) schoolId: string | null;
  @ApiProperty({ type: VenueDto }) venue: VenueDto;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) callTime: string | null;
  @ApiProperty({ type: String, nullable: true }) dress: string | null;
  @ApiProperty({ type: [PerformanceEnsembleDto] }) ensembles: PerformanceEnsembleDto[];
  @ApiProperty({ type: [ProfessionalMusicianDto] }) professionalMusicians: ProfessionalMusicianDto[];
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ description: 'Send as If-Match (quoted) when editing or moving' }) version: number;
}

export class PerformanceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PERFORMANCE_STATUSES }) status: PerformanceStatus;
  @ApiProperty({ enum: AUDIENCES }) audience: PerformanceAudience;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) schoolId: string | null;
  @ApiProperty({ format: 'uuid' }) venueId: string;
  @ApiProperty() venueName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() version: number;
}

export class PerformancePageDto {
  @ApiProperty({ type: [PerformanceSummaryDto] }) items: PerformanceSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

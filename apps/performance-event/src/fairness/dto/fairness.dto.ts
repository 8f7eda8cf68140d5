import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export const FAIRNESS_PERIODS = ['year', 'term', 'autumn', 'spring', 'summer'] as const;
export type FairnessPeriodQuery = (typeof FAIRNESS_PERIODS)[number];

export class FairnessQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Academic year by the year it starts (2025 = Sept 2025–Aug 2026); default: the current one',
    example: 2025,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  academicYear?: number;

  @ApiPropertyOptional({
    enum: FAIRNESS_PERIODS,
    default: 'year',
    description: '`term`: the current term. Terms are calendar thirds: autumn Sept–Dec, spring Jan–Mar, summer Apr–Aug',
  })
  @IsOptional()
  @IsIn(FAIRNESS_PERIODS)
  period?: FairnessPeriodQuery;
}

export class SchoolPupilsQueryDto extends FairnessQueryDto {
  @ApiPropertyOptional({ description: 'Only pupils who have not yet performed in the period' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  notYetPerformed?: boolean;
}

export class PeriodDto {
  @ApiProperty() academicYear: number;
  @ApiProperty({ enum: ['year', 'autumn', 'spring', 'summer'] }) period: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) to: string;
}

export class SchoolFairnessDto {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ type: String, nullable: true }) schoolName: string | null;
  @ApiProperty({ description: 'Pupils on roll' }) pupils: number;
  @ApiProperty({ description: 'Pupils who have performed (a completed performance) in the period' }) performed: number;
  @ApiProperty() notYetPerformed: number;
  @ApiProperty({ description: 'Pupils who have performed or are on the roster of a published performance to come' }) offered: number;
  @ApiProperty() notYetOffered: number;
}

export class SchoolFairnessPageDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [SchoolFairnessDto] }) items: SchoolFairnessDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class PupilFairnessDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'Completed performances in the period' }) performed: number;
  @ApiProperty({ description: 'Published performances to come in the period' }) upcoming: number;
  @ApiProperty({ description: 'Soloist turns in the period' }) featured: number;
}

export class PupilFairnessPageDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [PupilFairnessDto], description: 'Fewest performances first' }) items: PupilFairnessDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

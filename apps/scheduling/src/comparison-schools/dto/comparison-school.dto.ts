import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';
import { SCHOOL_PHASES, type SchoolPhase } from '../../schools/school.model';

const percent = (what: string) =>
  ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: `per cent of the cohort ${what}, one decimal; null: not known`,
  });

export class CreateComparisonSchoolDto {
  @ApiProperty({ description: 'DfE URN, six or seven digits; one comparison school per URN in an area' })
  @Matches(/^[0-9]{6,7}$/, { message: 'urn must be a DfE URN of six or seven digits' })
  urn: string;
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: SCHOOL_PHASES }) @IsIn(SCHOOL_PHASES) phase: SchoolPhase;
  @ApiProperty({ description: 'number of pupils in the cohort (an aggregate: no pupil of the school is held)', minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10000)
  pupils: number;
  @percent('eligible for free school meals or pupil premium')
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  percentFsm?: number | null;
  @percent('with SEN support or an EHC plan')
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  percentSend?: number | null;
  @percent('with English as an additional language')
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  percentEal?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-26', description: 'the academic year the aggregates describe' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @Matches(/^[0-9]{4}-[0-9]{2}$/, { message: 'cohortYear must be an academic year like 2025-26' })
  cohortYear?: string | null;
}

export class UpdateComparisonSchoolDto extends PartialType(CreateComparisonSchoolDto) {}

export class ComparisonSchoolListQueryDto extends PageQueryDto {}

export class ComparisonSchoolDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SCHOOL_PHASES }) phase: SchoolPhase;
  @ApiProperty() pupils: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) percentFsm: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) percentSend: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) percentEal: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cohortYear: string | null;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class ComparisonSchoolPageDto {
  @ApiProperty({ type: [ComparisonSchoolDto] }) items: ComparisonSchoolDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';
import { SCHOOL_PHASES, type SchoolPhase } from '../school.model';

export class CreateSchoolDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({ description: 'DfE URN, six or seven digits' })
  @IsOptional()
  @Matches(/^[0-9]{6,7}$/, { message: 'urn must be a DfE URN of six or seven digits' })
  urn?: string;
  @ApiProperty({ enum: SCHOOL_PHASES }) @IsIn(SCHOOL_PHASES) phase: SchoolPhase;
  @ApiPropertyOptional({
    description: 'a secondary school that is a partner of the programme: its staff see their incoming pupils (secondary schools only)',
  })
  @IsOptional()
  @IsBoolean()
  partner?: boolean;
}

export class UpdateSchoolDto extends PartialType(CreateSchoolDto) {}

export class SchoolListQueryDto extends PageQueryDto {}

export class SchoolDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) urn: string | null;
  @ApiProperty({ enum: SCHOOL_PHASES }) phase: SchoolPhase;
  @ApiProperty({ description: 'a partner secondary school: its staff see their incoming pupils' }) partner: boolean;
  @ApiProperty({ description: 'The version read: send it quoted as If-Match to edit' }) version: number;
}

export class SchoolPageDto {
  @ApiProperty({ type: [SchoolDto] }) items: SchoolDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export class PupilImportDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId: string;
  @ApiProperty({ description: 'the MIS export as CSV text, header row first' }) @IsString() @MaxLength(1_000_000) csv: string;
  @ApiPropertyOptional({ description: 'check every row and report, changing nothing' }) @IsOptional() @IsBoolean() dryRun?: boolean;
  @ApiPropertyOptional({
    type: [String],
    description:
      'Classes the file names that the school does not have, to be created (a dry run lists every such class under newClasses or, when not listed here, as a problem of each row naming it). ' +
      'An import whose rows name a class that is neither at the school nor listed here is refused (400 naming the rows), so that a typo never becomes a class.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  createClasses?: string[];
}

export class RowProblemDto {
  @ApiProperty() row: number;
  @ApiProperty() column: string;
  @ApiProperty() reason: string;
}

export class NewClassDto {
  @ApiProperty() className: string;
  @ApiProperty({ type: [Number], description: 'the rows of the file naming it (the header is row 1)' }) rows: number[];
}

export class ColumnMappingDto {
  @ApiProperty({
    description:
      'what Tutti reads from the column: misRef, firstName, lastName, yearGroup, className, destinationSchool, pupilPremium, send, eal, gender or ethnicityGroup',
  })
  field: string;
  @ApiProperty({ description: 'the column’s header as the file writes it' }) column: string;
}

export class ImportSummaryDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null for a dry run' }) id: string | null;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ enum: ['running', 'completed', 'failed', 'checked'] }) status: string;
  @ApiProperty() totalRows: number;
  @ApiProperty() processedRows: number;
  @ApiProperty({ description: 'pupils created (or that would be)' }) created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() classesCreated: number;
  @ApiProperty({ type: [NewClassDto], description: 'the classes created (or that would be), each with the rows naming it' })
  newClasses: NewClassDto[];
  @ApiProperty({ description: 'rows skipped because of these problems' }) skipped: number;
  @ApiProperty({ type: [RowProblemDto] }) problems: RowProblemDto[];
  @ApiPropertyOptional({
    type: [ColumnMappingDto],
    description:
      'dry run only: which column of the file each field is read from; a field with no column is left as it is (characteristics of a new pupil: unknown)',
  })
  columns?: ColumnMappingDto[];
}

export class ImportListQueryDto extends PageQueryDto {}

export class ImportPageDto {
  @ApiProperty({ type: [ImportSummaryDto] }) items: ImportSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

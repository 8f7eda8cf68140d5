import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export class PupilImportDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId: string;
  @ApiProperty({ description: 'the MIS export as CSV text, header row first' }) @IsString() @MaxLength(1_000_000) csv: string;
  @ApiPropertyOptional({ description: 'check every row and report, changing nothing' }) @IsOptional() @IsBoolean() dryRun?: boolean;
}

export class RowProblemDto {
  @ApiProperty() row: number;
  @ApiProperty() column: string;
  @ApiProperty() reason: string;
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
  @ApiProperty({ description: 'rows skipped because of these problems' }) skipped: number;
  @ApiProperty({ type: [RowProblemDto] }) problems: RowProblemDto[];
}

export class ImportListQueryDto extends PageQueryDto {}

export class ImportPageDto {
  @ApiProperty({ type: [ImportSummaryDto] }) items: ImportSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

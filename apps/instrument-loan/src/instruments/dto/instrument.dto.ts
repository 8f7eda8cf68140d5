import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@tutti/platform';
import {
  CONDITION_GRADES,
  INSTRUMENT_FAMILIES,
  INSTRUMENT_STATUSES,
  INSTRUMENT_TYPES,
  OWNER_KINDS,
  STRING_SIZES,
  type ConditionGrade,
  type InstrumentType,
  type OwnerKind,
} from '../instrument-catalogue';

export const ASSET_TAG = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$/;

export class CreateInstrumentDto {
  @ApiProperty({ example: 'LIV-VN-0042' })
  @Matches(ASSET_TAG, { message: 'assetTag must be 1–40 letters, digits, _ . / or -, starting with a letter or digit' })
  assetTag: string;

  @ApiProperty({ enum: INSTRUMENT_TYPES })
  @IsIn(INSTRUMENT_TYPES)
  type: InstrumentType;

  @ApiPropertyOptional({ enum: STRING_SIZES, description: 'Required for violin, viola, cello and double bass; absent otherwise' })
  @IsOptional()
  @IsIn(STRING_SIZES)
  size?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) make?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) model?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) serial?: string;

  @ApiPropertyOptional({ example: '2024-09-01' }) @IsOptional() @IsIsoDate() purchasedOn?: string;

  @ApiPropertyOptional({ description: 'Whole pence' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  purchaseValuePence?: number;

  @ApiProperty({ enum: OWNER_KINDS }) @IsIn(OWNER_KINDS) ownerKind: OwnerKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when ownerKind is school' })
  @ValidateIf((dto: CreateInstrumentDto) => dto.ownerKind === 'school' || dto.ownerSchoolId !== undefined)
  @IsUUID()
  ownerSchoolId?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;

  @ApiProperty({ enum: CONDITION_GRADES }) @IsIn(CONDITION_GRADES) condition: ConditionGrade;
}

export class UpdateInstrumentDto {
  @ApiPropertyOptional({ enum: STRING_SIZES }) @IsOptional() @IsIn(STRING_SIZES) size?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) make?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) model?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) serial?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() purchasedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000_000) purchaseValuePence?: number;
  @ApiPropertyOptional({ enum: OWNER_KINDS }) @IsOptional() @IsIn(OWNER_KINDS) ownerKind?: OwnerKind;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerSchoolId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional({ enum: CONDITION_GRADES }) @IsOptional() @IsIn(CONDITION_GRADES) condition?: ConditionGrade;
  @ApiPropertyOptional({ enum: ['available', 'lost', 'retired'], description: 'Loans and repairs move the other statuses' })
  @IsOptional()
  @IsIn(['available', 'lost', 'retired'])
  status?: 'available' | 'lost' | 'retired';
}

export class InstrumentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Asset tag, serial, make or model contains' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: INSTRUMENT_TYPES }) @IsOptional() @IsIn(INSTRUMENT_TYPES) type?: InstrumentType;
  @ApiPropertyOptional({ enum: INSTRUMENT_FAMILIES }) @IsOptional() @IsIn(INSTRUMENT_FAMILIES) family?: string;
  @ApiPropertyOptional({ enum: STRING_SIZES }) @IsOptional() @IsIn(STRING_SIZES) size?: string;
  @ApiPropertyOptional({ enum: INSTRUMENT_STATUSES }) @IsOptional() @IsIn(INSTRUMENT_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: CONDITION_GRADES }) @IsOptional() @IsIn(CONDITION_GRADES) condition?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerSchoolId?: string;

  @ApiPropertyOptional({ description: 'Inspection due on or before this date' })
  @IsOptional()
  @IsIsoDate()
  inspectionDueBy?: string;
}

export class InstrumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() assetTag: string;
  @ApiProperty({ enum: INSTRUMENT_FAMILIES }) family: string;
  @ApiProperty({ enum: INSTRUMENT_TYPES }) type: string;
  @ApiProperty({ nullable: true, type: String }) size: string | null;
  @ApiProperty({ nullable: true, type: String }) make: string | null;
  @ApiProperty({ nullable: true, type: String }) model: string | null;
  @ApiProperty({ nullable: true, type: String }) serial: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) purchasedOn: string | null;
  @ApiProperty({ nullable: true, type: Number }) purchaseValuePence: number | null;
  @ApiProperty({ enum: OWNER_KINDS }) ownerKind: string;
  @ApiProperty({ nullable: true, type: String }) ownerSchoolId: string | null;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ enum: CONDITION_GRADES }) condition: string;
  @ApiProperty({ enum: INSTRUMENT_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextInspectionOn: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class InstrumentPageDto {
  @ApiProperty({ type: [InstrumentDto] }) items: InstrumentDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ImportInstrumentsDto {
  @ApiProperty({
    description:
      'CSV text with a header row: asset_tag,type,size,make,model,serial,purchased_on,purchase_value_pence,owner,owner_school_urn,location,condition',
  })
  @IsString()
  @Length(1, 900_000)
  csv: string;

  @ApiProperty({ description: 'true: report what would happen and change nothing' })
  @IsBoolean()
  dryRun: boolean;
}

export class ImportProblemDto {
  @ApiProperty({ example: 'type' }) column: string;
  @ApiProperty({ example: 'not an instrument type' }) reason: string;
}

/** Rows per outcome. */
export class ImportSummaryDto {
  @ApiProperty({ type: 'integer' }) create: number;
  @ApiProperty({ type: 'integer' }) update: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  @ApiProperty({ type: 'integer' }) error: number;
}

export class ImportRowReportDto {
  @ApiProperty({ description: 'Line number in the file (the header is line 1)' }) row: number;
  @ApiProperty({ nullable: true, type: String }) assetTag: string | null;
  @ApiProperty({ enum: ['create', 'update', 'unchanged', 'error'] }) outcome: 'create' | 'update' | 'unchanged' | 'error';
  @ApiProperty({ type: [ImportProblemDto], description: '{column, reason} per problem' }) errors: ImportProblemDto[];
}

export class ImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() applied: boolean;
  @ApiProperty({ type: ImportSummaryDto, description: 'rows per outcome' }) summary: ImportSummaryDto;
  @ApiProperty({ type: [ImportRowReportDto] }) rows: ImportRowReportDto[];
}

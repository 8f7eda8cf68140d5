import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';
import { IsIsoDate } from '../../common/validation';

export class CreateTermDto {
  @ApiProperty({ example: 'Spring 2026' }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ format: 'date' }) @IsIsoDate() startsOn: string;
  @ApiProperty({ format: 'date' }) @IsIsoDate() endsOn: string;
}

export class TermDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
}

export class TermPageDto {
  @ApiProperty({ type: [TermDto] }) items: TermDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export const CREATABLE_HOLIDAY_KINDS = ['holiday', 'inset'] as const;

export class CreateHolidayDto {
  @ApiProperty({ enum: CREATABLE_HOLIDAY_KINDS, description: 'holiday: the whole area; inset: one school' }) @IsIn(CREATABLE_HOLIDAY_KINDS) kind: 'holiday' | 'inset';
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ format: 'date' }) @IsIsoDate() startsOn: string;
  @ApiProperty({ format: 'date' }) @IsIsoDate() endsOn: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'required for an INSET day' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class HolidayListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class HolidayDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) schoolId: string | null;
}

export class HolidayPageDto {
  @ApiProperty({ type: [HolidayDto] }) items: HolidayDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class GovUkBankHolidayEventDto {
  @ApiProperty() @IsString() @Length(1, 200) title: string;
  @ApiProperty({ format: 'date' }) @IsIsoDate() date: string;
  @ApiPropertyOptional() @IsOptional() @IsString() notes?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() bunting?: boolean;
}

export class GovUkDivisionDto {
  @ApiProperty() @IsString() division: string;
  @ApiProperty({ type: [GovUkBankHolidayEventDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => GovUkBankHolidayEventDto)
  events: GovUkBankHolidayEventDto[];
}

/** The file gov.uk publishes at https://www.gov.uk/bank-holidays.json; England and Wales is imported. */
export class GovUkBankHolidaysDto {
  @ApiProperty({ type: GovUkDivisionDto }) @ValidateNested() @Type(() => GovUkDivisionDto) 'england-and-wales': GovUkDivisionDto;
  @ApiPropertyOptional({ type: GovUkDivisionDto }) @IsOptional() @ValidateNested() @Type(() => GovUkDivisionDto) scotland?: GovUkDivisionDto;
  @ApiPropertyOptional({ type: GovUkDivisionDto }) @IsOptional() @ValidateNested() @Type(() => GovUkDivisionDto) 'northern-ireland'?: GovUkDivisionDto;
}

export class BankHolidayImportResultDto {
  @ApiProperty() imported: number;
  @ApiProperty() alreadyPresent: number;
}

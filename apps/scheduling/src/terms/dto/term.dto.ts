import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@tutti/platform';

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
  @ApiProperty({ enum: CREATABLE_HOLIDAY_KINDS, description: 'holiday: the whole area; inset: one school' })
  @IsIn(CREATABLE_HOLIDAY_KINDS)
  kind: 'holiday' | 'inset';
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
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) notes?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() bunting?: boolean;
}

export const GOV_UK_DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
type GovUkDivision = (typeof GOV_UK_DIVISIONS)[number];

/** One division of gov.uk's file; `division` must repeat the key it is filed under, so that Scotland's dates are never taken for England's. */
function divisionDto(name: GovUkDivision) {
  class GovUkDivisionDto {
    @ApiProperty({ enum: [name] })
    @IsIn([name], { message: `$property must be ${name}, the division this is filed under` })
    division: GovUkDivision;
    @ApiProperty({ type: [GovUkBankHolidayEventDto] })
    @IsArray()
    @ArrayMaxSize(1000)
    @ValidateNested({ each: true })
    @Type(() => GovUkBankHolidayEventDto)
    events: GovUkBankHolidayEventDto[];
  }
  return GovUkDivisionDto;
}

export class EnglandAndWalesDivisionDto extends divisionDto('england-and-wales') {}
export class ScotlandDivisionDto extends divisionDto('scotland') {}
export class NorthernIrelandDivisionDto extends divisionDto('northern-ireland') {}

/** The file gov.uk publishes at https://www.gov.uk/bank-holidays.json; England and Wales is imported, the other divisions may come along. */
export class GovUkBankHolidaysDto {
  @ApiProperty({ type: EnglandAndWalesDivisionDto })
  @IsDefined({ message: '$property is required: the England and Wales division of gov.uk’s bank-holidays.json' })
  @IsObject()
  @ValidateNested()
  @Type(() => EnglandAndWalesDivisionDto)
  'england-and-wales': EnglandAndWalesDivisionDto;

  @ApiPropertyOptional({ type: ScotlandDivisionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScotlandDivisionDto)
  scotland?: ScotlandDivisionDto;
  @ApiPropertyOptional({ type: NorthernIrelandDivisionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NorthernIrelandDivisionDto)
  'northern-ireland'?: NorthernIrelandDivisionDto;
}

export class BankHolidayImportResultDto {
  @ApiProperty() imported: number;
  @ApiProperty() alreadyPresent: number;
}

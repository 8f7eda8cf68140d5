import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { IsIsoDate, IsOffsetDateTime, PageQueryDto } from '@tutti/platform';
import { CONDITION_GRADES, type ConditionGrade } from '../../instruments/instrument-catalogue';

export class AgreementDto {
  @ApiProperty({ description: 'The guardian who agreed to the loan terms' })
  @IsString()
  @Length(1, 200)
  agreedByName: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Their Tutti account, when they agreed online' })
  @IsOptional()
  @IsUUID()
  agreedByUserId?: string;

  @ApiProperty({ format: 'date-time', description: 'ISO 8601 with offset' })
  @IsOffsetDateTime()
  agreedAt: string;

  @ApiProperty({ example: '2025-1' })
  @IsString()
  @Length(1, 40)
  termsVersion: string;
}

export class LoanConditionInputDto {
  @ApiProperty({ format: 'uuid', description: 'The ensemble the pupil must keep attending' })
  @IsUUID()
  ensembleId: string;

  @ApiPropertyOptional({ example: 'Kept while attending the after-school orchestra' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class CheckOutDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() instrumentId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() pupilId: string;
  @ApiProperty({ example: '2026-07-20' }) @IsIsoDate() dueOn: string;

  @ApiPropertyOptional({ type: [String], example: ['case', 'bow', 'rosin'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  accessories?: string[];

  @ApiProperty({ enum: CONDITION_GRADES }) @IsIn(CONDITION_GRADES) conditionOut: ConditionGrade;

  @ApiProperty({ type: AgreementDto })
  @IsDefined({ message: '$property is required: who agreed to the loan terms, when, and to which version' })
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementDto)
  agreement: AgreementDto;

  @ApiPropertyOptional({ type: LoanConditionInputDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LoanConditionInputDto)
  condition?: LoanConditionInputDto;
}

export class ReturnLoanDto {
  @ApiProperty({ enum: CONDITION_GRADES }) @IsIn(CONDITION_GRADES) conditionIn: ConditionGrade;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) notes?: string;
}

export class SwapLoanDto {
  @ApiProperty({ format: 'uuid', description: 'The (usually larger) instrument that goes home instead' }) @IsUUID() newInstrumentId: string;
  @ApiProperty({ enum: CONDITION_GRADES, description: 'Condition of the returned instrument' })
  @IsIn(CONDITION_GRADES)
  conditionIn: ConditionGrade;
  @ApiProperty({ enum: CONDITION_GRADES, description: 'Condition of the new instrument' })
  @IsIn(CONDITION_GRADES)
  conditionOut: ConditionGrade;
  @ApiPropertyOptional({ description: 'Defaults to the old loan’s due date' }) @IsOptional() @IsIsoDate() dueOn?: string;

  @ApiPropertyOptional({ type: [String], description: 'Defaults to the old loan’s accessories' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  accessories?: string[];
}

export class ProblemReportDto {
  @ApiProperty({ enum: ['damaged', 'lost', 'other'] }) @IsIn(['damaged', 'lost', 'other']) kind: 'damaged' | 'lost' | 'other';
  @ApiProperty() @IsString() @Length(1, 2000) description: string;
}

export class LoanListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'returned', 'overdue', 'flagged', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'returned', 'overdue', 'flagged', 'all'])
  state: 'active' | 'returned' | 'overdue' | 'flagged' | 'all' = 'active';

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() pupilId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() instrumentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class LoanInstrumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() assetTag: string;
  @ApiProperty() type: string;
  @ApiProperty({ nullable: true, type: String }) size: string | null;
}

export class LoanAgreementDto {
  @ApiProperty() agreedByName: string;
  @ApiProperty({ nullable: true, type: String }) agreedByUserId: string | null;
  @ApiProperty({ format: 'date-time' }) agreedAt: string;
  @ApiProperty() termsVersion: string;
}

export class LoanConditionDto {
  @ApiProperty({ format: 'uuid' }) ensembleId: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class LoanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: LoanInstrumentDto }) instrument: LoanInstrumentDto;
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: [String] }) accessories: string[];
  @ApiProperty() conditionOut: string;
  @ApiProperty({ type: LoanAgreementDto }) agreement: LoanAgreementDto;
  @ApiProperty({ type: LoanConditionDto, nullable: true }) condition: LoanConditionDto | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String }) returnedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) conditionIn: string | null;
  @ApiProperty({ nullable: true, enum: ['returned', 'swapped', 'lost'] }) outcome: 'returned' | 'swapped' | 'lost' | null;
  @ApiProperty({ nullable: true, type: String }) overdueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) flaggedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) flagReason: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewClearedAt: string | null;
  @ApiProperty({ description: 'Where a guardian or tutor reports damage or loss (POST)' }) reportProblemPath: string;
}

export class LoanPageDto {
  @ApiProperty({ type: [LoanDto] }) items: LoanDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class SwapResultDto {
  @ApiProperty({ type: LoanDto }) returned: LoanDto;
  @ApiProperty({ type: LoanDto }) started: LoanDto;
}

export class ProblemReportResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: LoanDto }) loan: LoanDto;
}

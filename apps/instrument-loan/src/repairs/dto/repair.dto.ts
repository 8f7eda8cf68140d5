import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@tutti/platform';
import { CONDITION_GRADES, type ConditionGrade } from '../../instruments/instrument-catalogue';

export class OpenRepairDto {
  @ApiProperty({ example: 'Cracked bridge' }) @IsString() @Length(1, 500) fault: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) repairer?: string;
  @ApiPropertyOptional({ description: 'Defaults to today' }) @IsOptional() @IsIsoDate() openedOn?: string;
  @ApiPropertyOptional({ description: 'Estimated cost in pence' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) costPence?: number;
}

export class CloseRepairDto {
  @ApiPropertyOptional({ description: 'Defaults to today' }) @IsOptional() @IsIsoDate() closedOn?: string;
  @ApiProperty({ description: 'Final cost in pence' }) @IsInt() @Min(0) @Max(10_000_000) costPence: number;
  @ApiProperty({ enum: CONDITION_GRADES }) @IsIn(CONDITION_GRADES) conditionAfter: ConditionGrade;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) repairer?: string;
}

export class RepairListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed', 'all'], default: 'open' }) @IsOptional() @IsIn(['open', 'closed', 'all']) state:
    'open' | 'closed' | 'all' = 'open';
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() instrumentId?: string;
}

export class RepairTicketDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty() assetTag: string;
  @ApiProperty() fault: string;
  @ApiProperty({ nullable: true, type: String }) repairer: string | null;
  @ApiProperty({ nullable: true, type: Number }) costPence: number | null;
  @ApiProperty({ format: 'date' }) openedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) conditionAfter: string | null;
}

export class RepairTicketPageDto {
  @ApiProperty({ type: [RepairTicketDto] }) items: RepairTicketDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RecordInspectionDto {
  @ApiPropertyOptional({ description: 'Defaults to today' }) @IsOptional() @IsIsoDate() inspectedOn?: string;
  @ApiProperty({ enum: CONDITION_GRADES }) @IsIn(CONDITION_GRADES) condition: ConditionGrade;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) notes?: string;
}

export class InspectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty({ format: 'date' }) inspectedOn: string;
  @ApiProperty() condition: string;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ format: 'date', description: 'When the next termly inspection is due' }) nextInspectionOn: string;
  @ApiProperty({ format: 'date-time', description: 'When the inspection reminder goes out' }) reminderAt: string;
}
